/**
 * Merge duplicates entry points (issue 14 §5), managers only (src/server/index.ts): the sidebar, its preview and
 * confirm, and Undo last merge. Confirm checks every precondition before the first write — a manager (the entry
 * guard), every sheet it writes writable by this user, and each group exactly as previewed (its members and a
 * fingerprint of their rows) — and writes nothing when one fails; the writes are journaled (./run.ts).
 */
import type { MergeDecision } from '../../core/merge';
import { refuseUntilSetUp } from '../onboarding';
import { requireWritable } from '../protections';
import {
  buildPreview,
  checkDecisions,
  commitMerge,
  mergeContext,
  mergeSnapshot,
  mergeWrites,
  type MergePreview,
} from './run';
import { undoRecord, type MergeUndoResult } from './undo';

/** SalesDesk → Merge duplicates…: opens the sidebar. */
export function menuMergeDuplicates(): void {
  if (refuseUntilSetUp()) return;
  const ctx = mergeContext();
  const html = HtmlService.createHtmlOutputFromFile('merge-duplicates').setTitle(ctx.t('merge.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * The groups of likely duplicates as they stand (writes nothing, except completing a merge interrupted earlier).
 * @throws Error (localised) for a missing sheet or column.
 */
export function apiPreviewMerge(): MergePreview {
  const ctx = mergeContext();
  return ctx.withLock('action', () => buildPreview(ctx, mergeSnapshot(ctx)));
}

export type MergeConfirmResult =
  | { status: 'done'; message: string; mergeId: string; groups: number; removed: number; moved: number }
  | { status: 'changed'; message: string; preview: MergePreview }
  | { status: 'nothing'; message: string };

/**
 * Merges the groups the manager decided on, all or none: when any group is not as previewed (a member edited,
 * added or removed since), nothing is written and the new preview comes back.
 * @param decisions per group: its member IDs and fingerprint as previewed, the survivor, the field picks.
 * @throws Error (localised) for a malformed request or a sheet this user may not write.
 */
export function apiConfirmMerge(decisions: MergeDecision[]): MergeConfirmResult {
  const ctx = mergeContext();
  const list = Array.isArray(decisions) ? decisions : [];
  if (list.length === 0) return { status: 'nothing', message: ctx.t('merge.nothing') };
  requireWritable(ctx, mergeWrites());
  const outcome = ctx.withLock('action', () => {
    const snap = mergeSnapshot(ctx);
    const checked = checkDecisions(ctx.t, snap, list);
    if (checked.status === 'changed') return { kind: 'changed' as const, preview: buildPreview(ctx, snap) };
    if (checked.status === 'invalid') throw new Error(checked.message);
    return { kind: 'done' as const, committed: commitMerge(ctx, snap, checked.planned) };
  });
  if (outcome.kind === 'changed')
    return { status: 'changed', message: ctx.t('merge.changed'), preview: outcome.preview };
  const done = outcome.committed;
  return {
    status: 'done',
    message: ctx.t('merge.done', {
      groups: done.groups,
      removed: done.removed,
      moved: done.moved,
      mergeId: done.mergeId,
    }),
    ...done,
  };
}

/** Undoes the last merge (the sidebar's Undo button). */
export function apiUndoMerge(): MergeUndoResult {
  const ctx = mergeContext();
  requireWritable(ctx, mergeWrites());
  return ctx.withLock('action', () => {
    const snap = mergeSnapshot(ctx);
    const result = undoRecord(ctx, snap, false);
    if (snap.recovered)
      result.message = `${ctx.t('merge.recovered', { mergeId: snap.recovered })}\n${result.message}`;
    return result;
  });
}

/** SalesDesk → Undo last merge: the same, reported in an alert. */
export function menuUndoLastMerge(): MergeUndoResult {
  const result = apiUndoMerge();
  SpreadsheetApp.getUi().alert(result.message);
  return result;
}
