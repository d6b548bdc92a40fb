/**
 * Field checks driven by the template's column specs (templates/workbook.ts): one checker per column, shared by
 * Check data (values as `getValues()` gives them: Date, number, boolean, string) and the sidebar forms (values as
 * the forms submit them: 'yyyy-MM-dd' strings, ISO times, numbers, list codes or labels in either language).
 * Pure: no Apps Script services, so the same rules run in Node, in the bundle and in the browser.
 */
import { cellAmount } from '../cells';
import { listValueCode, type ListKey } from '../../../templates/lists';
import type { ColumnSpec } from '../../../templates/workbook';
import { isPlainText, normaliseHeader } from '../table';
import { isValidPhone } from './phone';

/** Problem codes; each has a message `checks.problem.<code>` in the catalogue. */
export type ProblemCode =
  | 'required'
  | 'email'
  | 'phone'
  | 'date'
  | 'dateText'
  | 'number'
  | 'integer'
  | 'level'
  | 'range'
  | 'negative'
  | 'checkbox'
  | 'list'
  | 'unknownRep'
  | 'duplicateId'
  | 'duplicateEmail'
  | 'duplicatePhone'
  | 'duplicateCompanyContact'
  | 'unknownCustomer'
  | 'unknownCurrencyRate'
  | 'unknownForecastRate'
  | 'dateBefore'
  | 'dateFar'
  | 'missingColumn'
  | 'missingSheet'
  | 'setting';

export interface FieldIssue {
  code: ProblemCode;
  /** Placeholders for the message ({value}, {min}, {max}, ...). */
  params?: Record<string, string | number>;
}

/** Where values come from: a sheet read ('sheet') or a form submission ('input'). */
export type ValueSource = 'sheet' | 'input';

/** The Lists sheet as read: list key → labels the workbook shows (a team may add its own at the bottom). */
export type ListsInSheet = Partial<Record<string, readonly unknown[]>>;

const EMAIL =
  /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)*\.[A-Za-z\u00a0-\uffff]{2,}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Any character trim() would keep: a test of it allocates nothing, unlike `trim() === ''` on every cell. */
const NOT_SPACE = /\S/;

export function isEmpty(value: unknown): boolean {
  if (typeof value === 'string') {
    if (value.length === 0) return true;
    // Most text starts with a printable ASCII character or an ideograph: not empty, without a regex test.
    const first = value.charCodeAt(0);
    if ((first > 0x20 && first < 0x7f) || (first >= 0x4e00 && first <= 0x9fff)) return false;
    return !NOT_SPACE.test(value);
  }
  return value === null || value === undefined;
}

/** True for a plausible e-mail address (what Sheets' "is valid e-mail" rule accepts, give or take). */
export function isEmail(value: unknown): boolean {
  return typeof value === 'string' && EMAIL.test(value.trim());
}

/** A company or person name in a comparable form: width-, case- and space-insensitive. */
export function normaliseName(value: unknown): string {
  const raw = String(value ?? '');
  // Plain names ("Company 12", "上海贸易") only change case: no regex, one new string.
  if (isPlainText(raw, true)) return raw.toLowerCase();
  return normaliseHeader(raw)
    .replace(/[\s.,，。·]+/g, ' ')
    .trim();
}

function isRealIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text) ?? ISO_TIME.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900;
}

function isValidDate(value: unknown): boolean {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** A value as a problem message shows it; only called for a value that has a problem. */
function display(value: unknown): string {
  if (value instanceof Date) return isValidDate(value) ? value.toISOString().slice(0, 10) : String(value);
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * The value a problem shows, formatted only when there is a problem: most cells have none (a date string per cell
 * was the main cost of Check data on 200 000 rows).
 */
function shownOf(value: unknown): { value: string } {
  return { value: display(value) };
}

/** Distinct values remembered per column checker: list and rep columns repeat a few values over many rows. */
const MEMO_LIMIT = 5_000;

/** Reads a number as a form may send it ("1,200.50", " 3000 "); NaN when it is none. */
export function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  return cellAmount(value) ?? Number.NaN;
}

export interface ColumnChecker {
  spec: ColumnSpec;
  /** True when `check` finds no issue in any value (free text): a caller checking many cells may skip it. */
  alwaysValid: boolean;
  /** The issue of one non-empty value, or null when it is fine. Empty values are the caller's business. */
  check(value: unknown): FieldIssue | null;
}

/** Normalised labels of each list as the Lists sheet shows them (user additions are valid values too). */
export function listSets(lists: ListsInSheet | undefined): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const [key, labels] of Object.entries(lists ?? {})) {
    const set = new Set<string>();
    for (const label of labels ?? []) if (!isEmpty(label)) set.add(normaliseHeader(label));
    sets.set(key, set);
  }
  return sets;
}

/**
 * A checker for one column. `repEmails` (lower-case) makes owner/rep columns check against the Reps sheet;
 * without it those columns only check the e-mail form.
 */
export function columnChecker(
  spec: ColumnSpec,
  source: ValueSource,
  lists: Map<string, Set<string>>,
  repEmails?: ReadonlySet<string>,
): ColumnChecker {
  const validation = spec.validation;
  const min =
    validation && (validation.kind === 'number' || validation.kind === 'integer')
      ? validation.min
      : undefined;
  const max =
    validation && (validation.kind === 'number' || validation.kind === 'integer')
      ? validation.max
      : undefined;
  const isLevel = spec.key === 'level';
  const memo =
    spec.type === 'list' || (spec.type === 'email' && validation?.kind === 'sheetColumn')
      ? new Map<unknown, FieldIssue | null>()
      : undefined;
  const check = (value: unknown): FieldIssue | null => {
    if (!memo || (typeof value !== 'string' && typeof value !== 'number')) return checkValue(value);
    const known = memo.get(value);
    if (known !== undefined) return known;
    const issue = checkValue(value);
    if (memo.size < MEMO_LIMIT) memo.set(value, issue);
    return issue;
  };
  const checkValue = (value: unknown): FieldIssue | null => {
    switch (spec.type) {
      case 'email': {
        if (!isEmail(value)) return { code: 'email', params: shownOf(value) };
        if (validation?.kind === 'sheetColumn' && repEmails && repEmails.size > 0) {
          if (!repEmails.has(String(value).trim().toLowerCase()))
            return { code: 'unknownRep', params: shownOf(value) };
        }
        return null;
      }
      case 'phone':
        return isValidPhone(value) ? null : { code: 'phone', params: shownOf(value) };
      case 'date':
      case 'datetime': {
        if (isValidDate(value)) return null;
        if (typeof value === 'string' && isRealIsoDate(value.trim())) {
          // A form sends 'yyyy-MM-dd'; in a sheet the same text is not a date for formulas and sorting.
          return source === 'input' ? null : { code: 'dateText', params: shownOf(value) };
        }
        return { code: 'date', params: shownOf(value) };
      }
      case 'number':
      case 'currency':
      case 'integer': {
        const number = source === 'input' ? numberOf(value) : typeof value === 'number' ? value : Number.NaN;
        if (!Number.isFinite(number)) return { code: isLevel ? 'level' : 'number', params: shownOf(value) };
        if (spec.type === 'integer' && !Number.isInteger(number)) {
          return { code: isLevel ? 'level' : 'integer', params: shownOf(value) };
        }
        if (min !== undefined && number < min) {
          if (isLevel) return { code: 'level', params: shownOf(value) };
          return min === 0
            ? { code: 'negative', params: shownOf(value) }
            : { code: 'range', params: { ...shownOf(value), min, max: max ?? '∞' } };
        }
        if (max !== undefined && number > max) {
          return isLevel
            ? { code: 'level', params: shownOf(value) }
            : { code: 'range', params: { ...shownOf(value), min: min ?? '-∞', max } };
        }
        return null;
      }
      case 'checkbox':
        if (typeof value === 'boolean') return null;
        if (source === 'input' && (value === 'true' || value === 'false')) return null;
        return { code: 'checkbox', params: shownOf(value) };
      case 'list': {
        if (validation?.kind === 'values') {
          return validation.values.includes(String(value).trim())
            ? null
            : { code: 'list', params: shownOf(value) };
        }
        const listKey = spec.list;
        if (!listKey) return null;
        if (listValueCode(listKey, value) !== undefined) return null;
        if (lists.get(listKey)?.has(normaliseHeader(value))) return null;
        return { code: 'list', params: shownOf(value) };
      }
      default:
        return null;
    }
  };
  return { spec, check, alwaysValid: !CHECKED_TYPES.has(spec.type) };
}

/** The column types checkValue has a rule for (a case of its switch); values of the others are always valid. */
const CHECKED_TYPES: ReadonlySet<ColumnSpec['type']> = new Set<ColumnSpec['type']>([
  'email',
  'phone',
  'date',
  'datetime',
  'number',
  'currency',
  'integer',
  'checkbox',
  'list',
]);

/** The stable code of a list value typed in either language, or the trimmed text when it is a team's own label. */
export function listCodeOrText(listKey: ListKey, value: unknown): string {
  return listValueCode(listKey, value) ?? String(value ?? '').trim();
}
