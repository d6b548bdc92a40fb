/**
 * Dashboard figures from one read of Customers, Deals, Follow-ups and Reps. Pure: the server reads each sheet
 * once into a Table, passes "now" and the spreadsheet's time zone, and writes what `layoutDashboard` returns.
 *
 * Definitions (also in docs/sections/dashboard-and-data.md):
 *  - a deal counts as won when its status is the `won` code; its revenue is its amount (currency as written:
 *    SalesDesk sums amounts without converting, the Settings currency is the expected one);
 *  - a deal belongs to its `rep` column, or to the customer's owner when that is blank;
 *  - open lead: a customer owned by the rep with no won deal, not at the purchased stage, not lost;
 *  - conversion rate: the rep's customers with at least one won deal ÷ the rep's customers;
 *  - sales cycle: days from the customer's created date to its first won deal, averaged over converted customers;
 *  - overdue follow-up: a rep's customer, not lost, whose next follow-up date is before today.
 */
import { cellAmount } from '../cells';
import { cell, isBlankRow, type Table } from '../table';
import { DayClock, lastTwelveMonths, monthKey, quarterKey } from './days';
import type { OpportunityDashboard } from '../opportunities/compute';
import type { ServiceDashboard } from '../service/dashboard';

export type CustomerKey =
  | 'id'
  | 'company'
  | 'owner'
  | 'region'
  | 'stage'
  | 'customerType'
  | 'tier'
  | 'potentialValue'
  | 'created'
  | 'nextFollowUp';
export type DealKey = 'id' | 'customerId' | 'date' | 'product' | 'amount' | 'status' | 'rep';
export type FollowUpKey = 'id' | 'customerId' | 'time' | 'rep' | 'done';
export type RepKey = 'name' | 'email' | 'active';

/** Maps a cell's label (either language) to the stable code of a list, or undefined when unknown. */
export type ListCodeOf = (listKey: string, label: unknown) => string | undefined;

/** The codes the dashboard depends on, named once so a change in templates/lists.ts is one edit here. */
export const CODES = {
  dealWon: 'won',
  stagePurchased: 'purchased',
  customerLost: 'lost',
  tierLost: 'lost',
  tiers: ['vip', 'active', 'potential', 'lost'] as const,
};

export interface DashboardInput {
  customers: Table<CustomerKey>;
  deals: Table<DealKey>;
  followups: Table<FollowUpKey>;
  reps: Table<RepKey>;
  now: Date;
  timeZone: string;
  codeOf: ListCodeOf;
  /** Stage codes in pipeline order (the Lists sheet's order), so the pipeline reads left to right. */
  stageOrder?: readonly string[];
}

export interface RepPerformance {
  /** Lower-case e-mail; '' for the unassigned row. */
  email: string;
  name: string;
  openLeads: number;
  customers: number;
  dealsWon: number;
  revenueMonth: number;
  revenueQuarter: number;
  /** 0..1, or null when the rep has no customers. */
  conversionRate: number | null;
  /** Average days created → first won deal, or null when no customer converted with a known created date. */
  avgSalesCycleDays: number | null;
  followUpsLogged: number;
  overdueFollowUps: number;
}

export interface Bucket {
  /** Stable code or the label as written when the value is not in a list; '' for blank. */
  key: string;
  /** The label as first seen in the sheet (what the user typed), used when the key has no catalogue label. */
  label: string;
  count: number;
  amount: number;
}

export interface DashboardData {
  today: string;
  monthKey: string;
  quarterKey: string;
  reps: RepPerformance[];
  total: RepPerformance;
  tiers: Bucket[];
  revenueByMonth: { month: string; amount: number; deals: number }[];
  revenueByProduct: Bucket[];
  revenueByRegion: Bucket[];
  pipeline: Bucket[];
  /** Opportunity figures (src/core/opportunities/compute.ts), when the workbook has an Opportunities sheet. */
  opportunities?: OpportunityDashboard;
  /** After-sales figures (src/core/service/dashboard.ts), set by the server when there is a Service sheet. */
  service?: ServiceDashboard;
}

/** A number from a cell: numbers as they are, text like "¥12,300.50" or "1 200" parsed, anything else 0. */
export function amountOf(value: unknown): number {
  return cellAmount(value) ?? 0;
}

function email(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toLowerCase();
}

function text(value: unknown): string {
  return String(value ?? '').trim();
}

interface CustomerFacts {
  owner: string;
  region: string;
  createdDay: number | null;
  firstWonDay: number | null;
  hasWon: boolean;
}

function emptyPerformance(email: string, name: string): RepPerformance {
  return {
    email,
    name,
    openLeads: 0,
    customers: 0,
    dealsWon: 0,
    revenueMonth: 0,
    revenueQuarter: 0,
    conversionRate: null,
    avgSalesCycleDays: null,
    followUpsLogged: 0,
    overdueFollowUps: 0,
  };
}

class Buckets {
  private readonly map = new Map<string, Bucket>();
  add(key: string, label: string, amount: number, count = 1): void {
    const bucket = this.map.get(key);
    if (bucket) {
      bucket.count += count;
      bucket.amount += amount;
    } else this.map.set(key, { key, label, count, amount });
  }
  ensure(key: string): void {
    if (!this.map.has(key)) this.map.set(key, { key, label: key, count: 0, amount: 0 });
  }
  list(): Bucket[] {
    return [...this.map.values()];
  }
}

/** Groups a list cell by its code when known, else by its trimmed text. */
function codeOrText(codeOf: ListCodeOf, listKey: string, value: unknown): { key: string; label: string } {
  const label = text(value);
  return { key: codeOf(listKey, value) ?? label, label };
}

export function computeDashboard(input: DashboardInput): DashboardData {
  const { customers, deals, followups, reps } = input;
  // Labels repeat across hundreds of thousands of rows: resolve each distinct (list, label) once.
  const memo = new Map<string, Map<unknown, string | undefined>>();
  const codeOf: ListCodeOf = (listKey, label) => {
    let list = memo.get(listKey);
    if (!list) memo.set(listKey, (list = new Map()));
    if (list.has(label)) return list.get(label);
    const code = input.codeOf(listKey, label);
    list.set(label, code);
    return code;
  };
  // Month and quarter of a day number, computed once per distinct day.
  const periods = new Map<number, { month: string; quarter: string }>();
  const periodOf = (day: number): { month: string; quarter: string } => {
    let period = periods.get(day);
    if (!period) periods.set(day, (period = { month: monthKey(day), quarter: quarterKey(day) }));
    return period;
  };
  const clock = new DayClock(input.timeZone);
  const today = clock.dayNumber(input.now) as number;
  const thisMonth = monthKey(today);
  const thisQuarter = quarterKey(today);

  // Reps in the Reps sheet's order; owners not listed there are added as they appear.
  const performance = new Map<string, RepPerformance>();
  for (const row of reps.rows) {
    if (isBlankRow(row)) continue;
    const repEmail = email(cell(reps, row, 'email'));
    if (!repEmail || performance.has(repEmail)) continue;
    performance.set(repEmail, emptyPerformance(repEmail, text(cell(reps, row, 'name')) || repEmail));
  }
  const perfOf = (repEmail: string): RepPerformance => {
    let perf = performance.get(repEmail);
    if (!perf) {
      perf = emptyPerformance(repEmail, repEmail);
      performance.set(repEmail, perf);
    }
    return perf;
  };

  // Customers by id, with the facts later passes need.
  const byId = new Map<string, CustomerFacts>();
  const customerRows: { facts: CustomerFacts; row: unknown[] }[] = [];
  for (const row of customers.rows) {
    if (isBlankRow(row)) continue;
    const facts: CustomerFacts = {
      owner: email(cell(customers, row, 'owner')),
      region: text(cell(customers, row, 'region')),
      createdDay: clock.dayNumber(cell(customers, row, 'created')),
      firstWonDay: null,
      hasWon: false,
    };
    const id = text(cell(customers, row, 'id'));
    if (id && !byId.has(id)) byId.set(id, facts);
    customerRows.push({ facts, row });
  }

  // Deals: revenue, won counts, first won day per customer.
  const byMonth = new Map<string, { amount: number; deals: number }>();
  const months = lastTwelveMonths(today);
  for (const month of months) byMonth.set(month, { amount: 0, deals: 0 });
  const byProduct = new Buckets();
  const byRegion = new Buckets();
  for (const row of deals.rows) {
    if (isBlankRow(row)) continue;
    if (codeOf('dealStatus', cell(deals, row, 'status')) !== CODES.dealWon) continue;
    const customer = byId.get(text(cell(deals, row, 'customerId')));
    const amount = amountOf(cell(deals, row, 'amount'));
    const day = clock.dayNumber(cell(deals, row, 'date'));
    const repEmail = email(cell(deals, row, 'rep')) || customer?.owner || '';
    const perf = perfOf(repEmail);
    perf.dealsWon += 1;
    if (day !== null) {
      const { month, quarter } = periodOf(day);
      if (month === thisMonth) perf.revenueMonth += amount;
      if (quarter === thisQuarter) perf.revenueQuarter += amount;
      const slot = byMonth.get(month);
      if (slot) {
        slot.amount += amount;
        slot.deals += 1;
      }
    }
    if (customer) {
      customer.hasWon = true;
      if (day !== null && (customer.firstWonDay === null || day < customer.firstWonDay))
        customer.firstWonDay = day;
    }
    const product = codeOrText(codeOf, 'product', cell(deals, row, 'product'));
    byProduct.add(product.key, product.label, amount);
    const region = customer ? codeOrText(codeOf, 'region', customer.region) : { key: '', label: '' };
    byRegion.add(region.key, region.label, amount);
  }

  // Follow-ups logged per rep (the rep column; blank rows skipped).
  for (const row of followups.rows) {
    if (isBlankRow(row)) continue;
    const repEmail = email(cell(followups, row, 'rep'));
    if (repEmail) perfOf(repEmail).followUpsLogged += 1;
  }

  // Customers: ownership, open leads, conversion, cycle, overdue; tiers and pipeline.
  const tiers = new Buckets();
  for (const code of CODES.tiers) tiers.ensure(code);
  const pipeline = new Buckets();
  for (const code of input.stageOrder ?? []) pipeline.ensure(code);
  const cycles = new Map<string, { sum: number; count: number }>();
  const converted = new Map<string, number>();
  for (const { facts, row } of customerRows) {
    const perf = perfOf(facts.owner);
    perf.customers += 1;
    const stage = codeOf('stage', cell(customers, row, 'stage'));
    const tier = codeOf('tier', cell(customers, row, 'tier'));
    const lost =
      codeOf('customerType', cell(customers, row, 'customerType')) === CODES.customerLost ||
      tier === CODES.tierLost;
    if (!facts.hasWon && stage !== CODES.stagePurchased && !lost) perf.openLeads += 1;
    if (facts.hasWon) {
      converted.set(facts.owner, (converted.get(facts.owner) ?? 0) + 1);
      if (facts.createdDay !== null && facts.firstWonDay !== null && facts.firstWonDay >= facts.createdDay) {
        const cycle = cycles.get(facts.owner) ?? { sum: 0, count: 0 };
        cycle.sum += facts.firstWonDay - facts.createdDay;
        cycle.count += 1;
        cycles.set(facts.owner, cycle);
      }
    }
    const next = clock.dayNumber(cell(customers, row, 'nextFollowUp'));
    if (!lost && next !== null && next < today) perf.overdueFollowUps += 1;
    const tierCell = cell(customers, row, 'tier');
    tiers.add(tier ?? (text(tierCell) === '' ? '' : text(tierCell)), text(tierCell), 0);
    const stageGroup = codeOrText(codeOf, 'stage', cell(customers, row, 'stage'));
    pipeline.add(stageGroup.key, stageGroup.label, amountOf(cell(customers, row, 'potentialValue')));
  }

  const total = emptyPerformance('', '');
  let totalConverted = 0;
  let totalCycle = { sum: 0, count: 0 };
  for (const [repEmail, perf] of performance) {
    const won = converted.get(repEmail) ?? 0;
    perf.conversionRate = perf.customers > 0 ? won / perf.customers : null;
    const cycle = cycles.get(repEmail);
    perf.avgSalesCycleDays = cycle && cycle.count > 0 ? cycle.sum / cycle.count : null;
    total.openLeads += perf.openLeads;
    total.customers += perf.customers;
    total.dealsWon += perf.dealsWon;
    total.revenueMonth += perf.revenueMonth;
    total.revenueQuarter += perf.revenueQuarter;
    total.followUpsLogged += perf.followUpsLogged;
    total.overdueFollowUps += perf.overdueFollowUps;
    totalConverted += won;
    if (cycle) totalCycle = { sum: totalCycle.sum + cycle.sum, count: totalCycle.count + cycle.count };
  }
  total.conversionRate = total.customers > 0 ? totalConverted / total.customers : null;
  total.avgSalesCycleDays = totalCycle.count > 0 ? totalCycle.sum / totalCycle.count : null;

  // The unassigned row ('' owner) goes last so reps read first.
  const repList = [...performance.values()].filter((perf) => perf.email !== '');
  const unassigned = performance.get('');
  if (unassigned) repList.push(unassigned);

  const byAmount = (a: Bucket, b: Bucket): number => b.amount - a.amount || b.count - a.count;
  return {
    today: new Date(today * 86_400_000).toISOString().slice(0, 10),
    monthKey: thisMonth,
    quarterKey: thisQuarter,
    reps: repList,
    total,
    tiers: tiers.list().filter((bucket) => bucket.key !== '' || bucket.count > 0),
    revenueByMonth: months.map((month) => ({
      month,
      ...(byMonth.get(month) as { amount: number; deals: number }),
    })),
    revenueByProduct: byProduct.list().sort(byAmount),
    revenueByRegion: byRegion.list().sort(byAmount),
    pipeline: pipeline.list(),
  };
}
