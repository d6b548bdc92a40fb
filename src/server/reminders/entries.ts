/**
 * Entry points of follow-up reminders (issue 6): the Reminders menu, the daily trigger, the *My follow-ups*
 * sidebar and its api* calls, and a preview of what a run would send (CLI, managers).
 */
import { prepareReminderRun } from '../../core/reminders';
import { alert } from '../adapters/alert';
import { currentTranslator } from '../context';
import { linkOptions, readReminderSheets, reminderContext, reminderInput } from './context';
import { clearContinuation, readReminderState, runReminders, type ReminderRunReport } from './run';
import { installDailyTrigger, removeDailyTrigger } from './triggers';
import { dailyDashboardRefresh } from '../dashboard/refresh';
import { refuseUntilSetUp } from '../onboarding';
import { runSlaSweep } from '../assign/entries';

export { apiMyFollowUps, apiMarkFollowUpDone, apiRevealReminderRow } from './my-follow-ups';

/** SalesDesk → Reminders → Turn on daily reminders (managers). */
export function menuTurnOnReminders(): { on: boolean; hour?: number } {
  const ctx = reminderContext(true);
  const hour = installDailyTrigger(ctx, ctx.user);
  alert(ctx.t('remind.turnedOn', { hour, nextHour: (hour + 1) % 24, timeZone: ctx.timeZone }));
  return { on: true, hour };
}

/** SalesDesk → Reminders → Daily reminders: on (turn off) (managers). */
export function menuTurnOffReminders(): { on: boolean; removed: number } {
  const ctx = reminderContext(true);
  const outcome = removeDailyTrigger(ctx.user);
  if (outcome.ownedBy) {
    alert(ctx.t('remind.ownedByOther', { owner: outcome.ownedBy }));
    return { on: true, removed: 0 };
  }
  alert(ctx.t(outcome.removed > 0 ? 'remind.turnedOff' : 'remind.alreadyOff'));
  return { on: false, removed: outcome.removed };
}

/**
 * The daily time-driven trigger: mails each rep their digest once a day, within the mail quota.
 * @param _event the time-driven event (unused: "today" is taken in the spreadsheet's zone, not the event's).
 */
export function onDailyReminders(_event?: GoogleAppsScript.Events.TimeDriven): ReminderRunReport {
  // Issue 14 §3: leads that missed their SLA go to another rep first, so today's digests tell both reps.
  try {
    const sla = runSlaSweep();
    if (sla) console.log(sla.message);
  } catch (error) {
    // The SLA sweep must never cost the team its reminders; the next run (or a manager's) retries it.
    console.warn(`SalesDesk: SLA sweep failed: ${(error as Error).message}`);
  }
  const report = runReminders(false);
  // An editor add-on gets one time-driven trigger per user per document, so the daily dashboard refresh rides
  // on this one, after the mails (it never throws, so it cannot undo a sent digest's bookkeeping).
  dailyDashboardRefresh();
  console.log(
    `reminders ${report.today} (${report.timeZone}): sent ${report.sent.length}, already ${report.alreadySent.length}, pending ${report.pending.length}, failed ${report.failed.length}`,
  );
  return report;
}

/**
 * One-off trigger scheduled by a run that reached its per-run cap or time budget: sends the rest of today's digests.
 * @param _event the time-driven event (unused).
 */
export function onRemindersContinue(_event?: GoogleAppsScript.Events.TimeDriven): ReminderRunReport {
  clearContinuation();
  return onDailyReminders();
}

/** SalesDesk → Reminders → Send reminders now (managers): the same run as the trigger, never twice a day. */
export function menuSendRemindersNow(): ReminderRunReport | null {
  const ctx = reminderContext(true);
  const report = runReminders(true);
  const lines = [
    report.sent.length + report.alreadySent.length + report.pending.length === 0
      ? ctx.t('remind.nothingDue')
      : ctx.t('remind.sentNow', {
          sent: report.sent.length,
          already: report.alreadySent.length,
          held: report.pending.length,
        }),
    ctx.t('remind.quotaLeft', { quota: Math.max(0, report.quotaBefore - report.sent.length) }),
    ...report.failed.map((f) => ctx.t('remind.failed', { rep: f.key, message: f.error })),
  ];
  alert(lines.join('\n'));
  return report;
}

/** SalesDesk → Reminders → My follow-ups: the current user's due and overdue items. */
export function menuMyFollowUps(): void {
  const t = currentTranslator();
  if (refuseUntilSetUp(t)) return;
  const html = HtmlService.createHtmlOutputFromFile('my-follow-ups').setTitle(t('myfu.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}

export interface ReminderPreview {
  today: string;
  timeZone: string;
  quota: number;
  /** In sending order; `held` ones would wait for the next run. */
  mails: {
    to: string;
    key: string;
    subject: string;
    body: string;
    htmlBody: string;
    held: boolean;
    items: number;
  }[];
  alreadySent: string[];
}

/**
 * What a reminder run would send now, without sending or recording anything (managers; CLI `remind --json`).
 * @throws Error (localised) for a non-manager or a missing sheet.
 */
export function apiPreviewReminders(): ReminderPreview {
  const ctx = reminderContext(true);
  const sheets = readReminderSheets(ctx);
  const quota = MailApp.getRemainingDailyQuota();
  const run = prepareReminderRun(reminderInput(ctx, sheets), readReminderState(), {
    today: ctx.today,
    quota: Math.max(0, quota),
    ...linkOptions(ctx, sheets),
  });
  const counts = new Map<string, number>(
    run.digests.map((d) => [
      d.rep,
      // After-sales items (service plans due, open complaints) count as items too.
      d.overdue.length +
        d.dueToday.length +
        d.stale.length +
        (d.serviceDue?.length ?? 0) +
        (d.complaints?.length ?? 0),
    ]),
  );
  const mails = [...run.plan.send, ...run.plan.held].map((key, index) => {
    const message = run.message(key);
    return {
      to: message.to,
      key,
      subject: message.subject,
      body: message.body,
      htmlBody: message.htmlBody,
      held: index >= run.plan.send.length,
      items: counts.get(key) ?? 0,
    };
  });
  return { today: ctx.today, timeZone: ctx.timeZone, quota, mails, alreadySent: run.plan.alreadySent };
}
