/**
 * The assignment's only door to the workbook. Each sheet is read once (getDataRange().getValues()), each column
 * written once (one setValues over the span of rows that change), the log appended once. Sheets and columns are
 * found through the template by key, in either language.
 */
import { readTable, type Table } from '../../core/table';
import type { Translate } from '../../core/i18n';
import { columnHeaders, sheetNames, sheetSpec, type SheetKey } from '../../../templates';

export interface SheetData<K extends string = string> {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  table: Table<K>;
}

export function findSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: SheetKey,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  for (const name of sheetNames(key)) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

/** Reads a sheet once. */
export function readSheet<K extends string>(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  key: SheetKey,
): SheetData<K> {
  const values = sheet.getDataRange().getValues();
  return { sheet, table: readTable(values, columnHeaders(key)) as Table<K> };
}

/**
 * Opens and reads a sheet, checking the columns the caller needs.
 * @throws Error naming the missing sheet or column, in the user's language.
 */
export function openSheet<K extends string>(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: SheetKey,
  t: Translate,
  required: readonly K[] = [],
): SheetData<K> {
  const sheet = findSheet(spreadsheet, key);
  if (!sheet) throw new Error(t('common.missingSheet', { sheet: sheetSpec(key).names.en }));
  const data = readSheet<K>(sheet, key);
  for (const column of required) {
    if (data.table.columns[column] === undefined) {
      const spec = sheetSpec(key).columns.find((c) => c.key === column);
      throw new Error(
        t('common.missingColumn', { sheet: sheet.getName(), column: spec?.headers.en ?? column }),
      );
    }
  }
  return data;
}

/** Settings as key → value (one read); {} when the sheet is missing. */
export function readSettingsSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Record<string, unknown> {
  const sheet = findSheet(spreadsheet, 'settings');
  if (!sheet) return {};
  const { table } = readSheet<'key' | 'value'>(sheet, 'settings');
  const keyIndex = table.columns.key;
  const valueIndex = table.columns.value;
  const settings: Record<string, unknown> = {};
  if (keyIndex === undefined || valueIndex === undefined) return settings;
  for (const row of table.rows) {
    const name = String(row[keyIndex] ?? '').trim();
    if (name !== '' && !(name in settings)) settings[name] = row[valueIndex];
  }
  return settings;
}

/** A pending write of one column: the cells of the span from the first to the last changed row. */
export interface ColumnWrite {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  column: number;
  firstRow: number;
  values: unknown[][];
}

/**
 * Prepares one write of `key`'s column covering every changed row. Rows in between keep the values read a moment
 * ago under the lock (SalesDesk's own writers wait for the lock, so nothing of theirs is overwritten).
 * @param changes table row index → new value
 * @returns null when nothing changes.
 */
export function columnWrite<K extends string>(
  data: SheetData<K>,
  key: K,
  changes: ReadonlyMap<number, unknown>,
): ColumnWrite | null {
  const column = data.table.columns[key];
  if (column === undefined || changes.size === 0) return null;
  const indices = [...changes.keys()];
  const first = Math.min(...indices);
  const last = Math.max(...indices);
  const values: unknown[][] = [];
  for (let index = first; index <= last; index++) {
    values.push([changes.has(index) ? changes.get(index) : (data.table.rows[index]?.[column] ?? '')]);
  }
  return { sheet: data.sheet, column: column + 1, firstRow: data.table.firstRow + first, values };
}

export function applyColumnWrite(write: ColumnWrite | null): void {
  if (!write) return;
  write.sheet.getRange(write.firstRow, write.column, write.values.length, 1).setValues(write.values);
}

/** A pending append: rows laid out by the sheet's own header order (user columns left empty). */
export interface RowsAppend {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  firstRow: number;
  values: unknown[][];
}

export function rowsAppend<K extends string>(
  data: SheetData<K>,
  records: readonly Partial<Record<K, unknown>>[],
): RowsAppend | null {
  if (records.length === 0) return null;
  const width = Math.max(data.table.header.length, 1);
  const values = records.map((record) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [key, value] of Object.entries(record) as [K, unknown][]) {
      const index = data.table.columns[key];
      if (index !== undefined && value !== undefined) row[index] = value;
    }
    return row;
  });
  // The sheet was read just before under the lock: its data range ends at the last row with content.
  return { sheet: data.sheet, firstRow: data.table.firstRow + data.table.rows.length, values };
}

export function applyAppend(append: RowsAppend | null): void {
  if (!append) return;
  append.sheet
    .getRange(append.firstRow, 1, append.values.length, append.values[0].length)
    .setValues(append.values);
}
