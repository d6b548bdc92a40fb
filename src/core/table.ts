/**
 * Tables found by header, never by position: users reorder, rename (in either language) and add columns.
 * A sheet is read once as a 2-D array; this module maps column keys to indices and gives typed access
 * to rows, keeping each row's sheet row number so messages can name the exact cell.
 */

export interface ColumnHeaders<K extends string = string> {
  key: K;
  /** Every header text accepted for this column (en, zh-CN, and older names). */
  headers: readonly string[];
}

/**
 * Printable ASCII and CJK unified ideographs (U+4E00–U+9FFF: no decomposition, no composition, combining class
 * 0): NFKC leaves such text as it is, so the (costly) Unicode normalisation can be skipped. Names and labels of a
 * Chinese team are mostly this.
 */
export const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/;

/**
 * True when `text` is already in normaliseHeader's form but for letter case: printable ASCII other than '*' and
 * CJK ideographs only, single spaces only and only between other characters. Read a character at a time (no
 * regular expression, no new string): Check data compares 100 000 company and contact names this way.
 * @param foldsPunctuation also refuse '.' and ',' (normaliseName turns them into spaces).
 */
export function isPlainText(text: string, foldsPunctuation = false): boolean {
  let afterSpace = true; // a leading space is not plain
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if (code > 0x20 && code < 0x7f) {
      if (code === 0x2a || (foldsPunctuation && (code === 0x2c || code === 0x2e))) return false;
    } else if (code < 0x4e00 || code > 0x9fff) return false;
  }
  return !afterSpace || text.length === 0;
}

/**
 * Texts already normalised in this execution: headers, sheet names and list labels are looked up again and again
 * (every table read matches the template's candidates), and code runs cold in each Apps Script execution.
 * Bounded, as cell text can be anything.
 */
const NORMALISED = new Map<string, string>();
const NORMALISED_LIMIT = 5_000;

/** Case-, space- and width-insensitive form of a header, without a trailing required marker. */
export function normaliseHeader(text: unknown): string {
  const raw = String(text ?? '');
  let normal = NORMALISED.get(raw);
  if (normal !== undefined) return normal;
  normal = isPlainText(raw)
    ? raw.toLowerCase()
    : (NFKC_STABLE.test(raw) ? raw : raw.normalize('NFKC'))
        .trim()
        .replace(/\s*\*+$/, '')
        .replace(/\s+/g, ' ')
        .toLowerCase();
  if (NORMALISED.size >= NORMALISED_LIMIT) NORMALISED.clear();
  NORMALISED.set(raw, normal);
  return normal;
}

export interface Table<K extends string> {
  /** 0-based index of each known column in the sheet; undefined when the sheet lacks it. */
  columns: Record<K, number | undefined>;
  /** Header cells as they stand in the sheet. */
  header: unknown[];
  /** Data rows below the header, blank rows kept so positions stay true to the sheet. */
  rows: unknown[][];
  /** Sheet row number (1-based) of the first data row. */
  firstRow: number;
  /** Keys whose column is missing from the sheet. */
  missing: K[];
  /** Header cells that match no known column: a user's own extra columns, to be left alone. */
  extraColumns: number[];
}

export function locateColumns<K extends string>(
  header: readonly unknown[],
  specs: readonly ColumnHeaders<K>[],
): Record<K, number | undefined> {
  const byText = new Map<string, number>();
  header.forEach((cell, index) => {
    const text = normaliseHeader(cell);
    if (text !== '' && !byText.has(text)) byText.set(text, index);
  });
  const columns = {} as Record<K, number | undefined>;
  for (const spec of specs) {
    columns[spec.key] = undefined;
    for (const candidate of spec.headers) {
      const index = byText.get(normaliseHeader(candidate));
      if (index !== undefined) {
        columns[spec.key] = index;
        break;
      }
    }
  }
  return columns;
}

/**
 * Reads a sheet's values (as from `getDataRange().getValues()`) into a table.
 * @param headerRowIndex 0-based row holding the headers (the template freezes row 1).
 */
export function readTable<K extends string>(
  values: readonly unknown[][],
  specs: readonly ColumnHeaders<K>[],
  headerRowIndex = 0,
): Table<K> {
  const header = values[headerRowIndex] ? [...values[headerRowIndex]] : [];
  const columns = locateColumns(header, specs);
  const known = new Set(Object.values(columns).filter((index): index is number => index !== undefined));
  const extraColumns = header
    .map((cell, index) => (normaliseHeader(cell) !== '' && !known.has(index) ? index : -1))
    .filter((index) => index >= 0);
  return {
    columns,
    header,
    // The rows themselves, not copies: every caller passes a fresh getValues() it does not use again, and a copy
    // of 200 000 rows doubled the memory (and the garbage collection) of every whole-sheet operation.
    rows: values.slice(headerRowIndex + 1) as unknown[][],
    firstRow: headerRowIndex + 2,
    missing: specs.filter((spec) => columns[spec.key] === undefined).map((spec) => spec.key),
    extraColumns,
  };
}

/** The value of `key` in `row`, or '' when the column is missing (as Apps Script reads an empty cell). */
export function cell<K extends string>(table: Table<K>, row: readonly unknown[], key: K): unknown {
  const index = table.columns[key];
  return index === undefined ? '' : (row[index] ?? '');
}

/** True when every cell of the row is empty, so blank spacer rows are skipped without error. */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const value = row[i];
    if (value !== '' && value !== null && value !== undefined) return false;
  }
  return true;
}

/** A row as an object keyed by column key (missing columns read as ''). */
export function rowObject<K extends string>(table: Table<K>, row: readonly unknown[]): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (const key of Object.keys(table.columns) as K[]) out[key] = cell(table, row, key);
  return out;
}

/** The column of `key` as a 1-column 2-D array, ready for one `setValues` on that column. */
export function columnValues<K extends string>(table: Table<K>, key: K): unknown[][] {
  const index = table.columns[key];
  if (index === undefined) throw new Error(`column ${key} is missing`);
  return table.rows.map((row) => [row[index] ?? '']);
}
