/**
 * Undo of the last manual run: owners back cell for cell where the owner is still what the run set, reassign boxes
 * ticked again, log rows marked undone, the rotation rewound (only when no later run moved it). One read of
 * Customers, the log and the state sheet; the writes are journaled like a run's (src/server/assign/run.ts):
 *   1. the state sheet names the undo in its journal;  2. owners (and reassign boxes) of the rows the run touched;
 *   3. the log's Undone cells of the run's rows;  4. the state sheet with the rotation rewound and no undo data.
 * Interrupted anywhere, the next run repeats the undo in "resume" mode (rows already given back count as done), so
 * the log's Undone column always ends up matching the sheet, and Undo never reverses any run but the last one.
 */
import { changesOfRun, planUndo, samePointer, type CustomerKey, type LogKey } from '../../core/assign';
import type { Translate } from '../../core/i18n';
import { openSheet, type SheetTable } from '../adapters/workbook';
import type { Table } from '../../core/table';
import { completeInterrupted } from './journal';
import { ownerKeys, writeRowSpan, type AssignContext } from './run';
import { readState, writeState, type StateHandle } from './state';

export interface UndoResult {
  status: 'nothing' | 'done';
  runId: string;
  restored: number;
  conflicts: { customerId: string; customer: string; expected: string; found: string | null }[];
  pointerRewound: boolean;
  message: string;
}

/** Sheets already read (by a run completing an interrupted undo), and whether this completes one. */
export interface UndoInput {
  customers: SheetTable;
  log: SheetTable;
  state: StateHandle;
  resumed: boolean;
}

/**
 * Undoes the last manual run (call under the lock).
 * @param input the tables when already read; omitted, they are read here, and an interrupted run is completed first.
 */
export function undoLastRun(context: AssignContext, t: Translate, input?: UndoInput): UndoResult {
  let opened = input;
  if (!opened) {
    const customers = openSheet(context.spreadsheet, 'customers', t, context.locale, ['owner']);
    const log = openSheet(context.spreadsheet, 'assignmentLog', t, context.locale, [
      'runId',
      'toRep',
      'undone',
    ]);
    const state = readState(context.spreadsheet);
    const journal = state.state.journal;
    if (journal?.op === 'undo') opened = { customers, log, state, resumed: true };
    else {
      completeInterrupted(context, customers, log, state);
      opened = { customers, log, state, resumed: false };
    }
  }
  const { customers, log, state, resumed } = opened;
  const lastRun = state.state.lastRun;
  if (!lastRun)
    return {
      status: 'nothing',
      runId: '',
      restored: 0,
      conflicts: [],
      pointerRewound: false,
      message: t('assign.undo.nothing'),
    };

  const customerTable = customers.table as Table<CustomerKey>;
  const logTable = log.table as Table<LogKey>;
  const changes = changesOfRun(logTable, lastRun.runId);
  const decision = planUndo(
    customerTable,
    changes,
    new Set(lastRun.markedWithoutOwner),
    resumed,
    new Set(lastRun.returnedBySla ?? []),
  );

  const ownerColumn = customerTable.columns.owner as number;
  const reassignColumn = customerTable.columns.reassign;
  const undoneColumn = logTable.columns.undone as number;
  const span = { first: Infinity, last: -1, logFirst: Infinity, logLast: -1 };
  for (const restore of decision.restores) {
    customerTable.rows[restore.index][ownerColumn] = restore.owner;
    if (restore.reassign && reassignColumn !== undefined)
      customerTable.rows[restore.index][reassignColumn] = true;
    logTable.rows[restore.logIndex][undoneColumn] = true;
    span.first = Math.min(span.first, restore.index);
    span.last = Math.max(span.last, restore.index);
    span.logFirst = Math.min(span.logFirst, restore.logIndex);
    span.logLast = Math.max(span.logLast, restore.logIndex);
  }
  const rotation = { ...state.state.rotation };
  let pointerRewound = true;
  for (const [pool, { before, after }] of Object.entries(lastRun.pointers)) {
    if (!samePointer(rotation[pool], after)) {
      pointerRewound = false; // a later run (form intake) moved it: rewinding would undo that run's turn too
      continue;
    }
    if (before === null) delete rotation[pool];
    else rotation[pool] = before;
  }

  const managers = context.settings.managers;
  if (!resumed)
    writeState(
      context.spreadsheet,
      state,
      { ...state.state, journal: { op: 'undo', runId: lastRun.runId } },
      managers,
    );
  writeRowSpan(customers.sheet, customers.table, ownerKeys(customers.table), span.first, span.last);
  writeRowSpan(log.sheet, log.table, ['undone'], span.logFirst, span.logLast);
  writeState(
    context.spreadsheet,
    state,
    {
      ...state.state,
      rotation,
      lastRun: null,
      journal: null,
      // The undone run's reps no longer need telling.
      notices: state.state.notices.filter((entry) => entry.runId !== lastRun.runId),
    },
    managers,
  );

  const lines = [t('assign.undo.done', { runId: lastRun.runId, restored: decision.restores.length })];
  if (decision.conflicts.length > 0) {
    const list = decision.conflicts
      .slice(0, 20)
      .map((c) =>
        t('assign.undo.conflictItem', {
          customer: c.customer || c.customerId,
          found: c.found === null ? t('assign.undo.gone') : c.found || '—',
        }),
      )
      .join(', ');
    lines.push(t('assign.undo.conflicts', { count: decision.conflicts.length, list }));
  }
  if (!pointerRewound) lines.push(t('assign.undo.pointerKept'));
  return {
    status: 'done',
    runId: lastRun.runId,
    restored: decision.restores.length,
    conflicts: decision.conflicts,
    pointerRewound,
    message: lines.join('\n'),
  };
}
