/**
 * Problem-cell highlights that can be undone exactly. Before a cell is coloured its original background is
 * recorded in a hidden sheet (document properties hold 9 KB per value, too little for 20 000 problems). Per data
 * sheet: ONE getBackgrounds and ONE setBackgrounds over the box of touched cells; the marks sheet is written and
 * read in one call each. Clearing restores a cell only if it still carries our colour, so a colour the user set
 * after the check is kept.
 */
import type { CheckProblem } from '../../core/validation';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const MARKS_SHEET = 'SalesDesk check marks';
export const ERROR_BACKGROUND = '#fbd0cc';
export const WARNING_BACKGROUND = '#fdeab4';
const MARKS_HEADER = ['sheet', 'row', 'column', 'original background', 'highlight'];

interface Mark {
  sheet: string;
  row: number;
  col: number;
  original: string;
  highlight: string;
}

function readMarks(spreadsheet: Spreadsheet): { sheet: Sheet | null; marks: Mark[] } {
  const sheet = spreadsheet.getSheetByName(MARKS_SHEET);
  if (!sheet) return { sheet: null, marks: [] };
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return { sheet, marks: [] };
  const values = sheet.getRange(2, 1, lastRow - 1, MARKS_HEADER.length).getValues();
  const marks = values
    .filter((row) => row[0] !== '' && Number(row[1]) > 0 && Number(row[2]) > 0)
    .map((row) => ({
      sheet: String(row[0]),
      row: Number(row[1]),
      col: Number(row[2]),
      original: String(row[3]),
      highlight: String(row[4]),
    }));
  return { sheet, marks };
}

function writeMarks(spreadsheet: Spreadsheet, existing: Sheet | null, marks: Mark[]): void {
  if (!existing && marks.length === 0) return;
  const sheet = existing ?? spreadsheet.insertSheet(MARKS_SHEET);
  if (!existing) sheet.hideSheet();
  sheet.clearContents();
  const rows = [MARKS_HEADER, ...marks.map((m) => [m.sheet, m.row, m.col, m.original, m.highlight])];
  if (sheet.getMaxRows() < rows.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  sheet.getRange(1, 1, rows.length, MARKS_HEADER.length).setValues(rows);
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function boxOf(cells: { row: number; col: number }[]): Box {
  const box = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  for (const c of cells) {
    box.top = Math.min(box.top, c.row);
    box.left = Math.min(box.left, c.col);
    box.bottom = Math.max(box.bottom, c.row);
    box.right = Math.max(box.right, c.col);
  }
  return box;
}

/**
 * Restores previous highlights and applies new ones (pass [] to only clear), sheet by sheet.
 * @returns how many cells were restored and how many highlighted.
 */
export function applyHighlights(
  spreadsheet: Spreadsheet,
  problems: readonly Pick<CheckProblem, 'sheet' | 'row' | 'col' | 'severity'>[],
): { restored: number; highlighted: number } {
  const { sheet: marksSheet, marks: oldMarks } = readMarks(spreadsheet);
  // One highlight per cell: an error wins over a warning.
  const wanted = new Map<string, { sheet: string; row: number; col: number; highlight: string }>();
  for (const p of problems) {
    if (p.row < 1 || p.col < 1) continue;
    const key = `${p.sheet}\u0000${p.row}\u0000${p.col}`;
    const highlight = p.severity === 'error' ? ERROR_BACKGROUND : WARNING_BACKGROUND;
    const known = wanted.get(key);
    if (!known || (known.highlight === WARNING_BACKGROUND && highlight === ERROR_BACKGROUND)) {
      wanted.set(key, { sheet: p.sheet, row: p.row, col: p.col, highlight });
    }
  }
  const sheetNames = new Set<string>([
    ...oldMarks.map((m) => m.sheet),
    ...[...wanted.values()].map((w) => w.sheet),
  ]);
  const newMarks: Mark[] = [];
  let restored = 0;
  for (const name of sheetNames) {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet) continue; // the sheet was deleted or renamed: nothing left to restore there
    const olds = oldMarks.filter((m) => m.sheet === name);
    const news = [...wanted.values()].filter((w) => w.sheet === name);
    const maxRows = sheet.getMaxRows();
    const maxCols = sheet.getMaxColumns();
    const inside = <T extends { row: number; col: number }>(c: T) => c.row <= maxRows && c.col <= maxCols;
    const box = boxOf([...olds.filter(inside), ...news.filter(inside)]);
    if (box.bottom === 0) continue;
    const range = sheet.getRange(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1);
    const backgrounds = range.getBackgrounds();
    for (const m of olds.filter(inside)) {
      const r = m.row - box.top;
      const c = m.col - box.left;
      if (backgrounds[r][c].toLowerCase() === m.highlight.toLowerCase()) {
        backgrounds[r][c] = m.original;
        restored++;
      }
    }
    const marksHere: Mark[] = [];
    for (const w of news.filter(inside)) {
      const r = w.row - box.top;
      const c = w.col - box.left;
      marksHere.push({
        sheet: name,
        row: w.row,
        col: w.col,
        original: backgrounds[r][c],
        highlight: w.highlight,
      });
      backgrounds[r][c] = w.highlight;
    }
    try {
      range.setBackgrounds(backgrounds);
      for (const mark of marksHere) newMarks.push(mark); // no spread: a big sheet has 100 000s of marks
    } catch {
      // A sheet protected from this user (Settings for a rep): the report still lists its problems, and its old
      // marks stay recorded so a manager's Clear restores them.
      for (const mark of olds) newMarks.push(mark);
    }
  }
  if (oldMarks.length > 0 || newMarks.length > 0) writeMarks(spreadsheet, marksSheet, newMarks);
  return { restored, highlighted: newMarks.length };
}
