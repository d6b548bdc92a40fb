/** Finding the customer a form refers to, and checking the user may write for them. */
import { customerSummaries, type CustomerSummary } from '../../core/forms/customers';
import { sameEmail } from '../../core/roles';
import type { FormsContext } from './context';
import type { SheetTable } from './sheets';

/**
 * The customer with `customerId`, when the user may log for them (their own, or any for a manager).
 * @returns the row index in the table and its summary, or a localised error for the customer field.
 */
export function findEditableCustomer(
  ctx: FormsContext,
  customers: SheetTable,
  customerId: string,
): { index: number; summary: CustomerSummary } | { error: string } {
  const wanted = customerId.trim().toLowerCase();
  const summary = customerSummaries(customers.table, ctx.formatDate).find(
    (c) => c.id.toLowerCase() === wanted,
  );
  if (!summary) return { error: ctx.t('forms.err.customerNotFound', { id: customerId }) };
  if (!ctx.isManager && !sameEmail(summary.owner, ctx.user))
    return { error: ctx.t('forms.err.notYourCustomer', { id: summary.id }) };
  return { index: summary.row - customers.table.firstRow, summary };
}
