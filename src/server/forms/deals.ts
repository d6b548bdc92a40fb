/**
 * `apiSaveDeal`: validated again with the form's schema, then under the document lock one row appended to Deals and
 * the customer's totals (won deals), first/last purchase and tier refreshed in the same run.
 */
import { nextId, text } from '../../core/forms/customers';
import { asSheetText, issuesToFieldErrors } from '../../core/forms/errors';
import { makeDealFormSchema } from '../../core/forms/schemas';
import { customerTotals } from '../../core/forms/updates';
import { cell } from '../../core/table';
import { formsContext, withDocumentLock } from './context';
import { findEditableCustomer } from './customer-access';
import { sheetDate } from './dates';
import { appendRecords, openTable, readLists, writeCells } from './sheets';
import { isWonStatus, tierLabel } from './tiering';
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
  const lists = readLists(ctx.spreadsheet);
  const parsed = makeDealFormSchema(t, lists).safeParse(input ?? {});
  if (!parsed.success) return { status: 'invalid', errors: issuesToFieldErrors(parsed.error.issues) };
  const data = parsed.data;

  return withDocumentLock(t, (): SaveDealResult => {
    const customers = openTable(ctx.spreadsheet, 'customers', t, ['id']);
    const found = findEditableCustomer(ctx, customers, data.customerId);
    if ('error' in found) return { status: 'invalid', errors: { customerId: found.error } };
    const { index, summary } = found;

    const deals = openTable(ctx.spreadsheet, 'deals', t, ['customerId', 'amount']);
    const id = nextId(
      deals.table.rows.map((row) => cell(deals.table, row, 'id')),
      'D-',
    );
    const now = new Date();
    const record = {
      id,
      customerId: summary.id,
      date: sheetDate(data.date, ctx.timeZone),
      product: data.product,
      amount: data.amount ?? 0,
      currency: data.currency,
      paymentMethod: data.paymentMethod,
      status: data.status,
      expectedClose: sheetDate(data.expectedClose, ctx.timeZone),
      notes: asSheetText(data.notes),
      rep: ctx.user,
      updatedBy: ctx.user,
      updatedAt: now,
    };
    const row = appendRecords(deals, [record]);

    // Totals over the deals as read plus the one just written (no second read of Deals).
    const withNew = {
      ...deals.table,
      rows: [...deals.table.rows, rowFromRecord(deals.table.columns, deals.table.header.length, record)],
    };
    const totals = customerTotals(withNew, summary.id, isWonStatus, ctx.formatDate);
    const customerRow = customers.table.rows[index];
    const today = Utilities.formatDate(now, ctx.timeZone, 'yyyy-MM-dd');
    const tier = tierLabel(
      totals,
      text(cell(customers.table, customerRow, 'lastContact'), ctx.formatDate),
      today,
      ctx.settings,
      lists.tier ?? [],
    );
    writeCells(customers, summary.row, {
      totalPurchases: totals.totalPurchases,
      orderCount: totals.orderCount,
      firstPurchase: sheetDate(totals.firstPurchase, ctx.timeZone),
      lastPurchase: sheetDate(totals.lastPurchase, ctx.timeZone),
      tier,
      updatedBy: ctx.user,
      updatedAt: now,
    });
    return {
      status: 'saved',
      id,
      row,
      name: summary.contact || summary.company || summary.id,
      totalPurchases: totals.totalPurchases,
      orderCount: totals.orderCount,
      tier,
    };
  });
}

function rowFromRecord(
  columns: Record<string, number | undefined>,
  width: number,
  record: Record<string, unknown>,
): unknown[] {
  const row: unknown[] = new Array(width).fill('');
  for (const [key, value] of Object.entries(record)) {
    const index = columns[key];
    if (index !== undefined) row[index] = value;
  }
  return row;
}
