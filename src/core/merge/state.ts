/**
 * The merge's state that can grow — the journal of a merge in progress and the last merge's undo data (every row it
 * removed, the survivors before and after, every child record it moved) — as one JSON document in column B of the
 * hidden, protected *SalesDesk state* sheet (column A is the assignment's, src/core/assign/state.ts, and its code
 * never touches column B). One read, one write of the whole document (all-or-nothing), split over cells.
 */
import { decodeStateCells, encodeStateCells } from '../state-cells';
import type { PlannedMerge } from './plan';

export const MERGE_STATE_MARKER = 'SalesDesk merge state v1 — written by SalesDesk, do not edit';
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
  return encodeStateCells(MERGE_STATE_MARKER, state);
}

/**
 * Reads the state from column B's cells: blank → empty; without the marker or not parsing → null (the caller
 * refuses to overwrite what it cannot read).
 */
export function decodeMergeState(cells: readonly unknown[]): MergeState | null {
  if (cells.every((cell) => cell === '' || cell === null || cell === undefined)) return emptyMergeState();
  const parsed = decodeStateCells(cells, MERGE_STATE_MARKER) as
    (Partial<MergeState> & { v?: number }) | null | undefined;
  if (parsed === null) return null;
  if (parsed === undefined) return emptyMergeState();
  return { journal: parsed.journal ?? null, last: parsed.last ?? null };
}
