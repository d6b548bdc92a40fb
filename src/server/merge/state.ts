/**
 * The merge's state in the hidden *SalesDesk state* sheet, column B (column A is the assignment's document and only
 * src/server/assign/state.ts writes it): one getValues() of column B, one setValues() of the whole document. The
 * sheet is created (hidden, protected for the owner and managers) by the assignment's writeState when a merge
 * comes first.
 */
import { decodeMergeState, encodeMergeState, type MergeState } from '../../core/merge';
import { readState, STATE_SHEET_NAME, writeState } from '../assign/state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface MergeStateHandle {
  sheet: Sheet | null;
  state: MergeState;
  /** Rows of column B holding the current document. */
  usedRows: number;
}

/**
 * Reads the merge state (one read; none when the sheet does not exist yet).
 * @throws Error when column B was edited so that it no longer reads: overwriting it would lose the undo data.
 */
export function readMergeState(spreadsheet: Spreadsheet): MergeStateHandle {
  const sheet = spreadsheet.getSheetByName(STATE_SHEET_NAME);
  if (!sheet) return { sheet: null, state: decodeMergeState([]) as MergeState, usedRows: 0 };
  const rows = Math.max(sheet.getLastRow(), 1);
  const cells = sheet
    .getRange(1, 2, rows, 1)
    .getValues()
    .map((row) => row[0]);
  const state = decodeMergeState(cells);
  if (!state)
    throw new Error(
      `The sheet "${STATE_SHEET_NAME}" (column B) was edited and can no longer be read. ` +
        'Restore it from the version history (File → Version history), then try again.',
    );
  let used = cells.length;
  while (used > 0 && (cells[used - 1] === '' || cells[used - 1] === null)) used--;
  return { sheet, state, usedRows: used };
}

/**
 * Writes the whole merge state in ONE setValues of column B (blanking rows a longer document used), creating the
 * state sheet first when there is none. Updates `handle`.
 */
export function writeMergeState(
  spreadsheet: Spreadsheet,
  handle: MergeStateHandle,
  next: MergeState,
  managers: unknown,
): void {
  let sheet = handle.sheet;
  if (!sheet) {
    // The assignment's own writer creates the sheet, hides and protects it, with its document unchanged.
    const assign = readState(spreadsheet);
    writeState(spreadsheet, assign, assign.state, managers);
    sheet = assign.sheet as Sheet;
    handle.sheet = sheet;
  }
  const cells = encodeMergeState(next);
  const rows = Math.max(cells.length, handle.usedRows);
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const block: string[][] = [];
  for (let i = 0; i < rows; i++) block.push([i < cells.length ? cells[i] : '']);
  sheet.getRange(1, 2, rows, 1).setValues(block);
  handle.state = next;
  handle.usedRows = cells.length;
}
