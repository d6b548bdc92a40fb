/**
 * What the preview's index page shows of the workbook (values as display text) and the row selection it sets, over
 * the local runtime's workbook store (runtime/spreadsheet/store.ts).
 */
import type { LocalRuntime } from '../../runtime';
import type { WorkbookStore } from '../../runtime/spreadsheet/store';

export interface WorkbookSnapshot {
  sheets: { name: string; values: string[][] }[];
}

function storeOf(rt: LocalRuntime): WorkbookStore {
  return rt.workbook as unknown as WorkbookStore;
}

/** Sheet names in tab order. */
export function sheetNames(rt: LocalRuntime): string[] {
  return storeOf(rt)
    .sheets()
    .map((sheet) => sheet.name);
}

/** Every sheet's values as Sheets displays them (at most 500 rows a sheet). */
export function workbookSnapshot(rt: LocalRuntime): WorkbookSnapshot {
  const store = storeOf(rt);
  return {
    sheets: store.sheets().map((sheet) => ({
      name: sheet.name,
      values: store.sheetDisplayValues(sheet.name).slice(0, 500),
    })),
  };
}

/** Makes `row` of `sheet` the active range (the whole used row), as a user clicking it in Sheets would. */
export function selectRow(rt: LocalRuntime, sheet: string, row: number): void {
  const store = storeOf(rt);
  const target = store.sheetByName(sheet);
  if (!target || !Number.isInteger(row) || row < 1) return;
  store.data.activeSheetId = target.id;
  store.data.activeRange = {
    sheetId: target.id,
    rect: { row, column: 1, numRows: 1, numColumns: Math.max(1, store.lastColumn(target)) },
  };
}
