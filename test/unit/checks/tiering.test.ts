import { ZoneDays } from '../../../src/core/dates';
import { readTable } from '../../../src/core/table';
import {
  computeTiers,
  exchangeRatesFrom,
  parseExchangeRates,
  rateOf,
  thresholdsFrom,
  tierOf,
} from '../../../src/core/tiering';
import {
  SALESDESK_DAYS_SINCE,
  SALESDESK_IS_EMAIL,
  SALESDESK_NORMALIZE_PHONE,
  SALESDESK_RFM,
  SALESDESK_TIER,
} from '../../../src/functions';
import { columnHeaders, defaultSettings } from '../../../templates';
import { tierFormulas } from '../../../templates/formulas';

const zone = new ZoneDays('Asia/Shanghai');
const at = (iso: string) => new Date(`${iso}T00:00:00+08:00`);
const TODAY = zone.dayOfInstant(at('2026-11-23'));
const thresholds = thresholdsFrom(defaultSettings()); // VIP 100 000 or 10 orders, active 90 d, lost 180 d

describe('exchange rates', () => {
  it('parses CODE=number lists, ignoring bad entries', () => {
    const parsed = parseExchangeRates(' usd = 7.1; EUR=7.7, GBP=abc, HKD=0');
    expect([...parsed.rates]).toEqual([
      ['USD', 7.1],
      ['EUR', 7.7],
    ]);
    expect(parsed.bad).toEqual(['GBP=ABC', 'HKD=0']);
  });
  it('converts into the Settings currency; blank is the base; aliases map to codes', () => {
    const rates = exchangeRatesFrom({ ...defaultSettings(), currency: 'CNY', exchangeRates: 'USD=7' });
    expect(rateOf(rates, '')).toBe(1);
    expect(rateOf(rates, 'RMB')).toBe(1);
    expect(rateOf(rates, 'US$')).toBe(7);
    expect(rateOf(rates, 'EUR')).toBeUndefined();
  });
});

describe('tierOf', () => {
  const s = (total: number, orders: number, lastPurchase: number | null) => ({ total, orders, lastPurchase });
  it.each([
    [
      'lost beats VIP when nothing happened for more than 180 days',
      s(500_000, 20, TODAY - 181),
      null,
      'lost',
    ],
    ['a recent contact keeps a lapsed buyer from Lost', s(500, 1, TODAY - 300), TODAY - 10, 'potential'],
    ['VIP by amount', s(100_000, 1, TODAY - 100), null, 'vip'],
    ['VIP by orders', s(10, 10, TODAY - 100), null, 'vip'],
    ['active within 90 days', s(10, 1, TODAY - 90), null, 'active'],
    ['potential after 90 days', s(10, 1, TODAY - 91), null, 'potential'],
    ['never bought, never contacted', s(0, 0, null), null, 'potential'],
    ['never bought, last contact long ago', s(0, 0, null), TODAY - 200, 'lost'],
  ])('%s', (_name, summary, contact, tier) => {
    expect(tierOf(summary, contact, TODAY, thresholds)).toBe(tier);
  });
});

describe('computeTiers and the custom functions agree', () => {
  const customers = readTable(
    [
      [
        'Customer ID',
        'Company',
        'Last contact',
        'Total purchases',
        'Orders',
        'First purchase',
        'Last purchase',
        'Tier',
      ],
      ['C-1', 'A', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['C-2', 'B', at('2026-11-01'), '', '', '', '', ''],
      ['C-3', 'C', '', '', '', '', '', ''],
    ],
    columnHeaders('customers'),
  );
  const dealRows = [
    ['Customer ID', 'Date', 'Amount', 'Currency', 'Status'],
    ['C-1', at('2026-10-01'), 60_000, 'CNY', 'Won'],
    ['c-1', at('2026-01-01'), 10_000, 'USD', '已成交'],
    ['C-1', at('2026-11-01'), 99_999, 'CNY', 'Lost'],
    ['C-2', at('2025-01-01'), 100, 'EUR', 'paid'],
    ['C-3', at('2026-11-20'), 5, 'XYZ', 'Won'],
  ];
  const deals = readTable(dealRows, columnHeaders('deals'));
  const settings = { ...defaultSettings(), exchangeRates: 'USD=7, EUR=8' };
  const run = computeTiers({
    customers,
    deals,
    rates: exchangeRatesFrom(settings),
    thresholds,
    zone,
    today: TODAY,
    language: 'zh-CN',
  });

  it('sums won deals in the base currency, skipping unknown currencies; blank rows stay blank', () => {
    expect(run.columns.totalPurchases).toEqual([130_000, '', 800, 0]);
    expect(run.columns.orderCount).toEqual([2, '', 1, 0]);
    expect(run.columns.firstPurchase[0]).toEqual(at('2026-01-01'));
    expect(run.columns.lastPurchase[0]).toEqual(at('2026-10-01'));
    expect(run.columns.tier).toEqual(['VIP', '', '潜在', '潜在']);
    expect(run.counts).toEqual({ vip: 1, active: 0, potential: 2, lost: 0 });
  });

  it('SALESDESK_RFM and SALESDESK_TIER give the same columns', () => {
    const ids = [['C-1'], [''], ['C-2'], ['C-3']];
    const col = (i: number) => dealRows.slice(1).map((row) => [row[i]]);
    const rfm = SALESDESK_RFM(
      ids,
      col(0),
      col(1),
      col(2),
      col(4),
      col(3),
      'USD=7, EUR=8',
      'CNY',
      at('2026-11-23'),
    );
    expect(rfm.map((row) => row[0])).toEqual(run.columns.totalPurchases);
    expect(rfm.map((row) => row[1])).toEqual(run.columns.orderCount);
    expect(rfm[0][4]).toBe(TODAY - zone.dayOfInstant(at('2026-10-01')));
    const tiers = SALESDESK_TIER(
      rfm.map((row) => [row[0]]),
      rfm.map((row) => [row[1]]),
      rfm.map((row) => [row[3]]),
      [[''], [''], [at('2026-11-01')], ['']],
      at('2026-11-23'),
      undefined,
      undefined,
      undefined,
      undefined,
      'zh-CN',
    );
    expect((tiers as string[][]).map((row) => row[0])).toEqual(run.columns.tier);
  });

  it('thresholds are optional arguments', () => {
    expect(SALESDESK_TIER(5_000, 1, at('2026-11-01'), '', at('2026-11-23'), 1_000)).toBe('VIP');
    expect(SALESDESK_TIER(5_000, 1, at('2026-11-01'), '', at('2026-11-23'))).toBe('Active');
  });
});

describe('helper custom functions', () => {
  it('work on single values and on ranges', () => {
    expect(SALESDESK_DAYS_SINCE([[at('2026-11-20')], [''], ['text']], at('2026-11-23'))).toEqual([
      [3],
      [''],
      [''],
    ]);
    expect(SALESDESK_NORMALIZE_PHONE('0086 138-0013-8000')).toBe('+8613800138000');
    expect(SALESDESK_IS_EMAIL([['a@b.co'], ['nope'], ['']])).toEqual([[true], [false], ['']]);
  });
});

describe('template formulas', () => {
  it('are one ARRAYFORMULA per column, reading Settings by key', () => {
    const formulas = tierFormulas({
      customers: {
        id: 'A',
        lastContact: 'S',
        totalPurchases: 'U',
        orderCount: 'V',
        firstPurchase: 'W',
        lastPurchase: 'X',
      },
      deals: { sheet: 'Deals', customerId: 'B', date: 'C', amount: 'E', currency: 'F', status: 'H' },
      settings: { sheet: 'Settings', key: 'A', value: 'B' },
      language: 'en',
    });
    for (const formula of Object.values(formulas)) expect(formula).toMatch(/^=ARRAYFORMULA\(IF\(A2:A="",""/);
    expect(formulas.tier).toContain('VLOOKUP("tierLostAfterDays"');
    expect(formulas.totalPurchases).toContain("'Deals'!E2:E");
    expect(Object.values(formulas).join('')).not.toMatch(/REGEX|QUERY|LET\(|LAMBDA/);
  });
});
