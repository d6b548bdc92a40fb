/**
 * Lead assignment entry points (issue 5): SalesDesk → Assign leads (preview sidebar, then confirm), Undo last
 * assignment, automatic assignment of form submissions, sending the notices still pending.
 *
 * Confirm re-plans under the document lock and compares the leads it covers with the previewed ones (token): when
 * one of them was taken meanwhile, or a new lead appeared, nothing is written and the sidebar shows the new plan to
 * confirm again; a rotation moved by a form submission alone does not ask for a new look. The writes are journaled
 * (src/server/assign/run.ts), and notices go out after the commit without ever failing it (./notify.ts).
 */
import {
  buildPreview,
  changesOfRun,
  customerFromResponse,
  readReps,
  slaIsOn,
  slaSettings,
  type Lead,
  type LogKey,
  type PlannedAssignment,
  type PreviewView,
  type Rep,
  type RepKey,
} from '../../core/assign';
import { zoneDays } from '../../core/dates';
import { translator } from '../../core/i18n';
import type { Table } from '../../core/table';
import { columnHeaders } from '../../../templates';
import { findSheet, openSheet } from '../adapters/workbook';
import { refuseUntilSetUp } from '../onboarding';
import { notifyReps, recordUnsent, unsent, type NotifyResult } from './notify';
import {
  assignContext,
  codeOf,
  commit,
  labelOfIn,
  snapshot,
  withAssignLock,
  type AssignContext,
  type LeadFilter,
  type Snapshot,
} from './run';
import { readState } from './state';
import { undoLastRun, type UndoResult } from './undo';
import { executionContext } from '../context';
import { requireWritable } from '../protections';

export const FORM_TRIGGER_HANDLER = 'onFormSubmitAssign';
/** The sheets an assignment, its undo and form intake write: checked before the first write. */
const ASSIGN_WRITES = ['customers', 'assignmentLog'] as const;

function preview(context: AssignContext, snap: Snapshot): PreviewView {
  let pendingNotices = 0;
  for (const entry of snap.state.state.notices) pendingNotices += entry.reps.length;
  const view = buildPreview(snap.plan, snap.token, context.t, labelOfIn(context.locale), snap.repProblems);
  if (snap.workingHoursProblem !== null)
    view.problems.push(context.t('assign.preview.workingHoursProblem', { value: snap.workingHoursProblem }));
  return { ...view, pendingNotices };
}

/** SalesDesk → Assign leads: opens the preview sidebar (managers only). */
export function menuAssignLeads(): void {
  if (refuseUntilSetUp()) return;
  const context = assignContext();
  const html = HtmlService.createHtmlOutputFromFile('assign-preview').setTitle(
    context.t('assign.preview.title'),
  );
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * The plan as it stands, without writing anything (except completing a run interrupted earlier, under the lock,
 * so that the preview shows what Confirm would do).
 * @throws Error (localised) for a non-manager or a missing sheet/column.
 */
export function apiPreviewAssignment(): PreviewView {
  const context = assignContext();
  return preview(
    context,
    withAssignLock(context, () => snapshot(context)),
  );
}

export type ConfirmResult =
  | {
      status: 'done';
      message: string;
      runId: string;
      assigned: number;
      unassigned: number;
      mail: NotifyResult;
    }
  | { status: 'changed'; message: string; preview: PreviewView }
  | { status: 'nothing'; message: string };

function mailMessage(context: AssignContext, mail: NotifyResult, error: string | null): string {
  const t = context.t;
  if (error !== null) return t('assign.done.mailError', { message: error });
  const parts = [
    mail.skipped.length > 0
      ? t('assign.done.mailCut', {
          sent: mail.sent.length,
          skipped: mail.skipped.length,
          reps: mail.skipped.join(', '),
        })
      : t('assign.done.mail', { sent: mail.sent.length }),
  ];
  if (mail.failed.length > 0)
    parts.push(
      t('assign.done.mailFailed', {
        reps: mail.failed.map((f) => f.rep).join(', '),
        message: mail.failed[0].message,
      }),
    );
  if (mail.deferred.length > 0)
    parts.push(
      t('assign.done.mailPending', {
        count: mail.deferred.length,
        reason: t('assign.done.mailPendingTime'),
        reps: mail.deferred.slice(0, 20).join(', ') + (mail.deferred.length > 20 ? ', …' : ''),
      }),
    );
  return parts.join(' ');
}

/**
 * Tells the reps of a committed run, after the lock is released (sending is slow and needs no lock), and records
 * who was not told. Never throws: the run is committed whatever happens to the mail.
 */
function tellReps(
  context: AssignContext,
  runId: string,
  reps: readonly Rep[],
  assignments: readonly PlannedAssignment[],
  customersSheet: GoogleAppsScript.Spreadsheet.Sheet,
): { mail: NotifyResult; error: string | null } {
  let mail: NotifyResult = { sent: [], skipped: [], failed: [], deferred: [] };
  let error: string | null = null;
  try {
    mail = notifyReps(context.spreadsheet, reps, assignments, context.workbookLocale, customersSheet);
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.message : String(thrown);
    const all = [...new Set(assignments.map((a) => a.toRep))];
    mail = { sent: [], skipped: [], failed: all.map((rep) => ({ rep, message: error ?? '' })), deferred: [] };
  }
  try {
    const left = unsent(mail);
    const reason =
      mail.failed[0]?.message ?? (mail.skipped.length > 0 ? 'quota' : left.length > 0 ? 'time' : '');
    withAssignLock(context, () =>
      recordUnsent(context.spreadsheet, runId, left, reason, context.settings.managers),
    );
  } catch {
    // The commit recorded every rep as pending: a superset, never an omission.
  }
  return { mail, error };
}

/**
 * Writes the previewed plan: re-plans under the lock; if the leads it covers differ from the preview's
 * (`planToken`: one was taken by another run, or a new one appeared), writes nothing and returns the new preview.
 * The reps may differ from the preview's when another run (a form submission) moved the rotation meanwhile.
 * @param planToken the `token` of the preview the manager confirmed.
 */
export function apiConfirmAssignment(planToken: string): ConfirmResult {
  const context = assignContext();
  requireWritable(executionContext(), ASSIGN_WRITES);
  const outcome = withAssignLock(context, () => {
    const snap = snapshot(context);
    if (snap.token !== String(planToken ?? '')) return { changed: true as const, snap };
    if (snap.plan.assignments.length === 0) return { changed: false as const, snap, committed: null };
    return {
      changed: false as const,
      snap,
      committed: commit(context, snap, { by: context.user, recordUndo: true }),
    };
  });
  if (outcome.changed)
    return {
      status: 'changed',
      message: context.t('assign.preview.changed'),
      preview: preview(context, outcome.snap),
    };
  if (!outcome.committed) return { status: 'nothing', message: context.t('assign.done.nothing') };
  const committed = outcome.committed;
  const { mail, error } = tellReps(
    context,
    committed.runId,
    outcome.snap.reps,
    outcome.snap.plan.assignments,
    outcome.snap.customers.sheet,
  );
  const message = [
    outcome.snap.recovered ? context.t('assign.done.recovered', { runId: outcome.snap.recovered }) : '',
    context.t('assign.done', {
      assigned: committed.assigned,
      unassigned: committed.unassigned,
      runId: committed.runId,
      mail: mailMessage(context, mail, error),
    }),
  ]
    .filter(Boolean)
    .join(' ');
  return {
    status: 'done',
    message,
    runId: committed.runId,
    assigned: committed.assigned,
    unassigned: committed.unassigned,
    mail,
  };
}

/**
 * Sends the notices still pending from earlier runs (quota, time, errors), rebuilt from the log (managers only).
 * @returns what was sent and what is still pending.
 */
export function apiSendPendingNotices(): { message: string; mail: NotifyResult } {
  const context = assignContext();
  const work = withAssignLock(context, () => {
    const { notices } = readState(context.spreadsheet).state;
    if (notices.length === 0) return null;
    const log = openSheet(context.spreadsheet, 'assignmentLog', context.t, context.locale, [
      'runId',
      'toRep',
    ]);
    const repsSheet = openSheet(context.spreadsheet, 'reps', context.t, context.locale, ['email']);
    const customers = openSheet(context.spreadsheet, 'customers', context.t, context.locale, ['owner']);
    const { reps } = readReps(repsSheet.table as Table<RepKey>, zoneDays(context.timeZone), codeOf);
    const runs = notices.map((entry) => {
      const wanted = new Set(entry.reps);
      const assignments: PlannedAssignment[] = changesOfRun(log.table as Table<LogKey>, entry.runId)
        .filter((change) => wanted.has(change.toRep))
        .map((change) => ({
          row: 0,
          customerId: change.customerId,
          customer: change.customer,
          fromRep: change.fromRep,
          toRep: change.toRep,
          pool: '',
          reason: { code: 'team' as const },
        }));
      return { runId: entry.runId, assignments };
    });
    return { runs, reps, customersSheet: customers.sheet };
  });
  const total: NotifyResult = { sent: [], skipped: [], failed: [], deferred: [] };
  if (!work) return { message: context.t('assign.notices.none'), mail: total };
  for (const run of work.runs) {
    const { mail } = tellReps(context, run.runId, work.reps, run.assignments, work.customersSheet);
    total.sent = total.sent.concat(mail.sent);
    total.skipped = total.skipped.concat(mail.skipped);
    total.failed = total.failed.concat(mail.failed);
    total.deferred = total.deferred.concat(mail.deferred);
  }
  const message = [
    context.t('assign.notices.sent', { sent: total.sent.length }),
    mailMessage(context, total, null),
  ].join(' ');
  return { message, mail: total };
}

/**
 * SalesDesk → Undo last assignment (managers only).
 * @returns what was restored and what was left alone (also shown in an alert).
 */
export function menuUndoLastAssignment(): UndoResult | null {
  const context = assignContext();
  requireWritable(executionContext(), ASSIGN_WRITES);
  const ui = SpreadsheetApp.getUi();
  const result = withAssignLock(context, () => undoLastRun(context, context.t));
  ui.alert(result.message);
  return result;
}

/** SalesDesk → Assign form submissions automatically: installs one on-form-submit trigger (never two). */
export function menuTurnOnFormIntake(): void {
  const context = assignContext();
  const ui = SpreadsheetApp.getUi();
  const installed = withAssignLock(context, () => {
    const exists = ScriptApp.getProjectTriggers().some(
      (trigger) => trigger.getHandlerFunction() === FORM_TRIGGER_HANDLER,
    );
    if (exists) return false;
    ScriptApp.newTrigger(FORM_TRIGGER_HANDLER).forSpreadsheet(context.spreadsheet).onFormSubmit().create();
    return true;
  });
  ui.alert(context.t(installed ? 'assign.intake.on' : 'assign.intake.already'));
}

/**
 * Installable trigger for a Google Form linked to the spreadsheet. The form writes each submission into its
 * responses sheet; SalesDesk copies the answers into a new Customers row (questions matched to columns by header,
 * either language) and assigns it with the same rules and pointers, under the lock, in one append. When the form's
 * destination is the Customers sheet itself, the submitted rows are assigned in place. Rows a manager marked for
 * reassignment wait for the manager's run, and the manual run's undo data is left alone.
 * @param e the form-submit event (range of the new response row, namedValues question → answers).
 */
export function onFormSubmitAssign(e?: GoogleAppsScript.Events.SheetsOnFormSubmit): {
  runId: string;
  assigned: number;
  unmatched: string[];
} {
  const context = assignContext(true);
  requireWritable(executionContext(), ASSIGN_WRITES);
  const range = e?.range;
  const submitted = range
    ? {
        sheetId: range.getSheet().getSheetId(),
        first: range.getRow(),
        last: range.getRow() + range.getNumRows() - 1,
      }
    : null;
  const { snap, committed, unmatched } = withAssignLock(context, () => {
    const customersSheet = findSheet(context.spreadsheet, 'customers');
    const onCustomers = !!submitted && !!customersSheet && customersSheet.getSheetId() === submitted.sheetId;
    if (onCustomers || !e?.namedValues) {
      const selectNew: LeadFilter = (leads: Lead[]) =>
        leads.filter(
          (lead) =>
            lead.owner === '' &&
            !lead.reassign &&
            (!onCustomers || !submitted || (lead.row >= submitted.first && lead.row <= submitted.last)),
        );
      const taken = snapshot(context, selectNew, undefined, { sla: false });
      const by = context.t('assign.log.by.form');
      return { snap: taken, committed: commit(context, taken, { by, recordUndo: false }), unmatched: [] };
    }
    const answers = customerFromResponse(e.namedValues, columnHeaders('customers'));
    // A response with no answer matching a Customers column (another form on this spreadsheet) is not a lead.
    const taken = snapshot(
      context,
      () => [],
      Object.keys(answers.record).length > 0 ? answers.record : undefined,
      { sla: false },
    );
    const by = context.t('assign.log.by.form');
    return {
      snap: taken,
      committed: commit(context, taken, { by, recordUndo: false }),
      unmatched: answers.unmatched,
    };
  });
  if (committed.assigned > 0)
    tellReps(context, committed.runId, snap.reps, snap.plan.assignments, snap.customers.sheet);
  return { runId: committed.runId, assigned: committed.assigned, unmatched };
}

/** What the daily SLA sweep did (null when Settings leave it off). */
export interface SlaSweepResult {
  runId: string;
  returned: number;
  unassigned: number;
  message: string;
}

/**
 * The daily SLA sweep (issue 14 §3), run by the daily trigger before the reminders when Settings →
 * slaDailyReassign is on: every lead that missed its SLA goes to another rep of its pool, journaled and undoable
 * like a manager's run (it becomes the run *Undo last assignment* reverses), logged with "SLA (daily)" as "by".
 * New leads and reassign ticks wait for a manager's run. Never called from a sidebar: not an entry point itself.
 */
export function runSlaSweep(): SlaSweepResult | null {
  const context = assignContext(true);
  const sla = slaSettings(context.settings);
  if (!sla.dailyReassign || !slaIsOn(sla)) return null;
  requireWritable(executionContext(), ASSIGN_WRITES);
  const { snap, committed } = withAssignLock(context, () => {
    const taken = snapshot(context, (leads) => leads.filter((lead) => lead.sla !== undefined));
    const by = translator(context.workbookLocale)('assign.log.by.sla');
    return { snap: taken, committed: commit(context, taken, { by, recordUndo: true }) };
  });
  if (committed.assigned > 0)
    tellReps(context, committed.runId, snap.reps, snap.plan.assignments, snap.customers.sheet);
  return {
    runId: committed.runId,
    returned: committed.assigned,
    unassigned: committed.unassigned,
    message: context.t('assign.sla.dailyDone', { count: committed.assigned, runId: committed.runId }),
  };
}
