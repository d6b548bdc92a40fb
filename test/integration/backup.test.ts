/**
 * Back up now: each run copies the workbook into a dated spreadsheet (in the local runtime a copy on the store,
 * written out as .xlsx), keeps the newest N of Settings → backupKeep and moves older ones to the trash.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { sampleWorkbookRuntime } from '../support/built-workbooks';

const OWNER = { user: 'owner@example.com', locale: 'en' };

test('backups are dated copies, the newest N kept, and each opens with the data of its moment', async () => {
  const rt = await sampleWorkbookRuntime({
    owner: OWNER.user,
    locale: OWNER.locale,
    now: '2026-11-20T18:00:00+08:00',
  });
  const settings = rt.workbook.sheetValues('Settings');
  const keepRow = settings.findIndex((row) => row[0] === 'backupKeep');
  expect(keepRow).toBeGreaterThan(0);
  // A manager keeps two backups, typed into Settings by hand.
  rt.edit('Settings', `B${keepRow + 1}`, 2, { user: OWNER.user });

  for (const day of ['2026-11-20', '2026-11-21', '2026-11-22']) {
    rt.clock.set(new Date(`${day}T18:00:00+08:00`));
    const run = rt.execute('menuBackupNow', [], OWNER);
    expect(run.error).toBeUndefined();
  }
  const backups = rt.call<{ name: string; id: string }[]>('apiListBackups', undefined, OWNER);
  expect(backups).toHaveLength(2);
  expect(backups[0].name).toContain('2026-11-21');
  expect(backups[1].name).toContain('2026-11-22');
  expect(rt.drive.trashed.size).toBe(1);
  expect(rt.drive.liveCopies().map((copy) => copy.data.id)).toEqual(backups.map((b) => b.id));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-backups-'));
  const files = await rt.saveCopiesXlsx(dir);
  expect(files).toHaveLength(2);
  const restored = await LocalRuntime.fromXlsx(files[1]);
  expect(restored.workbook.sheetValues('Customers').length).toBe(rt.workbook.sheetValues('Customers').length);

  const rep = String(rt.workbook.sheetValues('Reps')[1][1]);
  rt.execute('menuBackupNow', [], { user: rep, locale: 'en' });
  expect(rt.call<unknown[]>('apiListBackups', undefined, OWNER)).toHaveLength(2);
});
