/**
 * SLA returns in the daily digests (issue 14 §3): the rep a lead was taken from for a missed SLA reads it in their
 * digest, and the managers in their team summary. The returns are the Assignment log's rows of the last day whose
 * reason is an SLA one (it starts with "SLA:" / "SLA：" in either language, src/core/i18n/catalog/routing.ts) and
 * that are not undone. Added to the digests after they are built, so a rep with nothing else due still hears.
 */
import type { ZoneDays } from '../dates';
import { cell, isBlankRow, type Table } from '../table';
import { instantOfCell } from '../assign/sla';
import type { LogKey } from '../assign/undo';
import type { DigestResult, RepDigest, TeamSummary } from './digest';
import type { ReminderInput } from './input';

export interface SlaReturn {
  customerId: string;
  customer: string;
  fromRep: string;
  toRep: string;
  reason: string;
}

/** An SLA reason as the log writes it, in either language. */
export const SLA_REASON = /^SLA\s*[:：]/;

/** The log's SLA returns at or after `sinceMs` that are not undone, in log order. */
export function slaReturnsFromLog(log: Table<LogKey>, zone: ZoneDays, sinceMs: number): SlaReturn[] {
  const out: SlaReturn[] = [];
  if (log.columns.reason === undefined || log.columns.fromRep === undefined) return out;
  for (const values of log.rows) {
    if (isBlankRow(values)) continue;
    const reason = String(cell(log, values, 'reason') ?? '').trim();
    if (!SLA_REASON.test(reason)) continue;
    const undone = cell(log, values, 'undone');
    if (
      undone === true ||
      (typeof undone === 'string' && undone.trim() !== '' && undone.trim().toLowerCase() !== 'false')
    )
      continue;
    const ms = instantOfCell(cell(log, values, 'time'), zone);
    if (ms === null || ms < sinceMs) continue;
    out.push({
      customerId: String(cell(log, values, 'customerId') ?? '').trim(),
      customer: String(cell(log, values, 'customer') ?? '').trim(),
      fromRep: String(cell(log, values, 'fromRep') ?? '')
        .trim()
        .toLowerCase(),
      toRep: String(cell(log, values, 'toRep') ?? '')
        .trim()
        .toLowerCase(),
      reason,
    });
  }
  return out;
}

/**
 * The digests with the SLA returns added: each previous rep's digest gets its own (a digest is made for an active,
 * present rep who had nothing else due), and every team summary gets them all (one is made for each summary
 * recipient, and for each manager when nobody receives a summary, so managers always hear of the returns).
 */
export function withSlaNotices(result: DigestResult, input: ReminderInput, todayDay: number): DigestResult {
  const returns = input.slaReturns ?? [];
  if (returns.length === 0) return result;
  const digests: RepDigest[] = result.digests.map((digest) => ({ ...digest }));
  const byRep = new Map(digests.map((digest) => [digest.rep, digest]));
  for (const item of returns) {
    let digest = byRep.get(item.fromRep);
    if (!digest) {
      const rep = input.reps.find((candidate) => candidate.email === item.fromRep);
      if (!rep || !rep.active || (rep.awayUntilDay !== null && rep.awayUntilDay >= todayDay)) continue;
      digest = {
        rep: rep.email,
        repName: rep.name || rep.email,
        locale: rep.language ?? input.settings.workbookLocale,
        overdue: [],
        dueToday: [],
        stale: [],
        upcoming: [],
        urgency: 0,
      };
      byRep.set(rep.email, digest);
      digests.push(digest);
    }
    digest.slaTaken = [...(digest.slaTaken ?? []), item];
  }
  const recipients =
    input.settings.summaryRecipients.length > 0 ? input.settings.summaryRecipients : input.settings.managers;
  const summaries: TeamSummary[] = result.summaries.map((summary) => ({ ...summary, slaReturns: returns }));
  for (const recipient of recipients) {
    if (summaries.some((summary) => summary.recipient === recipient)) continue;
    summaries.push({
      recipient,
      locale: input.reps.find((rep) => rep.email === recipient)?.language ?? input.settings.workbookLocale,
      lines: [],
      totals: { overdue: 0, dueToday: 0, stale: 0 },
      slaReturns: returns,
    });
  }
  return { ...result, digests, summaries };
}
