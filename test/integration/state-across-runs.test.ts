/**
 * Separate `salesdesk` runs on one .xlsx behave as days of one real spreadsheet: document properties travel with
 * the file (runtime/index.ts documentState), so rotation continues across runs, undo works after reopening,
 * reminders go once a day, and backup retention counts the backups of earlier runs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DriveFolder, LocalRuntime } from '../../runtime';
import { parseArgs } from '../../cli/args';
import { command as assign } from '../../cli/commands/assign';
import { command as remind } from '../../cli/commands/remind';
import { command as backup } from '../../cli/commands/backup';
import type { CliCommand } from '../../cli/types';
import { SHEETS } from '../../templates';
import { assignRuntime, leads, MANAGER, records, type Row } from './assign/fixture';
import { day, reps, runtimeWith } from './reminders-fixture';

jest.setTimeout(300_000);

async function cli(cmd: CliCommand, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cmd.run(parseArgs([cmd.name, ...argv]), {
    stdout: (text) => void (out += text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => void (err += text),
  });
  return { code, out, err };
}

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-state-'));

const WEIGHTED_REPS: Row[] = [
  { name: 'Ann', email: 'ann@example.com', active: true, role: 'Rep', weight: 3, capacity: '' },
  { name: 'Bob', email: 'bob@example.com', active: true, role: 'Rep', weight: 2, capacity: '' },
  { name: 'Cui', email: 'cui@example.com', active: true, role: 'Rep', weight: 1, capacity: '' },
];
const WEIGHTS: Record<string, number> = { 'ann@example.com': 3, 'bob@example.com': 2, 'cui@example.com': 1 };

/** Appends new leads to the saved workbook, as someone typing them in between two runs. */
async function addLeads(file: string, count: number, start: number): Promise<void> {
  const rt = await LocalRuntime.fromXlsx(file);
  const sheet = rt.workbook.requireSheet(SHEETS.customers.names.en);
  const columns = SHEETS.customers.columns.map((column) => column.key);
  const rows = leads(count, start).map((lead) => columns.map((key) => lead[key] ?? ''));
  const at = rt.workbook.lastRow(sheet) + 1;
  rt.workbook.growRows(sheet, at + count);
  rt.workbook.writeValues(sheet, { row: at, column: 1, numRows: count, numColumns: columns.length }, rows);
  await rt.saveXlsx(file);
}

async function owners(file: string): Promise<string[]> {
  return records(await LocalRuntime.fromXlsx(file), 'customers').map((c) => String(c.owner));
}

describe('salesdesk assign across separate runs', () => {
  const dir = tmp();
  const file = path.join(dir, 'book.xlsx');
  // Run sizes that are not multiples of the 3+2+1 cycle, on successive days.
  const sizes = [1, 1, 1, 1, 1, 1, 4, 5, 2, 7, 1, 3];

  it('keeps every rep within one lead of its 3:2:1 share after every run', async () => {
    const rt = await assignRuntime({ reps: WEIGHTED_REPS, customers: [], spareRows: 5 });
    await rt.saveXlsx(file);
    let total = 0;
    for (const [index, size] of sizes.entries()) {
      await addLeads(file, size, total + 1);
      const now = `2026-11-${String(10 + index).padStart(2, '0')}T10:00:00+08:00`;
      const run = await cli(assign, ['--in', file, '--out', file, '--as', MANAGER, '--now', now, '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).result).toMatchObject({ status: 'done', assigned: size });
      total += size;
      const all = await owners(file);
      expect(all.filter((owner) => owner === '')).toHaveLength(0);
      for (const [email, weight] of Object.entries(WEIGHTS)) {
        const count = all.filter((owner) => owner === email).length;
        // Without the saved rotation the first six one-lead runs all went to Ann.
        expect(Math.abs(count - (total * weight) / 6)).toBeLessThan(1);
      }
    }
    expect(total).toBe(28);
  });

  it('undoes the last run after reopening the file', async () => {
    const before = await owners(file);
    const run = await cli(assign, [
      '--in',
      file,
      '--out',
      file,
      '--as',
      MANAGER,
      '--undo',
      '--now',
      '2026-11-22T11:00:00+08:00',
    ]);
    expect(run.code).toBe(0);
    const after = await owners(file);
    const last = sizes[sizes.length - 1];
    expect(after.slice(0, -last)).toEqual(before.slice(0, -last));
    expect(after.slice(-last)).toEqual(Array(last).fill(''));
    const log = records(await LocalRuntime.fromXlsx(file), 'assignmentLog');
    expect(log.filter((entry) => entry.undone === true)).toHaveLength(last);
    // Undone once: a second undo has the run before it, not the same run again.
    const again = await cli(assign, [
      '--in',
      file,
      '--as',
      MANAGER,
      '--undo',
      '--now',
      '2026-11-22T11:05:00+08:00',
      '--json',
    ]);
    expect(JSON.parse(again.out).undo).not.toBeNull();
  });
});

describe('salesdesk remind --send across separate runs', () => {
  it('sends each digest once a day, however often it runs', async () => {
    const dir = tmp();
    const file = path.join(dir, 'book.xlsx');
    const rt = await runtimeWith(
      {
        customers: [{ id: 'C1', company: 'Acme', owner: 'rep01@example.com' }],
        followups: [
          {
            id: 'F-1',
            customerId: 'C1',
            time: day('2026-11-01'),
            nextDate: day('2026-11-20'),
            rep: 'rep01@example.com',
          },
        ],
        reps: reps(1),
        settings: { managers: 'boss@example.com', managerTeamSummary: false, reminderLookAheadDays: 0 },
      },
      { timeZone: 'Asia/Shanghai' },
    );
    await rt.saveXlsx(file);
    const send = async (
      now: string,
    ): Promise<{ sent: string[]; alreadySent: string[]; mails: unknown[] }> => {
      const run = await cli(remind, ['--in', file, '--out', file, '--send', '--now', now, '--json']);
      expect(run.code).toBe(0);
      return JSON.parse(run.out) as { sent: string[]; alreadySent: string[]; mails: unknown[] };
    };
    expect((await send('2026-11-23T09:10')).sent).toEqual(['rep01@example.com']);
    const second = await send('2026-11-23T09:40');
    expect(second.sent).toEqual([]);
    expect(second.mails).toEqual([]);
    expect(second.alreadySent).toEqual(['rep01@example.com']);
    // The next day it is due again.
    expect((await send('2026-11-24T09:10')).sent).toEqual(['rep01@example.com']);
  });
});

describe('salesdesk backup across separate runs', () => {
  it('with backupKeep=1 keeps one backup and moves the earlier one to the trash', async () => {
    const dir = tmp();
    const file = path.join(dir, 'book.xlsx');
    const backups = path.join(dir, 'backups');
    const owner = 'owner@salesdesk.example';
    const rt = await LocalRuntime.create({ owner, now: '2026-11-20T18:00:00+08:00' });
    expect(rt.execute('menuSetupWorkbook', [], { user: owner }).error).toBeUndefined();
    const keepRow = rt.workbook.sheetValues('Settings').findIndex((row) => row[0] === 'backupKeep');
    rt.edit('Settings', `B${keepRow + 1}`, 1, { user: owner });
    await rt.saveXlsx(file);

    const files = (): string[] => fs.readdirSync(backups).filter((name) => name.endsWith('.xlsx'));
    for (const [index, now] of [
      '2026-11-20T18:00:00+08:00',
      '2026-11-21T18:00:00+08:00',
      '2026-11-22T18:00:00+08:00',
    ].entries()) {
      const run = await cli(backup, ['--in', file, '--out', file, '--dir', backups, '--now', now, '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.out).trashed).toHaveLength(index === 0 ? 0 : 1);
      expect(files()).toHaveLength(1);
    }
    expect(files()[0]).toContain('2026-11-22');
    expect(fs.readdirSync(path.join(backups, '.trash'))).toHaveLength(2);
    const reopened = await LocalRuntime.fromXlsx(file);
    const list = reopened.call<{ name: string }[]>('apiListBackups', undefined, { user: owner });
    expect(list.map((entry) => DriveFolder.fileNameOf(entry.name))).toEqual(files());
  });
});
