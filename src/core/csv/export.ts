/**
 * CSV export that Excel and Sheets open safely: UTF-8 with a byte-order mark (so Excel reads Chinese right),
 * CRLF line ends (RFC 4180), and every text cell that a spreadsheet would run as a formula neutralised with a
 * leading apostrophe (OWASP "CSV injection": =, +, -, @, tab, carriage return). Only such cells get it.
 *
 * Phones are the one common case of data that starts with "+": a valid phone in a phone column is written with
 * the international prefix 00 instead (`+86 138 0013 8000` → `0086 138 0013 8000`, as Chinese teams write it
 * anyway), which no spreadsheet reads as a formula or a number, so Excel shows it without an apostrophe; the
 * import turns 00 back into + (src/core/validation/phone.ts), so the export re-imports unchanged.
 */
import { normaliseHeader } from '../table';
import { parsePhone } from '../validation/phone';
import { SHEETS } from '../../../templates';

export const UTF8_BOM = '\ufeff';

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when a spreadsheet opening the CSV could treat the text as a formula. */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]);
}

/**
 * Undoes exportCellText's apostrophe on import, so an exported file re-imports with nothing lost: `'+86 138…` is
 * the phone `+86 138…` again. Safe: the importer writes every value as text, never as a formula.
 */
export function withoutExportGuard(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_TRIGGERS.has(text[1]) ? text.slice(1) : text;
}

export interface CsvExportOptions {
  /** How a Date cell is written; the server formats in the spreadsheet's time zone. Default: ISO date/time. */
  formatDate?: (date: Date) => string;
  /** 0-based columns holding phone numbers (`phoneColumns(header)`): their "+" numbers are written with 00. */
  phoneColumns?: ReadonlySet<number>;
}

let phoneHeaders: Set<string> | undefined;
/** Every header text of the template's phone columns (either language, aliases), normalised; on first use. */
function phoneHeaderSet(): Set<string> {
  phoneHeaders ??= new Set(
    Object.values(SHEETS).flatMap((sheet) =>
      sheet.columns
        .filter((column) => column.type === 'phone')
        .flatMap((column) =>
          [column.headers.en, column.headers['zh-CN'], ...(column.aliases ?? [])].map(normaliseHeader),
        ),
    ),
  );
  return phoneHeaders;
}

/** The 0-based indexes of the phone columns in a header row, found by header as everywhere else. */
export function phoneColumns(header: readonly unknown[]): Set<number> {
  const found = new Set<number>();
  const phoneHeaders = phoneHeaderSet();
  header.forEach((cell, index) => {
    if (phoneHeaders.has(normaliseHeader(cell))) found.add(index);
  });
  return found;
}

/**
 * A phone cell's text: a valid `+` number with separators becomes its `00` form, which is not formula-like and
 * stays text in Excel and Sheets (a bare `+8613800138000` would become the number 8613800138000 as `00…`, so it
 * keeps the apostrophe guard, as does anything that is not a valid phone).
 */
export function exportPhoneText(text: string): string {
  if (/^\+\d[\d ()-]*\d$/.test(text) && /[ ()-]/.test(text) && parsePhone(text) !== null)
    return `00${text.slice(1)}`;
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * One cell as CSV text, before quoting. Numbers and booleans stay as they are (a number cannot carry a formula;
 * prefixing "-5" would turn data into text); any string that looks like a formula gets a leading apostrophe.
 */
export function exportCellText(value: unknown, options: CsvExportOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return options.formatDate ? options.formatDate(value) : value.toISOString();
  }
  const text = String(value);
  return isFormulaLike(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as one CSV document: BOM, comma-separated, quoted where needed, CRLF after every row. */
export function toCsv(rows: readonly (readonly unknown[])[], options: CsvExportOptions = {}): string {
  const phones = options.phoneColumns;
  const text = (value: unknown, column: number, row: number) =>
    row > 0 && phones?.has(column) && typeof value === 'string'
      ? exportPhoneText(value)
      : exportCellText(value, options);
  const lines = rows.map((row, r) => row.map((value, c) => quote(text(value, c, r))).join(','));
  return UTF8_BOM + lines.map((line) => line + '\r\n').join('');
}

/** UTF-8 bytes of a string (for a data: URL or a Blob); Apps Script's V8 has no TextEncoder. */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

/** A file name safe on every OS: the sheet name without path or reserved characters, plus a date. */
export function csvFileName(sheetName: string, isoDate: string): string {
  const safe =
    Array.from(sheetName, (ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
      .join('')
      .trim() || 'export';
  return `${safe}-${isoDate}.csv`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of bytes (0–255), for a data: URL; pure so no service call is spent on it. */
export function base64Of(bytes: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out.push(
      BASE64[(triple >> 18) & 63] +
        BASE64[(triple >> 12) & 63] +
        (b === undefined ? '=' : BASE64[(triple >> 6) & 63]) +
        (c === undefined ? '=' : BASE64[triple & 63]),
    );
  }
  return out.join('');
}

/** A data: URL carrying the CSV as UTF-8 (the text already starts with the BOM). */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8;base64,${base64Of(utf8Bytes(csv))}`;
}
