/**
 * The forms' door to the workbook, over the template's adapter (src/server/adapters/workbook.ts): open a sheet by
 * key in either language and read it once, append a record in one write, write a few cells of one row, read Lists.
 */
import type { Locale, Translate } from '../../core/i18n';
import { appendRows, openSheet, tryOpenSheet, type SheetTable } from '../adapters/workbook';

export type { SheetTable };
export type FormsSheetKey = 'customers' | 'deals' | 'followups' | 'reps' | 'settings' | 'lists';

/** Reads a sheet once; null when the sheet is missing. */
export function tryOpenTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: FormsSheetKey,
): SheetTable | null {
  return tryOpenSheet(spreadsheet, key);
}

/**
 * Reads a sheet once and checks the columns the caller needs.
 * @throws Error with a localised message naming the missing sheet or column.
 */
export function openTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: FormsSheetKey,
  t: Translate,
  language: Locale,
  required: readonly string[] = [],
): SheetTable {
  return openSheet(spreadsheet, key, t, language, required);
}

/**
 * Appends one record below the last row in one setValues.
 * @returns the sheet row number of the record.
 */
export function appendRecord(target: SheetTable, record: Record<string, unknown>): number {
  return appendRows(target.sheet, target.table, [record]);
}

/**
 * Writes some cells of one row: one setValues per run of adjacent columns, so cells in between (formulas, a
 * user's own columns) are never overwritten with stale values.
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
  // Keep the table in step with the sheet for anything else this run computes.
  const row = target.table.rows[sheetRow - target.table.firstRow];
  if (row) for (const { index, value } of cells) row[index] = value;
}

/** Lists sheet as list key → labels (blank cells skipped, sheet order kept): what the dropdowns offer. */
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
