/**
 * State that can grow, and mail after commit (issue 10), through the built bundle: 1 000 reps with long e-mails in
 * one pool (the rotation pointer far past a property's 9 KB), undo data keeping every reassign mark of a run with
 * thousands of them, notices that never turn a committed run into a failure (800 reps, a failing quota call, a
 * failing send) and are sent later from the recorded list, and a confirm that needs a new look only when the
 * leads it planned were taken. The 100 000- and 200 000-lead runs are in `npm run bench` (bench/cases/assign.ts).
 */
import type { LocalRuntime } from '../../runtime';
import { SHEETS } from '../../templates';
import {
  assignRuntime,
  assignState,
  DEFAULT_REPS,
  leads,
  MANAGER,
  records,
  STATE_SHEET,
  type Row,
} from './assign/fixture';

jest.setTimeout(300_000);

interface Confirm {
  status: 'done' | 'changed' | 'nothing';
  message: string;
  runId?: string;
  mail?: { sent: string[]; skipped: string[]; failed: { rep: string }[]; deferred: string[] };
}

function preview(rt: LocalRuntime): { token: string; assigned: number } {
  return rt.call('apiPreviewAssignment', undefined, { user: MANAGER });
}
function confirm(rt: LocalRuntime, token: string): Confirm {
  return rt.call<Confirm>('apiConfirmAssignment', token, { user: MANAGER });
}
function ownership(rt: LocalRuntime): unknown[][] {
  return records(rt, 'customers').map((c) => [c.id, c.owner, c.reassign]);
}

/** `count` reps, each e-mail 47 characters long (as in the issue). */
function manyReps(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const local = `sales.representative.${String(i).padStart(4, '0')}`;
    const email = `${local}@${'x'.repeat(47 - local.length - 13)}.example.com`;
    return { name: `Rep ${i}`, email, active: true, role: 'Rep', weight: 1 + (i % 2) };
  });
}

describe('state that can grow', () => {
  it('1 000 reps in one pool: the rotation keeps every rep, continues across runs, undo rewinds it', async () => {
    const reps = manyReps(1000);
    expect(reps.every((rep) => String(rep.email).length === 47)).toBe(true);
    const rt = await assignRuntime({ reps, customers: leads(1500), spareRows: 300 }, { mailQuota: 1500 });
    const first = confirm(rt, preview(rt).token);
    expect(first.status).toBe('done');
    const pointer = assignState(rt).rotation.team;
    expect(Object.keys(pointer)).toHaveLength(1000);
    expect(JSON.stringify(pointer).length).toBeGreaterThan(9 * 1024 * 5); // far past one property's 9 KB
    // Weighted shares within one lead: weight 2 reps got 2, weight 1 reps 1 (1 500 leads, total weight 1 500).
    const counts = new Map<string, number>();
    for (const c of records(rt, 'customers'))
      counts.set(String(c.owner), (counts.get(String(c.owner)) ?? 0) + 1);
    reps.forEach((rep) => expect(counts.get(String(rep.email)) ?? 0).toBe(rep.weight));
    // The state sheet holds it in several cells; no document property was needed.
    expect(rt.workbook.sheetValues(STATE_SHEET).filter((row) => row[0] !== '').length).toBeGreaterThan(2);
    expect([...rt.properties.document.keys()].filter((k) => k.startsWith('salesdesk.assign'))).toEqual([]);

    const before = ownership(rt);
    const rotationBefore = assignState(rt).rotation;
    appendLeads(rt, 300, 1501);
    const beforeSecond = ownership(rt);
    expect(confirm(rt, preview(rt).token).status).toBe('done');
    expect(ownership(rt)).not.toEqual(before);
    rt.execute('menuUndoLastAssignment', [], { user: MANAGER });
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(
      /^Undid run .*: 300 customers have their previous owner again\.$/,
    );
    expect(ownership(rt)).toEqual(beforeSecond);
    expect(assignState(rt).rotation).toEqual(rotationBefore);
  });

  it('undo restores every reassign mark of a run with thousands of them, and names the run', async () => {
    const customers = leads(6000, 1, (i) =>
      i % 3 === 0
        ? { owner: '', reassign: true }
        : i % 3 === 1
          ? { owner: 'eve@example.com', reassign: true }
          : {},
    );
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers });
    const before = ownership(rt);
    const result = confirm(rt, preview(rt).token);
    expect(result.status).toBe('done');
    expect(assignState(rt).lastRun?.markedWithoutOwner).toHaveLength(2000);
    expect(records(rt, 'customers').every((c) => c.owner !== '' && c.reassign === false)).toBe(true);
    rt.execute('menuUndoLastAssignment', [], { user: MANAGER });
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(
      `Undid run ${result.runId}: 6000 customers have their previous owner again.`,
    );
    expect(ownership(rt)).toEqual(before); // all 4 000 ticks back, not 50
  });
});

describe('mail after commit', () => {
  it('800 reps: the run is done, reps past one execution’s share are recorded and sent later', async () => {
    const reps = manyReps(800).map((rep) => ({ ...rep, weight: 1 }));
    const rt = await assignRuntime({ reps, customers: leads(800) }, { mailQuota: 1500 });
    const result = confirm(rt, preview(rt).token);
    expect(result.status).toBe('done');
    expect(result.mail?.sent).toHaveLength(200);
    expect(result.mail?.deferred).toHaveLength(600);
    expect(result.message).toContain('600 reps were not told yet (too many for one run)');
    expect(rt.lastExecution?.modelledMs).toBeLessThan(6 * 60 * 1000);
    expect(assignState(rt).notices).toEqual([
      { runId: result.runId, reps: result.mail?.deferred, reason: 'time' },
    ]);
    for (let round = 0; round < 3; round++) {
      const sent = rt.call<{ mail: { sent: string[] } }>('apiSendPendingNotices', undefined, {
        user: MANAGER,
      });
      expect(sent.mail.sent).toHaveLength(200);
    }
    expect(assignState(rt).notices).toEqual([]);
    expect(new Set(rt.mail.outbox.map((m) => m.to[0])).size).toBe(800); // each rep told once
    expect(rt.mail.outbox).toHaveLength(800);
    const again = rt.call<{ message: string }>('apiSendPendingNotices', undefined, { user: MANAGER });
    expect(again.message).toBe('Every rep has been told about their leads.');
  });

  it('a failing quota call or send never fails the run; the rep not told is recorded and told later', async () => {
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers: leads(8) });
    rt.faults
      .inject({ member: 'MailApp.getRemainingDailyQuota', call: 1, fn: 'apiConfirmAssignment' })
      .inject({
        member: 'MailApp.sendEmail',
        call: 2,
        fn: 'apiConfirmAssignment',
        message: 'Mail service busy',
      });
    const result = rt.execute<Confirm>('apiConfirmAssignment', [preview(rt).token], { user: MANAGER });
    // Two faults armed for the same function: the first applies to this execution, the second to the next.
    expect(result.error).toBeUndefined();
    expect(result.value?.status).toBe('done');
    expect(result.value?.mail?.sent).toHaveLength(3); // the quota was unknown: every mail was tried
    expect(rt.faults.fired.map((f) => f.member)).toEqual(['MailApp.getRemainingDailyQuota']);

    appendLeads(rt, 3, 9);
    const second = rt.execute<Confirm>('apiConfirmAssignment', [preview(rt).token], { user: MANAGER });
    expect(second.value?.status).toBe('done');
    expect(second.value?.mail?.failed.map((f) => f.rep)).toEqual(['bob@example.com']);
    expect(second.value?.message).toContain('E-mail to bob@example.com failed: Mail service busy');
    expect(assignState(rt).notices).toEqual([
      { runId: second.value?.runId, reps: ['bob@example.com'], reason: 'Mail service busy' },
    ]);
    const later = rt.call<{ mail: { sent: string[] } }>('apiSendPendingNotices', undefined, {
      user: MANAGER,
    });
    expect(later.mail.sent).toEqual(['bob@example.com']);
    expect(assignState(rt).notices).toEqual([]);
  });
});

function appendLeads(rt: LocalRuntime, count: number, start: number): void {
  const sheet = rt.workbook.requireSheet(SHEETS.customers.names.en);
  const keys = SHEETS.customers.columns.map((c) => c.key);
  const rows = leads(count, start);
  rt.workbook.writeValues(
    sheet,
    { row: start + 1, column: 1, numRows: rows.length, numColumns: keys.length },
    rows.map((row) => keys.map((key) => row[key] ?? '')),
  );
}

describe('a new confirm only when the planned leads were taken', () => {
  it('a form submission between preview and confirm moves the rotation: the confirm still goes through', async () => {
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers: leads(4) });
    rt.execute('menuTurnOnFormIntake', [], { user: MANAGER });
    const plan = preview(rt);
    rt.submitForm({ Company: 'Form Co' }); // assigned at once, moving the team pointer
    const result = confirm(rt, plan.token);
    expect(result.status).toBe('done');
    const rows = records(rt, 'customers');
    expect(rows.every((c) => c.owner !== '')).toBe(true);
    const log = records(rt, 'assignmentLog');
    expect(log.map((l) => l.customerId).sort()).toEqual(['C-0001', 'C-0002', 'C-0003', 'C-0004', 'C-0005']);
    // The rotation carried on from the form's turn: 5 leads over weights 2/1/1 as one sequence.
    const counts: Record<string, number> = {};
    for (const l of log) counts[String(l.toRep)] = (counts[String(l.toRep)] ?? 0) + 1;
    expect(counts).toEqual({ 'ann@example.com': 3, 'bob@example.com': 1, 'cui@example.com': 1 });
  });

  it('a lead of the plan taken meanwhile (typed owner): the manager gets the new plan to confirm', async () => {
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers: leads(4) });
    const plan = preview(rt);
    const ownerColumn = SHEETS.customers.columns.findIndex((c) => c.key === 'owner') + 1;
    rt.workbook.writeValues(
      rt.workbook.requireSheet(SHEETS.customers.names.en),
      { row: 3, column: ownerColumn, numRows: 1, numColumns: 1 },
      [['eve@example.com']],
    );
    expect(confirm(rt, plan.token).status).toBe('changed');
  });
});
