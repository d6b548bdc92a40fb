/**
 * Customer tiering from Deals: recency, frequency and monetary value (RFM) per customer, then a tier.
 *
 * A deal counts as a purchase when its status is "won" (any label or alias of the dealStatus list, either
 * language), its amount is a number and its currency has a rate (see rates.ts). Per customer: total of counted
 * amounts in the Settings currency, number of counted deals, first and last purchase day.
 *
 * Tier, first rule that holds (thresholds from Settings):
 *  1. Lost      — the latest of last purchase and last contact is more than `tierLostAfterDays` days ago;
 *  2. VIP       — at least one purchase and (total ≥ `tierVipMinAmount` or orders ≥ `tierVipMinOrders`);
 *  3. Active    — last purchase at most `tierActiveMaxDays` days ago;
 *  4. Potential — everything else (no purchase yet, or a purchase a while ago but still in contact).
 * The template formulas (templates/formulas.ts) and the custom functions (src/functions) compute the same.
 */
import { listValueCode } from '../../../templates/lists';
import { defaultSettings, type Settings } from '../../../templates/settings';
import type { ZoneDays } from '../dates';
import { isBlankRow, type Table } from '../table';
import { rateOf, type ExchangeRates } from './rates';

export type TierCode = 'vip' | 'active' | 'potential' | 'lost';
export const TIER_CODES: readonly TierCode[] = ['vip', 'active', 'potential', 'lost'];

export interface TierThresholds {
  vipMinAmount: number;
  vipMinOrders: number;
  activeMaxDays: number;
  lostAfterDays: number;
}

export function thresholdsFrom(settings: Partial<Settings> | undefined): TierThresholds {
  const defaults = defaultSettings();
  const pick = (value: unknown, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return {
    vipMinAmount: pick(settings?.tierVipMinAmount, defaults.tierVipMinAmount),
    vipMinOrders: pick(settings?.tierVipMinOrders, defaults.tierVipMinOrders),
    activeMaxDays: pick(settings?.tierActiveMaxDays, defaults.tierActiveMaxDays),
    lostAfterDays: pick(settings?.tierLostAfterDays, defaults.tierLostAfterDays),
  };
}

export interface PurchaseSummary {
  /** Sum of counted amounts in the Settings currency. */
  total: number;
  orders: number;
  /** Day numbers (days since 1970-01-01 in the spreadsheet time zone), null without a dated purchase. */
  firstPurchase: number | null;
  lastPurchase: number | null;
}

export const NO_PURCHASES: Readonly<PurchaseSummary> = Object.freeze({
  total: 0,
  orders: 0,
  firstPurchase: null,
  lastPurchase: null,
});

/** True when a deal status label (either language, aliases too) means the deal was won. */
export function isWonStatus(status: unknown): boolean {
  return listValueCode('dealStatus', status) === 'won';
}

/** How customer IDs are compared: trimmed, case-insensitive (as SUMIFS matches them). */
export function customerKey(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toUpperCase();
}

/**
 * Purchase summaries per customer key from the Deals table, in one pass.
 * @param zone the spreadsheet time zone, to read date cells as calendar days.
 */
export function summarisePurchases(
  deals: Table<string>,
  rates: ExchangeRates,
  zone: ZoneDays,
): Map<string, PurchaseSummary> {
  const { customerId, date, amount, currency, status } = deals.columns;
  const out = new Map<string, PurchaseSummary>();
  if (customerId === undefined || amount === undefined || status === undefined) return out;
  for (const row of deals.rows) {
    if (isBlankRow(row)) continue;
    const deal = countedDeal(
      row[customerId],
      date === undefined ? '' : row[date],
      row[amount],
      currency === undefined ? '' : row[currency],
      row[status],
      rates,
      (value) => zone.dayOfCell(value instanceof Date || typeof value === 'number' ? value : null),
    );
    if (!deal) continue;
    addPurchase(out, deal.key, deal.amount, deal.day);
  }
  return out;
}

/** A deal as a counted purchase, or null when it does not count. */
export function countedDeal(
  customer: unknown,
  date: unknown,
  amount: unknown,
  currency: unknown,
  status: unknown,
  rates: ExchangeRates,
  dayOf: (value: unknown) => number | null,
): { key: string; amount: number; day: number | null } | null {
  const key = customerKey(customer);
  if (key === '' || typeof amount !== 'number' || !Number.isFinite(amount) || !isWonStatus(status))
    return null;
  const rate = rateOf(rates, currency);
  if (rate === undefined) return null;
  return { key, amount: amount * rate, day: dayOf(date) };
}

export function addPurchase(
  summaries: Map<string, PurchaseSummary>,
  key: string,
  amount: number,
  day: number | null,
): void {
  let summary = summaries.get(key);
  if (!summary) {
    summary = { total: 0, orders: 0, firstPurchase: null, lastPurchase: null };
    summaries.set(key, summary);
  }
  summary.total += amount;
  summary.orders += 1;
  if (day !== null) {
    if (summary.firstPurchase === null || day < summary.firstPurchase) summary.firstPurchase = day;
    if (summary.lastPurchase === null || day > summary.lastPurchase) summary.lastPurchase = day;
  }
}

/**
 * The tier of one customer.
 * @param lastContact day number of the last contact (Customers' last-contact column), or null.
 * @param today day number of today in the spreadsheet time zone.
 */
export function tierOf(
  summary: Pick<PurchaseSummary, 'total' | 'orders' | 'lastPurchase'>,
  lastContact: number | null,
  today: number,
  thresholds: TierThresholds,
): TierCode {
  const latest =
    summary.lastPurchase === null
      ? lastContact
      : lastContact === null
        ? summary.lastPurchase
        : Math.max(summary.lastPurchase, lastContact);
  if (latest !== null && today - latest > thresholds.lostAfterDays) return 'lost';
  if (
    summary.orders > 0 &&
    (summary.total >= thresholds.vipMinAmount || summary.orders >= thresholds.vipMinOrders)
  )
    return 'vip';
  if (summary.lastPurchase !== null && today - summary.lastPurchase <= thresholds.activeMaxDays)
    return 'active';
  return 'potential';
}
