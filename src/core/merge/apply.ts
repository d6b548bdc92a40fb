/**
 * Applying a merge and its undo to rows as read — pure, by ID, and safe to repeat, so the same functions do the
 * normal run and the completion of one a failure interrupted (src/server/merge/run.ts):
 * - Customers: each survivor's cells that the merge changes are set where the sheet still holds the value from
 *   before (an edit made since wins); rows whose ID was merged away are removed, the rows below move up.
 * - Child sheets (every sheet with a Customer ID column): a record of a merged-away ID gets the survivor's ID.
 * Undo puts removed rows back at their old places (when their ID is not in the sheet), the survivor's cells back
 * where they still hold the merged value, and each moved record back where it still names the survivor.
 */
import { customerKey } from '../tiering';
import type { Table } from '../table';
import { decodeRow, sameCell } from './cells';
import type { ChildMove, MergeRecord } from './state';

export interface RowsChange {
  rows: unknown[][];
  /** First 0-based index whose content changed (Infinity when nothing did). */
  first: number;
}

function idIndex(rows: readonly unknown[][], idColumn: number): Map<string, number> {
  const map = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = customerKey(row[idColumn]);
    if (key !== '' && !map.has(key)) map.set(key, index);
  });
  return map;
}

/** Sets `to` into row cells where they still equal `from` (cell by cell); returns whether any changed. */
function swapCells(row: unknown[], from: readonly unknown[], to: readonly unknown[]): boolean {
  let changed = false;
  const width = Math.max(from.length, to.length);
  for (let c = 0; c < width; c++) {
    if (sameCell(from[c], to[c])) continue;
    if (sameCell(row[c], from[c])) {
      row[c] = to[c] ?? '';
      changed = true;
    }
  }
  return changed;
}

/** The Customers rows after `record`'s merges (input untouched). */
export function mergeCustomerRows(
  rows: readonly unknown[][],
  idColumn: number,
  record: MergeRecord,
): RowsChange {
  const out = rows.map((row) => [...row]);
  const index = idIndex(out, idColumn);
  let first = Infinity;
  const drop = new Set<number>();
  for (const group of record.groups) {
    const at = index.get(customerKey(group.survivorId));
    if (at !== undefined && swapCells(out[at], decodeRow(group.before), decodeRow(group.after)))
      first = Math.min(first, at);
    for (const removed of group.removed) {
      const gone = index.get(customerKey(removed.id));
      if (gone !== undefined) drop.add(gone);
    }
  }
  if (drop.size === 0) return { rows: out, first };
  for (const at of drop) first = Math.min(first, at);
  const kept: unknown[][] = [];
  for (let i = 0; i < out.length; i++) if (!drop.has(i)) kept.push(out[i]);
  return { rows: kept, first };
}

export interface UndoRows extends RowsChange {
  restored: number;
  /** Merged-away IDs found in the sheet again (someone re-used the ID): left as they are. */
  present: string[];
}

/** The Customers rows after undoing `record` (input untouched). */
export function unmergeCustomerRows(
  rows: readonly unknown[][],
  idColumn: number,
  record: MergeRecord,
): UndoRows {
  const out = rows.map((row) => [...row]);
  const index = idIndex(out, idColumn);
  let first = Infinity;
  for (const group of record.groups) {
    const at = index.get(customerKey(group.survivorId));
    if (at !== undefined && swapCells(out[at], decodeRow(group.after), decodeRow(group.before)))
      first = Math.min(first, at);
  }
  const back = record.groups
    .flatMap((group) => group.removed)
    .filter((removed) => !index.has(customerKey(removed.id)))
    .sort((a, b) => a.index - b.index);
  const present = record.groups
    .flatMap((group) => group.removed)
    .filter((removed) => index.has(customerKey(removed.id)))
    .map((removed) => removed.id);
  for (const removed of back) {
    const at = Math.min(removed.index, out.length);
    out.splice(at, 0, decodeRow(removed.row));
    first = Math.min(first, at);
  }
  return { rows: out, first, restored: back.length, present };
}

/** Merged-away ID (customerKey) → survivor ID, for every group of `record`. */
export function survivorOf(record: MergeRecord): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of record.groups)
    for (const removed of group.removed) map.set(customerKey(removed.id), group.survivorId);
  return map;
}

/**
 * Gives the survivor's ID to every record of a child sheet that names a merged-away ID (in place).
 * @returns the moves made, in row order.
 */
export function moveChildren(
  sheet: string,
  table: Table<string>,
  survivors: Map<string, string>,
): ChildMove[] {
  const column = table.columns.customerId;
  if (column === undefined || survivors.size === 0) return [];
  const idColumn = table.columns.id;
  const moves: ChildMove[] = [];
  table.rows.forEach((row, index) => {
    const to = survivors.get(customerKey(row[column]));
    if (to === undefined) return;
    moves.push({
      sheet,
      index,
      childId: idColumn === undefined ? '' : String(row[idColumn] ?? '').trim(),
      from: String(row[column] ?? '').trim(),
      to,
    });
    row[column] = to;
  });
  return moves;
}

/**
 * Puts moved records of one child sheet back (in place): found at their old index, else by their own ID; only where
 * the record still names the survivor.
 * @returns indices changed, and moves that could not be put back (record gone or re-pointed meanwhile).
 */
export function unmoveChildren(
  table: Table<string>,
  moves: readonly ChildMove[],
): { changed: number[]; conflicts: ChildMove[] } {
  const column = table.columns.customerId;
  const changed: number[] = [];
  const conflicts: ChildMove[] = [];
  if (column === undefined) return { changed, conflicts: [...moves] };
  const idColumn = table.columns.id;
  let byId: Map<string, number> | null = null;
  const locate = (move: ChildMove): number | undefined => {
    const row = table.rows[move.index];
    const idHere = idColumn === undefined || !row ? '' : String(row[idColumn] ?? '').trim();
    if (row && (move.childId === '' || idHere === move.childId)) return move.index;
    if (move.childId === '' || idColumn === undefined) return undefined;
    byId ??= new Map(table.rows.map((r, i) => [String(r[idColumn] ?? '').trim(), i] as const));
    return byId.get(move.childId);
  };
  for (const move of moves) {
    const at = locate(move);
    const current = at === undefined ? undefined : customerKey(table.rows[at][column]);
    if (at === undefined || (current !== customerKey(move.to) && current !== customerKey(move.from))) {
      conflicts.push(move);
      continue;
    }
    if (current === customerKey(move.from)) continue; // already back (an undo being completed)
    table.rows[at][column] = move.from;
    changed.push(at);
  }
  return { changed, conflicts };
}
