/**
 * Sample opportunities and their stage history, dated relative to the sample's "today" like the rest of the
 * sample: each opportunity walks the pipeline (first contact → intent → negotiating → signing → won, or lost on
 * the way) from its created day, one recorded change every few days, and stops where "today" finds it — so there
 * are open ones at every stage, won and lost ones, next steps due and overdue, and some past their expected close
 * (slipped). Its own random stream (seeded from the sample's seed), so the rest of the sample is unchanged.
 */
import { dayNumberOfIso } from '../src/core/dates';
import { listLabel, listValueCode, type Language } from './lists';
import { DEFAULT_STAGE_PROBABILITIES } from './opportunities';

export type SampleRow = Record<string, string | number | boolean>;

/** Opportunities per customer of the sample (120 for the default 240 customers). */
export const OPPORTUNITIES_PER_CUSTOMER = 0.5;

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NEEDS = {
  cn: [
    '需要升级现有ERP，预算约{budget}，年底前决策',
    '计划采购{n}套授权，预算{budget}，采购部已立项',
    '新工厂上线需要配套系统，预算待批，意向较强',
    '希望替换旧供应商，预算{budget}，需先做POC',
    '总部统一采购，预算{budget}，老板很重视',
    '年度培训需求{n}人，预算{budget}，意向一般',
  ],
  west: [
    'Replacing a legacy CRM, budget around {budget}, decision this quarter',
    'Needs {n} seats for the new sales team, budget approved ({budget})',
    'Pilot in one region first, budget {budget}, strong interest from the COO',
    'Renewal plus upgrade, budget {budget}, procurement involved',
    'Evaluating three vendors, budget {budget}, medium intent',
    'Training for {n} staff, budget {budget}, wants a quote first',
  ],
};
const NEXT = {
  cn: ['发送报价单', '安排产品演示', '约采购负责人面谈', '提交方案书', '跟进合同审批', '确认技术需求'],
  west: [
    'Send the quote',
    'Book a product demo',
    'Meet procurement',
    'Send the proposal',
    'Chase contract approval',
    'Confirm requirements',
  ],
};
const WON_REASONS = {
  cn: ['方案契合度高', '价格有优势', '服务响应快'],
  west: ['Best fit for their process', 'Competitive price', 'Strong references'],
};
const LOST_REASONS = {
  cn: ['预算被砍', '选择了竞争对手', '项目暂停'],
  west: ['Budget cut', 'Chose a competitor', 'Project on hold'],
};

function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export interface SampleOpportunityOptions {
  today: string;
  customers: readonly SampleRow[];
  deals: readonly SampleRow[];
  count: number;
  seed: number;
  language: Language;
}

export function generateOpportunities(options: SampleOpportunityOptions): {
  opportunities: SampleRow[];
  stageHistory: SampleRow[];
} {
  const next = prng((options.seed ^ 0x0ff1ce) >>> 0);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const todayDay = dayNumberOfIso(options.today);
  const label = (code: string) => listLabel('opportunityStage', code, options.language) ?? code;
  const stages = DEFAULT_STAGE_PROBABILITIES.map((stage) => stage.code);
  const openStages = stages.slice(0, 4);
  const currencyOf = new Map<string, string>();
  for (const deal of options.deals) {
    const id = String(deal.customerId);
    if (!currencyOf.has(id)) currencyOf.set(id, String(deal.currency));
  }
  const owned = options.customers.filter((customer) => String(customer.owner ?? '') !== '');
  const opportunities: SampleRow[] = [];
  const stageHistory: SampleRow[] = [];
  const width = Math.max(5, String(options.count).length);
  for (let index = 0; index < options.count && owned.length > 0; index++) {
    const customer = owned[Math.floor(next() * owned.length)];
    const id = `O-${String(index + 1).padStart(width, '0')}`;
    const flavour = /[\u4e00-\u9fff]/.test(String(customer.company)) ? 'cn' : 'west';
    const currency =
      currencyOf.get(String(customer.id)) ?? listLabel('currency', 'CNY', options.language) ?? 'CNY';
    const usd = listValueCode('currency', currency) === 'USD';
    const cny = int(2, 80) * 10_000;
    const amount = usd ? Math.round(cny / 7.2 / 100) * 100 : cny;
    const owner = String(customer.owner);
    const createdDay = todayDay - int(3, 180);
    const time = (day: number) =>
      `${isoOfDay(day)} ${String(int(9, 18)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`;
    // Walk the pipeline from the created day until a close or today.
    let day = createdDay;
    let stage = 0;
    let lastTime = time(day);
    stageHistory.push({
      time: lastTime,
      opportunityId: id,
      fromStage: '',
      toStage: label(stages[0]),
      by: owner,
      via: 'sample',
    });
    for (;;) {
      const step = int(4, 40);
      if (day + step > todayDay) break;
      day += step;
      const from = stages[stage];
      stage = next() < 0.12 ? 5 : stage + 1;
      lastTime = time(day);
      stageHistory.push({
        time: lastTime,
        opportunityId: id,
        fromStage: label(from),
        toStage: label(stages[stage]),
        by: owner,
        via: 'sample',
      });
      if (stage >= 4) break;
    }
    const code = stages[stage];
    const open = openStages.includes(code);
    const defaultProbability = DEFAULT_STAGE_PROBABILITIES[stage].probability;
    // A few reps type their own probability on a promising or doubtful deal.
    const probability =
      open && next() < 0.15
        ? Math.min(95, Math.max(5, defaultProbability + pick([-10, 5, 15])))
        : defaultProbability;
    // Mostly ahead of today; some already behind it and still open: the slipped ones.
    const expectedCloseDay = open ? Math.max(createdDay + 14, todayDay + int(-25, 100)) : day;
    const nextStepDay = open ? todayDay + int(-6, 12) : null;
    const budget = usd ? `$${amount.toLocaleString('en-US')}` : `¥${(amount / 10_000).toFixed(0)}万`;
    opportunities.push({
      id,
      customerId: String(customer.id),
      source: String(customer.source ?? ''),
      description: pick(NEEDS[flavour])
        .replace('{budget}', budget)
        .replace('{n}', String(int(5, 200))),
      stage: label(code),
      probability,
      expectedClose: isoOfDay(expectedCloseDay),
      amount,
      currency,
      owner,
      nextStep: open ? pick(NEXT[flavour]) : '',
      nextStepDate: nextStepDay === null ? '' : isoOfDay(nextStepDay),
      reason:
        code === 'won' ? pick(WON_REASONS[flavour]) : code === 'lost' ? pick(LOST_REASONS[flavour]) : '',
      created: isoOfDay(createdDay),
      updated: lastTime,
      dealId: '',
    });
  }
  return { opportunities, stageHistory };
}
