/**
 * The forms' only door to the workbook: open a sheet by key and read it once as a Table, append records in one
 * write, write a few cells of one row. Sheets and columns are found by the template's names in either language.
 */
import { readTable, type ColumnHeaders, type Table } from '../../core/table';
import type { Translate } from '../../core/i18n';

export type SheetKey = 'customers' | 'deals' | 'followups' | 'reps' | 'settings' | 'lists';

export interface SheetTable {
  key: SheetKey;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  table: Table<string>;
}

/* Temporary sheet/column names until templates/workbook.ts lands (F1a); replaced by the template's specs. */
const SHEET_NAMES: Record<SheetKey, string[]> = {
  customers: ['Customers', '客户'],
  deals: ['Deals', '成交'],
  followups: ['Follow-ups', '跟进'],
  reps: ['Reps', '销售'],
  settings: ['Settings', '设置'],
  lists: ['Lists', '列表'],
};
const KEYS: Record<SheetKey, string[]> = {
  customers:
    'id company contact position phone email address industry region size source customerType stage level potentialValue owner reassign created lastContact nextFollowUp totalPurchases orderCount firstPurchase lastPurchase tier notes updatedBy updatedAt'.split(
      ' ',
    ),
  deals:
    'id customerId date product amount currency paymentMethod status expectedClose notes rep updatedBy updatedAt'.split(
      ' ',
    ),
  followups: 'id customerId time channel content result nextStep nextDate rep done'.split(' '),
  reps: 'name email active role weight capacity regions industries outOfOfficeUntil language'.split(' '),
  settings: ['key', 'value', 'description'],
  lists:
    'industry region size source customerType stage channel result product currency paymentMethod dealStatus role tier'.split(
      ' ',
    ),
};

function specsFor(key: SheetKey): ColumnHeaders<string>[] {
  return KEYS[key].map((column) => ({ key: column, headers: [column] }));
}

function findSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: SheetKey,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  for (const name of SHEET_NAMES[key]) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

/** Reads a sheet once; null when the sheet is missing. */
export function tryOpenTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: SheetKey,
): SheetTable | null {
  const sheet = findSheet(spreadsheet, key);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  return { key, sheet, table: readTable(values, specsFor(key)) };
}

/**
 * Reads a sheet once and checks the columns the caller needs.
 * @throws Error with a localised message naming the missing sheet or column.
 */
export function openTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: SheetKey,
  t: Translate,
  required: readonly string[] = [],
): SheetTable {
  const opened = tryOpenTable(spreadsheet, key);
  if (!opened) throw new Error(t('common.missingSheet', { sheet: SHEET_NAMES[key][0] }));
  for (const column of required) {
    if (opened.table.columns[column] === undefined)
      throw new Error(t('common.missingColumn', { sheet: opened.sheet.getName(), column }));
  }
  return opened;
}

/** A record as a sheet row: each key in its column, other columns (a user's own) left empty. */
function toRow(table: Table<string>, record: Record<string, unknown>, width: number): unknown[] {
  const row: unknown[] = new Array(width).fill('');
  for (const [key, value] of Object.entries(record)) {
    const index = table.columns[key];
    if (index !== undefined && value !== undefined) row[index] = value;
  }
  return row;
}

/**
 * Appends records below the last row in one setValues.
 * @returns the sheet row number of the first appended record.
 */
export function appendRecords(target: SheetTable, records: Record<string, unknown>[]): number {
  const width = Math.max(target.table.header.length, 1);
  const firstRow = target.sheet.getLastRow() + 1;
  const rows = records.map((record) => toRow(target.table, record, width));
  target.sheet.getRange(firstRow, 1, rows.length, width).setValues(rows);
  return firstRow;
}

/**
 * Writes some cells of one row: one setValues per run of adjacent columns, so cells in between (formulas, other
 * users' edits) are never overwritten with stale values.
 */
export function writeCells(target: SheetTable, sheetRow: number, record: Record<string, unknown>): void {
  const cells = Object.entries(record)
    .map(([key, value]) => ({ index: target.table.columns[key], value }))
    .filter((entry): entry is { index: number; value: unknown } => entry.index !== undefined)
    .sort((a, b) => a.index - b.index);
  let start = 0;
  while (start < cells.length) {
    let end = start;
    while (end + 1 < cells.length && cells[end + 1].index === cells[end].index + 1) end++;
    const run = cells.slice(start, end + 1);
    target.sheet.getRange(sheetRow, run[0].index + 1, 1, run.length).setValues([run.map((c) => c.value)]);
    start = end + 1;
  }
}

/** Lists sheet as list key → labels (blank cells skipped, order kept). */
export function readLists(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  const opened = tryOpenTable(spreadsheet, 'lists');
  if (!opened) return lists;
  for (const [key, index] of Object.entries(opened.table.columns)) {
    if (index === undefined) continue;
    lists[key] = opened.table.rows
      .map((row) => String(row[index] ?? '').trim())
      .filter((value) => value !== '');
  }
  return lists;
}

/** Settings sheet as key → value. */
export function readSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  const opened = tryOpenTable(spreadsheet, 'settings');
  if (!opened) return settings;
  const keyIndex = opened.table.columns.key;
  const valueIndex = opened.table.columns.value;
  if (keyIndex === undefined || valueIndex === undefined) return settings;
  for (const row of opened.table.rows) {
    const key = String(row[keyIndex] ?? '').trim();
    if (key !== '') settings[key] = row[valueIndex];
  }
  return settings;
}
