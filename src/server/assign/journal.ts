/**
 * Completing a run that stopped half-way (a service error, the 6-minute limit): the state sheet's journal names it,
 * and the next run — under the same lock — finishes it before doing anything else.
 *
 * - An assignment whose log rows were never appended did not happen: the journal is dropped, nothing else moves.
 * - An assignment with log rows is completed: each customer still owned by the log's "from" rep gets the log's
 *   "to" rep (and its reassign box cleared), the pointers and the undo data are saved. A customer someone changed
 *   in between keeps what they wrote and its log row is marked undone, so the log still agrees with the sheet.
 * - An undo is run again in "resume" mode: rows already given back count as done.
 * Each step is safe to repeat, so a failure during the completion is completed by the run after.
 */
import { planResume, withNotices, type CustomerKey, type LogKey } from '../../core/assign';
import type { Table } from '../../core/table';
import { writeColumns, type SheetTable } from '../adapters/workbook';
import type { AssignContext } from './run';
import { ownerKeys, writeRowSpan } from './run';
import { writeState, type StateHandle } from './state';
import { undoLastRun } from './undo';

/**
 * Finishes the journaled operation in `state`, if any. Call under the lock, with tables just read; they are
 * updated in place to what was written.
 * @returns the run id completed (or dropped), or null when there was nothing to do.
 */
export function completeInterrupted(
  context: AssignContext,
  customers: SheetTable,
  log: SheetTable,
  state: StateHandle,
): string | null {
  const journal = state.state.journal;
  if (!journal) return null;
  if (journal.op === 'undo') {
    undoLastRun(context, context.t, { customers, log, state, resumed: true });
    return journal.runId;
  }
  const customerTable = customers.table as Table<CustomerKey>;
  const logTable = log.table as Table<LogKey>;
  const resume = planResume(customerTable, logTable, journal.runId);
  const managers = context.settings.managers;
  if (resume.logRows === 0) {
    // The log append never happened: neither did the run.
    writeState(context.spreadsheet, state, { ...state.state, journal: null }, managers);
    return journal.runId;
  }
  const ownerColumn = customerTable.columns.owner as number;
  const reassignColumn = customerTable.columns.reassign;
  let first = Infinity;
  let last = -1;
  for (const fix of resume.owners) {
    const values = customerTable.rows[fix.index];
    values[ownerColumn] = fix.owner;
    if (reassignColumn !== undefined) values[reassignColumn] = false;
    first = Math.min(first, fix.index);
    last = Math.max(last, fix.index);
  }
  writeRowSpan(customers.sheet, customers.table, ownerKeys(customers.table), first, last);
  if (resume.conflicts.length > 0) {
    const undoneColumn = logTable.columns.undone;
    if (undoneColumn !== undefined) {
      for (const logIndex of resume.conflicts) logTable.rows[logIndex][undoneColumn] = true;
      writeColumns(log.sheet, log.table, ['undone']);
    }
  }
  writeState(
    context.spreadsheet,
    state,
    {
      ...state.state,
      rotation: { ...state.state.rotation, ...journal.pointersAfter },
      lastRun: journal.lastRun ?? state.state.lastRun,
      journal: null,
      notices: withNotices(state.state.notices, { runId: journal.runId, reps: resume.reps, reason: '' }),
    },
    managers,
  );
  return journal.runId;
}
