/**
 * A reminder run, decided in plain TypeScript: from the workbook's records, today's date, the stored state and the
 * mail quota to the ordered list of e-mails to send. The server only reads the sheets, sends, and records.
 */
import { dayNumberOfIso, type IsoDay } from '../dates';
import {
  buildDigests,
  type DigestOptions,
  type DigestResult,
  type RepDigest,
  type TeamSummary,
} from './digest';
import { renderDigest, renderTeamSummary, type EmailMessage } from './email';
import type { ReminderInput } from './input';
import { planSends, teamKey, type Recipient, type ReminderState, type SendPlan } from './plan';
import { withSlaNotices } from './sla';

export * from './digest';
export * from './email';
export * from './input';
export * from './plan';
export * from './sla';

export interface RunOptions {
  today: IsoDay;
  spreadsheetUrl: string;
  sheetIds: DigestOptions['sheetIds'];
  /** Mails this run may send. */
  quota: number;
}

export interface ReminderRun extends DigestResult {
  plan: SendPlan;
  /** The e-mail for a recipient key of the plan (rendered on demand: only what is sent is built). */
  message(key: string): EmailMessage;
}

/** Decides today's reminders. */
export function prepareReminderRun(
  input: ReminderInput,
  state: ReminderState,
  options: RunOptions,
): ReminderRun {
  const todayDay = dayNumberOfIso(options.today);
  const built = buildDigests(input, {
    today: options.today,
    todayDay,
    spreadsheetUrl: options.spreadsheetUrl,
    sheetIds: options.sheetIds,
  });
  // Issue 14 §3: leads taken back for a missed SLA, told to the rep who held them and to the managers.
  const result = withSlaNotices(built, input, todayDay);
  const digests = new Map<string, RepDigest>(result.digests.map((d) => [d.rep, d]));
  const summaries = new Map<string, TeamSummary>(result.summaries.map((s) => [teamKey(s.recipient), s]));
  const recipients: Recipient[] = [
    ...result.digests.map((d) => ({ key: d.rep, urgency: d.urgency, summary: false })),
    ...result.summaries.map((s) => ({ key: teamKey(s.recipient), urgency: 0, summary: true })),
  ];
  const plan = planSends(recipients, state, options.today, options.quota);
  const heldSince = new Map(plan.state.pending.map((entry) => [entry.key, entry.since]));
  return {
    ...result,
    plan,
    message(key: string): EmailMessage {
      const digest = digests.get(key);
      if (digest) return renderDigest(digest, options.today, heldSince.get(key));
      const summary = summaries.get(key);
      if (summary) return renderTeamSummary(summary, options.today);
      throw new Error(`no reminder for ${key}`);
    },
  };
}
