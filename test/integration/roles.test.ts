/**
 * Roles and permissions through the built bundle (README "Roles and permissions"): managers added after set-up
 * (by Load sample data, or typed into Settings by hand) can assign and undo; a rep calling any entry point that is
 * not for reps changes nothing and mails nobody; the protected sheets refuse a rep at row 5 and row 5 000 alike;
 * the CLI refuses with one line.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { parseArgs } from '../../cli/args';
import { main } from '../../cli/salesdesk';
import { sampleWorkbookRuntime } from '../support/built-workbooks';

const NOW = '2026-11-23T10:00:00+08:00';
const OWNER = 'owner@example.com';
const SAMPLE_MANAGER = 'wang.fang@example.com';
const NEW_MANAGER = 'new.boss@example.com';

interface Preview {
  token: string;
  assigned: number;
}
interface Confirm {
  status: string;
  assigned: number;
  runId: string;
}

async function sampleWorkbook(): Promise<LocalRuntime> {
  return sampleWorkbookRuntime({ owner: OWNER, now: NOW });
}

function column(rt: LocalRuntime, sheet: string, header: string): unknown[] {
  const [head, ...rows] = rt.workbook.sheetValues(sheet);
  const index = head.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return rows.map((row) => row[index]);
}

function activeRep(rt: LocalRuntime): string {
  const [head, ...rows] = rt.workbook.sheetValues('Reps');
  const [email, role, active] = ['E-mail', 'Role', 'Active'].map((h) => head.indexOf(h));
  return String(rows.find((row) => row[role] === 'Rep' && row[active] === true)?.[email]);
}

/** Sheet row (1-based) of Settings → managers. */
function managersRow(rt: LocalRuntime): number {
  return rt.workbook.sheetValues('Settings').findIndex((row) => row[0] === 'managers') + 1;
}

/** Assigns as `user`: preview, confirm, then checks the log grew by exactly the owners that changed. */
function assignAs(rt: LocalRuntime, user: string): Confirm {
  const ownersBefore = column(rt, 'Customers', 'Owner');
  const logBefore = rt.workbook.sheetValues('Assignment log').length;
  const plan = rt.call<Preview>('apiPreviewAssignment', undefined, { user });
  expect(plan.assigned).toBeGreaterThan(0);
  const done = rt.call<Confirm>('apiConfirmAssignment', plan.token, { user });
  expect(done.status).toBe('done');
  const ownersAfter = column(rt, 'Customers', 'Owner');
  const changed = ownersAfter.filter((owner, i) => owner !== ownersBefore[i]).length;
  expect(changed).toBe(done.assigned);
  expect(rt.workbook.sheetValues('Assignment log').length - logBefore).toBe(changed);
  return done;
}

/** Everything a run could change: cell values, protections, properties, triggers, mail. */
function snapshot(rt: LocalRuntime): string {
  return JSON.stringify([
    rt.workbook.data.sheets.map((sheet) => [sheet.name, rt.workbook.sheetValues(sheet.name)]),
    rt.workbook.data.protections,
    [...rt.properties.document.entries()],
    rt.triggers.all.map((t) => [t.handler, t.owner]),
    rt.mail.outbox.length,
  ]);
}

describe('managers added after set-up', () => {
  it('the sample manager (added by Load sample data) previews and confirms; log rows equal owners changed', async () => {
    const rt = await sampleWorkbook();
    assignAs(rt, SAMPLE_MANAGER);
  });

  it('a manager typed into Settings by hand is made an editor at once, and previews, confirms and undoes', async () => {
    const rt = await sampleWorkbook();
    const row = managersRow(rt);
    const cell = `B${row}`;
    const current = String(rt.workbook.sheetValues('Settings')[row - 1][1]);
    // The owner types the new manager; the on-edit trigger set-up installed syncs the protections' editors.
    const [edit] = rt.edit('Settings', cell, `${current}, ${NEW_MANAGER}`, { user: OWNER });
    expect(edit.error).toBeUndefined();
    expect(edit.value).toEqual({ settings: true, synced: true });
    const before = column(rt, 'Customers', 'Owner');
    const done = assignAs(rt, NEW_MANAGER);
    rt.execute('menuUndoLastAssignment', [], { user: NEW_MANAGER });
    expect(rt.ui.alerts.at(-1)?.prompt).toContain(done.runId);
    expect(column(rt, 'Customers', 'Owner')).toEqual(before);
  });

  it('a manager removed from Settings loses the protected sheets and the manager actions', async () => {
    const rt = await sampleWorkbook();
    const row = managersRow(rt);
    rt.edit('Settings', `B${row}`, OWNER, { user: OWNER });
    expect(() => rt.edit('Settings', 'B2', 1, { user: SAMPLE_MANAGER })).toThrow(/protected/);
    const refused = rt.execute('apiPreviewAssignment', [], { user: SAMPLE_MANAGER });
    expect(refused.error?.message).toBe(
      `Only a manager can do this. Managers: ${OWNER}. Ask one of them to run it.`,
    );
  });

  it('a manager typed in while no trigger syncs is told who can fix it, and nothing is written', async () => {
    const rt = await sampleWorkbook();
    // The on-edit trigger is gone (turned off by hand): the new manager is in Settings but not an editor yet.
    rt.triggers.all.splice(0, rt.triggers.all.length);
    const row = managersRow(rt);
    const current = String(rt.workbook.sheetValues('Settings')[row - 1][1]);
    rt.edit('Settings', `B${row}`, `${current}, ${NEW_MANAGER}`, { user: OWNER });
    const before = snapshot(rt);
    const plan = rt.call<Preview>('apiPreviewAssignment', undefined, { user: NEW_MANAGER });
    const refused = rt.execute('apiConfirmAssignment', [plan.token], { user: NEW_MANAGER });
    expect(refused.error?.message).toMatch(
      /^Nothing was changed: you cannot edit Assignment log \(protected\)\./,
    );
    expect(refused.error?.message).toContain(OWNER);
    expect(snapshot(rt)).toBe(before);
    // Any action of the owner makes them an editor; then the same confirm works.
    rt.execute('apiListBackups', [], { user: OWNER });
    assignAs(rt, NEW_MANAGER);
  });
});

describe('a deleted Settings sheet', () => {
  it('only the owner may re-create it: a manager running Set up is refused and becomes nobody', async () => {
    const rt = await sampleWorkbook();
    const settings = rt.workbook.sheetByName('Settings')!;
    rt.workbook.deleteSheet(settings.id);
    rt.execute('menuSetupWorkbook', [], { user: SAMPLE_MANAGER });
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(
      `The Settings sheet is missing. Only the spreadsheet owner (${OWNER}) can re-create it with Set up workbook.`,
    );
    expect(rt.workbook.sheetByName('Settings')).toBeUndefined();
    const repaired = rt.execute<{ ok: boolean }>('menuSetupWorkbook', [], { user: OWNER });
    expect(repaired.value?.ok).toBe(true);
    expect(String(rt.workbook.sheetValues('Settings')[managersRow(rt) - 1][1])).toBe(OWNER);
  });
});

describe('a rep', () => {
  it('calling every entry point of dist/Code.js that is not for reps changes no cell and sends no mail', async () => {
    const rt = await sampleWorkbook();
    const rep = activeRep(rt);
    const before = snapshot(rt);
    const ownerTrigger = rt.triggers.all[0].id; // the owner's on-edit trigger: not the rep's
    const crafted = {
      triggerUid: ownerTrigger,
      namedValues: { Company: ['Mine Co'], Owner: [rep], 'Total purchases': ['999999'] },
    };
    const notForReps = rt.manifest.entryPoints.filter((name) =>
      ['manager', 'trigger'].includes(rt.manifest.audiences?.[name] ?? ''),
    );
    expect(notForReps).toEqual(
      expect.arrayContaining([
        'apiConfirmAssignment',
        'onFormSubmitAssign',
        'onDailyReminders',
        'menuSetupWorkbook',
      ]),
    );
    for (const name of notForReps) {
      for (const args of [[], [crafted], [{}]]) {
        rt.execute(name, args, { user: rep });
        expect([name, snapshot(rt)]).toEqual([name, before]);
      }
    }
  });

  it('is refused on Reps, Settings, Lists and the Assignment log, at row 5 and at row 5 000 alike', async () => {
    const rt = await sampleWorkbook();
    const rep = activeRep(rt);
    for (const sheet of ['Reps', 'Settings', 'Lists', 'Assignment log']) {
      const data = rt.workbook.sheetByName(sheet)!;
      rt.workbook.growRows(data, 5000);
      for (const cell of ['C5', 'C5000']) {
        expect(() => rt.edit(sheet, cell, '50', { user: rep })).toThrow(/protected cell/);
      }
      // A manager may.
      rt.edit(sheet, 'Z5000', 'ok', { user: SAMPLE_MANAGER });
    }
  });

  it('computed and ID columns are protected as whole columns (warning only), with no row limit', async () => {
    const rt = await sampleWorkbook();
    const ranges = rt.workbook.data.protections.filter((p) => p.type === 'RANGE');
    expect(ranges.length).toBeGreaterThan(0);
    for (const protection of ranges)
      expect([protection.description, protection.openRows, protection.warningOnly]).toEqual([
        protection.description,
        true,
        true,
      ]);
    const hard = rt.workbook.data.protections.filter((p) => !p.warningOnly);
    expect(hard.map((p) => rt.workbook.data.sheets.find((s) => s.id === p.sheetId)?.name).sort()).toEqual([
      'Assignment log',
      'Lists',
      'Reps',
      'Settings',
    ]);
  });
});

describe('a Reps e-mail cell holding a list', () => {
  it('is refused by the reminders as by Assign leads: no digest reaches the second address', async () => {
    const rt = await sampleWorkbook();
    const [head, ...rows] = rt.workbook.sheetValues('Reps');
    const emailColumn = head.indexOf('E-mail');
    const sentBefore = (await sampleWorkbook()).fireTrigger<{ sent: string[] }>('onDailyReminders', {
      installAs: OWNER,
    })[0].value?.sent;
    // A rep who gets a digest on a normal day.
    const index = rows.findIndex((row) => sentBefore?.includes(String(row[emailColumn])));
    expect(index).toBeGreaterThanOrEqual(0);
    const rep = String(rows[index][emailColumn]);
    const cell = `${String.fromCharCode(65 + emailColumn)}${index + 2}`;
    rt.edit('Reps', cell, `${rep}, outside@elsewhere.example`, { user: OWNER });
    const [run] = rt.fireTrigger<{ sent: string[] }>('onDailyReminders', { installAs: OWNER });
    expect(run.error).toBeUndefined();
    expect(run.value?.sent).not.toContain(rep);
    expect(rt.mail.outbox.flatMap((mail) => mail.to).join(' ')).not.toContain('outside@elsewhere.example');
    const plan = rt.call<{ repProblems?: unknown[] }>('apiPreviewAssignment', undefined, { user: OWNER });
    expect(JSON.stringify(plan)).toContain('outside@elsewhere.example');
  });
});

describe('the CLI', () => {
  it('assign --as a rep prints one clear line, no stack trace', async () => {
    const rt = await sampleWorkbook();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-roles-'));
    const input = path.join(dir, 'in.xlsx');
    await rt.saveXlsx(input);
    const rep = activeRep(rt);
    const errors: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      errors.push(String(chunk));
      return true;
    });
    try {
      const code = await main(['assign', '--in', input, '--as', rep, '--now', NOW]);
      expect(code).not.toBe(0);
    } finally {
      spy.mockRestore();
    }
    const text = errors.join('');
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toMatch(
      /^salesdesk: Only a manager can do this\. Managers: owner@example\.com, wang\.fang@example\.com\./,
    );
    expect(parseArgs(['assign']).command).toBe('assign');
  });
});
