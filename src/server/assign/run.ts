/**
 * One assignment run on the server: read Customers, Reps and Settings once, plan in the pure core, write the owner
 * column once (and the cleared reassign marks), append the log once, save the pointers in one properties write.
 * Everything is prepared before the first write, so a failure while deciding leaves the workbook and the rotation
 * untouched; the properties are written last, so the pointer moves only once the sheet holds the owners.
 */
import {
  assignSettings,
  describeReason,
  parsePointer,
  planAssignment,
  planFingerprintText,
  readCustomers,
  readReps,
  serialisePointer,
  type AssignmentPlan,
  type CustomerKey,
  type LabelOf,
  type Lead,
  type LogKey,
  type Rep,
  type RepKey,
  type RepProblem,
  type RotationState,
} from '../../core/assign';
import { sha256Hex } from '../adapters/digest';
import { ZoneDays } from '../../core/dates';
import type { Table } from '../../core/table';
import { nextId } from '../../core/forms/customers';
import { translator, type Locale, type Translate } from '../../core/i18n';
import { isManager } from '../../core/roles';
import { listLabel, listValueCode, type ListKey } from '../../../templates';
import { currentLocale, currentUserEmail } from '../context';
import {
  appendRows,
  openSheet,
  readSettings,
  workbookLanguage,
  writeColumns,
  type SheetTable,
} from '../adapters/workbook';

export const POINTER_PREFIX = 'salesdesk.assign.pointer.';
export const LAST_RUN_PROPERTY = 'salesdesk.assign.lastRun';
/**
 * Script property for the developer's concurrency tests only (script properties belong to the developer, users of
 * the add-on cannot set them): JSON { "disableLock": true, "pauseAfterReadMs": 300 }. The pause stands for a slow
 * run (a big sheet takes seconds between its read and its write) so two executions reliably overlap, and turning
 * the lock off shows what it prevents. Unset in production: one getProperty per run.
 */
export const TEST_CONCURRENCY_PROPERTY = 'salesdesk.test.concurrency';
let pauseAfterReadMs = 0;

/** The test pause between deciding and writing (see TEST_CONCURRENCY_PROPERTY); nothing in production. */
export function pauseForConcurrencyTest(): void {
  if (pauseAfterReadMs > 0) Utilities.sleep(pauseAfterReadMs);
}
/** Apps Script keeps at most 9 KB per property value. */
const PROPERTY_VALUE_LIMIT = 9000;
const LOCK_WAIT_MS = 30_000;

export interface AssignContext {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  settings: Record<string, unknown>;
  user: string;
  isManager: boolean;
  /** The user's language (sidebar, alerts). */
  t: Translate;
  locale: Locale;
  /** The workbook's language (log reasons: the log is read by the whole team). */
  workbookLocale: Locale;
  timeZone: string;
}

function ownerEmail(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return (spreadsheet.getOwner()?.getEmail() ?? '').toLowerCase();
  } catch {
    return ''; // a file on a shared drive has no owner
  }
}

/** Who runs, in which language; reads Settings once. */
export function assignContext(forTrigger = false): AssignContext {
  const spreadsheet = SpreadsheetApp.getActive();
  const typed = readSettings(spreadsheet).settings;
  const settings = typed as unknown as Record<string, unknown>;
  const workbookLocale = workbookLanguage(spreadsheet, typed);
  const locale = forTrigger ? workbookLocale : typed.locale !== 'auto' ? typed.locale : currentLocale();
  const user = forTrigger ? '' : currentUserEmail();
  return {
    spreadsheet,
    settings,
    user,
    isManager:
      !forTrigger && isManager({ user, owner: ownerEmail(spreadsheet), managers: settings.managers }),
    t: translator(locale),
    locale,
    workbookLocale,
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
  };
}

export function codeOf(listKey: string, label: unknown): string | undefined {
  return listValueCode(listKey, label);
}

export function labelOfIn(locale: Locale): LabelOf {
  return (listKey, code) => listLabel(listKey as ListKey, code, locale) ?? code;
}

/**
 * Runs `task` under the document lock: two managers confirming at once, or a form submission during a manual run,
 * take turns, and each re-reads what the other wrote.
 * @throws Error (localised "busy") when the lock cannot be had within 30 s.
 */
export function withAssignLock<T>(t: Translate, task: () => T): T {
  let test: { disableLock?: boolean; pauseAfterReadMs?: number } = {};
  try {
    test =
      JSON.parse(PropertiesService.getScriptProperties().getProperty(TEST_CONCURRENCY_PROPERTY) ?? '{}') ??
      {};
  } catch {
    test = {};
  }
  pauseAfterReadMs = Math.max(0, Math.min(Number(test.pauseAfterReadMs) || 0, 5000));
  if (test.disableLock === true) return task();
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new Error(t('common.busy'));
  }
  try {
    const result = task();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

export interface Snapshot {
  customers: SheetTable;
  reps: Rep[];
  repProblems: RepProblem[];
  leads: Lead[];
  plan: AssignmentPlan;
  token: string;
  /** Stored pointer JSON per pool, as read (to save undo data). */
  storedPointers: Record<string, string>;
  now: Date;
  /** A customer from a form response, to append (with its owner) rather than update in place. */
  newCustomer: Record<string, unknown> | null;
}

/** Chooses which of the leads read this run handles (form intake: only new rows). */
export type LeadFilter = (leads: Lead[], customersSheet: GoogleAppsScript.Spreadsheet.Sheet) => Lead[];

/**
 * Reads (Customers, Reps and the pointers once each) and plans. No writes.
 * @param selectLeads when given, narrows the leads (form intake).
 */
export function snapshot(
  context: AssignContext,
  selectLeads?: LeadFilter,
  response?: Record<string, string>,
): Snapshot {
  const { spreadsheet, t, locale } = context;
  const customers = openSheet(spreadsheet, 'customers', t, locale, ['owner']);
  const repsSheet = openSheet(spreadsheet, 'reps', t, locale, ['email']);
  const zone = new ZoneDays(context.timeZone);
  const { reps, problems } = readReps(repsSheet.table as Table<RepKey>, zone, codeOf);
  const view = readCustomers(customers.table as Table<CustomerKey>, codeOf);
  let leads = selectLeads ? selectLeads(view.leads, customers.sheet) : view.leads;
  const now = new Date();
  let newCustomer: Record<string, unknown> | null = null;
  if (response) {
    newCustomer = newCustomerRecord(customers.table, response, now);
    const single = {
      ...customers.table,
      rows: [rowOf(customers.table, newCustomer)],
      firstRow: nextRow(customers.table),
    };
    leads = readCustomers(single as Table<CustomerKey>, codeOf).leads;
  }
  const all = PropertiesService.getDocumentProperties().getProperties();
  const storedPointers: Record<string, string> = {};
  const rotation: RotationState = {};
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(POINTER_PREFIX)) continue;
    const pool = key.slice(POINTER_PREFIX.length);
    storedPointers[pool] = value;
    rotation[pool] = parsePointer(value);
  }
  const plan = planAssignment({
    reps,
    leads,
    openLoad: view.openLoad,
    settings: assignSettings(context.settings),
    today: zone.dayOfInstant(now),
    rotation,
  });
  return {
    customers,
    reps,
    repProblems: problems,
    leads,
    plan,
    token: sha256Hex(planFingerprintText(plan)),
    storedPointers,
    now,
    newCustomer,
  };
}

/** Where appendRows puts the next row: after the last non-blank row. */
function nextRow(table: Table<string>): number {
  let used = table.rows.length;
  while (used > 0 && table.rows[used - 1].every((value) => value === '' || value === null)) used--;
  return table.firstRow + used;
}

function rowOf(table: Table<string>, record: Record<string, unknown>): unknown[] {
  const row: unknown[] = new Array(Math.max(table.header.length, 1)).fill('');
  for (const [key, value] of Object.entries(record)) {
    const index = table.columns[key];
    if (index !== undefined) row[index] = value;
  }
  return row;
}

/**
 * A Customers row from form answers: a new id after the largest, created now. Answers starting with "=" are kept
 * as text (a leading apostrophe), so a form can never put a formula into the workbook.
 */
function newCustomerRecord(
  table: Table<string>,
  response: Record<string, string>,
  now: Date,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(response)) record[key] = /^[=]/.test(value) ? `'${value}` : value;
  const idColumn = table.columns.id;
  if (idColumn !== undefined)
    record.id = nextId(
      table.rows.map((row) => row[idColumn]),
      'C-',
    );
  record.created = now;
  return record;
}

export interface LastRun {
  runId: string;
  by: string;
  time: string;
  /** Per pool: stored pointer before the run (null = none) and after it. */
  pointers: Record<string, { before: string | null; after: string }>;
  /** Ids of customers with no owner whose reassign box the run cleared. */
  markedWithoutOwner: string[];
}

export interface CommitResult {
  runId: string;
  assigned: number;
  unassigned: number;
  /** Undo data did not fit in a property: undo restores owners but not the rotation. */
  undoWithoutPointer: boolean;
}

function newRunId(now: Date, timeZone: string): string {
  return `${Utilities.formatDate(now, timeZone, 'yyyyMMdd-HHmmss')}-${Utilities.getUuid().slice(0, 4)}`;
}

/**
 * Writes a plan: owners, reassign marks, log, pointers (+ undo data when `recordUndo`).
 * Call under the lock with a snapshot taken under the same lock.
 */
export function commit(
  context: AssignContext,
  snap: Snapshot,
  options: { by: string; recordUndo: boolean },
): CommitResult {
  const { plan, customers } = snap;
  const runId = newRunId(snap.now, context.timeZone);
  if (plan.assignments.length === 0) {
    // A form response nobody can take yet still becomes a customer row (unassigned), never lost.
    if (snap.newCustomer) appendRows(customers.sheet, customers.table, [snap.newCustomer]);
    return { runId, assigned: 0, unassigned: plan.unassigned.length, undoWithoutPointer: false };
  }

  const logColumns: LogKey[] = ['runId', 'customerId', 'toRep'];
  const log = openSheet(context.spreadsheet, 'assignmentLog', context.t, context.locale, logColumns);
  const wbT = translator(context.workbookLocale);
  const labelOf = labelOfIn(context.workbookLocale);
  const leadByRow = new Map(snap.leads.map((lead) => [lead.row, lead]));

  const table = customers.table;
  const ownerColumn = table.columns.owner as number;
  const reassignColumn = table.columns.reassign;
  const markedWithoutOwner: string[] = [];
  for (const assignment of snap.newCustomer ? [] : plan.assignments) {
    const values = table.rows[assignment.row - table.firstRow];
    values[ownerColumn] = assignment.toRep;
    const lead = leadByRow.get(assignment.row);
    if (lead?.reassign) {
      if (reassignColumn !== undefined) values[reassignColumn] = false;
      if (lead.owner === '') markedWithoutOwner.push(lead.customerId);
    }
  }
  const logRecords = plan.assignments.map((a) => ({
    time: snap.now,
    runId,
    customerId: a.customerId,
    customer: a.customer,
    fromRep: a.fromRep,
    toRep: a.toRep,
    pool: a.pool,
    reason: describeReason(wbT, a.reason, labelOf),
    by: options.by,
    undone: false,
  }));

  const properties: Record<string, string> = {};
  const pointers: LastRun['pointers'] = {};
  for (const pool of plan.changedPools) {
    const after = serialisePointer(plan.rotation[pool]);
    properties[POINTER_PREFIX + pool] = after;
    pointers[pool] = { before: snap.storedPointers[pool] ?? null, after };
  }
  let undoWithoutPointer = false;
  if (options.recordUndo) {
    const lastRun: LastRun = {
      runId,
      by: options.by,
      time: snap.now.toISOString(),
      pointers,
      markedWithoutOwner,
    };
    let json = JSON.stringify(lastRun);
    if (json.length > PROPERTY_VALUE_LIMIT) {
      undoWithoutPointer = true;
      json = JSON.stringify({
        ...lastRun,
        pointers: {},
        markedWithoutOwner: markedWithoutOwner.slice(0, 50),
      });
    }
    properties[LAST_RUN_PROPERTY] = json;
  }

  pauseForConcurrencyTest();
  // Everything decided; now the writes, pointers last. Owner and reassign are adjacent in the template: one call.
  if (snap.newCustomer) {
    appendRows(customers.sheet, table, [{ ...snap.newCustomer, owner: plan.assignments[0].toRep }]);
  } else {
    writeColumns(customers.sheet, table, reassignColumn === undefined ? ['owner'] : ['owner', 'reassign']);
  }
  appendRows(log.sheet, log.table, logRecords);
  PropertiesService.getDocumentProperties().setProperties(properties);
  return { runId, assigned: plan.assignments.length, unassigned: plan.unassigned.length, undoWithoutPointer };
}
