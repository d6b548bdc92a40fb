/**
 * `salesdesk remind` over an .xlsx workbook: --json prints the digests a run would send at --now (wall-clock time in
 * the spreadsheet's zone) without sending; --send runs the daily trigger handler into the runtime's outbox.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from '../../cli/args';
import { command } from '../../cli/commands/remind';
import { day, reps, runtimeWith } from './reminders-fixture';

jest.setTimeout(120_000);

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await command.run(parseArgs(['remind', ...argv]), {
    stdout: (text) => (out += `${text}\n`),
    stderr: (text) => (out += text),
  });
  return { code, out };
}

test('remind --json previews, remind --send mails', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-remind-cli-'));
  const file = path.join(dir, 'in.xlsx');
  const rt = await runtimeWith(
    {
      customers: [
        { id: 'C1', company: 'Acme', phone: '+86 1', owner: 'rep01@example.com' },
        { id: 'C2', company: 'Beta', owner: 'rep02@example.com' },
      ],
      followups: [
        {
          id: 'F-1',
          customerId: 'C1',
          time: day('2026-11-01'),
          nextDate: day('2026-11-21'),
          rep: 'rep01@example.com',
        },
        {
          id: 'F-2',
          customerId: 'C2',
          time: day('2026-11-01'),
          nextDate: day('2026-11-24'),
          rep: 'rep02@example.com',
        },
      ],
      reps: reps(2),
      settings: { managers: 'boss@example.com', managerTeamSummary: false, reminderLookAheadDays: 0 },
    },
    { timeZone: 'Asia/Shanghai' },
  );
  await rt.saveXlsx(file);

  // 09:00 on the 23rd in Shanghai (01:00 UTC).
  const preview = await run([
    '--in',
    file,
    '--now',
    '2026-11-23T09:00',
    '--json',
    '--as',
    'boss@example.com',
  ]);
  expect(preview.code).toBe(0);
  const json = JSON.parse(preview.out) as {
    today: string;
    mails: { to: string; subject: string; held: boolean }[];
  };
  expect(json.today).toBe('2026-11-23');
  expect(json.mails.map((m) => [m.to, m.subject, m.held])).toEqual([
    ['rep01@example.com', 'SalesDesk follow-ups for 2026-11-23: 1 overdue', false],
  ]);

  // The next day both are due; a quota of 1 holds the less urgent one back.
  const out = path.join(dir, 'out.xlsx');
  const sent = await run([
    '--in',
    file,
    '--now',
    '2026-11-24T09:30',
    '--send',
    '--quota',
    '1',
    '--json',
    '--out',
    out,
  ]);
  expect(sent.code).toBe(0);
  const report = JSON.parse(sent.out) as {
    sent: string[];
    pending: { key: string }[];
    mails: { to: string }[];
  };
  expect(report.sent).toEqual(['rep01@example.com']);
  expect(report.mails.map((m) => m.to)).toEqual(['rep01@example.com']);
  expect(report.pending.map((p) => p.key)).toEqual(['rep02@example.com']);
  expect(fs.existsSync(out)).toBe(true);

  // A bad --now is the user's mistake: a usage error, never a run at some other time.
  await expect(run(['--in', file, '--now', 'tomorrow'])).rejects.toThrow('--now');
  await expect(run(['--in', file, '--time-zone', 'Mars/Base'])).rejects.toThrow('--time-zone');
});
