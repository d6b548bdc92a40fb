/**
 * The *Log service* sidebar's server side: log a service record, list a customer's open records, close one.
 * Every call validates again with the form's schema (it never trusts the client) and lets a rep act only for
 * customers they own (managers for any), exactly as Log deal and Log follow-up do (findEditableCustomer). Writes go
 * under the document lock: a new record is one appended row; closing is the row's cells written in one setValues
 * per run of adjacent columns (result + satisfaction, closed + updated by/at).
 */
import { nextId } from '../../core/forms/customers';
import { issuesToFieldErrors } from '../../core/forms/errors';
import { toSheetRecord } from '../../core/forms/records';
import { zoneDays } from '../../core/dates';
import {
  SERVICE_FORM_FIELDS,
  closeRequestErrors,
  makeServiceFormSchema,
  type CloseServiceRequest,
} from '../../core/service/form';
import { asSheetText } from '../../core/forms/errors';
import { serviceCard, type CardService } from '../../core/service/card';
import { readServiceRecords, satisfactionOf } from '../../core/service/records';
import { cell } from '../../core/table';
import { listValueCode } from '../../../templates/lists';
import { openSheet, tryOpenSheet } from '../adapters/workbook';
import { formsContext, withDocumentLock, type FormsContext } from '../forms/context';
import { findEditableCustomer } from '../forms/customer-access';
import { formatters, zonedInstant } from '../forms/dates';
import { appendRecord, openTable, readLists, writeCells } from '../forms/sheets';
import type { FieldErrors } from '../forms/types';

export type SaveServiceResult =
  | { status: 'saved'; id: string; row: number; name: string; openComplaint: boolean }
  | { status: 'invalid'; errors: FieldErrors };

export type CloseServiceResult =
  | { status: 'closed'; id: string; name: string; alreadyClosed: boolean }
  | { status: 'invalid'; errors: FieldErrors };

export interface CustomerService {
  customerId: string;
  name: string;
  service: CardService;
}

const typeCode = (label: string): string | undefined => listValueCode('serviceType', label);

function openService(ctx: FormsContext) {
  return openSheet(ctx.spreadsheet, 'service', ctx.t, ctx.language, ['customerId', 'closed']);
}

/**
 * Logs a service record for a customer the user may log for.
 * @param input the form's values: customerId, time (yyyy-MM-ddTHH:mm), type, content, result, satisfaction,
 *   nextPlan, nextDate, closed ('true' or '').
 * @returns 'saved' with the new Service ID, or 'invalid' with localised field errors (nothing written).
 * @throws Error (localised) when a sheet is missing or the lock cannot be had.
 */
export function apiSaveService(input: Record<string, string>): SaveServiceResult {
  const ctx = formsContext();
  const { t } = ctx;
  const parsed = makeServiceFormSchema(t, readLists(ctx.spreadsheet)).safeParse(input ?? {});
  if (!parsed.success) return { status: 'invalid', errors: issuesToFieldErrors(parsed.error.issues) };
  const data = parsed.data as Record<string, unknown>;

  return withDocumentLock(t, (): SaveServiceResult => {
    const customers = openTable(ctx.spreadsheet, 'customers', t, ctx.language, ['id']);
    const found = findEditableCustomer(ctx, customers, String(data.customerId));
    if ('error' in found) return { status: 'invalid', errors: { customerId: found.error } };
    const { summary } = found;
    const service = openService(ctx);
    const id = nextId(
      service.table.rows.map((row) => cell(service.table, row, 'id')),
      'S-',
    );
    const record = toSheetRecord('service', SERVICE_FORM_FIELDS, data, ctx.language, (local) =>
      zonedInstant(local, ctx.timeZone),
    );
    const row = appendRecord(service, {
      ...record,
      id,
      customerId: summary.id,
      rep: ctx.user,
      closed: data.closed === true,
      updatedBy: ctx.user,
      updatedAt: new Date(),
    });
    return {
      status: 'saved',
      id,
      row,
      name: summary.company || summary.contact || summary.id,
      openComplaint: data.type === 'complaint' && data.closed !== true,
    };
  });
}

/**
 * A customer's service records (open complaints first, then newest), for the sidebar's "close a record" list.
 * @throws Error (localised) when the customer is unknown or not the user's.
 */
export function apiCustomerService(customerId: string): CustomerService {
  const ctx = formsContext();
  const customers = openTable(ctx.spreadsheet, 'customers', ctx.t, ctx.language, ['id']);
  const found = findEditableCustomer(ctx, customers, String(customerId ?? ''));
  if ('error' in found) throw new Error(found.error);
  const service = openService(ctx);
  const records = readServiceRecords(service.table, ctx.timeZone, typeCode);
  const todayDay = zoneDays(ctx.timeZone).dayOfInstant(new Date());
  const fmt = formatters(ctx.timeZone);
  return {
    customerId: found.summary.id,
    name: found.summary.company || found.summary.contact || found.summary.id,
    service: serviceCard(records, found.summary.id, todayDay, (ms) => fmt.dateTime(new Date(ms))),
  };
}

/**
 * Closes a service record (an open complaint, a visit whose next plan is done), with an optional result and rating.
 * @returns 'closed' (also when it already was), or 'invalid' with localised field errors (nothing written).
 * @throws Error (localised) when a sheet is missing or the lock cannot be had.
 */
export function apiCloseService(request: CloseServiceRequest): CloseServiceResult {
  const ctx = formsContext();
  const { t } = ctx;
  const errors = closeRequestErrors(t, request);
  if (Object.keys(errors).length > 0) return { status: 'invalid', errors };
  const wanted = String(request.id).trim().toLowerCase();
  const result = String(request.result ?? '').trim();
  const rating = satisfactionOf(String(request.satisfaction ?? '').trim());

  return withDocumentLock(t, (): CloseServiceResult => {
    const service = openService(ctx);
    const index = service.table.rows.findIndex(
      (row) =>
        String(cell(service.table, row, 'id') ?? '')
          .trim()
          .toLowerCase() === wanted,
    );
    if (index < 0)
      return { status: 'invalid', errors: { id: t('service.err.notFound', { id: request.id }) } };
    const row = service.table.rows[index];
    const customerId = String(cell(service.table, row, 'customerId') ?? '').trim();
    const customers = openTable(ctx.spreadsheet, 'customers', t, ctx.language, ['id']);
    const found = findEditableCustomer(ctx, customers, customerId);
    if ('error' in found) return { status: 'invalid', errors: { id: found.error } };
    const id = String(cell(service.table, row, 'id')).trim();
    const name = found.summary.company || found.summary.contact || found.summary.id;
    const closedIndex = service.table.columns.closed as number;
    if (row[closedIndex] === true && result === '' && rating === null)
      return { status: 'closed', id, name, alreadyClosed: true };
    const cells: Record<string, unknown> = { closed: true, updatedBy: ctx.user, updatedAt: new Date() };
    if (result !== '') cells.result = asSheetText(result);
    if (rating !== null) cells.satisfaction = rating;
    writeCells(service, service.table.firstRow + index, cells);
    return { status: 'closed', id, name, alreadyClosed: false };
  });
}

/**
 * The card's service section for the customer `customerId`, or undefined when the workbook has no Service sheet.
 * One read of the Service sheet.
 */
export function customerServiceCard(ctx: FormsContext, customerId: string): CardService | undefined {
  const service = tryOpenSheet(ctx.spreadsheet, 'service');
  if (!service) return undefined;
  const records = readServiceRecords(service.table, ctx.timeZone, typeCode);
  const todayDay = zoneDays(ctx.timeZone).dayOfInstant(new Date());
  const fmt = formatters(ctx.timeZone);
  return serviceCard(records, customerId, todayDay, (ms) => fmt.dateTime(new Date(ms)));
}
