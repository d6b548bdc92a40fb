/**
 * One reminder run: under the document lock, read the sheets once, ask MailApp how many recipients are left today,
 * send the most urgent digests first, and record each send in document properties right after it succeeds, so a
 * run cut short (quota, 6-minute limit, an error) leaves the state true: sent reps are never mailed again today,
 * and everyone else stays pending for the next run.
 */
import {
  markHeld,
  markSent,
  parseState,
  prepareReminderRun,
  serializeState,
  type ReminderState,
} from '../../core/reminders';
import {
  linkOptions,
  readReminderSheets,
  reminderContext,
  reminderInput,
  type ReminderContext,
} from './context';

export const LAST_SENT_PROPERTY = 'salesdesk.remind.lastSent';
export const PENDING_PROPERTY = 'salesdesk.remind.pending';

/**
 * Stop sending after this much run time and leave the rest pending: executions are killed at 6 minutes
 * (developers.google.com/apps-script/guides/services/quotas), and a kill between a send and its record is the one
 * way to mail someone twice.
 */
const SEND_BUDGET_MS = 4.5 * 60 * 1000;
const LOCK_WAIT_MS = 60_000;
/** MailApp's own message when the daily recipient quota is used up (apps-script-limits.md). */
const QUOTA_ERROR = /too many times for one day|quota/i;

export interface ReminderRunReport {
  today: string;
  timeZone: string;
  quotaBefore: number;
  sent: string[];
  alreadySent: string[];
  /** Recipients left pending for the next run, with why. */
  pending: { key: string; since: string; reason: string; error?: string }[];
  failed: { key: string; error: string }[];
}

function loadState(properties: GoogleAppsScript.Properties.Properties): ReminderState {
  return parseState(properties.getProperty(LAST_SENT_PROPERTY), properties.getProperty(PENDING_PROPERTY));
}

function saveState(properties: GoogleAppsScript.Properties.Properties, state: ReminderState): void {
  const stored = serializeState(state);
  // One call writes both keys together: the state is never half-updated.
  properties.setProperties({ [LAST_SENT_PROPERTY]: stored.lastSent, [PENDING_PROPERTY]: stored.pending });
}

/**
 * Runs today's reminders.
 * @param interactive true for *Send reminders now* (messages in the user's language).
 * @throws Error (localised) when the lock cannot be had or a sheet/column is missing; nothing is sent then.
 */
export function runReminders(interactive: boolean): ReminderRunReport {
  const started = Date.now();
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  const ctx: ReminderContext = reminderContext(interactive);
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(ctx.t('common.busy'));
  try {
    const sheets = readReminderSheets(ctx);
    const input = reminderInput(ctx, sheets);
    const properties = PropertiesService.getDocumentProperties();
    const quotaBefore = MailApp.getRemainingDailyQuota();
    const run = prepareReminderRun(input, loadState(properties), {
      today: ctx.today,
      quota: Math.max(0, quotaBefore),
      ...linkOptions(ctx, sheets),
    });
    let state = run.plan.state;
    saveState(properties, state);

    const sent: string[] = [];
    const failed: { key: string; error: string }[] = [];
    for (const [index, key] of run.plan.send.entries()) {
      if (Date.now() - started > SEND_BUDGET_MS) {
        for (const rest of run.plan.send.slice(index)) state = markHeld(state, rest, 'time');
        saveState(properties, state);
        break;
      }
      const message = run.message(key);
      try {
        MailApp.sendEmail({
          to: message.to,
          subject: message.subject,
          body: message.body,
          htmlBody: message.htmlBody,
          name: 'SalesDesk',
        });
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        if (QUOTA_ERROR.test(text)) {
          for (const rest of run.plan.send.slice(index)) state = markHeld(state, rest, 'quota');
          saveState(properties, state);
          break;
        }
        // A bad address must not stop everyone else; it stays pending and the manager summary can show it.
        failed.push({ key, error: text });
        state = markHeld(state, key, 'error', text);
        saveState(properties, state);
        continue;
      }
      state = markSent(state, key, ctx.today);
      saveState(properties, state);
      sent.push(key);
    }
    return {
      today: ctx.today,
      timeZone: ctx.timeZone,
      quotaBefore,
      sent,
      alreadySent: run.plan.alreadySent,
      pending: state.pending,
      failed,
    };
  } finally {
    lock.releaseLock();
  }
}
