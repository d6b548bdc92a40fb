/**
 * The one door to the workbook's template sheets: find a sheet by key whatever its language, read it once as a
 * Table, write changed columns back in one call each, append rows in one call, read Settings as a typed object.
 * Thin over SpreadsheetApp; the decisions (which column is which, parsing settings) live in core and templates.
 */
import type { Locale, Translate } from '../../core/i18n';
import { normaliseHeader, readTable, type Table } from '../../core/table';
import {
  SHEETS,
  columnHeaders,
  parseSettings,
  sheetNames,
  type SettingProblem,
  type Settings,
  type SheetKey,
} from '../../../templates';
import { currentLocale } from '../context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetTable {
  key: SheetKey;
  sheet: Sheet;
  table: Table<string>;
}

/**
 * The sheet of `key`, named in English, Chinese or a known alias (case/width-insensitive); null when missing.
 * Tries the two template names directly (one call each), and only scans every tab's name when both miss.
 */
export function findSheet(spreadsheet: Spreadsheet, key: SheetKey): Sheet | null {
  const spec = SHEETS[key];
  for (const name of [spec.names.en, spec.names['zh-CN']]) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet) return sheet;
  }
  const wanted = new Set(sheetNames(key).map(normaliseHeader));
  for (const sheet of spreadsheet.getSheets()) {
    if (wanted.has(normaliseHeader(sheet.getName()))) return sheet;
  }
  return null;
}

/** Every template sheet present, by key, from one getSheets() and one getName() per tab. */
export function findSheets(spreadsheet: Spreadsheet): Partial<Record<SheetKey, Sheet>> {
  const byName = new Map<string, SheetKey>();
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    for (const name of sheetNames(key)) {
      const text = normaliseHeader(name);
      if (!byName.has(text)) byName.set(text, key);
    }
  }
  const found: Partial<Record<SheetKey, Sheet>> = {};
  for (const sheet of spreadsheet.getSheets()) {
    const key = byName.get(normaliseHeader(sheet.getName()));
    if (key && !found[key]) found[key] = sheet;
  }
  return found;
}

/** Reads a sheet with ONE getDataRange().getValues() into a Table keyed by the template's column keys. */
export function readSheet(sheet: Sheet, key: SheetKey): Table<string> {
  return readTable(sheet.getDataRange().getValues(), columnHeaders(key));
}

/** Finds and reads a sheet once; null when the workbook has no such sheet. */
export function tryOpenSheet(spreadsheet: Spreadsheet, key: SheetKey): SheetTable | null {
  const sheet = findSheet(spreadsheet, key);
  return sheet ? { key, sheet, table: readSheet(sheet, key) } : null;
}

/**
 * Finds and reads a sheet once and checks it has the columns the caller needs.
 * @throws Error with a message in the user's language naming the missing sheet or column.
 */
export function openSheet(
  spreadsheet: Spreadsheet,
  key: SheetKey,
  t: Translate,
  language: Locale,
  required: readonly string[] = [],
): SheetTable {
  const opened = tryOpenSheet(spreadsheet, key);
  if (!opened) throw new Error(t('common.missingSheet', { sheet: SHEETS[key].names[language] }));
  for (const column of required) {
    if (opened.table.columns[column] === undefined) {
      const header = SHEETS[key].columns.find((spec) => spec.key === column)?.headers[language] ?? column;
      throw new Error(t('common.missingColumn', { sheet: opened.sheet.getName(), column: header }));
    }
  }
  return opened;
}

/**
 * Writes the given columns of `table.rows` back: ONE setValues per run of adjacent columns (one call for the
 * whole block when they are adjacent). Columns in between, a user's own or formulas, are never touched.
 * @throws Error when a key's column is missing from the sheet.
 */
export function writeColumns(sheet: Sheet, table: Table<string>, keys: readonly string[]): void {
  if (table.rows.length === 0) return;
  const indices = [
    ...new Set(
      keys.map((key) => {
        const index = table.columns[key];
        if (index === undefined) throw new Error(`column ${key} is missing from ${sheet.getName()}`);
        return index;
      }),
    ),
  ].sort((a, b) => a - b);
  let start = 0;
  while (start < indices.length) {
    let end = start;
    while (end + 1 < indices.length && indices[end + 1] === indices[end] + 1) end++;
    const first = indices[start];
    const width = end - start + 1;
    const block = table.rows.map((row) => {
      const out: unknown[] = [];
      for (let offset = 0; offset < width; offset++) out.push(row[first + offset] ?? '');
      return out;
    });
    sheet.getRange(table.firstRow, first + 1, block.length, width).setValues(block);
    start = end + 1;
  }
}

/**
 * Appends records below the table's last row in ONE setValues, each value placed under its key's header; a
 * user's extra columns are left empty. Grows the sheet first when it is full. The appended rows are added to
 * `table.rows` so later appends and writes in the same run stay consistent.
 * @returns the sheet row number of the first appended record (0 when there was nothing to append).
 */
export function appendRows(
  sheet: Sheet,
  table: Table<string>,
  records: readonly Record<string, unknown>[],
): number {
  if (records.length === 0) return 0;
  const width = Math.max(table.header.length, 1);
  const rows = records.map((record) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [key, value] of Object.entries(record)) {
      const index = table.columns[key];
      if (index !== undefined && value !== undefined && value !== null) row[index] = value;
    }
    return row;
  });
  // Trailing blank rows read by getDataRange() stay where they are; new rows go after the last filled one.
  let used = table.rows.length;
  while (used > 0 && table.rows[used - 1].every((value) => value === '' || value === null)) used--;
  const firstRow = table.firstRow + used;
  const lastNeeded = firstRow + rows.length - 1;
  const maxRows = sheet.getMaxRows();
  if (lastNeeded > maxRows) sheet.insertRowsAfter(maxRows, lastNeeded - maxRows);
  sheet.getRange(firstRow, 1, rows.length, width).setValues(rows);
  // Element by element: splice(...rows) passes every row as an argument, past V8's limit at ~100 000 rows.
  for (let i = 0; i < rows.length; i++) table.rows[used + i] = rows[i];
  return firstRow;
}

export interface SettingsRead {
  settings: Settings;
  /** Bad values (replaced by defaults), with the sheet row they stand on. */
  problems: (SettingProblem & { sheetRow: number })[];
  sheet: Sheet | null;
  /** The sheet as read (extra keys such as exchange rates live there); undefined when the sheet is missing. */
  table?: Table<string>;
}

/** Settings as a typed object (defaults for missing keys, a missing sheet, or bad values): one read. */
export function readSettings(spreadsheet: Spreadsheet): SettingsRead {
  const opened = tryOpenSheet(spreadsheet, 'settings');
  if (!opened) return { ...parseSettings([]), problems: [], sheet: null };
  const { table } = opened;
  // Without headers (a hand-made sheet) the first two columns are taken as key | value.
  const keyIndex = table.columns.key ?? 0;
  const valueIndex = table.columns.value ?? 1;
  const parsed = parseSettings(table.rows.map((row) => [row[keyIndex], row[valueIndex]] as const));
  return {
    settings: parsed.settings,
    problems: parsed.problems.map((problem) => ({ ...problem, sheetRow: table.firstRow + problem.rowIndex })),
    sheet: opened.sheet,
    table,
  };
}

/**
 * The language the workbook's own texts are in (sheet names, headers, list labels written into cells):
 * the Settings `locale` when set, else the language of the Customers tab's name, else the user's locale.
 * Pass settings already read to save a read.
 */
export function workbookLanguage(spreadsheet: Spreadsheet, settings?: Settings): Locale {
  const configured = (settings ?? readSettings(spreadsheet).settings).locale;
  if (configured !== 'auto') return configured;
  const customers = findSheet(spreadsheet, 'customers');
  if (customers) {
    const name = customers.getName();
    if (name === SHEETS.customers.names['zh-CN'] || /[\u4e00-\u9fff]/.test(name)) return 'zh-CN';
    return 'en';
  }
  return currentLocale();
}
