/**
 * The merge's state that can grow — the journal of a merge in progress and the last merge's undo data (every row it
 * removed, the survivors before and after, every child record it moved) — as one JSON document in column B of the
 * hidden, protected *SalesDesk state* sheet (column A is the assignment's, src/core/assign/state.ts, and its code
 * never touches column B). One read, one write of the whole document (all-or-nothing), split over cells.
 */
import { STATE_CHUNK } from '../assign/state';
import type { PlannedMerge } from './plan';

export const MERGE_STATE_MARKER = 'SalesDesk merge state v1 — written by SalesDesk, do not edit';
/** Every chunk starts with a letter, so setValues never reads one as a number or a formula. */
const CHUNK_PREFIX = 'j';

/** A child record moved to the survivor: where it stood, its own ID (when its sheet has one), from → to. */
export interface ChildMove {
  sheet: string;
  index: number;
  childId: string;
  from: string;
  to: string;
}

/** A merge run: what it did, enough to complete it after a failure and to undo it exactly. */
export interface MergeRecord {
  mergeId: string;
  by: string;
  /** ISO time. */
  time: string;
  groups: PlannedMerge[];
  children: ChildMove[];
}

export type MergeJournal = { op: 'merge'; record: MergeRecord } | { op: 'undo'; mergeId: string };

export interface MergeState {
  journal: MergeJournal | null;
  /** The last merge, until it is undone. */
  last: MergeRecord | null;
}

export function emptyMergeState(): MergeState {
  return { journal: null, last: null };
}

/** The state as the cells of column B (marker first). */
export function encodeMergeState(state: MergeState): string[] {
  const json = JSON.stringify({ v: 1, ...state });
  const cells = [MERGE_STATE_MARKER];
  for (let start = 0; start < json.length; start += STATE_CHUNK)
    cells.push(CHUNK_PREFIX + json.slice(start, start + STATE_CHUNK));
  return cells;
}

/**
 * Reads the state from column B's cells: blank → empty; without the marker or not parsing → null (the caller
 * refuses to overwrite what it cannot read).
 */
export function decodeMergeState(cells: readonly unknown[]): MergeState | null {
  if (cells.every((cell) => cell === '' || cell === null || cell === undefined)) return emptyMergeState();
  if (String(cells[0] ?? '') !== MERGE_STATE_MARKER) return null;
  let json = '';
  for (let i = 1; i < cells.length; i++) {
    const text = String(cells[i] ?? '');
    if (text === '') break;
    if (!text.startsWith(CHUNK_PREFIX)) return null;
    json += text.slice(CHUNK_PREFIX.length);
  }
  if (json === '') return emptyMergeState();
  try {
    const parsed = JSON.parse(json) as Partial<MergeState> & { v?: number };
    if (parsed.v !== 1) return null;
    return { journal: parsed.journal ?? null, last: parsed.last ?? null };
  } catch {
    return null;
  }
}
