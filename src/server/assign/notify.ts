/**
 * Tells each rep about their new leads: one e-mail per rep, after the run is committed. Nothing here can turn a
 * committed run into a failure: the quota is checked first (it counts recipients) and its failure only means
 * "unknown", each send's error is caught, and one execution sends at most NOTICES_PER_EXECUTION mails so 800 reps
 * never push it past the 6-minute limit. Whoever was not told stays in the state sheet's pending notices (written
 * with the commit, so even an execution that dies mid-way leaves them recorded) until "Send pending notices".
 */
import { leadMails, withNotices, type PlannedAssignment, type Rep } from '../../core/assign';
import type { Locale } from '../../core/i18n';
import { readState, writeState } from './state';

/**
 * Mails per execution: 200 × ~0.5 s per send leaves most of the 6 minutes to the run itself
 * (runtime/cost-model.ts MAIL_SEND_MS; quotas: developers.google.com/apps-script/guides/services/quotas).
 */
export const NOTICES_PER_EXECUTION = 200;
/** Real time a run may spend on mail (Apps Script: Date.now() advances; checked as well as the count). */
const NOTICE_TIME_BUDGET_MS = 150_000;

export interface NotifyResult {
  sent: string[];
  /** Reps not told because the quota ran out. */
  skipped: string[];
  /** Reps whose mail failed for another reason, with the message. */
  failed: { rep: string; message: string }[];
  /** Reps not tried in this execution (count or time budget spent). */
  deferred: string[];
}

/** Reps still to tell after `result`. */
export function unsent(result: NotifyResult): string[] {
  return [...result.skipped, ...result.failed.map((f) => f.rep), ...result.deferred];
}

/**
 * Sends one notice per rep who got leads in `assignments`.
 * @param rowLink the link of a customer row (row 0 = no row known: the spreadsheet itself).
 */
export function notifyReps(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  reps: readonly Rep[],
  assignments: readonly PlannedAssignment[],
  workbookLocale: Locale,
  customersSheet: GoogleAppsScript.Spreadsheet.Sheet,
): NotifyResult {
  const result: NotifyResult = { sent: [], skipped: [], failed: [], deferred: [] };
  if (assignments.length === 0) return result;
  const url = spreadsheet.getUrl();
  const gid = customersSheet.getSheetId();
  const mails = leadMails(reps, assignments, workbookLocale, url, (row) =>
    row > 0 ? `${url}#gid=${gid}&range=A${row}` : url,
  );
  let remaining = Infinity;
  try {
    remaining = MailApp.getRemainingDailyQuota();
  } catch {
    // Unknown quota: try each mail; a quota error on one is caught below.
  }
  const started = Date.now();
  let tried = 0;
  for (const mail of mails) {
    if (tried >= NOTICES_PER_EXECUTION || Date.now() - started > NOTICE_TIME_BUDGET_MS) {
      result.deferred.push(mail.to);
      continue;
    }
    if (remaining < 1) {
      result.skipped.push(mail.to);
      continue;
    }
    tried++;
    try {
      MailApp.sendEmail({
        to: mail.to,
        subject: mail.subject,
        htmlBody: mail.htmlBody,
        body: mail.body,
        name: 'SalesDesk',
      });
      result.sent.push(mail.to);
      remaining--;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // "Service invoked too many times for one day: email." — the quota ran out under us (another script).
      if (/too many times/i.test(message)) {
        remaining = 0;
        result.skipped.push(mail.to);
      } else result.failed.push({ rep: mail.to, message });
    }
  }
  return result;
}

/**
 * Records in the state sheet which reps of run `runId` are still to be told (replacing what the commit recorded).
 * Call under the lock: it re-reads the state, which another run may have changed since the commit.
 */
export function recordUnsent(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  runId: string,
  reps: string[],
  reason: string,
  managers: unknown,
): void {
  const handle = readState(spreadsheet);
  const before = handle.state.notices;
  const entry = before.find((item) => item.runId === runId);
  // The run was undone meanwhile, or nothing changes: no write.
  if (!entry || (entry.reps.length === reps.length && entry.reps.every((rep, i) => rep === reps[i]))) return;
  writeState(
    spreadsheet,
    handle,
    { ...handle.state, notices: withNotices(before, { runId, reps, reason }) },
    managers,
  );
}
