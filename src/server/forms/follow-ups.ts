/**
 * `apiSaveFollowUp`: validated again with the form's schema, then under the document lock one row appended to
 * Follow-ups and the customer's last contact / next follow-up updated in the same run.
 */
import { nextId, text } from '../../core/forms/customers';
import { asSheetText, issuesToFieldErrors } from '../../core/forms/errors';
import { makeFollowUpFormSchema } from '../../core/forms/schemas';
import { followUpCustomerUpdate } from '../../core/forms/updates';
import { cell } from '../../core/table';
import { formsContext, withDocumentLock } from './context';
import { findEditableCustomer } from './customer-access';
import { sheetDate, zonedInstant } from './dates';
import { appendRecords, openTable, readLists, writeCells } from './sheets';
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
  const data = parsed.data;

  return withDocumentLock(t, (): SaveFollowUpResult => {
    const customers = openTable(ctx.spreadsheet, 'customers', t, ['id']);
    const found = findEditableCustomer(ctx, customers, data.customerId);
    if ('error' in found) return { status: 'invalid', errors: { customerId: found.error } };
    const { index, summary } = found;

    const followUps = openTable(ctx.spreadsheet, 'followups', t, ['customerId']);
    const id = nextId(
      followUps.table.rows.map((row) => cell(followUps.table, row, 'id')),
      'F-',
    );
    const row = appendRecords(followUps, [
      {
        id,
        customerId: summary.id,
        time: zonedInstant(data.time, ctx.timeZone),
        channel: data.channel,
        content: asSheetText(data.content),
        result: data.result,
        nextStep: asSheetText(data.nextStep),
        nextDate: sheetDate(data.nextDate, ctx.timeZone),
        rep: ctx.user,
        done: false,
      },
    ]);

    const customerRow = customers.table.rows[index];
    const update = followUpCustomerUpdate(
      {
        lastContact: text(cell(customers.table, customerRow, 'lastContact'), ctx.formatDate),
        nextFollowUp: text(cell(customers.table, customerRow, 'nextFollowUp'), ctx.formatDate),
      },
      data.time.slice(0, 10),
      data.nextDate,
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
