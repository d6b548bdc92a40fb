/**
 * Writing Customers rows after a merge or its undo. Removing rows moves the rows below up (and undo moves them down
 * again); doing it with one deleteRows/insertRows per merged-away row would cost one structural call per row, so the
 * block from the first changed row to the end is rewritten with ONE setValues per run of columns, and the rows
 * freed at the end are blanked (they stay as empty rows, as after clearing them by hand).
 *
 * A column holding formulas anywhere from the first data row to the end of the block — the live tier formulas
 * (one ARRAYFORMULA in row 2), a team's own formula filled down — is not written: its formulas stay where they are
 * and compute from the rows as they now stand. One getFormulas() read finds them.
 */
import type { Table } from '../../core/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Rewrites `table`'s rows from index `first` with `next` (and blanks below when `next` is shorter), then makes
 * `table.rows` equal to `next`.
 * @returns the number of setValues calls made (0 when nothing changed).
 */
export function rewriteRows(sheet: Sheet, table: Table<string>, next: unknown[][], first: number): number {
  const longest = Math.max(table.rows.length, next.length);
  if (!Number.isFinite(first) || first >= longest) {
    table.rows = next;
    return 0;
  }
  let width = Math.max(table.header.length, 1);
  for (const row of table.rows) width = Math.max(width, row.length);
  for (const row of next) width = Math.max(width, row.length);
  const maxRows = sheet.getMaxRows();
  const readRows = Math.max(1, Math.min(table.firstRow + longest - 1, maxRows) - table.firstRow + 1);
  const formulas = sheet.getRange(table.firstRow, 1, readRows, width).getFormulas();
  const keep = new Array<boolean>(width).fill(false);
  for (const row of formulas) for (let c = 0; c < width; c++) if (row[c]) keep[c] = true;
  // Rows below the data that only formulas fill (a live formula spills to the sheet's end) are not data: they
  // neither grow the sheet nor get written.
  const used = (rows: readonly unknown[][]): number => {
    let n = rows.length;
    while (n > 0 && !rows[n - 1].some((v, c) => !keep[c] && v !== '' && v !== null && v !== undefined)) n--;
    return n;
  };
  const end = Math.max(used(table.rows), used(next));
  if (first >= end) {
    table.rows = next;
    return 0;
  }
  const lastRow = table.firstRow + end - 1;
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  const block: unknown[][] = [];
  for (let i = first; i < end; i++) {
    const source = next[i];
    const out = new Array<unknown>(width);
    for (let c = 0; c < width; c++) {
      const value = source ? (source[c] ?? '') : '';
      // Text that starts with "=" was typed as text: setValues would make it a formula.
      out[c] = typeof value === 'string' && value.startsWith('=') ? `'${value}` : value;
    }
    block.push(out);
  }
  let calls = 0;
  let c = 0;
  while (c < width) {
    if (keep[c]) {
      c++;
      continue;
    }
    let stop = c;
    while (stop + 1 < width && !keep[stop + 1]) stop++;
    const slice = block.map((row) => row.slice(c, stop + 1));
    sheet.getRange(table.firstRow + first, c + 1, slice.length, stop - c + 1).setValues(slice);
    calls++;
    c = stop + 1;
  }
  table.rows = next;
  return calls;
}
