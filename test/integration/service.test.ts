/**
 * After-sales service (issue 14 §2) through the built bundle (dist/Code.js) in the local runtime, on the template's
 * sample at a fixed time: the Dashboard's satisfaction per rep and per month and the open complaints' ages against a
 * hand computation from the Service, Customers and Reps sheets; Log service for the owner, a second manager (Settings
 * → managers) and a rep, who is refused for someone else's customer; closing from the sidebar and by ticking the
 * sheet; the card and the digest; a zh-CN workbook; set-up adding the sheet to an existing workbook without
 * touching its data; and the Dashboard's calls not growing with the Service sheet.
 */
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { WorkbookStore } from '../../runtime/spreadsheet/store';
import { selectRow } from '../../dev/preview/workbook-view';
import { salesWorkbook } from './helpers/sales-workbook';
import { addServiceSheet } from './helpers/service-sheet';
import { SHEETS } from '../../templates';
import { demoWorkbookRuntime } from '../support/built-workbooks';

jest.setTimeout(240_000);

const distDir = process.env.SALESDESK_DIST ?? path.resolve(__dirname, '../../dist');
const NOW = '2026-11-23T10:00:00+08:00';
const OWNER = { user: 'owner@example.com', locale: 'en' };
const MANAGER2 = { user: 'wang.fang@example.com', locale: 'en' };
const LI = { user: 'li.qiang@example.com', locale: 'en' };
const ZHANG_ZH = { user: 'zhang.wei@example.com', locale: 'zh-CN' };
const DAY = 86_400_000;
/** Calendar day in Asia/Shanghai (UTC+8, no DST) of a Date cell. */
const dayOf = (value: unknown): number => Math.floor(((value as Date).getTime() + 8 * 3_600_000) / DAY);
const TODAY = dayOf(new Date(NOW));

type Values = unknown[][];
const headerIndex = (
  values: Values,
  sheet: 'service' | 'customers',
  key: string,
  lang: 'en' | 'zh-CN' = 'en',
) => values[0].map(String).indexOf(SHEETS[sheet].columns.find((c) => c.key === key)!.headers[lang]);

/** The rows of a Dashboard section: below its title and header row, up to the blank row that ends it. */
function section(dashboard: Values, title: string | RegExp): Values {
  const start = dashboard.findIndex((row) =>
    typeof title === 'string' ? row[0] === title : title.test(String(row[0])),
  );
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: Values = [];
  for (let i = start + 2; i < dashboard.length && dashboard[i].some((v) => v !== ''); i++)
    rows.push(dashboard[i]);
  return rows;
}

interface Hand {
  byRep: Map<string, { records: number; ratings: number[] }>;
  byMonth: Map<string, number[]>;
  complaints: Map<string, number>;
}

/** The figures worked out from the sheets, independently of src/core/service. */
function handComputation(rt: LocalRuntime): Hand {
  const service = rt.workbook.sheetValues('Service');
  const customers = rt.workbook.sheetValues('Customers');
  const col = (key: string) => headerIndex(service, 'service', key);
  const owners = new Map<string, string>();
  for (const row of customers.slice(1))
    owners.set(
      String(row[headerIndex(customers, 'customers', 'id')]).toLowerCase(),
      String(row[headerIndex(customers, 'customers', 'owner')]).toLowerCase(),
    );
  const hand: Hand = { byRep: new Map(), byMonth: new Map(), complaints: new Map() };
  for (const row of service.slice(1)) {
    if (row.every((v) => v === '')) continue;
    const rep =
      String(row[col('rep')]).toLowerCase() || owners.get(String(row[col('customerId')]).toLowerCase()) || '';
    const rating = row[col('satisfaction')];
    const valid = typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5;
    const entry = hand.byRep.get(rep) ?? { records: 0, ratings: [] };
    entry.records++;
    if (valid) entry.ratings.push(rating);
    hand.byRep.set(rep, entry);
    const day = dayOf(row[col('time')]);
    const month = new Date(day * DAY).toISOString().slice(0, 7);
    if (valid) hand.byMonth.set(month, [...(hand.byMonth.get(month) ?? []), rating]);
    if (row[col('type')] === 'Complaint' && row[col('closed')] !== true)
      hand.complaints.set(String(row[col('id')]), TODAY - day);
  }
  return hand;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round2 = (x: number) => Math.round(x * 100) / 100;

function customerOwnedBy(rt: LocalRuntime, email: string): { id: string; row: number } {
  const customers = rt.workbook.sheetValues('Customers');
  const index = customers.findIndex(
    (row, i) => i > 0 && row[headerIndex(customers, 'customers', 'owner')] === email,
  );
  return { id: String(customers[index][headerIndex(customers, 'customers', 'id')]), row: index + 1 };
}

type SaveResult = { status: string; id?: string; row?: number; errors?: Record<string, string> };

describe('after-sales service on the sample workbook (en)', () => {
  let rt: LocalRuntime;
  beforeAll(async () => {
    rt = await demoWorkbookRuntime(distDir, NOW);
  });

  test('the Dashboard’s satisfaction per rep and per month and complaint ages match a hand computation', () => {
    const hand = handComputation(rt);
    expect(hand.complaints.size).toBeGreaterThan(0);
    const result = rt.execute('menuRefreshDashboard', [], OWNER);
    expect(result.error).toBeUndefined();
    // One write for the whole Dashboard, after-sales block included.
    expect(result.calls['Range.setValues']).toBe(1);
    const dashboard = rt.workbook.sheetValues('Dashboard');

    const reps = section(dashboard, 'After-sales: satisfaction by rep');
    const total = reps.pop()!;
    expect(total[0]).toBe('Total');
    const all = [...hand.byRep.values()];
    expect(total[2]).toBe(all.reduce((n, e) => n + e.records, 0));
    expect(total[4]).toBe(round2(mean(all.flatMap((e) => e.ratings))));
    expect(total[5]).toBe(hand.complaints.size);
    expect(total[6]).toBe(Math.max(...hand.complaints.values()));
    expect(reps.map((row) => String(row[1])).sort()).toEqual([...hand.byRep.keys()].sort());
    for (const row of reps) {
      const entry = hand.byRep.get(String(row[1]))!;
      expect([row[2], row[3]]).toEqual([entry.records, entry.ratings.length]);
      expect(row[4]).toBe(entry.ratings.length === 0 ? '' : round2(mean(entry.ratings)));
    }

    const months = section(dashboard, 'After-sales: satisfaction by month (last 12 months)');
    expect(months).toHaveLength(12);
    expect(months.at(-1)![0]).toBe('2026-11');
    for (const row of months) {
      const ratings = hand.byMonth.get(String(row[0])) ?? [];
      expect(row[4 - 1]).toBe(ratings.length === 0 ? '' : round2(mean(ratings)));
      expect(row[2]).toBe(ratings.length);
    }
    const rated = months.filter((row) => row[3] !== '');
    expect(rated.length).toBeGreaterThan(3);

    const complaints = section(dashboard, /^Open complaints \(\d+\)$/);
    expect(complaints.map((row) => [String(row[0]), row[5]])).toEqual(
      [...hand.complaints.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    );
  });

  test('a rep logs a complaint for their own customer, and is refused for another rep’s customer', () => {
    const own = customerOwnedBy(rt, LI.user);
    const other = customerOwnedBy(rt, 'zhang.wei@example.com');
    const before = rt.workbook.sheetValues('Service').length;
    const input = {
      customerId: own.id,
      time: '2026-11-23T09:30',
      type: 'Complaint',
      content: 'Printer jams twice a day',
      nextPlan: 'Call back with the engineer',
      nextDate: '2026-11-25',
    };
    const saved = rt.call<SaveResult>('apiSaveService', input, LI);
    expect(saved.status).toBe('saved');
    expect(rt.lastExecution!.calls['Range.setValues']).toBe(1);
    const service = rt.workbook.sheetValues('Service');
    expect(service.length).toBe(before + 1);
    const added = service[service.length - 1];
    const col = (key: string) => headerIndex(service, 'service', key);
    expect([
      added[col('id')],
      added[col('customerId')],
      added[col('type')],
      added[col('rep')],
      added[col('closed')],
    ]).toEqual([saved.id, own.id, 'Complaint', LI.user, false]);
    expect(added[col('nextDate')]).toBeInstanceOf(Date);

    const refused = rt.call<SaveResult>('apiSaveService', { ...input, customerId: other.id }, LI);
    expect(refused.status).toBe('invalid');
    expect(refused.errors?.customerId).toMatch(/belongs to another rep/);
    expect(rt.workbook.sheetValues('Service').length).toBe(before + 1);
    expect(() => rt.call('apiCustomerService', other.id, LI)).toThrow();
    // A bypassed client: a rating of 7 and no content are refused on the server, in the user's language.
    const bad = rt.call<SaveResult>('apiSaveService', { ...input, content: '', satisfaction: '7' }, ZHANG_ZH);
    expect(bad.status).toBe('invalid');
    expect(Object.keys(bad.errors!).sort()).toEqual(['content', 'satisfaction']);
    expect(bad.errors!.satisfaction).toMatch(/[\u4e00-\u9fff]/);
  });

  test('the owner and a second manager log for any customer', () => {
    const customer = customerOwnedBy(rt, 'emily.carter@example.com');
    for (const who of [OWNER, MANAGER2]) {
      const saved = rt.call<SaveResult>(
        'apiSaveService',
        {
          customerId: customer.id,
          time: '2026-11-22T14:00',
          type: 'Training',
          content: 'Admin training',
          satisfaction: '5',
          closed: 'true',
        },
        who,
      );
      expect(saved.status).toBe('saved');
      const service = rt.workbook.sheetValues('Service');
      const row = service[service.length - 1];
      expect(row[headerIndex(service, 'service', 'rep')]).toBe(who.user);
      expect(row[headerIndex(service, 'service', 'satisfaction')]).toBe(5);
      expect(row[headerIndex(service, 'service', 'closed')]).toBe(true);
    }
  });

  test('the card shows the open complaint first and highlighted; closing it from the sidebar clears it', () => {
    const own = customerOwnedBy(rt, LI.user);
    selectRow(rt, 'Customers', own.row);
    type Card = {
      status: string;
      card: { service?: { openComplaints: number; items: { id: string; openComplaint: boolean }[] } };
    };
    const card = rt.call<Card>('apiCustomerCard', undefined, LI);
    expect(card.status).toBe('ok');
    const openBefore = card.card.service!.openComplaints;
    expect(openBefore).toBeGreaterThanOrEqual(1);
    const complaint = card.card.service!.items[0];
    expect(complaint.openComplaint).toBe(true);

    // Another rep cannot close it.
    const refused = rt.call<SaveResult>('apiCloseService', { id: complaint.id }, ZHANG_ZH);
    expect(refused.status).toBe('invalid');
    expect(refused.errors!.id).toMatch(/[\u4e00-\u9fff]/);

    const closed = rt.call<{ status: string }>(
      'apiCloseService',
      { id: complaint.id, result: 'Replaced the printer', satisfaction: '4' },
      LI,
    );
    expect(closed.status).toBe('closed');
    const service = rt.workbook.sheetValues('Service');
    const row = service.find((r) => r[headerIndex(service, 'service', 'id')] === complaint.id)!;
    expect(row[headerIndex(service, 'service', 'closed')]).toBe(true);
    expect(row[headerIndex(service, 'service', 'result')]).toBe('Replaced the printer');
    expect(row[headerIndex(service, 'service', 'satisfaction')]).toBe(4);
    const after = rt.call<Card>('apiCustomerCard', undefined, LI);
    expect(after.card.service!.openComplaints).toBe(openBefore - 1);
  });

  test('open complaints and due next plans reach the digest; ticking Closed in the sheet takes them off', () => {
    type Preview = { mails: { to: string; subject: string; body: string }[] };
    const own = customerOwnedBy(rt, LI.user);
    const saved = rt.call<SaveResult>(
      'apiSaveService',
      { customerId: own.id, time: '2026-11-20T09:00', type: 'Complaint', content: 'Invoice wrong again' },
      LI,
    );
    // A visit whose next plan is today: a service plan due in the same digest.
    rt.call<SaveResult>(
      'apiSaveService',
      {
        customerId: own.id,
        time: '2026-11-16T09:00',
        type: 'Visit',
        content: 'Quarterly visit',
        nextPlan: 'Bring the renewal offer',
        nextDate: '2026-11-23',
      },
      LI,
    );
    const mailTo = (user: string) =>
      rt.call<Preview>('apiPreviewReminders', undefined, OWNER).mails.find((m) => m.to === user);
    // 李强 reads Chinese (Reps → language): his digest is in Chinese.
    const li = mailTo(LI.user)!;
    expect(li.body).toContain('== 未关闭的投诉（');
    expect(li.body).toContain('投诉已 3 天未关闭（自 2026-11-20 起）');
    expect(li.body).toContain('Invoice wrong again');
    expect(li.body).toContain('== 到期的售后计划（');
    expect(li.body).toContain('售后计划今天到期');
    expect(li.body).toContain('Bring the renewal offer · 2026-11-23');
    expect(li.subject).toMatch(/未关闭投诉 \d+ 条/);
    // Emily reads English: an open complaint of hers in English words.
    const emily = customerOwnedBy(rt, 'emily.carter@example.com');
    rt.call<SaveResult>(
      'apiSaveService',
      { customerId: emily.id, time: '2026-11-22T09:00', type: 'Complaint', content: 'Late delivery' },
      { user: 'emily.carter@example.com', locale: 'en' },
    );
    const mail = mailTo('emily.carter@example.com')!;
    expect(mail.body).toContain('open complaint for 1 day (since 2026-11-22)');
    expect(mail.subject).toMatch(/\d+ open complaints?/);

    // Close it by ticking the sheet, as a user would.
    const store = rt.workbook as unknown as WorkbookStore;
    const sheet = store.sheetByName('Service')!;
    const values = rt.workbook.sheetValues('Service');
    const closedColumn = headerIndex(values, 'service', 'closed') + 1;
    store.writeValues(sheet, { row: saved.row!, column: closedColumn, numRows: 1, numColumns: 1 }, [[true]]);
    expect(mailTo(LI.user)?.body ?? '').not.toContain('Invoice wrong again');
  });
});

describe('a zh-CN workbook', () => {
  test('the 售后 sheet, Chinese type labels written by the sidebar, the Dashboard block in Chinese', async () => {
    const rt = await LocalRuntime.create({
      bundleDir: distDir,
      addOnName: 'SalesDesk',
      now: NOW,
      spreadsheetLocale: 'zh_CN',
    });
    for (const step of ['menuSetupWorkbook', 'menuLoadSampleData'])
      expect(rt.execute(step, [], { locale: 'zh-CN' }).error).toBeUndefined();
    const service = rt.workbook.sheetValues('售后');
    expect(service[0].slice(0, 4)).toEqual(['服务编号', '客户编号', '服务时间', '服务类型']);
    expect(new Set(service.slice(1).map((row) => row[3]))).toEqual(
      new Set(
        ['安装', '培训', '回访', '投诉', '维修', '其他'].filter((l) => service.some((r) => r[3] === l)),
      ),
    );
    const customers = rt.workbook.sheetValues('客户');
    const owner = headerIndex(customers, 'customers', 'owner', 'zh-CN');
    const index = customers.findIndex((row, i) => i > 0 && row[owner] === ZHANG_ZH.user);
    const id = String(customers[index][headerIndex(customers, 'customers', 'id', 'zh-CN')]);
    const saved = rt.call<SaveResult>(
      'apiSaveService',
      { customerId: id, time: '2026-11-23T08:00', type: '投诉', content: '系统登录很慢' },
      ZHANG_ZH,
    );
    expect(saved.status).toBe('saved');
    const after = rt.workbook.sheetValues('售后');
    expect(after[after.length - 1][3]).toBe('投诉');
    expect(rt.execute('menuRefreshDashboard', [], { locale: 'en' }).error).toBeUndefined();
    const dashboard = rt.workbook.sheetValues('看板');
    expect(section(dashboard, '售后：各销售满意度').at(-1)![0]).toBe('合计');
    expect(section(dashboard, /^未关闭投诉（\d+）$/).some((row) => row[0] === saved.id && row[5] === 0)).toBe(
      true,
    );
  });
});

describe('set-up on an existing workbook', () => {
  test('adds the Service sheet and its list, and leaves every user cell as it was', async () => {
    const now = new Date(NOW);
    const store = salesWorkbook({
      customers: 40,
      deals: 60,
      followups: 30,
      now,
      managers: ['boss@example.com'],
    });
    const rt = await LocalRuntime.create({
      bundleDir: distDir,
      workbook: store,
      now,
      owner: 'owner@example.com',
    });
    const names = ['Customers', 'Deals', 'Follow-ups', 'Reps'];
    const before = Object.fromEntries(names.map((name) => [name, rt.workbook.sheetValues(name)]));
    expect(store.sheetByName('Service')).toBeFalsy();
    expect(rt.execute('menuSetupWorkbook', [], OWNER).error).toBeUndefined();
    const service = rt.workbook.sheetValues('Service');
    expect(service[0].slice(0, SHEETS.service.columns.length)).toEqual(
      SHEETS.service.columns.map((c) => c.headers.en),
    );
    for (const name of names) {
      const now = rt.workbook.sheetValues(name);
      before[name].forEach((row, r) =>
        row.forEach((value, c) => expect([name, r, c, now[r][c]]).toEqual([name, r, c, value])),
      );
    }
    const lists = rt.workbook.sheetValues('Lists');
    const typeColumn = lists[0].indexOf('Service type');
    expect(lists.slice(1, 7).map((row) => row[typeColumn])).toEqual([
      'Installation',
      'Training',
      'Visit',
      'Complaint',
      'Repair',
      'Other',
    ]);
  });
});

describe('Dashboard calls do not grow with the Service sheet', () => {
  /** Calls of one refresh with a Service sheet of `rows` records (no Service sheet at all for 0). */
  async function withService(rows: number): Promise<Record<string, number>> {
    const now = new Date(NOW);
    const store = salesWorkbook({ customers: 200, deals: 300, followups: 100, now });
    if (rows > 0) addServiceSheet(store, rows, 200, now);
    const rt = await LocalRuntime.create({
      bundleDir: distDir,
      workbook: store,
      now,
      owner: 'owner@example.com',
    });
    const result = rt.execute('menuRefreshDashboard', [], { user: 'boss@example.com', locale: 'en' });
    expect(result.error).toBeUndefined();
    return result.calls;
  }

  test('the same calls for 100 and 5 000 service records: one more read than without the sheet, one write', async () => {
    const small = await withService(100);
    const large = await withService(5_000);
    const none = await withService(0);
    expect(large).toEqual(small);
    expect(small['Range.setValues']).toBe(1);
    expect(small['Range.getValues']).toBe(none['Range.getValues'] + 1);
  });
});
