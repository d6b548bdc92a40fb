/**
 * The assignment's state that can grow — the rotation pointers (one weight per rep and pool: 1 000 reps are ~60 KB),
 * the last run's undo data (every reassign mark it cleared) and the journal of a run in progress — as one JSON
 * document kept in a hidden, protected state sheet, split over cells of one column. A document property holds at
 * most 9 KB (500 KB for the whole store); a cell holds 50 000 characters and a sheet millions of cells.
 *
 * The whole document is rewritten by ONE setValues, so every state change is all-or-nothing, and the journal lets
 * an interrupted run be completed (or dropped) by the next one: see docs in src/server/assign/state.ts.
 */
import type { PoolPointer, RotationState } from './rotation';
import { decodeStateCells, encodeStateCells } from '../state-cells';

/** What the state sheet's first cell says, so a stray sheet of that name is never taken for ours. */
export const STATE_MARKER = 'SalesDesk assignment state v1 — written by SalesDesk, do not edit';
export { STATE_CHUNK } from '../state-cells';

/** Undo data of the last manual run. */
export interface LastRun {
  runId: string;
  by: string;
  /** ISO time of the run. */
  time: string;
  /** Number of log rows the run wrote. */
  count: number;
  /** Per pool the run moved: its pointer before (null = none yet) and after. */
  pointers: Record<string, { before: PoolPointer | null; after: PoolPointer }>;
  /** Ids of customers with no owner whose reassign box the run cleared (all of them, however many). */
  markedWithoutOwner: string[];
  /**
   * Ids of customers the run took from their owner for a missed SLA without a reassign tick (issue 14 §3): undo
   * gives them back without ticking the box the run never cleared. Absent in runs of earlier versions.
   */
  returnedBySla?: string[];
}

/** A multi-block write in progress: written before its first write, removed by the write that ends it. */
export type Journal =
  | {
      op: 'assign';
      runId: string;
      /** Pointers of the pools the run moves, as they are after it. */
      pointersAfter: Record<string, PoolPointer>;
      /** The run's undo data (manual runs), which becomes `lastRun` once the run is complete. */
      lastRun: LastRun | null;
    }
  | { op: 'undo'; runId: string };

/** E-mail notices of a committed run that were not sent yet (quota, time, an error). */
export interface PendingNotices {
  runId: string;
  /** Rep e-mails still to tell. */
  reps: string[];
  /** Last reason they were not sent (for the report). */
  reason: string;
}

export interface AssignState {
  rotation: RotationState;
  lastRun: LastRun | null;
  journal: Journal | null;
  /** Runs whose notices are not all sent, oldest first (at most NOTICE_RUNS_KEPT). */
  notices: PendingNotices[];
}

/** Runs with unsent notices kept in the state: older ones are dropped (their log rows still say who got what). */
export const NOTICE_RUNS_KEPT = 20;

/** The notices list with `entry` for its run replacing any earlier entry (dropped when it has no reps left). */
export function withNotices(list: readonly PendingNotices[], entry: PendingNotices): PendingNotices[] {
  const others = list.filter((item) => item.runId !== entry.runId);
  const next = entry.reps.length > 0 ? [...others, entry] : others;
  return next.slice(-NOTICE_RUNS_KEPT);
}

export function emptyState(): AssignState {
  return { rotation: {}, lastRun: null, journal: null, notices: [] };
}

/** The state as the cells of the state sheet's first column (marker first), ready for one setValues. */
export function encodeState(state: AssignState): string[] {
  return encodeStateCells(STATE_MARKER, state);
}

/**
 * Reads the state from the first column's cells. A sheet without the marker, or whose text does not parse,
 * is reported as unreadable (null) rather than silently taken as empty: the caller refuses to overwrite it.
 */
export function decodeState(cells: readonly unknown[]): AssignState | null {
  const parsed = decodeStateCells(cells, STATE_MARKER) as
    (Partial<AssignState> & { v?: number }) | null | undefined;
  if (parsed === null) return null;
  if (parsed === undefined) return emptyState();
  return {
    rotation: parsed.rotation && typeof parsed.rotation === 'object' ? parsed.rotation : {},
    lastRun: parsed.lastRun ?? null,
    journal: parsed.journal ?? null,
    notices: Array.isArray(parsed.notices) ? parsed.notices : [],
  };
}

/** Same weights (order of keys aside): what undo checks before rewinding a pool. */
export function samePointer(a: PoolPointer | null | undefined, b: PoolPointer | null | undefined): boolean {
  const left = Object.entries(a ?? {}).filter(([, value]) => value !== undefined);
  const right = b ?? {};
  if (left.length !== Object.keys(right).length) return false;
  return left.every(([email, value]) => right[email] === value);
}
