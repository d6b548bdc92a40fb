/**
 * Undo of the last merge, exactly: the merged-away rows back at their places with every cell as it was, the
 * survivors' cells back where they still hold what the merge wrote, every moved record back to its old Customer ID
 * where it still names the survivor, the merge's log rows marked Undone. Journaled like the merge
 * (src/server/merge/run.ts): 1. state with the undo's journal; 2. Customers; 3. child sheets; 4. log Undone cells;
 * 5. state without the last merge and without the journal. Interrupted anywhere, the next merge action repeats it:
 * each step is by ID and finds what is done already done.
 */
import { groupBy } from './group-by';
import { unmergeCustomerRows, unmoveChildren, type ChildMove } from '../../core/merge';
import type { ExecutionContext } from '../context';
import { writeRowSpan } from '../assign/run';
import { rewriteRows } from './rows';
import type { MergeSnapshot } from './run';
import { writeMergeState } from './state';

export interface MergeUndoResult {
  status: 'nothing' | 'done';
  mergeId: string;
  restored: number;
  movedBack: number;
  /** Merged-away IDs in use again, and records that changed since, left as they are. */
  conflicts: string[];
  message: string;
}

/**
 * Undoes the last merge (call under the lock with a fresh snapshot).
 * @param resumed completing an undo that was interrupted (its journal is written already).
 */
export function undoRecord(ctx: ExecutionContext, snap: MergeSnapshot, resumed: boolean): MergeUndoResult {
  const { t } = ctx;
  const record = snap.state.state.last;
  if (!record)
    return {
      status: 'nothing',
      mergeId: '',
      restored: 0,
      movedBack: 0,
      conflicts: [],
      message: t('merge.undo.nothing'),
    };
  const managers = ctx.settings.managers;
  if (!resumed)
    writeMergeState(
      ctx.spreadsheet,
      snap.state,
      { ...snap.state.state, journal: { op: 'undo', mergeId: record.mergeId } },
      managers,
    );
  const customers = snap.customers.table;
  const rows = unmergeCustomerRows(customers.rows, customers.columns.id as number, record);
  rewriteRows(snap.customers.sheet, customers, rows.rows, rows.first);

  const conflicts: string[] = resumed ? [] : [...rows.present];
  let movedBack = 0;
  const bySheet = groupBy(record.children, (move: ChildMove) => move.sheet);
  for (const child of snap.children) {
    const moves = bySheet.get(child.key);
    if (!moves) continue;
    const { changed, conflicts: stuck } = unmoveChildren(child.table, moves);
    movedBack += changed.length;
    for (const move of stuck) conflicts.push(move.childId || `${child.sheet.getName()} #${move.index + 2}`);
    let low = Infinity;
    let high = -1;
    for (const index of changed) {
      low = Math.min(low, index);
      high = Math.max(high, index);
    }
    writeRowSpan(child.sheet, child.table, ['customerId'], low, high);
  }

  const log = snap.log.table;
  const runColumn = log.columns.runId as number;
  const undoneColumn = log.columns.undone as number;
  let first = Infinity;
  let last = -1;
  log.rows.forEach((row, index) => {
    if (String(row[runColumn] ?? '') !== record.mergeId) return;
    row[undoneColumn] = true;
    first = Math.min(first, index);
    last = Math.max(last, index);
  });
  writeRowSpan(snap.log.sheet, log, ['undone'], first, last);
  writeMergeState(ctx.spreadsheet, snap.state, { journal: null, last: null }, managers);

  const lines = [
    t('merge.undo.done', { mergeId: record.mergeId, restored: rows.restored, moved: movedBack }),
  ];
  if (conflicts.length > 0)
    lines.push(
      t('merge.undo.conflicts', {
        count: conflicts.length,
        list: conflicts.slice(0, 20).join(', ') + (conflicts.length > 20 ? ', …' : ''),
      }),
    );
  return {
    status: 'done',
    mergeId: record.mergeId,
    restored: rows.restored,
    movedBack,
    conflicts,
    message: lines.join('\n'),
  };
}
