/**
 * Customers from the sidebars: the picker's list (`apiListCustomers`) and the new-customer save
 * (`apiSaveCustomer`): validated again here with the form's schema, checked for duplicates, written as one row
 * under the document lock.
 */
import {
  customerSummaries,
  findDuplicates,
  nextId,
  searchCustomers,
  type CustomerSummary,
} from '../../core/forms/customers';
import { FORM_FIELDS, makeCustomerFormSchema } from '../../core/forms/schemas';
import { toSheetRecord } from '../../core/forms/records';
import { sameEmail } from '../../core/roles';
import { issuesToFieldErrors } from '../../core/forms/errors';
import { formsContext, withDocumentLock, type FormsContext } from './context';
import { zonedInstant } from './dates';
import { readReps } from './directory';
import { appendRecord, openTable, readLists, type SheetTable } from './sheets';
import { readSheet } from '../adapters/workbook';
import { customerIdFromRow } from '../../core/forms/card';
import { normaliseHeader } from '../../core/table';
import { sheetNames } from '../../../templates/workbook';
import type { CustomerList, CustomerSearchResult, SaveCustomerRequest, SaveCustomerResult } from './types';

/** Customers the user may pick: their own, or all for a manager. */
export function visibleCustomers(
  ctx: FormsContext,
  customers: readonly CustomerSummary[],
): CustomerSummary[] {
  return ctx.isManager ? [...customers] : customers.filter((customer) => sameEmail(customer.owner, ctx.user));
}

/**
 * The customer the selected cell points at (a Customers row, or a Deals / Follow-ups row's customer), else ''.
 * Reads only the sheet the selection is on, and not even that when it is Customers and `customers` is given.
 */
export function selectedCustomerId(ctx: FormsContext, customers?: SheetTable): string {
  const range = ctx.spreadsheet.getActiveRange();
  if (!range) return '';
  const sheet = range.getSheet();
  const name = normaliseHeader(sheet.getName());
  const key = (['customers', 'deals', 'followups', 'service'] as const).find((candidate) =>
    sheetNames(candidate).some((known) => normaliseHeader(known) === name),
  );
  if (!key) return '';
  const table = key === 'customers' && customers ? customers.table : readSheet(sheet, key);
  return customerIdFromRow(table, range.getRow(), key === 'customers' ? 'id' : 'customerId') ?? '';
}

/**
 * How many customers a sidebar receives at once: google.script.run carries JSON, and a manager's 50 000 customers
 * (~10 MB) would make the picker slow to open; beyond this the picker searches on the server.
 */
export const PICKER_LIST_LIMIT = 2000;
/** Matches shown for one search. */
export const PICKER_SEARCH_LIMIT = 30;

function pickable(ctx: FormsContext, opened: SheetTable): CustomerSummary[] {
  const customers = visibleCustomers(ctx, customerSummaries(opened.table, ctx.formatDate)).filter(
    (c) => c.id !== '',
  );
  return customers.sort((a, b) => (b.lastContact || '').localeCompare(a.lastContact || '') || b.row - a.row);
}

/**
 * The customers the current user may pick in a form, most recently contacted first (the first
 * PICKER_LIST_LIMIT; the customer on the selected row is always included).
 * @returns the list, whether it covers every customer, and the id of the customer on the selected row.
 */
export function apiListCustomers(): CustomerList {
  const ctx = formsContext();
  const opened = openTable(ctx.spreadsheet, 'customers', ctx.t, ctx.language, ['id']);
  const all = pickable(ctx, opened);
  const selected = selectedCustomerId(ctx, opened);
  const selectedCustomer = all.find((c) => c.id === selected);
  const customers = all.slice(0, PICKER_LIST_LIMIT);
  if (selectedCustomer && !customers.includes(selectedCustomer)) customers.push(selectedCustomer);
  return {
    customers,
    all: ctx.isManager,
    selectedId: selectedCustomer ? selected : '',
    total: all.length,
    truncated: all.length > PICKER_LIST_LIMIT,
  };
}

/**
 * Searches the customers the current user may pick (by name, company, phone, e-mail or id), for lists too long to
 * send whole.
 * @param request.query what the user typed.
 * @returns the best matches (at most PICKER_SEARCH_LIMIT) and how many matched.
 */
export function apiSearchCustomers(request: { query: string }): CustomerSearchResult {
  const ctx = formsContext();
  const opened = openTable(ctx.spreadsheet, 'customers', ctx.t, ctx.language, ['id']);
  const matches = searchCustomers(pickable(ctx, opened), String(request?.query ?? ''));
  return { customers: matches.slice(0, PICKER_SEARCH_LIMIT), total: matches.length };
}

/**
 * Saves a new customer as one row of Customers.
 * @param request.customer the form's values (strings, as typed, keyed by column key).
 * @param request.allowDuplicate false on the first try: a likely duplicate returns 'duplicate' and writes nothing;
 *   true after the user chose "save anyway". (One object argument: what google.script.run and rt.call pass best.)
 * @returns 'saved' with the new id and row, 'invalid' with localised field errors, or 'duplicate' with matches.
 * @throws Error (localised) when the Customers sheet is missing or another save holds the lock too long.
 */
export function apiSaveCustomer(request: SaveCustomerRequest): SaveCustomerResult {
  const input = request?.customer;
  const allowDuplicate = request?.allowDuplicate === true;
  const ctx = formsContext();
  const { t } = ctx;
  const parsed = makeCustomerFormSchema(t, readLists(ctx.spreadsheet)).safeParse(input ?? {});
  if (!parsed.success) return { status: 'invalid', errors: issuesToFieldErrors(parsed.error.issues) };
  const data = parsed.data as Record<string, unknown>;
  const str = (key: string) => String(data[key] ?? '');

  // A rep's new customer is theirs; a manager may give it to any active rep or leave it unassigned; anyone else
  // (not an active rep) leaves it unassigned for the next assignment run.
  const reps = readReps(ctx.spreadsheet);
  let owner = '';
  if (ctx.isManager) {
    const chosen = str('owner').toLowerCase();
    if (chosen !== '') {
      const rep = reps.find((r) => sameEmail(r.email, chosen) && r.active);
      if (!rep)
        return { status: 'invalid', errors: { owner: t('forms.err.unknownOwner', { owner: chosen }) } };
      owner = rep.email;
    }
  } else if (reps.some((r) => sameEmail(r.email, ctx.user) && r.active)) {
    owner = ctx.user;
  }

  return withDocumentLock(t, (): SaveCustomerResult => {
    const customers = openTable(ctx.spreadsheet, 'customers', t, ctx.language, ['id', 'contact']);
    const summaries = customerSummaries(customers.table, ctx.formatDate);
    if (!allowDuplicate) {
      const matches = findDuplicates(summaries, {
        email: str('email'),
        phone: str('phone'),
        company: str('company'),
        contact: str('contact'),
      });
      if (matches.length > 0) {
        return {
          status: 'duplicate',
          matches: matches.slice(0, 5).map(({ customer, reasons }) => ({
            id: customer.id,
            company: customer.company,
            contact: customer.contact,
            row: customer.row,
            owner: customer.owner,
            reasons,
          })),
        };
      }
    }
    const id = nextId(
      summaries.map((c) => c.id),
      'C-',
    );
    const now = new Date();
    const row = appendRecord(customers, {
      ...toSheetRecord('customers', FORM_FIELDS.customer, data, ctx.language, (local) =>
        zonedInstant(local, ctx.timeZone),
      ),
      id,
      owner,
      reassign: false,
      created: zonedInstant(Utilities.formatDate(now, ctx.timeZone, 'yyyy-MM-dd'), ctx.timeZone),
      lastContact: '',
      updatedBy: ctx.user,
      updatedAt: now,
    });
    return { status: 'saved', id, row, name: str('contact') || str('company') };
  });
}
