/**
 * Lead assignment entry points (issue 5): SalesDesk → Assign leads (preview sidebar, then confirm), Undo last
 * assignment, automatic assignment of form submissions.
 *
 * Confirm re-plans under the document lock and compares the plan with the one previewed (by fingerprint): when the
 * sheet changed in between so that the plan would differ, nothing is written and the sidebar shows the new plan to
 * confirm again. Managers see exactly what gets written.
 */
import { buildPreview, customerFromResponse, type PreviewView } from '../../core/assign';
import { columnHeaders } from '../../../templates';
import { findSheet } from '../adapters/workbook';
import { refuseUntilSetUp } from '../onboarding';
import { notifyReps, type NotifyResult } from './notify';
import {
  assignContext,
  commit,
  labelOfIn,
  snapshot,
  withAssignLock,
  type AssignContext,
  type LeadFilter,
} from './run';
import { undoLastRun, type UndoResult } from './undo';

export const FORM_TRIGGER_HANDLER = 'onFormSubmitAssign';

function preview(context: AssignContext, snap: ReturnType<typeof snapshot>): PreviewView {
  return buildPreview(snap.plan, snap.token, context.t, labelOfIn(context.locale), snap.repProblems);
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
 * The plan as it stands, without writing anything.
 * @throws Error (localised) for a non-manager or a missing sheet/column.
 */
export function apiPreviewAssignment(): PreviewView {
  const context = assignContext();
  return preview(context, snapshot(context));
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

function mailMessage(context: AssignContext, mail: NotifyResult): string {
  const t = context.t;
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
  return parts.join(' ');
}

/**
 * Writes the previewed plan: re-plans under the lock; if the result differs from the preview (`planToken`),
 * writes nothing and returns the new preview.
 * @param planToken the `token` of the preview the manager confirmed.
 */
export function apiConfirmAssignment(planToken: string): ConfirmResult {
  const context = assignContext();
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
  // Mail after the lock is released: sending is slow and needs no lock.
  const mail = notifyReps(
    context.spreadsheet,
    outcome.snap.reps,
    outcome.snap.plan,
    context.workbookLocale,
    outcome.snap.customers.sheet,
  );
  const committed = outcome.committed;
  const message = [
    context.t('assign.done', {
      assigned: committed.assigned,
      unassigned: committed.unassigned,
      runId: committed.runId,
      mail: mailMessage(context, mail),
    }),
    committed.undoWithoutPointer ? context.t('assign.error.tooManyPools') : '',
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
 * SalesDesk → Undo last assignment (managers only).
 * @returns what was restored and what was left alone (also shown in an alert).
 */
export function menuUndoLastAssignment(): UndoResult | null {
  const context = assignContext();
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
      const selectNew: LeadFilter = (leads) =>
        leads.filter(
          (lead) =>
            lead.owner === '' &&
            !lead.reassign &&
            (!onCustomers || !submitted || (lead.row >= submitted.first && lead.row <= submitted.last)),
        );
      const taken = snapshot(context, selectNew);
      const by = context.t('assign.log.by.form');
      return { snap: taken, committed: commit(context, taken, { by, recordUndo: false }), unmatched: [] };
    }
    const answers = customerFromResponse(e.namedValues, columnHeaders('customers'));
    // A response with no answer matching a Customers column (another form on this spreadsheet) is not a lead.
    const taken = snapshot(
      context,
      () => [],
      Object.keys(answers.record).length > 0 ? answers.record : undefined,
    );
    const by = context.t('assign.log.by.form');
    return {
      snap: taken,
      committed: commit(context, taken, { by, recordUndo: false }),
      unmatched: answers.unmatched,
    };
  });
  if (committed.assigned > 0)
    notifyReps(context.spreadsheet, snap.reps, snap.plan, context.workbookLocale, snap.customers.sheet);
  return { runId: committed.runId, assigned: committed.assigned, unmatched };
}
