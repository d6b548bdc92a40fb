/**
 * Tells each rep about their new leads: one e-mail per rep, checking the remaining daily quota first (it counts
 * recipients), so a big run never fails half-way through the mails; reps not told are named in the report.
 */
import { leadMails, type AssignmentPlan, type Rep } from '../../core/assign';
import type { Locale } from '../../core/i18n';

export interface NotifyResult {
  sent: string[];
  /** Reps not told because the quota ran out. */
  skipped: string[];
  /** Reps whose mail failed for another reason, with the message. */
  failed: { rep: string; message: string }[];
}

export function notifyReps(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  reps: readonly Rep[],
  plan: AssignmentPlan,
  workbookLocale: Locale,
  customersSheet: GoogleAppsScript.Spreadsheet.Sheet,
): NotifyResult {
  const result: NotifyResult = { sent: [], skipped: [], failed: [] };
  if (plan.assignments.length === 0) return result;
  const url = spreadsheet.getUrl();
  const gid = customersSheet.getSheetId();
  const mails = leadMails(
    reps,
    plan.assignments,
    workbookLocale,
    url,
    (row) => `${url}#gid=${gid}&range=A${row}`,
  );
  let remaining = MailApp.getRemainingDailyQuota();
  for (const mail of mails) {
    if (remaining < 1) {
      result.skipped.push(mail.to);
      continue;
    }
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
