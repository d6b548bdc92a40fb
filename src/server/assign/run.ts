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
  planFingerprint,
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
import { ZoneDays } from '../../core/dates';
import { resolveLocale, translator, type Locale, type Translate } from '../../core/i18n';
import { isManager } from '../../core/roles';
import { listLabel, listValueCode, type ListKey } from '../../../templates';
import { currentLocale, currentUserEmail } from '../context';
import {
  applyAppend,
  applyColumnWrite,
  columnWrite,
  openSheet,
  readSettingsSheet,
  rowsAppend,
  type SheetData,
} from './io';

export const POINTER_PREFIX = 'salesdesk.assign.pointer.';
export const LAST_RUN_PROPERTY = 'salesdesk.assign.lastRun';
/** Script property (set only by the developer's tests) that turns the lock off, to show what the lock prevents. */
export const TEST_DISABLE_LOCK_PROPERTY = 'salesdesk.test.disableLock';
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
  const settings = readSettingsSheet(spreadsheet);
  const override = String(settings.locale ?? '').trim();
  const workbookLocale = resolveLocale(spreadsheet.getSpreadsheetLocale(), override);
  const locale = forTrigger
    ? workbookLocale
    : override && override !== 'auto'
      ? resolveLocale(null, override)
      : currentLocale();
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
  const disabled = PropertiesService.getScriptProperties().getProperty(TEST_DISABLE_LOCK_PROPERTY) === 'true';
  if (disabled) return task();
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
  customers: SheetData<CustomerKey>;
  reps: Rep[];
  repProblems: RepProblem[];
  leads: Lead[];
  plan: AssignmentPlan;
  token: string;
  /** Stored pointer JSON per pool, as read (to save undo data). */
  storedPointers: Record<string, string>;
  now: Date;
}

/** Chooses which of the leads read this run handles (form intake: only new rows). */
export type LeadFilter = (leads: Lead[], customersSheet: GoogleAppsScript.Spreadsheet.Sheet) => Lead[];

/**
 * Reads (Customers, Reps and the pointers once each) and plans. No writes.
 * @param selectLeads when given, narrows the leads (form intake).
 */
export function snapshot(context: AssignContext, selectLeads?: LeadFilter): Snapshot {
  const { spreadsheet, t } = context;
  const customers = openSheet<CustomerKey>(spreadsheet, 'customers', t, ['owner']);
  const repsSheet = openSheet<RepKey>(spreadsheet, 'reps', t, ['email']);
  const zone = new ZoneDays(context.timeZone);
  const { reps, problems } = readReps(repsSheet.table, zone, codeOf);
  const view = readCustomers(customers.table, codeOf);
  const leads = selectLeads ? selectLeads(view.leads, customers.sheet) : view.leads;
  const all = PropertiesService.getDocumentProperties().getProperties();
  const storedPointers: Record<string, string> = {};
  const rotation: RotationState = {};
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(POINTER_PREFIX)) continue;
    const pool = key.slice(POINTER_PREFIX.length);
    storedPointers[pool] = value;
    rotation[pool] = parsePointer(value);
  }
  const now = new Date();
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
    token: planFingerprint(plan),
    storedPointers,
    now,
  };
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
  if (plan.assignments.length === 0)
    return { runId, assigned: 0, unassigned: plan.unassigned.length, undoWithoutPointer: false };

  const log = openSheet<LogKey>(context.spreadsheet, 'assignmentLog', context.t, [
    'runId',
    'customerId',
    'toRep',
  ]);
  const wbT = translator(context.workbookLocale);
  const labelOf = labelOfIn(context.workbookLocale);
  const leadByRow = new Map(snap.leads.map((lead) => [lead.row, lead]));

  const ownerChanges = new Map<number, unknown>();
  const reassignChanges = new Map<number, unknown>();
  const markedWithoutOwner: string[] = [];
  for (const assignment of plan.assignments) {
    const index = assignment.row - customers.table.firstRow;
    ownerChanges.set(index, assignment.toRep);
    const lead = leadByRow.get(assignment.row);
    if (lead?.reassign) {
      reassignChanges.set(index, false);
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

  // Everything decided; now the writes, pointers last.
  const ownerWrite = columnWrite(customers, 'owner', ownerChanges);
  const reassignWrite = columnWrite(customers, 'reassign', reassignChanges);
  const append = rowsAppend(log, logRecords);
  applyColumnWrite(ownerWrite);
  applyColumnWrite(reassignWrite);
  applyAppend(append);
  PropertiesService.getDocumentProperties().setProperties(properties);
  return { runId, assigned: plan.assignments.length, unassigned: plan.unassigned.length, undoWithoutPointer };
}
