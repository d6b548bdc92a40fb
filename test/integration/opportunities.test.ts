/**
 * Opportunities (issue 14 §1) through the built bundle: the sample's Dashboard figures against a hand computation
 * from the sheets' own cells; Log opportunity as a manager, a second manager and a rep (refused for others'
 * customers); stage history from sidebar saves and from typed edits (the on-edit trigger set-up installs, fired
 * once per manager who ran set-up, recorded once); the won → deal offer; the digest; zh-CN; set-up adding the
 * sheets to an existing workbook without touching its data.
 */
import { LocalRuntime } from '../../runtime';
import { selectRow } from '../../dev/preview/workbook-view';
import { sampleWorkbookRuntime } from '../support/built-workbooks';

const NOW = '2026-11-23T10:00:00+08:00';
const OWNER = 'owner@example.com';
const MANAGER = 'wang.fang@example.com';
const REP = 'li.qiang@example.com';

type Row = unknown[];

async function sampleWorkbook(locale = 'en'): Promise<LocalRuntime> {
  return sampleWorkbookRuntime({ owner: OWNER, now: NOW, locale });
}

function table(rt: LocalRuntime, sheet: string): { head: string[]; rows: Row[]; col: (h: string) => number } {
  const [head, ...rows] = rt.workbook.sheetValues(sheet);
  const headers = head.map(String);
  return {
    head: headers,
    rows,
    col: (h: string) => {
      const index = headers.indexOf(h);
      expect(index).toBeGreaterThanOrEqual(0);
      return index;
    },
  };
}

/** 'yyyy-MM-dd' of a sheet date in Shanghai. */
function shanghaiDay(value: unknown): string {
  const date = value as Date;
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
const dayNumber = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** Rows of the Dashboard block whose title starts with `title`: [header, ...data] up to the next blank row. */
function block(rt: LocalRuntime, title: string, sheet = 'Dashboard'): Row[] {
  const values = rt.workbook.sheetValues(sheet);
  const start = values.findIndex((row) => String(row[0]).startsWith(title));
  expect(start).toBeGreaterThan(0);
  const out: Row[] = [];
  for (let i = start + 1; i < values.length && values[i].some((v) => v !== ''); i++) out.push(values[i]);
  return out;
}

describe('the sample on the Dashboard, checked by hand', () => {
  let rt: LocalRuntime;
  beforeAll(async () => {
    rt = await sampleWorkbook();
    expect(rt.execute('menuRefreshDashboard', [], { user: OWNER }).error).toBeUndefined();
  });

  it('Opportunities and a hidden Stage history exist, with the sample dated around its clock', () => {
    const sheet = rt.workbook.data.sheets.find((s) => s.name === 'Stage history');
    expect(sheet?.hidden).toBe(true);
    const opps = table(rt, 'Opportunities');
    expect(opps.rows.length).toBe(120);
    const closes = opps.rows.map((r) => shanghaiDay(r[opps.col('Expected close')]));
    expect(closes.some((d) => d < '2026-11-23')).toBe(true);
    expect(closes.some((d) => d > '2026-11-23')).toBe(true);
  });

  it('weighted forecast by quarter, win rate per rep and overall, average days per stage', () => {
    const opps = table(rt, 'Opportunities');
    const history = table(rt, 'Stage history');
    const probability: Record<string, number> = {
      'First contact': 10,
      Intent: 30,
      Negotiating: 60,
      Signing: 80,
    };
    const usd = 7.1; // the template's default exchange rate (Settings → exchangeRates: USD=7.1, …)
    // Hand computation from the cells: open = not Won/Lost; value in CNY; weighted = value × probability.
    const quarters = new Map<string, number>();
    const reps = new Map<string, { won: number; lost: number; weighted: number }>();
    let won = 0;
    let lost = 0;
    for (const row of opps.rows) {
      const stage = String(row[opps.col('Stage')]);
      const owner = String(row[opps.col('Owner')]);
      const rep = reps.get(owner) ?? { won: 0, lost: 0, weighted: 0 };
      reps.set(owner, rep);
      if (stage === 'Won') {
        rep.won++;
        won++;
        continue;
      }
      if (stage === 'Lost') {
        rep.lost++;
        lost++;
        continue;
      }
      const amount =
        Number(row[opps.col('Expected amount')]) * (row[opps.col('Currency')] === 'USD' ? usd : 1);
      const typed = row[opps.col('Probability (%)')];
      const weighted = (amount * (typed === '' ? probability[stage] : Number(typed))) / 100;
      rep.weighted += weighted;
      const close = shanghaiDay(row[opps.col('Expected close')]);
      const quarter = `${close.slice(0, 4)} Q${Math.floor((+close.slice(5, 7) - 1) / 3) + 1}`;
      quarters.set(quarter, (quarters.get(quarter) ?? 0) + weighted);
    }
    const byQuarter = block(rt, 'Weighted forecast by quarter').slice(1);
    expect(byQuarter.map((r) => r[0])).toEqual([...quarters.keys()].sort());
    for (const row of byQuarter)
      expect(row[3] as number).toBeCloseTo(quarters.get(String(row[0])) as number, 6);

    const byRep = block(rt, 'Opportunities by rep').slice(1);
    const total = byRep.at(-1) as Row;
    expect(total[0]).toBe('Total');
    expect([total[5], total[6]]).toEqual([won, lost]);
    expect(total[7] as number).toBeCloseTo(won / (won + lost), 10);
    for (const row of byRep.slice(0, -1)) {
      const rep = reps.get(String(row[1])) as { won: number; lost: number; weighted: number };
      expect([row[5], row[6]]).toEqual([rep.won, rep.lost]);
      expect(row[7] === '' ? null : row[7]).toEqual(
        rep.won + rep.lost > 0 ? rep.won / (rep.won + rep.lost) : null,
      );
      expect(row[4] as number).toBeCloseTo(rep.weighted, 6);
    }

    // Days in a stage: consecutive changes of one opportunity, day to day (Shanghai), averaged per stage.
    const byOpp = new Map<string, { day: number; to: string }[]>();
    for (const row of history.rows) {
      const id = String(row[history.col('Opportunity ID')]);
      const list = byOpp.get(id) ?? [];
      list.push({
        day: dayNumber(shanghaiDay(row[history.col('Time')])),
        to: String(row[history.col('To stage')]),
      });
      byOpp.set(id, list);
    }
    const stays = new Map<string, number[]>();
    for (const list of byOpp.values())
      for (let i = 1; i < list.length; i++) {
        const days = stays.get(list[i - 1].to) ?? [];
        days.push(list[i].day - list[i - 1].day);
        stays.set(list[i - 1].to, days);
      }
    const durations = block(rt, 'Average days in each stage').slice(1);
    expect(durations.map((r) => r[0])).toEqual(['First contact', 'Intent', 'Negotiating', 'Signing']);
    for (const row of durations) {
      const days = stays.get(String(row[0])) as number[];
      expect(row[2]).toBe(days.length);
      expect(row[1]).toBeCloseTo(Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10, 6);
    }

    const slipped = block(rt, 'Slipped opportunit').slice(1);
    const expected = opps.rows.filter(
      (r) =>
        !['Won', 'Lost'].includes(String(r[opps.col('Stage')])) &&
        shanghaiDay(r[opps.col('Expected close')]) < '2026-11-23',
    );
    expect(slipped.length).toBe(expected.length);
    expect(slipped.length).toBeGreaterThan(0);
  });
});

describe('Log opportunity for managers and reps', () => {
  let rt: LocalRuntime;
  const save = (user: string, input: Record<string, string>) =>
    rt.call<Record<string, unknown>>('apiSaveOpportunity', input, { user });
  const customerOf = (owner: string, not = false) => {
    const customers = table(rt, 'Customers');
    return String(
      customers.rows.find(
        (r) => (r[customers.col('Owner')] === owner) !== not && r[customers.col('Owner')] !== '',
      )?.[customers.col('Customer ID')],
    );
  };
  const historyOf = (id: string) => {
    const history = table(rt, 'Stage history');
    return history.rows
      .filter((r) => r[history.col('Opportunity ID')] === id)
      .map((r) => [
        r[history.col('From stage')],
        r[history.col('To stage')],
        r[history.col('By')],
        r[history.col('Via')],
      ]);
  };
  const oppRow = (id: string) => {
    const opps = table(rt, 'Opportunities');
    const row = opps.rows.find((r) => r[opps.col('Opportunity ID')] === id) as Row;
    return (h: string) => row[opps.col(h)];
  };

  beforeAll(async () => {
    rt = await sampleWorkbook();
  });

  it('a manager opens one for any customer: new ID, stage default probability, history row', () => {
    const customer = customerOf(REP);
    const result = save(MANAGER, {
      customerId: customer,
      description: 'Needs 40 seats, budget ¥300k',
      stage: 'Intent',
      amount: '300000',
      currency: 'CNY',
      expectedClose: '2026-12-20',
      nextStep: 'Demo',
      nextStepDate: '2026-11-25',
    });
    expect(result).toMatchObject({ status: 'saved', created: true, stageChanged: true, won: false });
    const id = String(result.id);
    expect(id).toBe('O-00121');
    const cell = oppRow(id);
    expect([cell('Probability (%)'), cell('Owner'), cell('Customer ID')]).toEqual([30, REP, customer]);
    expect(historyOf(id)).toEqual([['', 'Intent', MANAGER, 'sidebar']]);
  });

  it('a second manager moves it on; a typed probability stays; closing it as won offers the deal once', () => {
    const id = 'O-00121';
    const customer = String(oppRow(id)('Customer ID'));
    const base = {
      id,
      customerId: customer,
      description: 'Needs 40 seats, budget ¥300k',
      amount: '300000',
      currency: 'CNY',
    };
    expect(save(OWNER, { ...base, stage: 'Negotiating', probability: '45' })).toMatchObject({
      stageChanged: true,
    });
    expect(oppRow(id)('Probability (%)')).toBe(45);
    expect(
      save(OWNER, { ...base, stage: 'Negotiating', probability: '45', nextStep: 'Send contract' }),
    ).toMatchObject({
      stageChanged: false,
    });
    const won = save(OWNER, { ...base, stage: 'Won', reason: 'Best fit' });
    expect(won).toMatchObject({ status: 'saved', won: true, dealId: '' });
    expect(oppRow(id)('Probability (%)')).toBe(100);
    expect(historyOf(id).map((h) => h.slice(0, 3))).toEqual([
      ['', 'Intent', MANAGER],
      ['Intent', 'Negotiating', OWNER],
      ['Negotiating', 'Won', OWNER],
    ]);
    const dealsBefore = rt.workbook.sheetValues('Deals').length;
    const deal = rt.call<Record<string, unknown>>('apiDealFromOpportunity', { id }, { user: OWNER });
    expect(deal).toMatchObject({ status: 'created', opportunityId: id });
    const deals = table(rt, 'Deals');
    expect(deals.rows.length + 1).toBe(dealsBefore + 1);
    const last = deals.rows.at(-1) as Row;
    expect([
      last[deals.col('Customer ID')],
      last[deals.col('Amount')],
      last[deals.col('Status')],
      last[deals.col('Rep')],
    ]).toEqual([customer, 300000, 'Won', REP]);
    expect(oppRow(id)('Deal ID')).toBe(deal.dealId);
    const again = rt.call<Record<string, unknown>>('apiDealFromOpportunity', { id }, { user: OWNER });
    expect(again.status).toBe('refused');
    expect(rt.workbook.sheetValues('Deals').length).toBe(dealsBefore + 1);
  });

  it('a rep logs for their own customer as owner, and is refused for another rep’s customer (nothing written)', () => {
    const own = save(REP, {
      customerId: customerOf(REP),
      description: 'Upgrade',
      stage: '有意向',
      amount: '1000',
    });
    expect(own).toMatchObject({ status: 'saved', created: true });
    expect(oppRow(String(own.id))('Owner')).toBe(REP);
    expect(oppRow(String(own.id))('Stage')).toBe('Intent');
    const before = [
      rt.workbook.sheetValues('Opportunities').length,
      rt.workbook.sheetValues('Stage history').length,
    ];
    const other = customerOf(REP, true);
    const refused = save(REP, { customerId: other, description: 'Poach', stage: 'Intent' });
    expect(refused.status).toBe('invalid');
    expect((refused.errors as Record<string, string>).customerId).toContain(other);
    // Nor through an opportunity of theirs: moving another rep's opportunity is refused the same way.
    const opps = table(rt, 'Opportunities');
    const foreign = opps.rows.find(
      (r) => r[opps.col('Owner')] !== REP && r[opps.col('Stage')] === 'Intent',
    ) as Row;
    const moved = save(REP, {
      id: String(foreign[opps.col('Opportunity ID')]),
      customerId: String(foreign[opps.col('Customer ID')]),
      description: 'x',
      stage: 'Won',
    });
    expect(moved.status).toBe('invalid');
    expect(
      rt.call<{ opportunities: unknown[] }>('apiOpportunityForm', { customerId: other }, { user: REP })
        .opportunities,
    ).toEqual([]);
    expect([
      rt.workbook.sheetValues('Opportunities').length,
      rt.workbook.sheetValues('Stage history').length,
    ]).toEqual(before);
  });

  it('the customer card lists the customer’s open opportunities', () => {
    const customer = customerOf(REP);
    const customers = table(rt, 'Customers');
    const row = customers.rows.findIndex((r) => r[customers.col('Customer ID')] === customer) + 2;
    selectRow(rt, 'Customers', row);
    const card = rt.call<{ status: string; card: { opportunities?: { id: string; closed: string }[] } }>(
      'apiCustomerCard',
      undefined,
      { user: REP },
    );
    expect(card.status).toBe('ok');
    expect(card.card.opportunities?.length).toBeGreaterThan(0);
    expect(card.card.opportunities?.every((o) => o.closed === '')).toBe(true);
  });
});

describe('stage history from typed edits (on-edit trigger)', () => {
  it('records once although two managers’ triggers fire; probability follows; the trigger refuses direct calls', async () => {
    const rt = await sampleWorkbook();
    // The sample manager runs set-up too: now two on-edit triggers (one per user) fire for every edit.
    expect(rt.execute('menuSetupWorkbook', [], { user: MANAGER }).error).toBeUndefined();
    expect(rt.triggers.all.filter((t) => t.handler === 'onSettingsEdit').length).toBe(2);
    const opps = table(rt, 'Opportunities');
    const index = opps.rows.findIndex(
      (r) => r[opps.col('Stage')] === 'Intent' && r[opps.col('Probability (%)')] === 30,
    );
    const id = String(opps.rows[index][opps.col('Opportunity ID')]);
    const stageCell = `${String.fromCharCode(65 + opps.col('Stage'))}${index + 2}`;
    const before = table(rt, 'Stage history').rows.length;
    rt.clock.advance(3_600_000);
    const results = rt.edit('Opportunities', stageCell, 'Negotiating', { user: REP });
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(results.map((r) => (r.value as { stageChanges: number }).stageChanges).sort()).toEqual([0, 1]);
    const history = table(rt, 'Stage history');
    expect(history.rows.length).toBe(before + 1);
    const last = history.rows.at(-1) as Row;
    expect([last[1], last[2], last[3], last[4], last[5]]).toEqual([
      id,
      'Intent',
      'Negotiating',
      REP,
      'sheet',
    ]);
    const after = table(rt, 'Opportunities');
    expect(after.rows[index][after.col('Probability (%)')]).toBe(60);
    // An edit elsewhere in the row records nothing; a direct call without the installed trigger does nothing.
    rt.edit('Opportunities', `A${index + 2}`, id, { user: REP });
    expect(table(rt, 'Stage history').rows.length).toBe(before + 1);
    const direct = rt.execute('onSettingsEdit', [{ range: null }], { user: REP });
    expect(direct.value).toBeUndefined();
  });
});

describe('reminders and zh-CN', () => {
  it('the daily digest lists opportunities with a next step due or closing this week / overdue', async () => {
    const rt = await sampleWorkbook();
    const preview = rt.call<{ mails: { to: string; body: string }[] }>('apiPreviewReminders', undefined, {
      user: OWNER,
    });
    const opps = table(rt, 'Opportunities');
    const due = opps.rows.filter(
      (r) =>
        r[opps.col('Owner')] === REP &&
        !['Won', 'Lost'].includes(String(r[opps.col('Stage')])) &&
        ((r[opps.col('Next step date')] !== '' &&
          shanghaiDay(r[opps.col('Next step date')]) <= '2026-11-23') ||
          shanghaiDay(r[opps.col('Expected close')]) <= '2026-11-29'),
    );
    expect(due.length).toBeGreaterThan(0);
    const mail = preview.mails.find((m) => m.to === REP);
    // This rep reads Chinese (Reps → language): the section is 需推进的商机, one line per opportunity.
    expect(mail?.body).toContain(`== 需推进的商机（${due.length}） ==`);
    expect(mail?.body.split('\n').filter((line) => / — O-\d+: /.test(line))).toHaveLength(due.length);
    for (const row of due) expect(mail?.body).toContain(String(row[opps.col('Opportunity ID')]));
  });

  it('a Chinese workbook: 商机 and 阶段记录 in Chinese, the sidebar saves, the Dashboard block is Chinese', async () => {
    const rt = await sampleWorkbook('zh-CN');
    const names = rt.workbook.data.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['商机', '阶段记录']));
    const [head] = rt.workbook.sheetValues('商机');
    expect(head.slice(0, 6)).toEqual([
      '商机编号',
      '客户编号',
      '商机来源',
      '需求描述',
      '商机阶段',
      '赢率（%）',
    ]);
    const customers = rt.workbook.sheetValues('客户');
    const ownerCol = customers[0].indexOf('负责销售');
    const customer = String(customers.find((r) => r[ownerCol] === REP)?.[0]);
    const saved = rt.call<Record<string, unknown>>(
      'apiSaveOpportunity',
      { customerId: customer, description: '年度采购', stage: 'negotiating', amount: '50000' },
      { user: REP, locale: 'zh-CN' },
    );
    expect(saved).toMatchObject({ status: 'saved', stage: '洽谈中' });
    const refused = rt.call<Record<string, unknown>>(
      'apiSaveOpportunity',
      { customerId: customer, description: '', stage: '' },
      { user: REP, locale: 'zh-CN' },
    );
    expect(Object.values(refused.errors as Record<string, string>).join(' ')).toMatch(/请填写“需求描述”/);
    expect(rt.execute('menuRefreshDashboard', [], { user: OWNER, locale: 'zh-CN' }).error).toBeUndefined();
    expect(block(rt, '商机：各阶段管道金额', '看板').map((r) => r[0])).toEqual([
      '阶段',
      '初次接触',
      '有意向',
      '洽谈中',
      '签约中',
      '合计',
    ]);
  });
});

describe('set-up on an existing workbook', () => {
  it('adds Opportunities and Stage history without touching the data already there', async () => {
    const rt = await sampleWorkbook();
    for (const name of ['Opportunities', 'Stage history']) {
      const sheet = rt.workbook.data.sheets.find((s) => s.name === name);
      rt.workbook.deleteSheet(sheet!.id);
    }
    const before = ['Customers', 'Deals', 'Follow-ups', 'Reps', 'Settings', 'Lists'].map((name) =>
      JSON.stringify(rt.workbook.sheetValues(name)),
    );
    const result = rt.execute('menuSetupWorkbook', [], { user: OWNER });
    expect(result.error).toBeUndefined();
    expect(rt.ui.alerts.at(-1)?.prompt).toContain('Opportunities');
    expect(
      ['Customers', 'Deals', 'Follow-ups', 'Reps', 'Settings', 'Lists'].map((name) =>
        JSON.stringify(rt.workbook.sheetValues(name)),
      ),
    ).toEqual(before);
    expect(rt.workbook.sheetValues('Opportunities')[0][0]).toBe('Opportunity ID');
    expect(rt.workbook.data.sheets.find((s) => s.name === 'Stage history')?.hidden).toBe(true);
    const again = rt.execute('menuLogOpportunity', [], { user: REP });
    expect(again.error).toBeUndefined();
    expect(rt.ui.sidebars.at(-1)?.title).toBe('Log opportunity');
  });
});
