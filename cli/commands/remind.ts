/**
 * `salesdesk remind`: what today's reminder run would mail (each rep's digest, most urgent first, with the ones the
 * mail quota would hold back), or with --send the real run through the bundle's onDailyReminders into the
 * runtime's outbox. --now is wall-clock time in the spreadsheet's time zone unless it carries a zone.
 */
import type { LocalRuntime } from '../../runtime';
import { isValidTimeZone } from '../../src/core/dates';
import { costSummary, executionOptions, openRuntime, runEntry, saveIfAsked } from '../workbook';
import { CliUsageError, type CliCommand, type ParsedArgs } from '../types';

interface PreviewMail {
  to: string;
  key: string;
  subject: string;
  body: string;
  htmlBody: string;
  held: boolean;
  items: number;
}
interface Preview {
  today: string;
  timeZone: string;
  quota: number;
  mails: PreviewMail[];
  alreadySent: string[];
}
interface RunReport {
  today: string;
  timeZone: string;
  quotaBefore: number;
  sent: string[];
  alreadySent: string[];
  pending: { key: string; since: string; reason: string; error?: string }[];
  failed: { key: string; error: string }[];
  continuing?: boolean;
}

function flagText(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new CliUsageError(`--${name} needs a value`);
  return value;
}

async function open(args: ParsedArgs): Promise<LocalRuntime> {
  const timeZone = flagText(args, 'time-zone');
  if (timeZone !== undefined && !isValidTimeZone(timeZone))
    throw new CliUsageError(`--time-zone ${timeZone}: not an IANA time zone (e.g. Asia/Shanghai, UTC)`);
  const quotaText = flagText(args, 'quota');
  const mailQuota = quotaText === undefined ? undefined : Number(quotaText);
  if (mailQuota !== undefined && (!Number.isInteger(mailQuota) || mailQuota < 0))
    throw new CliUsageError(`--quota must be a whole number of recipients, not "${quotaText}"`);
  return openRuntime(args, { mailQuota, ...(timeZone ? { timeZone } : {}) });
}

export const command: CliCommand = {
  name: 'remind',
  summary: 'Show the reminder digests a run would mail now (or --send them into the local outbox).',
  usage:
    'salesdesk remind --in workbook.xlsx [--now 2026-11-23T09:00] [--time-zone Asia/Shanghai] [--quota 100] [--as manager@x] [--json] [--send [--out out.xlsx]]',
  flags: { 'time-zone': 'value', quota: 'value', send: 'boolean' },
  async run(args, io) {
    const rt = await open(args);
    if (args.flags.send === true) {
      // The run the daily trigger makes: installed for --as (or the owner) when the workbook has none.
      const [result] = rt.fireTrigger<RunReport>('onDailyReminders', {
        installAs: executionOptions(args, rt).user,
      });
      if (result.error) throw result.error;
      const report = result.value as RunReport;
      const saved = await saveIfAsked(rt, args);
      const mails = rt.mail.outbox.map((mail) => ({
        to: mail.to.join(', '),
        subject: mail.subject,
        body: mail.body,
      }));
      if (args.json) {
        io.stdout(
          JSON.stringify({ ...report, mails, saved: saved ?? null, cost: costSummary(result) }, null, 2),
        );
      } else {
        io.stdout(`Reminders for ${report.today} (${report.timeZone}): sent ${report.sent.length}.`);
        for (const mail of mails) io.stdout(`  → ${mail.to}: ${mail.subject}`);
        if (report.alreadySent.length) io.stdout(`Already sent today: ${report.alreadySent.join(', ')}`);
        for (const entry of report.pending)
          io.stdout(
            `Pending (${entry.reason}${entry.error ? `: ${entry.error}` : ''}): ${entry.key} since ${entry.since}`,
          );
        if (report.continuing)
          io.stdout('More digests are due: a continuation run was scheduled (runtime triggers).');
        if (saved) io.stdout(`Saved ${saved}`);
      }
      return report.failed.length > 0 ? 1 : 0;
    }
    const result = runEntry<Preview>(rt, 'apiPreviewReminders', [], args);
    const preview = result.value as Preview;
    if (args.json) {
      const mails = preview.mails.map(({ htmlBody: _html, ...mail }) => mail);
      io.stdout(JSON.stringify({ ...preview, mails, cost: costSummary(result) }, null, 2));
      return 0;
    }
    io.stdout(`Reminders for ${preview.today} (${preview.timeZone}), e-mail quota left ${preview.quota}:`);
    if (preview.mails.length === 0) io.stdout('  nobody has anything due: no mail would be sent.');
    for (const mail of preview.mails) {
      io.stdout('');
      io.stdout(`To: ${mail.to}${mail.held ? '   (held back: over the quota, goes first next run)' : ''}`);
      io.stdout(`Subject: ${mail.subject}`);
      io.stdout(mail.body);
    }
    if (preview.alreadySent.length) io.stdout(`\nAlready sent today: ${preview.alreadySent.join(', ')}`);
    return 0;
  },
};
