import { exchangeRatesFrom, rateOf } from '../../../src/core/tiering/rates';
import { defaultSettings, generateSample, listValueCode, SETTINGS } from '../../../templates';
import { isValidPhoneText } from './phone';
import { parsePhone } from '../../../src/core/validation/phone';

const now = '2026-11-23T02:00:00Z';

describe('sample data', () => {
  const sample = generateSample({ now, seed: 7 });

  it('is deterministic for a seed and differs for another', () => {
    expect(generateSample({ now, seed: 7 })).toEqual(sample);
    expect(generateSample({ now, seed: 8 }).customers[0]).not.toEqual(sample.customers[0]);
  });

  it('has at least 200 customers, deals and follow-ups across 6 reps of every kind', () => {
    expect(sample.customers.length).toBeGreaterThanOrEqual(200);
    expect(sample.deals.length).toBeGreaterThanOrEqual(200);
    expect(sample.followups.length).toBeGreaterThanOrEqual(200);
    expect(sample.reps).toHaveLength(6);
    const roles = sample.reps.map((rep) => listValueCode('role', rep.role));
    expect(roles.filter((role) => role === 'manager')).toHaveLength(1);
    expect(roles.filter((role) => role === 'senior').length).toBeGreaterThanOrEqual(1);
    expect(sample.reps.some((rep) => rep.active === false)).toBe(true);
    expect(
      sample.reps.some((rep) => rep.outOfOfficeUntil !== '' && String(rep.outOfOfficeUntil) > sample.today),
    ).toBe(true);
  });

  it('mixes Chinese and Western customers, +86 and other phones, CNY and USD', () => {
    expect(sample.customers.some((c) => /[\u4e00-\u9fff]/.test(String(c.company)))).toBe(true);
    expect(sample.customers.some((c) => /^[A-Za-z]/.test(String(c.company)))).toBe(true);
    expect(sample.customers.some((c) => String(c.phone).startsWith('+86 '))).toBe(true);
    expect(sample.customers.some((c) => /^\+(1|44|49|33|65|61|852) /.test(String(c.phone)))).toBe(true);
    expect(new Set(sample.deals.map((d) => d.currency))).toEqual(new Set(['CNY', 'USD']));
    for (const customer of sample.customers) expect(isValidPhoneText(String(customer.phone))).toBe(true);
    // 11-digit mainland mobiles, not 12 (issue 13 §3), and landlines with their area code.
    const kinds = new Set(sample.customers.map((c) => parsePhone(c.phone)?.kind));
    expect(kinds).toEqual(new Set(['mobile', 'landline', 'international']));
  });

  it('has unassigned leads, customers to reassign and overdue open follow-ups', () => {
    expect(sample.customers.filter((c) => c.owner === '').length).toBeGreaterThanOrEqual(10);
    expect(sample.customers.some((c) => c.reassign === true)).toBe(true);
    const overdue = sample.followups.filter(
      (f) => f.done === false && f.nextDate !== '' && String(f.nextDate) < sample.today,
    );
    expect(overdue.length).toBeGreaterThanOrEqual(5);
  });

  it('is consistent: every reference resolves, labels are in the list, totals match won deals, no duplicates', () => {
    const ids = new Set(sample.customers.map((c) => c.id));
    expect(ids.size).toBe(sample.customers.length);
    for (const deal of sample.deals) expect(ids.has(deal.customerId)).toBe(true);
    for (const followup of sample.followups) expect(ids.has(followup.customerId)).toBe(true);
    const rates = exchangeRatesFrom(defaultSettings());
    const won = new Map<unknown, number>();
    for (const deal of sample.deals) {
      expect(listValueCode('dealStatus', deal.status)).toBeDefined();
      expect(Number(deal.amount)).toBeGreaterThan(0);
      if (listValueCode('dealStatus', deal.status) === 'won')
        won.set(
          deal.customerId,
          (won.get(deal.customerId) ?? 0) + Number(deal.amount) * (rateOf(rates, deal.currency) ?? 0),
        );
    }
    for (const customer of sample.customers) {
      expect(customer.totalPurchases).toBe(won.get(customer.id) ?? 0);
      for (const list of ['industry', 'region', 'size', 'source', 'customerType', 'stage', 'tier'] as const)
        expect(listValueCode(list, customer[list])).toBeDefined();
      expect(String(customer.email)).toMatch(/^[^@\s]+@[^@\s]+\.[a-z.]+$/);
    }
    const emails = sample.customers.map((c) => c.email);
    expect(new Set(emails).size).toBe(emails.length);
    const pairs = sample.customers.map((c) => `${c.company}|${c.contact}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const tiers = new Set(sample.customers.map((c) => listValueCode('tier', c.tier)));
    expect(tiers).toEqual(new Set(['vip', 'active', 'potential', 'lost']));
    expect(SETTINGS.length).toBeGreaterThan(0);
  });

  it('speaks the workbook language in list columns', () => {
    const zh = generateSample({ now, seed: 7, language: 'zh-CN' });
    expect(zh.customers.map((c) => listValueCode('stage', c.stage))).toEqual(
      sample.customers.map((c) => listValueCode('stage', c.stage)),
    );
    expect(zh.deals.some((d) => d.status === '已成交')).toBe(true);
  });

  it('scales for the bench', () => {
    const big = generateSample({ now, seed: 1, customers: 20_000, deals: 60_000, followups: 40_000 });
    expect(big.customers).toHaveLength(20_000);
    expect(big.deals).toHaveLength(60_000);
    expect(big.customers[19_999].id).toBe('C-20000');
  });
});
