/**
 * One assignment run on the server: read Customers, Reps, the log and the state sheet once, plan in the pure core,
 * then write in an order that a failure at any service call cannot leave half-done:
 *   1. the state sheet gets a journal naming the run, the pointers after it and its undo data (one write);
 *   2. the log rows are appended (one write): from here on the run counts as made;
 *   3. the owner column (and the cleared reassign marks) is written over the rows the run touches (one write);
 *   4. the state sheet gets the moved pointers and the undo data, without the journal (one write).
 * The next run (preview, confirm, form intake, undo) first completes a run whose journal is still there: no log rows
 * yet → the run never happened and the journal is dropped; log rows → owners still as they were get the rep the
 * log names, then step 4. So the sheet and the log agree row for row, and Undo always has the last run's data.
 */
import {
  accountRoutingOn,
  assignedOnDay,
  assignSettings,
  attachAccounts,
  describeReason,
  findSlaMisses,
  slaIsOn,
  slaSettings,
  type FollowUpTimeKey,
  type LogKey,
  planAssignment,
  planFingerprintText,
  readCustomers,
  readReps,
  type AssignmentPlan,
  type CustomerKey,
  type LabelOf,
  type LastRun,
  type Lead,
  type PoolPointer,
  type Rep,
  type RepKey,
  type RepProblem,
  withNotices,
} from '../../core/assign';
import { sha256Hex } from '../adapters/digest';
import { zoneDays } from '../../core/dates';
import type { Table } from '../../core/table';
import { nextId } from '../../core/forms/customers';
import { translator, type Locale, type Translate } from '../../core/i18n';
import { listLabel, listValueCode, type ListKey } from '../../../templates';
import { executionContext } from '../context';
import { withLock } from '../lock';
import { appendRows, openSheet, writeColumns, type SheetTable } from '../adapters/workbook';
import { completeInterrupted } from './journal';
import { readState, writeState, type StateHandle } from './state';

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

/**
 * The assignment's view of the execution context (src/server/context.ts). In a trigger nobody is running: no user,
 * not a manager, messages in the workbook's language.
 */
export function assignContext(forTrigger = false): AssignContext {
  const ctx = executionContext();
  const trigger = forTrigger || ctx.kind === 'trigger';
  const locale = trigger ? ctx.workbookLocale : ctx.locale;
  return {
    spreadsheet: ctx.spreadsheet,
    settings: ctx.settings as unknown as Record<string, unknown>,
    user: trigger ? '' : ctx.user,
    isManager: !trigger && ctx.isManager,
    t: trigger ? translator(locale) : ctx.t,
    locale,
    workbookLocale: ctx.workbookLocale,
    timeZone: ctx.timeZone,
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
 * take turns, and each re-reads what the other wrote. A trigger waits longer than a person (src/server/lock.ts).
 * @throws Error (localised "busy") when the lock cannot be had within the wait.
 */
export function withAssignLock<T>(context: AssignContext, task: () => T): T {
  return withLock(context.t, context.user === '' ? 'background' : 'action', task);
}

export interface Snapshot {
  customers: SheetTable;
  log: SheetTable;
  state: StateHandle;
  reps: Rep[];
  repProblems: RepProblem[];
  leads: Lead[];
  plan: AssignmentPlan;
  /** Identifies the leads the plan covers (not who gets them): Confirm needs a new look only if these changed. */
  token: string;
  now: Date;
  /** Run id of an interrupted run this snapshot completed (or dropped) first, else null. */
  recovered: string | null;
  /** Settings → slaWorkingHours as written when it cannot be read (the SLA then counts every hour), else null. */
  workingHoursProblem: string | null;
}

/** Which issue-14 rules a snapshot applies (form intake skips the SLA: it only assigns the submitted rows). */
export interface SnapshotRules {
  sla: boolean;
}

/** Chooses which of the leads read this run handles (form intake: only new rows). */
export type LeadFilter = (leads: Lead[]) => Lead[];

/**
 * The token of a plan: a fingerprint of the leads it covers (row, id, owner before), not of the reps chosen. A
 * form submission assigned between preview and confirm moves the rotation, so the reps may shift, but the manager
 * confirmed these leads; only when one of them was taken (or a new lead appeared) is a new look needed.
 */
export function leadsToken(plan: AssignmentPlan): string {
  return sha256Hex(
    planFingerprintText({
      ...plan,
      assignments: plan.assignments.map((a) => ({ ...a, toRep: '', pool: '' })),
      unassigned: plan.unassigned.map((u) => ({ ...u, reason: { code: 'noReps' as const } })),
    }),
  );
}

/**
 * Reads (Customers, Reps, the log and the state once each), completes an interrupted run if the state's journal
 * names one, and plans. Call under the lock. Writes nothing unless there was an interrupted run, or `capture`
 * (a form response) is given: that customer row is appended first, unassigned, so the answers are never lost,
 * and is then the only lead of the run.
 * @param selectLeads when given, narrows the leads (form intake: the submitted rows).
 */
export function snapshot(
  context: AssignContext,
  selectLeads?: LeadFilter,
  capture?: Record<string, string>,
  rules: SnapshotRules = { sla: true },
): Snapshot {
  const { spreadsheet, t, locale } = context;
  const customers = openSheet(spreadsheet, 'customers', t, locale, ['owner']);
  const repsSheet = openSheet(spreadsheet, 'reps', t, locale, ['email']);
  const log = openSheet(spreadsheet, 'assignmentLog', t, locale, ['runId', 'customerId', 'toRep']);
  const state = readState(spreadsheet);
  const recovered = completeInterrupted(context, customers, log, state);
  const zone = zoneDays(context.timeZone);
  const { reps, problems } = readReps(repsSheet.table as Table<RepKey>, zone, codeOf);
  const now = new Date();
  let select = selectLeads;
  if (capture) {
    const row = appendRows(customers.sheet, customers.table, [
      newCustomerRecord(customers.table, capture, now),
    ]);
    select = (leads) => leads.filter((lead) => lead.row === row);
  }
  // Issue 14, in the order the plan applies them: SLA return → account owner → pool with caps.
  const sla = slaSettings(context.settings);
  const followUps =
    rules.sla && slaIsOn(sla)
      ? (openSheet(spreadsheet, 'followups', t, locale, ['customerId', 'time'])
          .table as Table<FollowUpTimeKey>)
      : null;
  const misses = followUps
    ? findSlaMisses(customers.table, log.table as Table<LogKey>, followUps, sla, zone, now.getTime(), codeOf)
    : new Map();
  const view = readCustomers(customers.table as Table<CustomerKey>, codeOf, misses);
  const leads = select ? select(view.leads) : view.leads;
  if (accountRoutingOn(context.settings)) attachAccounts(leads, customers.table, misses);
  const today = zone.dayOfInstant(now);
  const plan = planAssignment({
    reps,
    leads,
    openLoad: view.openLoad,
    settings: assignSettings(context.settings),
    today,
    rotation: state.state.rotation,
    assignedToday: assignedOnDay(log.table as Table<LogKey>, zone, today),
  });
  return {
    customers,
    log,
    state,
    reps,
    repProblems: problems,
    leads,
    plan,
    token: leadsToken(plan),
    now,
    recovered,
    workingHoursProblem: followUps ? sla.workingHoursProblem : null,
  };
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

export interface CommitResult {
  runId: string;
  assigned: number;
  unassigned: number;
}

function newRunId(now: Date, timeZone: string): string {
  return `${Utilities.formatDate(now, timeZone, 'yyyyMMdd-HHmmss')}-${Utilities.getUuid().slice(0, 4)}`;
}

/**
 * Writes `keys` of the table rows with indices first..last only (one setValues per run of adjacent columns): a form
 * response touches one row, not the whole column.
 */
export function writeRowSpan(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: Table<string>,
  keys: readonly string[],
  first: number,
  last: number,
): void {
  if (last < first) return;
  writeColumns(
    sheet,
    { ...table, rows: table.rows.slice(first, last + 1), firstRow: table.firstRow + first },
    keys,
  );
}

/** The owner column, with the reassign column when the sheet has it (adjacent in the template: one call). */
export function ownerKeys(table: Table<string>): string[] {
  return table.columns.reassign === undefined ? ['owner'] : ['owner', 'reassign'];
}

/**
 * Writes a plan in the journaled order (see the file header): state+journal, log, owners, state.
 * Call under the lock with a snapshot taken under the same lock.
 * @param options.recordUndo manual runs keep undo data (and replace the previous run's); form intake does not.
 */
export function commit(
  context: AssignContext,
  snap: Snapshot,
  options: { by: string; recordUndo: boolean },
): CommitResult {
  const { plan, customers, log, state } = snap;
  const runId = newRunId(snap.now, context.timeZone);
  if (plan.assignments.length === 0) return { runId, assigned: 0, unassigned: plan.unassigned.length };

  const wbT = translator(context.workbookLocale);
  const labelOf = labelOfIn(context.workbookLocale);
  const leadByRow = new Map<number, Lead>();
  for (const lead of snap.leads) leadByRow.set(lead.row, lead);

  const table = customers.table;
  const ownerColumn = table.columns.owner as number;
  const reassignColumn = table.columns.reassign;
  const markedWithoutOwner: string[] = [];
  const returnedBySla: string[] = [];
  let first = Infinity;
  let last = -1;
  for (const assignment of plan.assignments) {
    const index = assignment.row - table.firstRow;
    const values = table.rows[index];
    values[ownerColumn] = assignment.toRep;
    if (index < first) first = index;
    if (index > last) last = index;
    const lead = leadByRow.get(assignment.row);
    if (lead?.reassign) {
      if (reassignColumn !== undefined) values[reassignColumn] = false;
      if (lead.owner === '') markedWithoutOwner.push(lead.customerId);
    } else if (lead?.sla) returnedBySla.push(lead.customerId);
  }
  const repNames = new Map(snap.reps.map((rep) => [rep.email, rep.name]));
  const nameOf = (email: string) => repNames.get(email) ?? email;
  const logRecords = plan.assignments.map((a) => ({
    time: snap.now,
    runId,
    customerId: a.customerId,
    customer: a.customer,
    fromRep: a.fromRep,
    toRep: a.toRep,
    pool: a.pool,
    reason: describeReason(wbT, a.reason, labelOf, nameOf),
    by: options.by,
    undone: false,
  }));

  const pointersAfter: Record<string, PoolPointer> = {};
  const pointers: LastRun['pointers'] = {};
  for (const pool of plan.changedPools) {
    pointersAfter[pool] = plan.rotation[pool];
    pointers[pool] = { before: state.state.rotation[pool] ?? null, after: plan.rotation[pool] };
  }
  const lastRun: LastRun | null = options.recordUndo
    ? {
        runId,
        by: options.by,
        time: snap.now.toISOString(),
        count: plan.assignments.length,
        pointers,
        markedWithoutOwner,
        ...(returnedBySla.length > 0 ? { returnedBySla } : {}),
      }
    : null;
  const managers = context.settings.managers;
  const reps = [...new Set(plan.assignments.map((a) => a.toRep))];

  // Everything decided; now the writes, each one call, in the journaled order.
  writeState(
    context.spreadsheet,
    state,
    { ...state.state, journal: { op: 'assign', runId, pointersAfter, lastRun } },
    managers,
  );
  appendRows(log.sheet, log.table, logRecords);
  writeRowSpan(customers.sheet, table, ownerKeys(table), first, last);
  writeState(
    context.spreadsheet,
    state,
    {
      rotation: { ...state.state.rotation, ...pointersAfter },
      lastRun: lastRun ?? state.state.lastRun,
      journal: null,
      // Recorded with the commit, so reps not told are known even if the mails never start.
      notices: withNotices(state.state.notices, { runId, reps, reason: '' }),
    },
    managers,
  );
  return { runId, assigned: plan.assignments.length, unassigned: plan.unassigned.length };
}
