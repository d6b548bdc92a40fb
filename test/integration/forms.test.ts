/**
 * Issue 3's server side through the built bundle (dist/Code.js) in the local runtime: the server validates again
 * (a client bypassed writes nothing), duplicates are caught before a save, concurrent saves never collide, a rep
 * cannot log for another rep's customer, a follow-up updates the customer in the same run, a deal refreshes totals
 * and tier, and each save is one appended row (counted service calls).
 */
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { salesWorkbook } from './helpers/sales-workbook';
import { SHEETS } from '../../templates';
import { selectRow } from '../../dev/preview/workbook-view';

/** Index of a Customers column by key, through the template's English header (the helper workbook is English). */
const header = (row: unknown[], key: string) =>
  row.map(String).indexOf(SHEETS.customers.columns.find((column) => column.key === key)!.headers.en);

const NOW = new Date('2026-03-15T02:00:00Z'); // 10:00 in Shanghai
const EVE = { user: 'eve@example.com', locale: 'en' };
const CUI = { user: 'cui@example.com', locale: 'zh-CN' };
const distDir = process.env.SALESDESK_DIST ?? path.resolve(__dirname, '../../dist');

type Result = {
  status: string;
  id?: string;
  row?: number;
  errors?: Record<string, string>;
  [key: string]: unknown;
};
type Customer = {
  id: string;
  row: number;
  owner: string;
  lastContact: string;
  nextFollowUp: string;
  contact: string;
};

async function runtime(): Promise<LocalRuntime> {
  return LocalRuntime.create({
    bundleDir: distDir,
    workbook: salesWorkbook({ customers: 60, deals: 120, followups: 80, now: NOW }) as never,
    now: NOW,
    owner: 'owner@example.com',
  });
}

const customer = (overrides: Record<string, string> = {}) => ({
  company: 'Harbour Tea',
  contact: 'Lin Qing',
  phone: '+86 139 0000 1111',
  email: 'lin@harbour.example',
  ...overrides,
});

function rows(rt: LocalRuntime, sheet: string): unknown[][] {
  return rt.workbook.sheetValues(sheet).filter((row) => row.some((value) => value !== ''));
}

function list(
  rt: LocalRuntime,
  who: { user: string; locale: string },
): { customers: Customer[]; all: boolean } {
  return rt.call('apiListCustomers', undefined, who);
}

describe('rep forms through the bundle', () => {
  let rt: LocalRuntime;
  beforeEach(async () => {
    rt = await runtime();
  });

  it('validates on the server: bad input from a bypassed client writes nothing, messages in the user language', () => {
    const before = rows(rt, 'Customers').length;
    const en = rt.call<Result>(
      'apiSaveCustomer',
      { customer: customer({ contact: '', email: 'nope', phone: '' }) },
      EVE,
    );
    expect(en.status).toBe('invalid');
    expect(Object.keys(en.errors ?? {}).sort()).toEqual(['contact', 'email']);
    const zh = rt.call<Result>('apiSaveCustomer', { customer: customer({ contact: '' }) }, CUI);
    expect(zh.errors?.contact).toMatch(/[\u4e00-\u9fff]/);
    const broken = rt.call<Result>('apiSaveCustomer', { customer: null as never }, EVE);
    expect(broken.status).toBe('invalid');
    expect(rows(rt, 'Customers').length).toBe(before);
  });

  it('saves one row in one write, owned by the rep, and warns before a duplicate', () => {
    const before = rows(rt, 'Customers').length;
    const saved = rt.call<Result>(
      'apiSaveCustomer',
      { customer: customer({ owner: 'someone@else.example' }) },
      EVE,
    );
    expect(saved.status).toBe('saved');
    const execution = rt.lastExecution!;
    expect(execution.calls['Range.setValues']).toBe(1);
    const all = rows(rt, 'Customers');
    expect(all.length).toBe(before + 1);
    const added = all[all.length - 1];
    expect(added[header(all[0], 'owner')]).toBe('eve@example.com');
    expect(added[header(all[0], 'contact')]).toBe('Lin Qing');

    const again = rt.call<Result>(
      'apiSaveCustomer',
      { customer: customer({ contact: 'Other', email: 'LIN@harbour.example' }) },
      EVE,
    );
    expect(again.status).toBe('duplicate');
    expect(rows(rt, 'Customers').length).toBe(before + 1);
    const anyway = rt.call<Result>(
      'apiSaveCustomer',
      { customer: customer({ contact: 'Other', email: 'LIN@harbour.example' }), allowDuplicate: true },
      EVE,
    );
    expect(anyway.status).toBe('saved');
    expect(rows(rt, 'Customers').length).toBe(before + 2);
  });

  it('gives a manager’s choice of owner to an active rep only; a non-rep’s customer stays unassigned', () => {
    const boss = { user: 'boss@example.com', locale: 'en' };
    const refused = rt.call<Result>(
      'apiSaveCustomer',
      { customer: customer({ owner: 'nobody@x.example' }) },
      boss,
    );
    expect(refused.status).toBe('invalid');
    expect(refused.errors?.owner).toContain('nobody@x.example');
    const given = rt.call<Result>(
      'apiSaveCustomer',
      { customer: customer({ owner: 'CUI@example.com' }) },
      boss,
    );
    expect(given.status).toBe('saved');
    const all = rows(rt, 'Customers');
    expect(all[all.length - 1][header(all[0], 'owner')]).toBe('cui@example.com');
    const stranger = rt.call<Result>(
      'apiSaveCustomer',
      { customer: customer({ email: 'x@y.example', phone: '+86 139 5555 6666', contact: 'X' }) },
      { user: 'visitor@example.com', locale: 'en' },
    );
    expect(stranger.status).toBe('saved');
    const after = rows(rt, 'Customers');
    expect(after[after.length - 1][header(after[0], 'owner')]).toBe('');
  });

  it('never collides when two reps save at the same moment', async () => {
    const before = rows(rt, 'Customers').length;
    const results = await rt.executeConcurrently(
      ['a', 'b', 'c', 'd'].map((n, i) => ({
        fn: 'apiSaveCustomer',
        args: [
          {
            customer: customer({
              contact: `Rep ${n}`,
              email: `${n}@x.example`,
              phone: `+86 139 0000 000${i}`,
            }),
          },
        ],
        opts: i % 2 ? EVE : CUI,
      })),
    );
    expect(results.map((r) => r.error?.message)).toEqual([undefined, undefined, undefined, undefined]);
    const ids = results.map((r) => (r.value as Result).id);
    expect(new Set(ids).size).toBe(4);
    const after = rows(rt, 'Customers');
    expect(after.length).toBe(before + 4);
    const contacts = after.slice(-4).map((row) => row[header(after[0], 'contact')]);
    expect([...contacts].sort()).toEqual(['Rep a', 'Rep b', 'Rep c', 'Rep d']);
  });

  it('lists only the rep’s own customers; refuses a follow-up on another rep’s customer', () => {
    const bobs = list(rt, EVE);
    expect(bobs.all).toBe(false);
    expect(bobs.customers.length).toBeGreaterThan(0);
    expect(bobs.customers.every((c) => c.owner === 'eve@example.com')).toBe(true);
    const cuis = list(rt, CUI).customers;
    const before = rows(rt, 'Follow-ups').length;
    const refused = rt.call<Result>(
      'apiSaveFollowUp',
      { customerId: cuis[0].id, time: '2026-03-15T09:00', channel: 'Phone', content: 'hi' },
      EVE,
    );
    expect(refused.status).toBe('invalid');
    expect(refused.errors?.customerId).toContain(cuis[0].id);
    expect(rows(rt, 'Follow-ups').length).toBe(before);
    expect(list(rt, { user: 'owner@example.com', locale: 'en' }).all).toBe(true);
  });

  it('appends a follow-up and moves the customer’s last contact and next follow-up in the same run', () => {
    const target = list(rt, EVE).customers[0];
    const before = rows(rt, 'Follow-ups').length;
    const saved = rt.call<Result>(
      'apiSaveFollowUp',
      {
        customerId: target.id,
        time: '2026-03-15T09:30',
        channel: 'Phone',
        content: 'Agreed on a trial',
        nextStep: 'Send contract',
        nextDate: '2026-03-22',
      },
      EVE,
    );
    expect(saved).toMatchObject({ status: 'saved', nextFollowUp: '2026-03-22' });
    expect(rows(rt, 'Follow-ups').length).toBe(before + 1);
    const after = list(rt, EVE).customers.find((c) => c.id === target.id)!;
    expect(after.lastContact).toBe('2026-03-15');
    expect(after.nextFollowUp).toBe('2026-03-22');
  });

  it('appends a deal and refreshes totals and tier like Refresh tiers', () => {
    const target = list(rt, EVE).customers[0];
    const saved = rt.call<Result>(
      'apiSaveDeal',
      {
        customerId: target.id,
        product: 'Starter plan',
        amount: '250000',
        currency: 'CNY',
        date: '2026-03-14',
        status: 'Won',
      },
      EVE,
    );
    expect(saved.status).toBe('saved');
    expect(saved.tier).toBe('VIP');
    const customers = rows(rt, 'Customers');
    const [id, totalColumn, tierColumn] = ['id', 'totalPurchases', 'tier'].map((key) =>
      header(customers[0], key),
    );
    const row = customers.find((r) => r[id] === target.id)!;
    const total = row[totalColumn];
    expect(total).toBe(saved.totalPurchases);
    // The same figures as the manager's Refresh tiers computes over the whole sheet.
    const refresh = rt.execute('menuRefreshTiers', [], { user: 'owner@example.com', locale: 'en' });
    expect(refresh.error).toBeUndefined();
    const refreshed = rows(rt, 'Customers').find((r) => r[id] === target.id)!;
    expect(refreshed[totalColumn]).toBe(total);
    expect(refreshed[tierColumn]).toBe('VIP');
  });

  it('opens the card of the customer on the selected row of Customers or Deals, newest first', () => {
    const target = list(rt, EVE).customers[0];
    selectRow(rt, 'Customers', target.row);
    const card = rt.call<{
      status: string;
      card: { details: Record<string, string>; deals: { date: string }[] };
    }>('apiCustomerCard', undefined, EVE);
    expect(card.status).toBe('ok');
    expect(card.card.details.id).toBe(target.id);
    const dates = card.card.deals.map((deal) => deal.date);
    expect(dates).toEqual([...dates].sort().reverse());

    const deals = rows(rt, 'Deals');
    const customerIdColumn = deals[0]
      .map(String)
      .indexOf(SHEETS.deals.columns.find((c) => c.key === 'customerId')!.headers.en);
    const dealRow = deals.findIndex((row, index) => index > 0 && row[customerIdColumn] === target.id);
    if (dealRow > 0) {
      selectRow(rt, 'Deals', dealRow + 1);
      expect(
        rt.call<{ card: { details: Record<string, string> } }>('apiCustomerCard', undefined, EVE).card.details
          .id,
      ).toBe(target.id);
    }
    // Another rep's customer: no card, a message instead.
    const other = list(rt, CUI).customers[0];
    selectRow(rt, 'Customers', other.row);
    expect(rt.call<{ status: string }>('apiCustomerCard', undefined, EVE).status).toBe('noSelection');
  });

  it('cuts a manager’s very long list and searches the rest on the server', async () => {
    const big = await LocalRuntime.create({
      bundleDir: distDir,
      workbook: salesWorkbook({ customers: 2_100, deals: 0, followups: 0, now: NOW }) as never,
      now: NOW,
    });
    const boss = { user: 'boss@example.com', locale: 'en' };
    const listed = big.call<{ customers: unknown[]; total: number; truncated: boolean }>(
      'apiListCustomers',
      undefined,
      boss,
    );
    expect(listed).toMatchObject({ total: 2_100, truncated: true });
    expect(listed.customers).toHaveLength(2_000);
    const found = big.call<{ customers: { contact: string }[]; total: number }>(
      'apiSearchCustomers',
      { query: 'Contact 2077' },
      boss,
    );
    expect(found.customers[0].contact).toBe('Contact 2077');
    // A rep's search stays within their own customers.
    const mine = big.call<{ customers: { owner: string }[] }>(
      'apiSearchCustomers',
      { query: 'Contact' },
      EVE,
    );
    expect(mine.customers.every((c) => c.owner === 'eve@example.com')).toBe(true);
  });

  it('opens each sidebar from its menu item, titled in the user’s language', () => {
    const expected: [string, string, string][] = [
      ['menuNewCustomer', 'new-customer', '新建客户'],
      ['menuLogFollowUp', 'log-follow-up', '记录跟进'],
      ['menuLogDeal', 'log-deal', '记录成交'],
      ['menuCustomerCard', 'customer-card', '客户卡片'],
    ];
    for (const [handler, , title] of expected) {
      const result = rt.execute(handler, [], CUI);
      expect(result.error).toBeUndefined();
      const shown = rt.ui.sidebars[rt.ui.sidebars.length - 1];
      expect(shown.title).toBe(title);
      // The built page itself (with its inlined script), not a placeholder.
      expect(shown.html).toContain('<div id="app"></div>');
    }
    expect(rt.ui.sidebars.length).toBe(4);
  });
});
