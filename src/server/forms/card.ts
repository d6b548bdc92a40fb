/** `apiCustomerCard`: the card of the customer on the selected row (Customers, Deals or Follow-ups). */
import { buildCustomerCard } from '../../core/forms/card';
import { cardInLanguage } from '../../core/forms/card-language';
import { formsContext } from './context';
import { selectedCustomerId } from './customers';
import { openTable, tryOpenTable } from './sheets';
import { sameEmail } from '../../core/roles';
import type { CardResult } from './types';
import { openCardOpportunities } from '../opportunities/card';
import { customerServiceCard } from '../service/save';

/**
 * The selected customer's details, follow-ups and deals, newest first.
 * @returns 'ok' with the card, or 'noSelection' with a localised hint when no customer row is selected or the
 *   customer is not one the user may see.
 */
export function apiCustomerCard(): CardResult {
  const ctx = formsContext();
  const customers = openTable(ctx.spreadsheet, 'customers', ctx.t, ctx.language, ['id']);
  const id = selectedCustomerId(ctx, customers);
  if (id === '') return { status: 'noSelection', message: ctx.t('forms.card.selectRow') };
  const idColumn = customers.table.columns.id as number;
  const index = customers.table.rows.findIndex(
    (row) =>
      String(row[idColumn] ?? '')
        .trim()
        .toLowerCase() === id.toLowerCase(),
  );
  if (index < 0) return { status: 'noSelection', message: ctx.t('forms.err.customerNotFound', { id }) };
  const ownerColumn = customers.table.columns.owner;
  const owner = ownerColumn === undefined ? '' : customers.table.rows[index][ownerColumn];
  if (!ctx.isManager && !sameEmail(owner, ctx.user))
    return { status: 'noSelection', message: ctx.t('forms.err.notYourCustomer', { id }) };
  const followUps = tryOpenTable(ctx.spreadsheet, 'followups');
  const deals = tryOpenTable(ctx.spreadsheet, 'deals');
  const card = buildCustomerCard(
    customers.table,
    index,
    followUps?.table ?? null,
    deals?.table ?? null,
    ctx.formatDate,
    ctx.formatDateTime,
  );
  const opportunities = openCardOpportunities(ctx, id);
  if (opportunities) card.opportunities = opportunities;
  // After-sales records (open complaints first), when the workbook has a Service sheet.
  const service = customerServiceCard(ctx, card.details.id ?? id);
  if (service) card.service = service;
  // List values are kept in the workbook's language; a reader of the other language sees them in theirs.
  return { status: 'ok', card: ctx.locale === ctx.language ? card : cardInLanguage(card, ctx.locale) };
}
