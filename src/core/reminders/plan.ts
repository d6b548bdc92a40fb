/**
 * Sending within the mail quota without sending twice or losing anyone. The state kept between runs is
 * `{ lastSent: {recipient: 'yyyy-MM-dd'}, pending: [...] }` (document properties salesdesk.remind.lastSent and
 * salesdesk.remind.pending). A recipient already sent today is skipped; recipients the quota could not cover stay
 * pending with the day they were first held back, and go first on the next run (oldest first) so a small quota
 * spreads a large team over days instead of starving the least urgent rep forever.
 *
 * Recipient keys: a rep digest is the rep's e-mail; a team summary is 'team:<manager e-mail>' (a manager may
 * also be a rep with a digest of their own).
 */
import { addDaysIso, type IsoDay } from '../dates';

export interface PendingEntry {
  key: string;
  /** The first day this recipient was due a mail that has not been sent yet. */
  since: IsoDay;
  /** Why it is still pending: not reached yet, over the mail quota, out of run time, or a send error. */
  reason: 'queued' | 'quota' | 'time' | 'error';
  error?: string;
}

export interface ReminderState {
  lastSent: Record<string, IsoDay>;
  pending: PendingEntry[];
}

export const EMPTY_STATE: ReminderState = { lastSent: {}, pending: [] };

export const TEAM_PREFIX = 'team:';
export const teamKey = (manager: string): string => `${TEAM_PREFIX}${manager}`;

export interface Recipient {
  key: string;
  urgency: number;
  /** Team summaries go after every rep digest of the same waiting day. */
  summary: boolean;
}

export interface SendPlan {
  /** Recipients to send now, in order; as many as the quota allows. */
  send: string[];
  /** Recipients already sent today (a re-run): nothing goes to them. */
  alreadySent: string[];
  /** Recipients the quota cannot cover this run: they stay pending. */
  held: string[];
  /** The state to store before the first send: every unsent recipient pending. */
  state: ReminderState;
}

/** Reads the stored JSON leniently: a damaged value means "nothing known", never a crash of the daily run. */
export function parseState(
  lastSentJson: string | null | undefined,
  pendingJson: string | null | undefined,
): ReminderState {
  const lastSent: Record<string, IsoDay> = {};
  const pending: PendingEntry[] = [];
  try {
    const parsed: unknown = JSON.parse(lastSentJson || '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) lastSent[key] = value;
      }
    }
  } catch {
    // keep empty
  }
  try {
    const parsed: unknown = JSON.parse(pendingJson || '[]');
    if (Array.isArray(parsed)) {
      for (const entry of parsed as unknown[]) {
        if (!entry || typeof entry !== 'object') continue;
        const { key, since, reason, error } = entry as Record<string, unknown>;
        if (typeof key !== 'string' || typeof since !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(since))
          continue;
        const known = ['queued', 'quota', 'time', 'error'] as const;
        const why = known.find((k) => k === reason) ?? 'queued';
        pending.push(
          typeof error === 'string' ? { key, since, reason: why, error } : { key, since, reason: why },
        );
      }
    }
  } catch {
    // keep empty
  }
  return { lastSent, pending };
}

export function serializeState(state: ReminderState): { lastSent: string; pending: string } {
  return { lastSent: JSON.stringify(state.lastSent), pending: JSON.stringify(state.pending) };
}

/**
 * Orders today's recipients and cuts at the quota.
 * @param recipients everyone with something to mail today (digests and summaries).
 * @param quota mails this run may send (remaining daily quota, already capped by any other limit).
 */
export function planSends(
  recipients: Recipient[],
  state: ReminderState,
  today: IsoDay,
  quota: number,
): SendPlan {
  const pendingSince = new Map(state.pending.map((entry) => [entry.key, entry]));
  const alreadySent: string[] = [];
  const due: (Recipient & { since: IsoDay })[] = [];
  const seen = new Set<string>();
  for (const recipient of recipients) {
    if (seen.has(recipient.key)) continue;
    seen.add(recipient.key);
    if (state.lastSent[recipient.key] === today) alreadySent.push(recipient.key);
    else {
      const earlier = pendingSince.get(recipient.key)?.since;
      due.push({ ...recipient, since: earlier && earlier < today ? earlier : today });
    }
  }
  due.sort(
    (a, b) =>
      a.since.localeCompare(b.since) ||
      Number(a.summary) - Number(b.summary) ||
      b.urgency - a.urgency ||
      a.key.localeCompare(b.key),
  );
  const cut = Math.max(0, Math.floor(quota));
  const send = due.slice(0, cut).map((r) => r.key);
  const held = due.slice(cut).map((r) => r.key);
  const previous = new Map(state.pending.map((entry) => [entry.key, entry]));
  const pending: PendingEntry[] = due.map((r, index) => {
    const before = previous.get(r.key);
    const reason = index < cut ? 'queued' : 'quota';
    const entry: PendingEntry = { key: r.key, since: r.since, reason };
    if (before?.error && reason === 'queued') entry.error = before.error;
    return entry;
  });
  return { send, alreadySent, held, state: { lastSent: pruneLastSent(state.lastSent, today), pending } };
}

/**
 * Only "sent today" matters for not sending twice; older dates are dropped so the property stays far below the
 * 9 KB per-value limit (yesterday is kept so a run just after midnight can still be explained).
 */
export function pruneLastSent(lastSent: Record<string, IsoDay>, today: IsoDay): Record<string, IsoDay> {
  const yesterday = addDaysIso(today, -1);
  const out: Record<string, IsoDay> = {};
  for (const [key, day] of Object.entries(lastSent)) if (day >= yesterday) out[key] = day;
  return out;
}

/** The state after `key` was mailed: recorded as sent today and no longer pending. */
export function markSent(state: ReminderState, key: string, today: IsoDay): ReminderState {
  return {
    lastSent: { ...state.lastSent, [key]: today },
    pending: state.pending.filter((entry) => entry.key !== key),
  };
}

/** The state after sending to `key` failed or was not attempted: pending, with why. */
export function markHeld(
  state: ReminderState,
  key: string,
  reason: PendingEntry['reason'],
  error?: string,
): ReminderState {
  return {
    lastSent: state.lastSent,
    pending: state.pending.map((entry) =>
      entry.key === key ? { key, since: entry.since, reason, ...(error ? { error } : {}) } : entry,
    ),
  };
}
