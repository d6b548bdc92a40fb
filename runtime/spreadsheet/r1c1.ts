/**
 * R1C1 notation for formulas (Range.getFormulaR1C1 / setFormulaR1C1,
 * developers.google.com/apps-script/reference/spreadsheet/range#setFormulaR1C1(String)): `R[1]C[-2]` is
 * relative to the formula's cell, `R2C3` absolute, `R[0]C` / `RC` the same row/column.
 */
import { columnToLetters, quoteSheetName } from './a1';
import { mapFormulaRefs, type FormulaRef } from './formula-refs';

function part(axis: 'R' | 'C', value: number | undefined, absolute: boolean, origin: number): string {
  if (value === undefined) return '';
  if (absolute) return `${axis}${value}`;
  const delta = value - origin;
  return delta === 0 ? axis : `${axis}[${delta}]`;
}

/** A1 formula → R1C1, seen from cell (row, column). */
export function a1ToR1C1(formula: string, row: number, column: number): string {
  if (!formula) return '';
  return mapFormulaRefs(formula, (ref: FormulaRef) => {
    const prefix = ref.sheetName !== undefined ? quoteSheetName(ref.sheetName) + '!' : '';
    const endpoint = (r: number | undefined, c: number | undefined, absR: boolean, absC: boolean): string =>
      part('R', r, absR, row) + part('C', c, absC, column);
    const start = endpoint(ref.startRow, ref.startColumn, ref.abs[1], ref.abs[0]);
    if (!ref.isRange) return prefix + start;
    return `${prefix}${start}:${endpoint(ref.endRow, ref.endColumn, ref.abs[3], ref.abs[2])}`;
  });
}

const R1C1_REF = /(^|[^A-Za-z0-9_.'"])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g;

/** R1C1 formula → A1, for cell (row, column). Text inside string literals is left alone. */
export function r1c1ToA1(formula: string, row: number, column: number): string {
  if (!formula) return '';
  const resolve = (token: string | undefined, origin: number): { value: number; abs: boolean } => {
    if (token === undefined) return { value: origin, abs: false };
    if (token.startsWith('[')) return { value: origin + Number(token.slice(1, -1)), abs: false };
    return { value: Number(token), abs: true };
  };
  // Split on string literals so "RC" inside quotes stays text.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((chunk, i) =>
      i % 2 === 1
        ? chunk
        : chunk.replace(R1C1_REF, (_all, lead: string, r?: string, c?: string) => {
            const rr = resolve(r, row);
            const cc = resolve(c, column);
            if (rr.value < 1 || cc.value < 1) return `${lead}#REF!`;
            return `${lead}${cc.abs ? '$' : ''}${columnToLetters(cc.value)}${rr.abs ? '$' : ''}${rr.value}`;
          }),
    )
    .join('');
}
