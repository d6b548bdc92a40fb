/**
 * A small formula tokenizer that finds cell and range references (outside string literals), so the runtime
 * can rewrite them the way Sheets does: shift them when rows or columns are inserted or deleted, follow a
 * sheet rename, and bound open ranges such as `A2:A` (which HyperFormula does not accept) to the sheet size.
 */
import { columnToLetters, lettersToColumn, quoteSheetName } from './a1';

/** One reference found in a formula. Undefined row/column bounds mean an open range (`A:A`, `A2:A`, `1:1`). */
export interface FormulaRef {
  sheetName?: string;
  startColumn?: number;
  startRow?: number;
  endColumn?: number;
  endRow?: number;
  /** Absolute markers ($) for startColumn, startRow, endColumn, endRow. */
  abs: [boolean, boolean, boolean, boolean];
  isRange: boolean;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d+)$/;

function parseEndpoint(
  text: string,
): { column?: number; row?: number; absColumn: boolean; absRow: boolean } | undefined {
  let m = CELL.exec(text);
  if (m) {
    const row = Number(m[4]);
    if (row < 1) return undefined;
    return { column: lettersToColumn(m[2]), row, absColumn: m[1] === '$', absRow: m[3] === '$' };
  }
  m = COLUMN.exec(text);
  if (m) return { column: lettersToColumn(m[2]), absColumn: m[1] === '$', absRow: false };
  m = ROW.exec(text);
  if (m) return { row: Number(m[2]), absColumn: false, absRow: m[1] === '$' };
  return undefined;
}

/** Parses the reference part (no sheet prefix) of a token; undefined if the token is not a reference. */
export function parseRefText(text: string): FormulaRef | undefined {
  const pieces = text.split(':');
  if (pieces.length > 2) return undefined;
  const a = parseEndpoint(pieces[0]);
  if (!a) return undefined;
  if (pieces.length === 1) {
    if (a.row === undefined || a.column === undefined) return undefined;
    return {
      startColumn: a.column,
      startRow: a.row,
      endColumn: a.column,
      endRow: a.row,
      abs: [a.absColumn, a.absRow, a.absColumn, a.absRow],
      isRange: false,
    };
  }
  const b = parseEndpoint(pieces[1]);
  if (!b) return undefined;
  // Either both ends name a column (A1:B2, A:B, A2:B) or both are row-only (1:3).
  const rowOnly = a.column === undefined && b.column === undefined;
  if (!rowOnly && (a.column === undefined || b.column === undefined)) return undefined;
  if (rowOnly && (a.row === undefined || b.row === undefined)) return undefined;
  if (a.row === undefined && b.row !== undefined && !rowOnly) return undefined;
  return {
    startColumn: a.column,
    startRow: a.row,
    endColumn: b.column,
    endRow: b.row,
    abs: [a.absColumn, a.absRow, b.absColumn, b.absRow],
    isRange: true,
  };
}

function endpointText(
  column: number | undefined,
  row: number | undefined,
  absC: boolean,
  absR: boolean,
): string {
  return (
    (column !== undefined ? (absC ? '$' : '') + columnToLetters(column) : '') +
    (row !== undefined ? (absR ? '$' : '') + String(row) : '')
  );
}

export function formatRef(ref: FormulaRef): string {
  const prefix = ref.sheetName !== undefined ? quoteSheetName(ref.sheetName) + '!' : '';
  const start = endpointText(ref.startColumn, ref.startRow, ref.abs[0], ref.abs[1]);
  if (!ref.isRange) return prefix + start;
  return prefix + start + ':' + endpointText(ref.endColumn, ref.endRow, ref.abs[2], ref.abs[3]);
}

const IDENT_CHAR = /[A-Za-z0-9_$.:\u00C0-\uFFFF]/;

/**
 * Calls `replace` for every reference in the formula and splices its answer in. `replace` returns the new
 * text (e.g. a shifted reference or `#REF!`), or undefined to keep the reference as written.
 */
export function mapFormulaRefs(formula: string, replace: (ref: FormulaRef) => string | undefined): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let sheetName: string | undefined;
    let start = i;
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j];
        j++;
      }
      if (formula[j + 1] !== '!') {
        out += formula.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      sheetName = name;
      start = j + 2;
    } else if (!IDENT_CHAR.test(ch) || (i > 0 && /[A-Za-z0-9_$.\u00C0-\uFFFF]/.test(formula[i - 1]))) {
      out += ch;
      i++;
      continue;
    }
    let j = start;
    while (j < n && IDENT_CHAR.test(formula[j])) j++;
    let token = formula.slice(start, j);
    if (sheetName === undefined && formula[j] === '!') {
      sheetName = token;
      const refStart = j + 1;
      j = refStart;
      while (j < n && IDENT_CHAR.test(formula[j])) j++;
      token = formula.slice(refStart, j);
    }
    const ref = formula[j] === '(' ? undefined : parseRefText(token);
    if (ref) {
      ref.sheetName = sheetName;
      const replaced = replace(ref);
      out += replaced ?? formula.slice(i, j);
    } else {
      out += formula.slice(i, j);
    }
    i = j;
  }
  return out;
}

/** Bounds open ranges (`A2:A`, `A:C`, `2:2`) to the referenced sheet's size, for HyperFormula. */
export function boundOpenRanges(
  formula: string,
  formulaSheet: string,
  sizeOf: (sheetName: string) => { rows: number; columns: number } | undefined,
): string {
  if (!formula.includes(':')) return formula;
  return mapFormulaRefs(formula, (ref) => {
    if (!ref.isRange) return undefined;
    if (ref.startRow !== undefined && ref.endRow !== undefined && ref.startColumn !== undefined)
      return undefined;
    const size = sizeOf(ref.sheetName ?? formulaSheet);
    if (!size) return undefined;
    return formatRef({
      ...ref,
      startRow: ref.startRow ?? 1,
      endRow: ref.endRow ?? size.rows,
      startColumn: ref.startColumn ?? 1,
      endColumn: ref.endColumn ?? size.columns,
    });
  });
}

/** Does the formula contain an open range (so its bounded form changes when the sheet grows)? */
export function hasOpenRange(formula: string): boolean {
  if (!formula.includes(':')) return false;
  let open = false;
  mapFormulaRefs(formula, (ref) => {
    if (
      ref.isRange &&
      (ref.startRow === undefined || ref.endRow === undefined || ref.startColumn === undefined)
    )
      open = true;
    return undefined;
  });
  return open;
}

export type Dimension = 'ROWS' | 'COLUMNS';

/**
 * Rewrites references after rows/columns were inserted (count > 0, before index `at`) or deleted
 * (count < 0, the |count| lines starting at `at`) on `targetSheet`, as Sheets does.
 */
export function shiftFormula(
  formula: string,
  formulaSheet: string,
  targetSheet: string,
  dimension: Dimension,
  at: number,
  count: number,
): string {
  return mapFormulaRefs(formula, (ref) => {
    if ((ref.sheetName ?? formulaSheet) !== targetSheet) return undefined;
    const startKey = dimension === 'ROWS' ? 'startRow' : 'startColumn';
    const endKey = dimension === 'ROWS' ? 'endRow' : 'endColumn';
    const s = ref[startKey];
    const e = ref[endKey];
    if (s === undefined && e === undefined) return undefined;
    const next = { ...ref };
    if (count > 0) {
      if (s !== undefined && s >= at) next[startKey] = s + count;
      if (e !== undefined && e >= at) next[endKey] = e + count;
    } else {
      const deleted = -count;
      const last = at + deleted - 1;
      const map = (v: number): number => (v > last ? v - deleted : v);
      if (!ref.isRange) {
        if (s !== undefined && s >= at && s <= last) return '#REF!';
      } else if (s !== undefined && e !== undefined && s >= at && e <= last) {
        return '#REF!';
      }
      if (s !== undefined) next[startKey] = s >= at && s <= last ? at : map(s);
      if (e !== undefined)
        next[endKey] = e >= at && e <= last ? Math.max(at - 1, next[startKey] ?? 1) : map(e);
    }
    return formatRef(next);
  });
}

/** Rewrites references to a renamed sheet. */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  return mapFormulaRefs(formula, (ref) =>
    ref.sheetName === oldName ? formatRef({ ...ref, sheetName: newName }) : undefined,
  );
}

/** Moves relative (non-$) parts of references by a row/column offset, as filling a formula does. */
export function offsetRelativeRefs(formula: string, rowOffset: number, columnOffset: number): string {
  if (rowOffset === 0 && columnOffset === 0) return formula;
  return mapFormulaRefs(formula, (ref) => {
    const next = { ...ref };
    if (next.startColumn !== undefined && !ref.abs[0]) next.startColumn += columnOffset;
    if (next.startRow !== undefined && !ref.abs[1]) next.startRow += rowOffset;
    if (next.endColumn !== undefined && !ref.abs[2]) next.endColumn += columnOffset;
    if (next.endRow !== undefined && !ref.abs[3]) next.endRow += rowOffset;
    const bad = [next.startColumn, next.startRow, next.endColumn, next.endRow].some(
      (v) => v !== undefined && v < 1,
    );
    return bad ? '#REF!' : formatRef(next);
  });
}
