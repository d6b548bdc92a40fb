/**
 * One reminder run: under the document lock, read the sheets once, ask MailApp how many recipients are left today,
 * send the most urgent digests first, and record the sends in document properties, so a run cut short (quota,
 * 6-minute limit, an error) leaves the state true: sent reps are never mailed again today, and everyone else stays
 * pending for the next run. Property writes are batched: one for the plan, one (in a `finally`) for the outcome of
 * every send, and a checkpoint per minute of sending — 2 writes for a usual run instead of one per digest. The send
 * budget stops the loop 1.5 minutes before Apps Script's 6-minute kill, so the final write always has time to run;
 * a checkpoint bounds what any other hard stop could leave unrecorded to one minute of sends. Every write but the
 * last also records the digests in flight (src/core/reminders/in-flight.ts): the next run settles them against the
 * mail quota, so even a hard stop between a send and its record mails nobody twice and drops nobody.
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
  parseInFlight,
  resolveInFlight,
  serializeInFlight,
  type InFlight,
} from '../../core/reminders/in-flight';
import {
  linkOptions,
  readReminderSheets,
  reminderContext,
  reminderInput,
  type ReminderContext,
} from './context';
import { withLock } from '../lock';

export const LAST_SENT_PROPERTY = 'salesdesk.remind.lastSent';
export const PENDING_PROPERTY = 'salesdesk.remind.pending';
export const IN_FLIGHT_PROPERTY = 'salesdesk.remind.inFlight';

/**
 * Stop sending after this much run time and leave the rest pending: executions are killed at 6 minutes
 * (developers.google.com/apps-script/guides/services/quotas), and a kill between a send and its record is the one
 * way to mail someone twice.
 */
const SEND_BUDGET_MS = 4.5 * 60 * 1000;
/** Sending time between two checkpoint writes of the state (each write is a properties call, ~60 ms). */
const CHECKPOINT_MS = 60 * 1000;
/**
 * Digests one run sends at most. A send costs about 0.5 s plus a properties write (~60 ms), so 400 fit well inside
 * the 6-minute limit; a larger team (Workspace quota 1 500) is finished by a one-off continuation trigger a minute
 * later instead of waiting for tomorrow.
 */
export const MAX_SENDS_PER_RUN = 400;
export const CONTINUE_HANDLER = 'onRemindersContinue';
const CONTINUE_AFTER_MS = 60_000;
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
  /** True when a continuation run was scheduled for the rest of today's digests. */
  continuing: boolean;
}

/** One one-off trigger a minute from now (never two); false when Google refuses more triggers. */
function scheduleContinuation(): boolean {
  try {
    if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === CONTINUE_HANDLER)) return true;
    ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
    return true;
  } catch (error) {
    // Without a continuation the held reps are still pending and go first on the next daily run.
    console.warn(`reminders: could not schedule a continuation: ${String(error)}`);
    return false;
  }
}

/** Removes this user's continuation triggers (a one-off trigger stays listed after it has fired). */
export function clearContinuation(): void {
  for (const trigger of ScriptApp.getProjectTriggers())
    if (trigger.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(trigger);
}

/**
 * Property values are limited to 9 KB (guides/services/quotas), and a large team's JSON is longer: each key is
 * stored in shards of at most 3 000 characters (9 KB even if every character took 3 bytes in UTF-8):
 * `salesdesk.remind.lastSent`, `salesdesk.remind.lastSent.1`, … Shards are written in one setProperties call.
 */
const SHARD_CHARS = 3000;

function shardKey(base: string, index: number): string {
  return index === 0 ? base : `${base}.${index}`;
}

function readSharded(all: Record<string, string>, base: string): { text: string | null; shards: number } {
  let text = '';
  let shards = 0;
  while (all[shardKey(base, shards)]) text += all[shardKey(base, shards++)];
  return { text: shards === 0 ? null : text, shards };
}

function writeSharded(
  out: Record<string, string>,
  base: string,
  text: string,
  previousShards: number,
): number {
  const shards = Math.max(1, Math.ceil(text.length / SHARD_CHARS));
  for (let i = 0; i < shards; i++)
    out[shardKey(base, i)] = text.slice(i * SHARD_CHARS, (i + 1) * SHARD_CHARS);
  // A shorter value than last time: blank the old tail shards (an empty shard ends the value when read).
  for (let i = shards; i < previousShards; i++) out[shardKey(base, i)] = '';
  return shards;
}

/** The stored state, and how many shards each key had (to blank leftovers when it shrinks). */
class StateStore {
  private lastSentShards = 0;
  private pendingShards = 0;
  private inFlightShards = 0;
  /** The digests in flight as last read (an earlier run's, when it was stopped between two writes). */
  inFlight: InFlight[] = [];

  constructor(private readonly properties: GoogleAppsScript.Properties.Properties) {}

  load(): ReminderState {
    const all = this.properties.getProperties();
    const lastSent = readSharded(all, LAST_SENT_PROPERTY);
    const pending = readSharded(all, PENDING_PROPERTY);
    const inFlight = readSharded(all, IN_FLIGHT_PROPERTY);
    this.lastSentShards = lastSent.shards;
    this.pendingShards = pending.shards;
    this.inFlightShards = inFlight.shards;
    this.inFlight = parseInFlight(inFlight.text);
    return parseState(lastSent.text, pending.text);
  }

  /** Writes the state and what is in flight (none: every send's outcome is in `state`). */
  save(state: ReminderState, inFlight: readonly InFlight[]): void {
    const stored = serializeState(state);
    const out: Record<string, string> = {};
    const lastSentShards = writeSharded(out, LAST_SENT_PROPERTY, stored.lastSent, this.lastSentShards);
    const pendingShards = writeSharded(out, PENDING_PROPERTY, stored.pending, this.pendingShards);
    const flying = serializeInFlight(inFlight);
    const inFlightShards =
      flying === '' && this.inFlightShards === 0 // nothing to write and nothing to blank
        ? 0
        : writeSharded(out, IN_FLIGHT_PROPERTY, flying, this.inFlightShards);
    // One call writes every shard of every key: the state is never half-updated.
    this.properties.setProperties(out);
    this.lastSentShards = lastSentShards;
    this.pendingShards = pendingShards;
    this.inFlightShards = flying === '' ? 0 : inFlightShards;
  }
}

/** Today's stored state (for the preview), read with one getProperties call. */
export function readReminderState(): ReminderState {
  return new StateStore(PropertiesService.getDocumentProperties()).load();
}

/**
 * Runs today's reminders.
 * @param interactive true for *Send reminders now* (messages in the user's language).
 * @throws Error (localised) when the lock cannot be had or a sheet/column is missing; nothing is sent then.
 */
export function runReminders(interactive: boolean): ReminderRunReport {
  const started = Date.now();
  const ctx: ReminderContext = reminderContext(interactive);
  return withLock(ctx.t, interactive ? 'action' : 'background', () => {
    const sheets = readReminderSheets(ctx);
    const input = reminderInput(ctx, sheets);
    const store = new StateStore(PropertiesService.getDocumentProperties());
    const quotaBefore = MailApp.getRemainingDailyQuota();
    const runCap = Math.min(Math.max(0, quotaBefore), MAX_SENDS_PER_RUN);
    const loaded = store.load();
    // An earlier run stopped between a send and its record: settle its digests in flight first.
    const settled = resolveInFlight(loaded, store.inFlight, {
      today: ctx.today,
      user: ctx.user,
      quotaNow: quotaBefore,
    });
    const run = prepareReminderRun(input, settled.state, {
      today: ctx.today,
      quota: runCap,
      ...linkOptions(ctx, sheets),
    });
    let state = run.plan.state;
    // Held back by the per-run cap, not by the quota: they go in the continuation run today.
    const cappedOut = run.plan.held.slice(0, Math.max(0, quotaBefore - runCap));
    for (const key of cappedOut) state = markHeld(state, key, 'time');
    // Another sender's digests in flight are theirs to settle: not sent by this run, their record kept.
    const doubtful = new Set(settled.doubtful);
    const toSend = run.plan.send.filter((key) => !doubtful.has(key));
    const sent: string[] = [];
    /** What is in flight from send `index` on: the quota then is what is left after this run's sends so far. */
    const inFlight = (index: number): InFlight[] => [
      ...settled.carried,
      { day: ctx.today, user: ctx.user, quota: quotaBefore - sent.length, keys: toSend.slice(index) },
    ];
    store.save(state, inFlight(0));
    let continueToday = cappedOut.length > 0;

    const failed: { key: string; error: string }[] = [];
    let savedAt = Date.now();
    let unsaved = false;
    // After a failed send the next write comes before the next send: a failed send uses no quota, so none may sit
    // in an unrecorded stretch that the next run reads from the quota.
    let failedSinceSave = false;
    try {
      for (const [index, key] of toSend.entries()) {
        if (Date.now() - started > SEND_BUDGET_MS) {
          for (const rest of toSend.slice(index)) state = markHeld(state, rest, 'time');
          unsaved = true;
          continueToday = true;
          break;
        }
        if (failedSinceSave || (unsaved && Date.now() - savedAt >= CHECKPOINT_MS)) {
          store.save(state, inFlight(index));
          savedAt = Date.now();
          unsaved = false;
          failedSinceSave = false;
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
          unsaved = true;
          if (QUOTA_ERROR.test(text)) {
            for (const rest of toSend.slice(index)) state = markHeld(state, rest, 'quota');
            break;
          }
          // A bad address must not stop everyone else; it stays pending and the manager summary can show it.
          failed.push({ key, error: text });
          state = markHeld(state, key, 'error', text);
          failedSinceSave = true;
          continue;
        }
        state = markSent(state, key, ctx.today);
        unsaved = true;
        sent.push(key);
      }
    } finally {
      // Also when something unexpected throws mid-loop: whoever was mailed is recorded before the error goes on.
      // Every send's outcome is now in `state`: nothing is in flight any more.
      if (unsaved || toSend.length > 0) store.save(state, settled.carried);
    }
    const continuing = continueToday && scheduleContinuation();
    return {
      today: ctx.today,
      timeZone: ctx.timeZone,
      quotaBefore,
      continuing,
      sent,
      alreadySent: run.plan.alreadySent,
      pending: state.pending,
      failed,
    };
  });
}
