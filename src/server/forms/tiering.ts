/**
 * A customer's totals and tier after a deal, through the tiering core (src/core/tiering): the same rules, currency
 * conversion and labels as Refresh tiers, for one customer.
 */
import { zoneDays } from '../../core/dates';
import type { Table } from '../../core/table';
import {
  customerKey,
  exchangeRatesFrom,
  NO_PURCHASES,
  summarisePurchases,
  thresholdsFrom,
  tierOf,
  type PurchaseSummary,
  type TierCode,
} from '../../core/tiering';
import { listLabel } from '../../../templates/lists';
import type { FormsContext } from './context';

export interface CustomerTierUpdate {
  summary: PurchaseSummary;
  tier: TierCode;
  /** Values of the computed Customers columns, as Refresh tiers writes them. */
  cells: {
    totalPurchases: number;
    orderCount: number;
    firstPurchase: Date | '';
    lastPurchase: Date | '';
    tier: string;
  };
}

/**
 * Totals and tier of `customerId` over `deals` (which already holds the new deal).
 * @param lastContactCell the customer's last-contact cell as read.
 */
export function customerTierUpdate(
  ctx: FormsContext,
  deals: Table<string>,
  customerId: string,
  lastContactCell: unknown,
  now: Date,
): CustomerTierUpdate {
  const zone = zoneDays(ctx.timeZone);
  const rates = exchangeRatesFrom(ctx.settings, ctx.settingsTable);
  const summary = summarisePurchases(deals, rates, zone).get(customerKey(customerId)) ?? NO_PURCHASES;
  const lastContact = zone.dayOfCell(lastContactCell instanceof Date ? lastContactCell : null);
  const tier = tierOf(summary, lastContact, zone.dayOfInstant(now), thresholdsFrom(ctx.settings));
  return {
    summary,
    tier,
    cells: {
      totalPurchases: summary.total,
      orderCount: summary.orders,
      firstPurchase: summary.firstPurchase === null ? '' : zone.midnightOf(summary.firstPurchase),
      lastPurchase: summary.lastPurchase === null ? '' : zone.midnightOf(summary.lastPurchase),
      tier: listLabel('tier', tier, ctx.language) ?? tier,
    },
  };
}
