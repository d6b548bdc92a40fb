/**
 * Phone numbers as sales teams write them, in one place: Check data, the forms, CSV import, duplicate detection
 * and SALESDESK_NORMALIZE_PHONE all read phones through `parsePhone`, and the template's data-validation formula
 * (templates/workbook.ts phoneRuleFormula) applies the same rule in the sheet.
 *
 * Accepted:
 * - mainland mobiles as Chinese teams write them: `13800138000`, `138 0013 8000`, `138-0013-8000`,
 *   `+86 138 0013 8000`, `0086 138…`, `86138…` — 11 digits, 13x–19x;
 * - mainland landlines with the area code: `010-12345678`, `0755-1234567`, `(021) 6888 1234`, `+86 10 1234 5678`
 *   — 2-digit area codes (10, 2x) with 8 digits, 3-digit ones with 7 or 8;
 * - any other number in country-code form: `+` (or `00`) and 8–15 digits (`+1 (415) 555-0134`).
 * Groups may be separated by spaces, hyphens or parentheses only. Numbers are stored in one form:
 * `+86 138 0013 8000`, `+86 10 1234 5678`, `+86 755 123 4567`, other countries as typed with `+` (for `00`).
 *
 * Small on purpose: a full phone library (libphonenumber-js, 80 KB+ minified with its metadata) does not fit the
 * bundle budget for what SalesDesk needs, mainland China plus a country-code check for the rest.
 */

export type PhoneKind = 'mobile' | 'landline' | 'international';

export interface ParsedPhone {
  kind: PhoneKind;
  /** E.164 without separators (`+8613800138000`): the key duplicates are compared by. */
  e164: string;
  /** The one form SalesDesk stores (`+86 138 0013 8000`). */
  display: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(?:(?:10|2\d)\d{8}|[3-9]\d{2}\d{7,8})$/;

/**
 * A parse as remembered: the display form is built only when asked for (Check data needs validity and the E.164
 * key of 50 000 phones, never how they are shown).
 */
interface PhoneParse {
  kind: PhoneKind;
  e164: string;
  display(): string;
}

/** A mainland national number (no trunk 0) as a parsed phone, or null. */
function mainland(national: string, mobileOnly: boolean): PhoneParse | null {
  if (MOBILE.test(national)) {
    return {
      kind: 'mobile',
      e164: `+86${national}`,
      display: () => `+86 ${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`,
    };
  }
  if (mobileOnly || !LANDLINE.test(national)) return null;
  return {
    kind: 'landline',
    e164: `+86${national}`,
    display: () => {
      const areaLength = /^(10|2)/.test(national) ? 2 : 3;
      const local = national.slice(areaLength);
      const split = local.length - 4;
      return `+86 ${national.slice(0, areaLength)} ${local.slice(0, split)} ${local.slice(split)}`;
    },
  };
}

/** Text of a phone cell or form value: full-width digits folded, an extension ("ext. 12", "转 12") dropped. */
function phoneText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A sheet that lost the text format holds 13800138000 as a number.
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : '') : String(value);
  // NFKC only when needed: it is the slow part, and Check data reads every phone of 50 000 customers.
  const folded = /[^\x20-\x7e]/.test(text) ? text.normalize('NFKC') : text;
  return folded.trim().replace(/\s*(?:ext\.?|x|转|分机)\s*\d+$/i, '');
}

/** The last value parsed and its result: Check data parses each customer's phone twice (rule, then duplicates). */
let lastValue: unknown;
let lastParsed: PhoneParse | null = null;

/**
 * Reads a phone number by the rules above.
 * @returns the parsed number, or null when it is empty or not a valid phone.
 */
export function parsePhone(value: unknown): ParsedPhone | null {
  const parsed = parsedOnce(value);
  return parsed === null ? null : { kind: parsed.kind, e164: parsed.e164, display: parsed.display() };
}

/** The remembered parse of `value`, for the readers in this module (shared: never changed). */
function parsedOnce(value: unknown): PhoneParse | null {
  if (value !== lastValue || typeof value === 'object') {
    lastParsed = parseText(value);
    lastValue = value;
  }
  return lastParsed;
}

function parseText(value: unknown): PhoneParse | null {
  const text = phoneText(value);
  const compact = text.replace(/[\s()-]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  if (compact.startsWith('+86')) return mainland(compact.slice(3), false);
  if (compact.startsWith('0086')) return mainland(compact.slice(4), false);
  if (compact.startsWith('+') || compact.startsWith('00')) {
    const digits = compact.replace(/^\+|^00/, '');
    if (digits.length < 8 || digits.length > 15) return null;
    // Kept as the user grouped it when it starts with "+" or "00" (`0044 20 7946 0000` → `+44 20 7946 0000`, how
    // a CSV export writes it); "(+1)…" becomes "+digits".
    const grouped = text.startsWith('+')
      ? text
      : text.startsWith('00')
        ? `+${text.slice(2).trimStart()}`
        : '';
    return {
      kind: 'international',
      e164: `+${digits}`,
      display: () => (grouped ? grouped.replace(/\s+/g, ' ') : `+${digits}`),
    };
  }
  if (compact.startsWith('0')) return mainland(compact.slice(1), false);
  if (/^861\d{10}$/.test(compact)) return mainland(compact.slice(2), true);
  return mainland(compact, true);
}

/** True for a valid phone (what the template's validation formula accepts, empty aside). */
export function isValidPhone(value: unknown): boolean {
  return parsedOnce(value) !== null;
}

/** The stored form of a valid phone; anything else trimmed as given (the checks then report it). */
export function formatPhone(value: unknown): string {
  return parsedOnce(value)?.display() ?? String(value ?? '').trim();
}

/**
 * A phone number in a comparable E.164-like form. Valid numbers give their E.164 (`138 0013 8000` and
 * `0086-138-0013-8000` both `+8613800138000`); anything else its digits (`00` → `+`), so even malformed numbers
 * are compared for duplicates. '' for no digits.
 */
export function normalizePhone(value: unknown): string {
  const parsed = parsedOnce(value);
  if (parsed) return parsed.e164;
  const text = phoneText(value);
  const digits = text.replace(/\D/g, '');
  if (digits === '') return '';
  if (text.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return digits;
}
