/**
 * Undo of the last manual run: owners back cell for cell where the owner is still what the run set, reassign boxes
 * ticked again, log rows marked undone, the rotation rewound (only when no later run moved it). One read of
 * Customers and of the log; one write per column.
 */
import { changesOfRun, planUndo, type CustomerKey, type LogKey } from '../../core/assign';
import type { Translate } from '../../core/i18n';
import { openSheet, writeColumns } from '../adapters/workbook';
import type { Table } from '../../core/table';
import { LAST_RUN_PROPERTY, POINTER_PREFIX, type AssignContext, type LastRun } from './run';

export interface UndoResult {
  status: 'nothing' | 'done';
  runId: string;
  restored: number;
  conflicts: { customerId: string; customer: string; expected: string; found: string | null }[];
  pointerRewound: boolean;
  message: string;
}

function readLastRun(json: string | null): LastRun | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as LastRun;
    return typeof parsed.runId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function undoLastRun(context: AssignContext, t: Translate): UndoResult {
  const documentProperties = PropertiesService.getDocumentProperties();
  const stored = documentProperties.getProperties();
  const lastRun = readLastRun(stored[LAST_RUN_PROPERTY] ?? null);
  if (!lastRun)
    return {
      status: 'nothing',
      runId: '',
      restored: 0,
      conflicts: [],
      pointerRewound: false,
      message: t('assign.undo.nothing'),
    };

  const customers = openSheet(context.spreadsheet, 'customers', t, context.locale, ['owner']);
  const log = openSheet(context.spreadsheet, 'assignmentLog', t, context.locale, [
    'runId',
    'toRep',
    'undone',
  ]);
  const customerTable = customers.table as Table<CustomerKey>;
  const logTable = log.table as Table<LogKey>;
  const changes = changesOfRun(logTable, lastRun.runId);
  const decision = planUndo(customerTable, changes, new Set(lastRun.markedWithoutOwner ?? []));

  const ownerColumn = customerTable.columns.owner as number;
  const reassignColumn = customerTable.columns.reassign;
  const undoneColumn = logTable.columns.undone as number;
  for (const restore of decision.restores) {
    customerTable.rows[restore.index][ownerColumn] = restore.owner;
    if (restore.reassign && reassignColumn !== undefined)
      customerTable.rows[restore.index][reassignColumn] = true;
    logTable.rows[restore.logIndex][undoneColumn] = true;
  }
  const setPointers: Record<string, string> = {};
  const deletePointers: string[] = [];
  let pointerRewound = true;
  for (const [pool, { before, after }] of Object.entries(lastRun.pointers ?? {})) {
    if (stored[POINTER_PREFIX + pool] !== after) {
      pointerRewound = false; // a later run (form intake) moved it: rewinding would undo that run's turn too
      continue;
    }
    if (before === null) deletePointers.push(POINTER_PREFIX + pool);
    else setPointers[POINTER_PREFIX + pool] = before;
  }
  if (Object.keys(lastRun.pointers ?? {}).length === 0 && changes.length > 0) pointerRewound = false;

  if (decision.restores.length > 0) {
    writeColumns(
      customers.sheet,
      customers.table,
      reassignColumn === undefined ? ['owner'] : ['owner', 'reassign'],
    );
    writeColumns(log.sheet, log.table, ['undone']);
  }
  if (Object.keys(setPointers).length > 0) documentProperties.setProperties(setPointers);
  for (const key of deletePointers) documentProperties.deleteProperty(key);
  documentProperties.deleteProperty(LAST_RUN_PROPERTY);

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
