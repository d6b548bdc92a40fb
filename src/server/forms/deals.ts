/**
 * `apiSaveDeal`: validated again with the form's schema, then under the document lock one row appended to Deals and
 * the customer's totals, first/last purchase and tier refreshed in the same run (tiering core, same rules as
 * Refresh tiers).
 */
import { nextId } from '../../core/forms/customers';
import { issuesToFieldErrors } from '../../core/forms/errors';
import { FORM_FIELDS, makeDealFormSchema } from '../../core/forms/schemas';
import { toSheetRecord } from '../../core/forms/records';
import { cell } from '../../core/table';
import { formsContext, withDocumentLock } from './context';
import { findEditableCustomer } from './customer-access';
import { zonedInstant } from './dates';
import { appendRecord, openTable, readLists, writeCells } from './sheets';
import { customerTierUpdate } from './tiering';
import type { SaveDealResult } from './types';

/**
 * Logs a deal.
 * @param input the form's values: customerId, product, amount, currency, paymentMethod, date, status, expectedClose,
 *   notes.
 * @returns 'saved' with the deal id and the customer's new totals and tier, or 'invalid' (nothing written).
 * @throws Error (localised) when a sheet is missing or the lock cannot be had.
 */
export function apiSaveDeal(input: Record<string, string>): SaveDealResult {
  const ctx = formsContext();
  const { t } = ctx;
  const parsed = makeDealFormSchema(t, readLists(ctx.spreadsheet)).safeParse(input ?? {});
  if (!parsed.success) return { status: 'invalid', errors: issuesToFieldErrors(parsed.error.issues) };
  const data = parsed.data as Record<string, unknown>;

  return withDocumentLock(t, (): SaveDealResult => {
    const customers = openTable(ctx.spreadsheet, 'customers', t, ctx.language, ['id']);
    const found = findEditableCustomer(ctx, customers, String(data.customerId));
    if ('error' in found) return { status: 'invalid', errors: { customerId: found.error } };
    const { index, summary } = found;

    const deals = openTable(ctx.spreadsheet, 'deals', t, ctx.language, ['customerId', 'amount', 'status']);
    const id = nextId(
      deals.table.rows.map((row) => cell(deals.table, row, 'id')),
      'D-',
    );
    const now = new Date();
    // appendRecord also adds the row to deals.table, so the totals below include this deal without a re-read.
    const row = appendRecord(deals, {
      ...toSheetRecord('deals', FORM_FIELDS.deal, data, ctx.language, (local) =>
        zonedInstant(local, ctx.timeZone),
      ),
      id,
      customerId: summary.id,
      rep: ctx.user,
      updatedBy: ctx.user,
      updatedAt: now,
    });

    const update = customerTierUpdate(
      ctx,
      deals.table,
      summary.id,
      cell(customers.table, customers.table.rows[index], 'lastContact'),
      now,
    );
    writeCells(customers, summary.row, { ...update.cells, updatedBy: ctx.user, updatedAt: now });
    return {
      status: 'saved',
      id,
      row,
      name: summary.contact || summary.company || summary.id,
      totalPurchases: Math.round(update.summary.total * 100) / 100,
      orderCount: update.summary.orders,
      tier: update.cells.tier,
    };
  });
}
