/** A1 notation: column letters, cell and range references as Google Sheets writes them. */

/** 1-based column number to letters: 1 → A, 27 → AA. */
export function columnToLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters to 1-based column number: A → 1, AA → 27. */
export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed A1 reference. Missing bounds mean "open" (whole column `A:A`, `A2:A`, whole row `1:1`). */
export interface A1Reference {
  sheetName?: string;
  startRow?: number;
  startColumn?: number;
  endRow?: number;
  endColumn?: number;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parsePart(part: string): { row?: number; column?: number } | undefined {
  const m = PART.exec(part.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const column = m[1] ? lettersToColumn(m[1]) : undefined;
  const row = m[2] ? Number(m[2]) : undefined;
  if (row === 0) return undefined;
  return { row, column };
}

/** Splits `'My sheet'!A1:B2` into the sheet name and the cell part. */
export function splitSheetPrefix(a1: string): { sheetName?: string; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { ref: a1 };
  let sheetName = a1.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'"))
    sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  return { sheetName, ref: a1.slice(bang + 1) };
}

/** Parses an A1 reference; returns undefined when it is not one (Apps Script then says "Range not found"). */
export function parseA1(a1: string): A1Reference | undefined {
  const { sheetName, ref } = splitSheetPrefix(a1.trim());
  // Sheet.getRange also takes R1C1 notation (developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)).
  const r1c1 = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i.exec(ref.trim());
  if (r1c1) {
    const [startRow, startColumn] = [Number(r1c1[1]), Number(r1c1[2])];
    const [endRow, endColumn] = r1c1[3] ? [Number(r1c1[3]), Number(r1c1[4])] : [startRow, startColumn];
    if (!startRow || !startColumn || !endRow || !endColumn) return undefined;
    return {
      sheetName,
      startRow: Math.min(startRow, endRow),
      startColumn: Math.min(startColumn, endColumn),
      endRow: Math.max(startRow, endRow),
      endColumn: Math.max(startColumn, endColumn),
    };
  }
  const pieces = ref.split(':');
  if (pieces.length > 2) return undefined;
  const start = parsePart(pieces[0]);
  if (!start) return undefined;
  if (pieces.length === 1) {
    if (start.row === undefined || start.column === undefined) return undefined;
    return {
      sheetName,
      startRow: start.row,
      startColumn: start.column,
      endRow: start.row,
      endColumn: start.column,
    };
  }
  const end = parsePart(pieces[1]);
  if (!end) return undefined;
  // Row-only start (`1:3`) needs a row-only end; column-only start (`A:C`) a column end.
  if (start.column === undefined && end.column !== undefined && start.row === undefined) return undefined;
  const r: A1Reference = {
    sheetName,
    startRow: start.row,
    startColumn: start.column,
    endRow: end.row,
    endColumn: end.column,
  };
  if (r.startColumn === undefined && r.endColumn !== undefined) return undefined;
  if (r.startRow === undefined && r.endRow !== undefined) {
    // `A:B2` is not valid in Sheets' A1 either.
    return undefined;
  }
  if (r.startColumn !== undefined && r.endColumn === undefined && r.endRow === undefined) return undefined;
  if (r.startRow === undefined && r.startColumn === undefined) return undefined;
  // Normalise reversed corners (B2:A1 is A1:B2).
  if (r.startRow !== undefined && r.endRow !== undefined && r.endRow < r.startRow)
    [r.startRow, r.endRow] = [r.endRow, r.startRow];
  if (r.startColumn !== undefined && r.endColumn !== undefined && r.endColumn < r.startColumn)
    [r.startColumn, r.endColumn] = [r.endColumn, r.startColumn];
  return r;
}

/** Quotes a sheet name for use in A1 notation when needed. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** A1 text for a rectangle: `B2`, `A1:C10`. */
export function rectToA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnToLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnToLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
