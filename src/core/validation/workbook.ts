/**
 * Check data: every problem of the workbook in one pass per sheet, named by sheet, row and column, with a message
 * in the user's language. Driven by the template's column specs, so a new column type or rule is checked where it
 * is declared. Built for 20 000+ rows: one checker per column prepared up front, Maps for duplicates and
 * customer references, no work proportional to rows × rows.
 */
import { translator, type Locale } from '../i18n';
import { cell, isBlankRow, type Table } from '../table';
import { defaultSettings, parseSettings, type Settings } from '../../../templates/settings';
import { SHEETS, type ColumnSpec, type SheetKey } from '../../../templates/workbook';
import {
  columnChecker,
  isEmpty,
  listSets,
  normaliseName,
  type FieldIssue,
  type ListsInSheet,
  type ProblemCode,
} from './fields';
import { normalizePhone } from './phone';
import { checkDates, dateRulesOf } from './plausible-dates';
import { ZoneDays } from '../dates';
import { exchangeRatesFrom, rateOf } from '../tiering/rates';

export type Severity = 'error' | 'warning';

export interface CheckProblem {
  /** Sheet name as it stands in the workbook. */
  sheet: string;
  sheetKey: SheetKey;
  /** 1-based sheet row (the header is row 1). */
  row: number;
  /** Header text as it stands in the sheet ('' when the problem is about a whole sheet). */
  column: string;
  columnKey: string;
  /** 1-based sheet column, or 0 when the column is missing. */
  col: number;
  code: ProblemCode;
  severity: Severity;
  message: string;
  /** The offending value as shown, when there is one. */
  value?: string;
}

/** A sheet as read once: its name in the workbook and its table found by header. */
export interface SheetInput {
  name: string;
  table: Table<string>;
}
export type WorkbookSheets = Partial<Record<SheetKey, SheetInput>>;

/** The sheets Check data looks at, in report order. */
export const CHECKED_SHEETS: readonly SheetKey[] = [
  'customers',
  'deals',
  'followups',
  'opportunities',
  'service',
  'reps',
  'settings',
];

/** A sheet whose rows belong to a customer (a Customer ID column in the template): the ID must be a customer's. */
function refersToCustomer(sheetKey: SheetKey): boolean {
  return sheetKey !== 'customers' && SHEETS[sheetKey].columns.some((spec) => spec.key === 'customerId');
}

/** Sheets whose amounts are converted into the Settings currency, and the problem a currency without a rate is. */
const RATE_PROBLEMS: Partial<Record<SheetKey, ProblemCode>> = {
  deals: 'unknownCurrencyRate',
  opportunities: 'unknownForecastRate',
};

/** Columns of a sheet whose values are checked: computed ones are SalesDesk's own output. */
function checkedColumns(sheetKey: SheetKey): ColumnSpec[] {
  return SHEETS[sheetKey].columns.filter((spec) => !spec.computed);
}

/** Required in Check data: template-required columns, and the customer ID others refer to. */
function isRequired(sheetKey: SheetKey, spec: ColumnSpec): boolean {
  return !!spec.required || (sheetKey === 'customers' && spec.key === 'id');
}

const WARNING_CODES = new Set<ProblemCode>([
  'dateText',
  'unknownRep',
  'duplicateEmail',
  'duplicatePhone',
  'duplicateCompanyContact',
  'unknownCurrencyRate',
  'unknownForecastRate',
  'dateBefore',
  'dateFar',
]);

/**
 * `text` in upper case; `text` itself when ASCII with no lower-case letter (toUpperCase copies every string, and
 * each copy kept as a key of a 50 000-entry Set is garbage-collector work).
 */
function upperCased(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || code > 0x7f) return text.toUpperCase();
  }
  return text;
}

/** `text` in lower case; `text` itself when ASCII with no upper-case letter (see upperCased). */
function lowerCased(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || code > 0x7f) return text.toLowerCase();
  }
  return text;
}

function idKey(value: unknown): string {
  return upperCased(String(value ?? '').trim());
}

export interface CheckOptions {
  /** Stop collecting after this many problems (the report says how many more there were). Default: all. */
  maxProblems?: number;
  /** The spreadsheet's time zone, in which dates of messages are shown. Default: UTC. */
  timeZone?: string;
}

export interface CheckResult {
  problems: CheckProblem[];
  /** Problems found in all, including any beyond maxProblems. */
  total: number;
  errors: number;
  warnings: number;
  /** Non-blank data rows checked per sheet key. */
  rowsChecked: Partial<Record<SheetKey, number>>;
}

/**
 * Checks the whole workbook.
 * @param sheets each sheet read once (missing sheets are reported).
 * @param lists the Lists sheet's labels per list key (a team's own additions are valid values).
 * @param settings parsed Settings (for currencies and exchange rates); read from `sheets.settings` when omitted.
 * @param locale language of the messages.
 */
export function checkWorkbook(
  sheets: WorkbookSheets,
  lists: ListsInSheet | undefined,
  settings: Settings | undefined,
  locale: Locale,
  options: CheckOptions = {},
): CheckResult {
  const t = translator(locale);
  const problems: CheckProblem[] = [];
  const limit = options.maxProblems ?? Number.POSITIVE_INFINITY;
  let total = 0;
  let errors = 0;
  let warnings = 0;
  const rowsChecked: Partial<Record<SheetKey, number>> = {};
  const listLabels = listSets(lists);
  const zone = new ZoneDays(options.timeZone ?? 'UTC');

  const add = (
    sheetKey: SheetKey,
    input: SheetInput | undefined,
    row: number,
    columnKey: string,
    issue: FieldIssue,
  ): void => {
    total++;
    const severity: Severity = WARNING_CODES.has(issue.code) ? 'warning' : 'error';
    if (severity === 'error') errors++;
    else warnings++;
    if (problems.length >= limit) return;
    const index = input?.table.columns[columnKey];
    const spec = SHEETS[sheetKey].columns.find((c) => c.key === columnKey);
    const column =
      index !== undefined && input
        ? String(input.table.header[index] ?? '')
        : spec
          ? spec.headers[locale]
          : '';
    problems.push({
      sheet: input?.name ?? SHEETS[sheetKey].names[locale],
      sheetKey,
      row,
      column,
      columnKey,
      col: index === undefined ? 0 : index + 1,
      code: issue.code,
      severity,
      message: t(`checks.problem.${issue.code}`, { column, ...issue.params }),
      value: issue.params?.value !== undefined ? String(issue.params.value) : undefined,
    });
  };

  // Settings first: their currency and exchange rates decide what a deal's currency problem is.
  let effectiveSettings = settings;
  const settingsInput = sheets.settings;
  if (settingsInput) {
    const { table } = settingsInput;
    const pairs = table.rows.map((r) => [cell(table, r, 'key'), cell(table, r, 'value')] as const);
    const parsed = parseSettings(pairs);
    effectiveSettings = effectiveSettings ?? parsed.settings;
    for (const problem of parsed.problems) {
      add('settings', settingsInput, table.firstRow + problem.rowIndex, 'value', {
        code: 'setting',
        params: {
          key: problem.key,
          value: String(problem.value),
          problem: t(`checks.setting.${problem.problem}`),
        },
      });
    }
    rowsChecked.settings = table.rows.filter((r) => !isBlankRow(r)).length;
  }
  effectiveSettings = effectiveSettings ?? defaultSettings();
  const rates = exchangeRatesFrom(effectiveSettings, settingsInput?.table);

  const repEmails = new Set<string>();
  const reps = sheets.reps;
  if (reps) {
    for (const row of reps.table.rows) {
      const email = String(cell(reps.table, row, 'email'))
        .trim()
        .toLowerCase();
      if (email) repEmails.add(email);
    }
  }

  // Customer IDs, read once: what deals and follow-ups refer to, and the customers' own duplicate-ID check.
  const customerIds = new FirstSeen();
  /** Row offset in Customers → the sheet row that first had its ID, for each repeated ID (a clean sheet has none). */
  const repeatedIds = new Map<number, number>();
  const customers = sheets.customers;
  if (customers) {
    const { table } = customers;
    const idIndex = table.columns.id;
    if (idIndex !== undefined) {
      table.rows.forEach((row, offset) => {
        const first = customerIds.firstRow(idKey(row[idIndex]), table.firstRow + offset);
        if (first !== undefined) repeatedIds.set(offset, first);
      });
    }
  }

  for (const sheetKey of CHECKED_SHEETS) {
    if (sheetKey === 'settings') continue;
    const input = sheets[sheetKey];
    if (!input) {
      add(sheetKey, undefined, 1, '', {
        code: 'missingSheet',
        params: { sheet: SHEETS[sheetKey].names[locale] },
      });
      continue;
    }
    const { table } = input;
    const specs = checkedColumns(sheetKey);
    for (const spec of specs) {
      if (table.columns[spec.key] === undefined && isRequired(sheetKey, spec)) {
        add(sheetKey, input, 1, spec.key, {
          code: 'missingColumn',
          params: { column: spec.headers[locale] },
        });
      }
    }
    const present = specs
      .filter((spec) => table.columns[spec.key] !== undefined)
      .map((spec) => ({
        spec,
        index: table.columns[spec.key] as number,
        required: isRequired(sheetKey, spec),
        checker: columnChecker(spec, 'sheet', listLabels, repEmails),
      }));
    const seen: Seen = {
      id: repeatedIds,
      email: new FirstSeen(),
      phone: new FirstSeen(),
      companyContact: new FirstSeen(),
    };
    const reportDuplicate = (rowNumber: number, columnKey: string, issue: FieldIssue): void =>
      add(sheetKey, input, rowNumber, columnKey, issue);
    const customerRef = refersToCustomer(sheetKey);
    const rateProblem = RATE_PROBLEMS[sheetKey];
    const currencyIndex = rateProblem ? table.columns.currency : undefined;
    const dateRules = dateRulesOf(sheetKey, table, zone);
    const sheetStart = problems.length;
    // A currency column repeats a few codes: look each distinct one up once.
    const rateKnown = new Map<unknown, boolean>();
    const knownRate = (currency: unknown): boolean => {
      let known = rateKnown.get(currency);
      if (known === undefined) {
        known = rateOf(rates, currency) !== undefined;
        if (rateKnown.size < 1_000) rateKnown.set(currency, known);
      }
      return known;
    };
    const customerIdIndex = table.columns.customerId;
    let checked = 0;
    table.rows.forEach((row, offset) => {
      if (isBlankRow(row)) return;
      checked++;
      const rowNumber = table.firstRow + offset;
      for (const column of present) {
        const value = row[column.index];
        if (isEmpty(value)) {
          if (column.required) add(sheetKey, input, rowNumber, column.spec.key, { code: 'required' });
          continue;
        }
        if (column.checker.alwaysValid) continue;
        const issue = column.checker.check(value);
        if (issue) add(sheetKey, input, rowNumber, column.spec.key, issue);
      }
      if (sheetKey === 'customers') checkCustomerDuplicates(table, row, offset, seen, reportDuplicate);
      if (customerRef && customers && customerIdIndex !== undefined) {
        const ref = row[customerIdIndex];
        if (!isEmpty(ref) && !customerIds.has(idKey(ref))) {
          add(sheetKey, input, rowNumber, 'customerId', {
            code: 'unknownCustomer',
            params: { value: String(ref) },
          });
        }
      }
      if (rateProblem && currencyIndex !== undefined) {
        const currency = row[currencyIndex];
        if (!isEmpty(currency) && !knownRate(currency)) {
          add(sheetKey, input, rowNumber, 'currency', {
            code: rateProblem,
            params: { value: String(currency), base: rates.base },
          });
        }
      }
    });
    // Plausible dates in a pass of their own, only on sheets that declare them: the loop above stays as lean.
    // The sheet's problems are then put back in row order (a stable sort keeps each row's own order).
    if (dateRules.length > 0) {
      checkDates(table, dateRules, (rowNumber, key, issue) => add(sheetKey, input, rowNumber, key, issue));
      // A loop, not push(...own): a spread of 100 000 problems would overflow the call stack.
      for (const problem of problems.splice(sheetStart).sort((a, b) => a.row - b.row)) problems.push(problem);
    }
    rowsChecked[sheetKey] = checked;
  }
  return { problems, total, errors, warnings, rowsChecked };
}

/**
 * Keys met so far and the sheet row each was first met on. A clean sheet has no repeats, so a new key costs one
 * Set.add (keys and rows are also kept in arrays, in order); the key → row Map is filled from those arrays only
 * when a repeat is met, up to that point. Each big Map or Set operation is a cache miss on 50 000 customers.
 */
class FirstSeen {
  private readonly keys = new Set<string>();
  private readonly order: string[] = [];
  private readonly rows: number[] = [];
  private readonly firstRows = new Map<string, number>();
  /** How many of `order` are in `firstRows`. */
  private indexed = 0;

  /** The row where `key` was first met (recording `rowNumber` when it is new); undefined for a new key or no key. */
  firstRow(key: string, rowNumber: number): number | undefined {
    if (!key) return undefined;
    const size = this.keys.size;
    this.keys.add(key);
    if (this.keys.size !== size) {
      this.order.push(key);
      this.rows.push(rowNumber);
      return undefined;
    }
    for (; this.indexed < this.order.length; this.indexed++)
      this.firstRows.set(this.order[this.indexed], this.rows[this.indexed]);
    return this.firstRows.get(key);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }
}

interface Seen {
  /** Row offset → first row of its ID, for the rows whose ID repeats an earlier one. */
  id: ReadonlyMap<number, number>;
  email: FirstSeen;
  phone: FirstSeen;
  companyContact: FirstSeen;
}

/** At least six digits in a normalised phone: fewer is a placeholder ("0", "n/a"), not an identity worth matching. */
function hasSixDigits(phone: string): boolean {
  let digits = 0;
  for (let i = 0; i < phone.length && digits < 6; i++) {
    const code = phone.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) digits++;
  }
  return digits >= 6;
}

function checkCustomerDuplicates(
  table: Table<string>,
  row: readonly unknown[],
  offset: number,
  seen: Seen,
  report: (rowNumber: number, columnKey: string, issue: FieldIssue) => void,
): void {
  const rowNumber = table.firstRow + offset;
  const id = seen.id.size === 0 ? undefined : seen.id.get(offset);
  if (id !== undefined)
    report(rowNumber, 'id', {
      code: 'duplicateId',
      params: { row: id, value: String(cell(table, row, 'id')) },
    });
  const emailValue = cell(table, row, 'email');
  const email = seen.email.firstRow(lowerCased(String(emailValue).trim()), rowNumber);
  if (email !== undefined)
    report(rowNumber, 'email', { code: 'duplicateEmail', params: { row: email, value: String(emailValue) } });
  const phoneValue = cell(table, row, 'phone');
  const normalised = normalizePhone(phoneValue);
  const phone = hasSixDigits(normalised) ? seen.phone.firstRow(normalised, rowNumber) : undefined;
  if (phone !== undefined)
    report(rowNumber, 'phone', { code: 'duplicatePhone', params: { row: phone, value: String(phoneValue) } });
  const company = normaliseName(cell(table, row, 'company'));
  const contact = normaliseName(cell(table, row, 'contact'));
  if (company && contact) {
    const both = seen.companyContact.firstRow(`${company}\u0000${contact}`, rowNumber);
    if (both !== undefined) {
      report(rowNumber, 'company', {
        code: 'duplicateCompanyContact',
        params: { row: both, value: `${company} / ${contact}` },
      });
    }
  }
}
