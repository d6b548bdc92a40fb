/**
 * Tiers for every customer row: what Refresh tiers writes and what the CLI prints. One pass over Deals, one over
 * Customers; the output columns line up with the Customers table's rows (blank rows stay blank).
 */
import { listLabel, type Language } from '../../../templates/lists';
import type { ZoneDays } from '../dates';
import { isBlankRow, type Table } from '../table';
import type { ExchangeRates } from './rates';
import {
  customerKey,
  NO_PURCHASES,
  summarisePurchases,
  tierOf,
  type PurchaseSummary,
  type TierCode,
  type TierThresholds,
} from './rfm';

export * from './rates';
export * from './rfm';

/** The computed Customers columns, in the order Refresh tiers writes them. */
export const TIER_COLUMNS = [
  'totalPurchases',
  'orderCount',
  'firstPurchase',
  'lastPurchase',
  'tier',
] as const;
export type TierColumn = (typeof TIER_COLUMNS)[number];

export interface CustomerTier {
  /** 1-based sheet row. */
  row: number;
  id: string;
  summary: PurchaseSummary;
  tier: TierCode;
  /** Days since the last purchase, null without one. */
  daysSinceLastPurchase: number | null;
}

export interface TierRun {
  customers: CustomerTier[];
  /** Per Customers data row (blank rows included), the values of each computed column. */
  columns: Record<TierColumn, unknown[]>;
  counts: Record<TierCode, number>;
}

export interface TierInput {
  customers: Table<string>;
  deals: Table<string>;
  rates: ExchangeRates;
  thresholds: TierThresholds;
  zone: ZoneDays;
  /** Day number of today in the spreadsheet time zone. */
  today: number;
  /** Language of the tier labels written to the sheet (the workbook's language). */
  language: Language;
}

export function computeTiers(input: TierInput): TierRun {
  const { customers, zone, today } = input;
  const purchases = summarisePurchases(input.deals, input.rates, zone);
  const idIndex = customers.columns.id;
  const contactIndex = customers.columns.lastContact;
  const columns = Object.fromEntries(TIER_COLUMNS.map((key) => [key, [] as unknown[]])) as Record<
    TierColumn,
    unknown[]
  >;
  const counts: Record<TierCode, number> = { vip: 0, active: 0, potential: 0, lost: 0 };
  const out: CustomerTier[] = [];
  customers.rows.forEach((row, offset) => {
    const id = idIndex === undefined ? '' : String(row[idIndex] ?? '').trim();
    // Rows without an ID are blank for the formulas too (IF(A2:A="","",…)); they get no tier.
    if (isBlankRow(row) || id === '') {
      for (const key of TIER_COLUMNS) columns[key].push('');
      return;
    }
    const summary = purchases.get(customerKey(id)) ?? NO_PURCHASES;
    const contactCell = contactIndex === undefined ? '' : row[contactIndex];
    const lastContact = contactCell instanceof Date ? zone.dayOfCell(contactCell) : null;
    const tier = tierOf(summary, lastContact, today, input.thresholds);
    counts[tier]++;
    out.push({
      row: customers.firstRow + offset,
      id,
      summary,
      tier,
      daysSinceLastPurchase: summary.lastPurchase === null ? null : today - summary.lastPurchase,
    });
    columns.totalPurchases.push(summary.total);
    columns.orderCount.push(summary.orders);
    columns.firstPurchase.push(summary.firstPurchase === null ? '' : zone.midnightOf(summary.firstPurchase));
    columns.lastPurchase.push(summary.lastPurchase === null ? '' : zone.midnightOf(summary.lastPurchase));
    columns.tier.push(listLabel('tier', tier, input.language) ?? tier);
  });
  return { customers: out, columns, counts };
}
