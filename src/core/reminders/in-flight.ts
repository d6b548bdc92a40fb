/**
 * Digests "in flight": what a reminder run was about to send when it last wrote its state. A run writes its state
 * (who was sent, who is pending) in one property write before the first send, at checkpoints, and at the end; a
 * hard stop between two writes (the 6-minute kill, a failed final write) leaves some sends unrecorded. So every
 * write but the last also records, atomically with the state, the digests not yet attempted in send order, and the
 * mail quota the sender will have left if none of them goes out. The next run of the same sender and day reads the
 * quota again: each recipient it has lost since was a digest of that list that went out, in order. Those are marked
 * sent and the rest stay to be sent — nobody twice, nobody dropped. Another user's run cannot read that quota (it
 * is per user): it leaves those digests alone and keeps their record for the sender's next run that day; if there
 * is none, they are skipped that day (never twice comes first; their overdue items are in tomorrow's digest).
 */
import type { IsoDay } from '../dates';
import { markSent, type ReminderState } from './plan';

export interface InFlight {
  day: IsoDay;
  /** Whose MailApp quota `quota` is (the effective user: the trigger's owner in a trigger). */
  user: string;
  /** The quota left before the first of `keys` is sent. */
  quota: number;
  /** Digests not attempted yet, in send order; each goes to one address, so costs one recipient of the quota. */
  keys: string[];
}

/** The stored form ('' for none). */
export function serializeInFlight(records: readonly InFlight[]): string {
  const kept = records.filter((record) => record.keys.length > 0);
  return kept.length > 0 ? JSON.stringify(kept) : '';
}

/** The stored records; a damaged value reads as none. */
export function parseInFlight(text: string | null | undefined): InFlight[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return (value as Partial<InFlight>[]).flatMap((record) =>
      record &&
      typeof record.day === 'string' &&
      typeof record.user === 'string' &&
      typeof record.quota === 'number' &&
      Array.isArray(record.keys)
        ? [
            {
              day: record.day,
              user: record.user,
              quota: record.quota,
              keys: record.keys.filter((key): key is string => typeof key === 'string'),
            },
          ]
        : [],
    );
  } catch {
    return [];
  }
}

export interface Resolution {
  state: ReminderState;
  /** Digests found to have gone out (marked sent). */
  sent: string[];
  /** Digests found not to have gone out (left to this run). */
  unsent: string[];
  /** Another sender's digests in flight: this run neither sends them nor settles them; they stay recorded. */
  doubtful: string[];
  /** The records to keep (another sender's, today's). */
  carried: InFlight[];
}

/**
 * Settles earlier runs' digests in flight against the quota now.
 * @param quotaNow `MailApp.getRemainingDailyQuota()` of `user`, read by this run before it sends anything.
 */
export function resolveInFlight(
  state: ReminderState,
  records: readonly InFlight[],
  now: { today: IsoDay; user: string; quotaNow: number },
): Resolution {
  let next = state;
  const out: Resolution = { state, sent: [], unsent: [], doubtful: [], carried: [] };
  for (const record of records) {
    // Another day: yesterday's digest is superseded by today's, whatever happened to it.
    if (record.day !== now.today || record.keys.length === 0) continue;
    if (record.user !== now.user) {
      // Another sender's quota cannot be read here: leave their digests to their own next run.
      out.carried.push(record);
      out.doubtful.push(...record.keys);
      continue;
    }
    // Sends happen in order and the run stopped at the first that did not happen: the first `used` went out.
    // A quota that went up (reset) tells nothing: the digests count as sent, never twice.
    const used = record.quota - now.quotaNow;
    const gone = used < 0 ? record.keys.length : Math.min(used, record.keys.length);
    for (const key of record.keys.slice(0, gone)) next = markSent(next, key, now.today);
    out.sent.push(...record.keys.slice(0, gone));
    out.unsent.push(...record.keys.slice(gone));
  }
  out.state = next;
  return out;
}
