/** Helpers over sparse row-major grids. */
import type { Grid, GridRect } from './types';

export function getCell<T>(grid: Grid<T>, row0: number, column0: number): T | null {
  const line = grid[row0];
  if (!line) return null;
  const v = line[column0];
  return v === undefined ? null : v;
}

/**
 * Lines of a grid shared by copies of one workbook (WorkbookStore.clone, see shareGrid): whichever copy changes a
 * line first gets its own copy of it (ownLine), so a copy costs one array per grid instead of one per line.
 */
const sharedLines = new WeakSet<object>();

/** A copy of `grid` whose lines are shared with it until one of the two changes a line. */
export function shareGrid<T>(grid: Grid<T>): Grid<T> {
  for (const line of grid) if (line) sharedLines.add(line);
  return grid.slice();
}

/** The line at `row0`, copied first when it is shared with another copy of the workbook: safe to change. */
export function ownLine<T>(grid: Grid<T>, row0: number): Array<T | null | undefined> | null | undefined {
  const line = grid[row0];
  if (!line || !sharedLines.has(line)) return line;
  const copy = line.slice();
  grid[row0] = copy;
  return copy;
}

/** A new empty line at `row0`, the grid grown to reach it. */
function addLine<T>(grid: Grid<T>, row0: number): Array<T | null | undefined> {
  while (grid.length < row0) grid.push(undefined);
  const line: Array<T | null | undefined> = [];
  grid[row0] = line;
  return line;
}

export function setCell<T>(grid: Grid<T>, row0: number, column0: number, value: T | null): void {
  let line = ownLine(grid, row0);
  if (!line) {
    if (value === null) return;
    line = addLine(grid, row0);
  }
  if (value === null) {
    if (column0 < line.length) line[column0] = null;
    return;
  }
  while (line.length < column0) line.push(null);
  line[column0] = value;
}

/** Writes a rectangle of values (null clears): as setCell cell by cell, a line at a time. */
export function writeGrid<T>(
  grid: Grid<T>,
  rect: GridRect,
  values: ReadonlyArray<ReadonlyArray<T | null>>,
): void {
  const start = rect.column - 1;
  for (let r = 0; r < rect.numRows; r++) {
    const r0 = rect.row - 1 + r;
    const row = values[r];
    // setCell copies a shared line on any write to it, a clearing one included.
    let line = ownLine(grid, r0);
    for (let c = 0; c < rect.numColumns; c++) {
      const value = row[c];
      const c0 = start + c;
      if (value === null) {
        if (line && c0 < line.length) line[c0] = null;
        continue;
      }
      line ??= addLine(grid, r0);
      while (line.length < c0) line.push(null);
      line[c0] = value;
    }
  }
}

/** Reads a rectangle, `fallback` for empty cells. */
export function readRect<T, F>(grid: Grid<T>, rect: GridRect, fallback: F): (T | F)[][] {
  const out: (T | F)[][] = new Array(rect.numRows);
  for (let r = 0; r < rect.numRows; r++) {
    const line = grid[rect.row - 1 + r];
    const row: (T | F)[] = new Array(rect.numColumns);
    for (let c = 0; c < rect.numColumns; c++) {
      const v = line ? line[rect.column - 1 + c] : undefined;
      row[c] = v === undefined || v === null ? fallback : v;
    }
    out[r] = row;
  }
  return out;
}

/** Sets every cell of a rectangle to `value` (null clears): as setCell cell by cell, a line at a time. */
export function fillRect<T>(grid: Grid<T>, rect: GridRect, value: T | null): void {
  const start = rect.column - 1;
  const end = start + rect.numColumns;
  for (let r = 0; r < rect.numRows; r++) {
    const r0 = rect.row - 1 + r;
    if (value === null && !grid[r0]) continue;
    let line = ownLine(grid, r0);
    line ??= addLine(grid, r0);
    if (value === null) {
      for (let c = start; c < end && c < line.length; c++) line[c] = null;
      continue;
    }
    while (line.length < start) line.push(null);
    for (let c = start; c < end; c++) line[c] = value;
  }
}

/** Index (0-based) of the last row holding a non-null cell, or -1. */
export function lastUsedRow<T>(grid: Grid<T>): number {
  for (let r = grid.length - 1; r >= 0; r--) {
    const line = grid[r];
    if (line && line.some((v) => v !== null && v !== undefined)) return r;
  }
  return -1;
}

/** Index (0-based) of the last column holding a non-null cell, or -1. */
export function lastUsedColumn<T>(grid: Grid<T>): number {
  let last = -1;
  for (const line of grid) {
    if (!line) continue;
    for (let c = line.length - 1; c > last; c--) {
      if (line[c] !== null && line[c] !== undefined) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/** Inserts (count > 0) or deletes (count < 0) rows at 0-based index `at`. */
export function spliceRows<T>(grid: Grid<T>, at: number, count: number): void {
  if (at >= grid.length) return;
  if (count > 0) grid.splice(at, 0, ...new Array<undefined>(count).fill(undefined));
  else grid.splice(at, -count);
}

/** Inserts (count > 0) or deletes (count < 0) columns at 0-based index `at`. */
export function spliceColumns<T>(grid: Grid<T>, at: number, count: number): void {
  for (let r = 0; r < grid.length; r++) {
    if (!grid[r] || at >= (grid[r]?.length ?? 0)) continue;
    const line = ownLine(grid, r) as Array<T | null | undefined>;
    if (count > 0) line.splice(at, 0, ...new Array<null>(count).fill(null));
    else line.splice(at, -count);
  }
}

/** Moves a rectangle's edge for an insert/delete of lines; undefined when the rectangle was deleted. */
export function shiftRect(
  rect: GridRect,
  dimension: 'ROWS' | 'COLUMNS',
  at1: number,
  count: number,
): GridRect | undefined {
  const startKey = dimension === 'ROWS' ? 'row' : 'column';
  const sizeKey = dimension === 'ROWS' ? 'numRows' : 'numColumns';
  const start = rect[startKey];
  const end = start + rect[sizeKey] - 1;
  let newStart = start;
  let newEnd = end;
  if (count > 0) {
    if (start >= at1) newStart += count;
    if (end >= at1) newEnd += count;
  } else {
    const last = at1 - count - 1;
    if (start >= at1 && end <= last) return undefined;
    const map = (v: number): number => (v > last ? v + count : v >= at1 ? at1 : v);
    newStart = map(start);
    newEnd = end > last ? end + count : end >= at1 ? at1 - 1 : end;
  }
  return { ...rect, [startKey]: newStart, [sizeKey]: newEnd - newStart + 1 };
}
