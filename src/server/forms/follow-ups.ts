/**
 * `apiSaveFollowUp`: validated again with the form's schema, then under the document lock one row appended to
 * Follow-ups and the customer's last contact / next follow-up updated in the same run.
 */
import { nextId, text } from '../../core/forms/customers';
import { issuesToFieldErrors } from '../../core/forms/errors';
import { FORM_FIELDS, makeFollowUpFormSchema } from '../../core/forms/schemas';
import { toSheetRecord } from '../../core/forms/records';
import { followUpCustomerUpdate } from '../../core/forms/updates';
import { cell } from '../../core/table';
import { formsContext, withDocumentLock } from './context';
import { findEditableCustomer } from './customer-access';
import { sheetDate, zonedInstant } from './dates';
import { appendRecord, openTable, readLists, writeCells } from './sheets';
import type { SaveFollowUpResult } from './types';

/**
 * Logs a follow-up.
 * @param input the form's values: customerId, time (yyyy-MM-ddTHH:mm), channel, content, result, nextStep, nextDate.
 * @returns 'saved' with the new id, or 'invalid' with localised field errors (nothing written).
 * @throws Error (localised) when a sheet is missing or the lock cannot be had.
 */
export function apiSaveFollowUp(input: Record<string, string>): SaveFollowUpResult {
  const ctx = formsContext();
  const { t } = ctx;
  const parsed = makeFollowUpFormSchema(t, readLists(ctx.spreadsheet)).safeParse(input ?? {});
  if (!parsed.success) return { status: 'invalid', errors: issuesToFieldErrors(parsed.error.issues) };
  const data = parsed.data as Record<string, unknown>;
  const time = String(data.time ?? '');
  const nextDate = String(data.nextDate ?? '');

  return withDocumentLock(t, (): SaveFollowUpResult => {
    const customers = openTable(ctx.spreadsheet, 'customers', t, ctx.language, ['id']);
    const found = findEditableCustomer(ctx, customers, String(data.customerId));
    if ('error' in found) return { status: 'invalid', errors: { customerId: found.error } };
    const { index, summary } = found;

    const followUps = openTable(ctx.spreadsheet, 'followups', t, ctx.language, ['customerId']);
    const id = nextId(
      followUps.table.rows.map((row) => cell(followUps.table, row, 'id')),
      'F-',
    );
    const row = appendRecord(followUps, {
      ...toSheetRecord('followups', FORM_FIELDS.followUp, data, ctx.language, (local) =>
        zonedInstant(local, ctx.timeZone),
      ),
      id,
      customerId: summary.id,
      rep: ctx.user,
      done: false,
    });

    const customerRow = customers.table.rows[index];
    const update = followUpCustomerUpdate(
      {
        lastContact: text(cell(customers.table, customerRow, 'lastContact'), ctx.formatDate),
        nextFollowUp: text(cell(customers.table, customerRow, 'nextFollowUp'), ctx.formatDate),
      },
      time.slice(0, 10),
      nextDate,
    );
    writeCells(customers, summary.row, {
      lastContact: sheetDate(update.lastContact, ctx.timeZone),
      nextFollowUp: sheetDate(update.nextFollowUp, ctx.timeZone),
      updatedBy: ctx.user,
      updatedAt: new Date(),
    });
    return {
      status: 'saved',
      id,
      row,
      name: summary.contact || summary.company || summary.id,
      nextFollowUp: update.nextFollowUp,
    };
  });
}
