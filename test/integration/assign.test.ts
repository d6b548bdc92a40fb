/**
 * Lead assignment through the built bundle (dist/Code.js) in the local runtime: preview writes nothing, confirm
 * writes owners + log + pointer with a constant number of calls, the rotation continues across runs, undo restores
 * the sheet cell for cell, non-managers are refused, overlapping executions never double-assign (and do without the
 * lock), the mail quota cut is reported, form intake assigns as responses arrive.
 */
import fc from 'fast-check';
import type { LocalRuntime } from '../../runtime';
import { SHEETS } from '../../templates';
import {
  assignRuntime,
  assignState,
  DEFAULT_REPS,
  leads,
  MANAGER,
  OWNER,
  records,
  STATE_SHEET,
  weights,
  appendCustomers,
} from './assign/fixture';

interface Preview {
  token: string;
  total: number;
  assigned: number;
  unassigned: number;
  reps: { email: string; count: number; note: string | null }[];
  unassignedRows: { row: number; why: string }[];
}
interface Confirm {
  status: 'done' | 'changed' | 'nothing';
  message: string;
  assigned?: number;
  mail?: { sent: string[]; skipped: string[] };
}

const CUSTOMERS = SHEETS.customers.names.en;
const LOG = SHEETS.assignmentLog.names.en;

function preview(rt: LocalRuntime, user = MANAGER): Preview {
  return rt.call<Preview>('apiPreviewAssignment', undefined, { user });
}
function confirm(rt: LocalRuntime, token: string, user = MANAGER): Confirm {
  return rt.call<Confirm>('apiConfirmAssignment', token, { user });
}
/** SalesDesk's assignment properties (other parts, e.g. the protection editors, keep their own). */
function documentProperties(rt: LocalRuntime): Record<string, string> {
  return Object.fromEntries(
    [...rt.properties.document.entries()].filter(([key]) => key.startsWith('salesdesk.assign')),
  );
}
function state(rt: LocalRuntime): string {
  return JSON.stringify([
    rt.workbook.sheetValues(CUSTOMERS),
    rt.workbook.sheetValues(LOG),
    documentProperties(rt),
    assignState(rt),
  ]);
}
function owners(rt: LocalRuntime): unknown[] {
  return records(rt, 'customers').map((c) => c.owner);
}

describe('assign leads through the bundle', () => {
  it('previews without writing anything: counts per rep by weight, skipped reps explained', async () => {
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers: leads(8) });
    const before = state(rt);
    const plan = preview(rt);
    expect(state(rt)).toBe(before);
    expect(plan).toMatchObject({ total: 8, assigned: 8, unassigned: 0 });
    expect(Object.fromEntries(plan.reps.map((r) => [r.email, r.count]))).toEqual({
      'ann@example.com': 4, // weight 2
      'bob@example.com': 2,
      'cui@example.com': 2,
      'dan@example.com': 0, // inactive
      'eve@example.com': 0, // out of office until 2026-11-30
    });
    expect(plan.reps.find((r) => r.email === 'eve@example.com')?.note).toBe('out of office until 2026-11-30');
    expect(rt.lastExecution?.calls['Range.setValues'] ?? 0).toBe(0);
  });

  it('confirms: one write of owners, one append to the log, pointer saved, one escaped e-mail per rep', async () => {
    const customers = leads(8);
    customers[0].company = '<b>Evil & Co</b>';
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers });
    const result = confirm(rt, preview(rt).token);
    expect(result.status).toBe('done');
    const calls = rt.lastExecution!.calls;
    // state with the journal, log append, owner+reassign block, state with pointers/undo data, notices all sent
    expect(calls['Range.setValues']).toBe(5);
    expect(calls['Range.getValues']).toBe(5); // Settings, Customers, Reps, log, state
    // Earliest deadline first (src/core/assign/rotation.ts): ann (weight 2) every other lead.
    expect(owners(rt)).toEqual([
      'ann@example.com',
      'bob@example.com',
      'ann@example.com',
      'cui@example.com',
      'ann@example.com',
      'bob@example.com',
      'ann@example.com',
      'cui@example.com',
    ]);
    const log = records(rt, 'assignmentLog');
    expect(log).toHaveLength(8);
    expect(log[0]).toMatchObject({
      customerId: 'C-0001',
      customer: '<b>Evil & Co</b>',
      fromRep: '',
      toRep: 'ann@example.com',
      pool: 'team',
      reason: 'Round robin over the whole team',
      by: MANAGER,
      undone: false,
    });
    expect(new Set(log.map((l) => l.runId)).size).toBe(1);
    expect(weights(rt)).toEqual({ 'ann@example.com': 0, 'bob@example.com': 0, 'cui@example.com': 0 });
    expect(assignState(rt).lastRun).toMatchObject({ runId: log[0].runId, count: 8 });
    expect(assignState(rt).notices).toEqual([]); // everyone told
    expect(rt.workbook.data.sheets.find((sheet) => sheet.name === STATE_SHEET)?.hidden).toBe(true);
    expect(rt.mail.outbox.map((m) => m.to[0]).sort()).toEqual([
      'ann@example.com',
      'bob@example.com',
      'cui@example.com',
    ]);
    const ann = rt.mail.outbox.find((m) => m.to[0] === 'ann@example.com')!;
    expect(ann.subject).toBe('SalesDesk: 4 new leads for you');
    expect(ann.htmlBody).toContain('&lt;b&gt;Evil &amp; Co&lt;/b&gt;');
    expect(ann.htmlBody).not.toContain('<b>Evil');
    const cui = rt.mail.outbox.find((m) => m.to[0] === 'cui@example.com')!;
    expect(cui.subject).toBe('SalesDesk：您有 2 条新线索'); // Reps.language zh-CN
  });

  it('continues the rotation on the next run exactly as one long run would', async () => {
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers: leads(5) });
    confirm(rt, preview(rt).token);
    appendCustomers(rt, leads(7, 6));
    confirm(rt, preview(rt).token);
    const oneRun = await assignRuntime({ reps: DEFAULT_REPS, customers: leads(12) });
    confirm(oneRun, preview(oneRun).token);
    expect(owners(rt)).toEqual(owners(oneRun));
    expect(new Set(records(rt, 'assignmentLog').map((l) => l.runId)).size).toBe(2);
  });

  it('undoes the last run cell for cell, marks the log undone, rewinds the pointer; a second undo has nothing', async () => {
    const customers = leads(6, 1, (i) =>
      i === 3 ? { owner: 'Bob@Example.com', reassign: true } : i === 5 ? { owner: 'cui@example.com' } : {},
    );
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers });
    confirm(rt, preview(rt).token); // first run: its pointer becomes the "before" of the second
    appendCustomers(rt, leads(3, 7));
    rt.workbook.writeValues(
      rt.workbook.requireSheet(CUSTOMERS),
      { row: 3, column: 17, numRows: 1, numColumns: 1 },
      [[true]],
    );
    const before = rt.workbook.sheetValues(CUSTOMERS);
    const pointerBefore = weights(rt);
    const second = confirm(rt, preview(rt).token);
    expect(second.status).toBe('done');
    expect(rt.workbook.sheetValues(CUSTOMERS)).not.toEqual(before);

    const undo = rt.execute('menuUndoLastAssignment', [], { user: MANAGER });
    expect(undo.error).toBeUndefined();
    expect(rt.workbook.sheetValues(CUSTOMERS)).toEqual(before);
    expect(weights(rt)).toEqual(pointerBefore);
    const log = records(rt, 'assignmentLog');
    const secondRun = log[log.length - 1].runId;
    expect(log.filter((l) => l.runId === secondRun).every((l) => l.undone === true)).toBe(true);
    expect(log.filter((l) => l.runId !== secondRun).every((l) => l.undone === false)).toBe(true);
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(
      /^Undid run .*: 4 customers have their previous owner again\.$/,
    );

    rt.execute('menuUndoLastAssignment', [], { user: MANAGER });
    expect(rt.ui.alerts.at(-1)?.prompt).toBe('There is no assignment run to undo.');
    expect(rt.workbook.sheetValues(CUSTOMERS)).toEqual(before);
  });

  it('undo leaves a row someone changed since the run and reports it', async () => {
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers: leads(3) });
    confirm(rt, preview(rt).token);
    const ownerColumn = SHEETS.customers.columns.findIndex((c) => c.key === 'owner') + 1;
    rt.workbook.writeValues(
      rt.workbook.requireSheet(CUSTOMERS),
      { row: 2, column: ownerColumn, numRows: 1, numColumns: 1 },
      [['eve@example.com']],
    );
    rt.execute('menuUndoLastAssignment', [], { user: MANAGER });
    expect(owners(rt)).toEqual(['eve@example.com', '', '']);
    expect(rt.ui.alerts.at(-1)?.prompt).toContain(
      '1 customer was changed since the run and was left as it is: Company 1 (now eve@example.com)',
    );
  });

  it('refuses a non-manager with a clear message in their language, writing nothing', async () => {
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers: leads(3), settings: { locale: 'auto' } });
    const before = state(rt);
    rt.execute('menuAssignLeads', [], { user: 'bob@example.com', locale: 'zh-CN' });
    expect(rt.ui.sidebars).toHaveLength(0);
    expect(rt.ui.alerts.at(-1)?.prompt).toBe(
      '只有经理才能执行此操作。经理：owner@example.com, boss@example.com。请联系其中一位处理。',
    );
    const denied = rt.execute('apiConfirmAssignment', ['x'], { user: 'bob@example.com' });
    expect(denied.error?.message).toContain('Only a manager can do this');
    rt.execute('menuUndoLastAssignment', [], { user: 'bob@example.com' });
    expect(state(rt)).toBe(before);
    rt.execute('menuAssignLeads', [], { user: OWNER });
    expect(rt.ui.sidebars.at(-1)?.title).toBe('Assign leads');
  });

  it('confirm writes nothing when the sheet changed since the preview, and returns the new plan', async () => {
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers: leads(3) });
    const token = preview(rt).token;
    appendCustomers(rt, leads(1, 4));
    const before = state(rt);
    const result = confirm(rt, token) as Confirm & { preview: Preview };
    expect(result.status).toBe('changed');
    expect(result.preview.total).toBe(4);
    expect(state(rt)).toBe(before);
    expect(confirm(rt, result.preview.token).status).toBe('done');
  });

  it('reports the e-mail quota cut', async () => {
    const rt = await assignRuntime({ reps: DEFAULT_REPS, customers: leads(8) }, { mailQuota: 2 });
    const result = confirm(rt, preview(rt).token);
    expect(rt.mail.outbox).toHaveLength(2);
    expect(result.mail?.skipped).toEqual(['cui@example.com']);
    expect(result.message).toContain(
      'the daily e-mail quota ran out, so 1 rep was not told: cui@example.com',
    );
    expect(owners(rt).every((o) => o !== '')).toBe(true); // the assignment itself is complete
  });

  it('applies rules: region pools, senior threshold, unassigned with reasons when fallback is off', async () => {
    const rt = await assignRuntime({
      reps: DEFAULT_REPS,
      customers: leads(6),
      settings: { assignMatchRegion: true, seniorMinPotentialValue: 50_000, assignFallbackToTeam: false },
    });
    const plan = preview(rt);
    confirm(rt, plan.token);
    const log = records(rt, 'assignmentLog');
    // leads 1..6: regions North, South, East, North, South, East; values 10k..60k
    expect(log.map((l) => [l.customerId, l.toRep, l.pool])).toEqual([
      ['C-0001', 'cui@example.com', 'region:north'],
      ['C-0003', 'ann@example.com', 'region:east'], // ann (weight 2) leads the east pool
      ['C-0004', 'cui@example.com', 'region:north'],
      ['C-0006', 'ann@example.com', 'senior|region:east'],
    ]);
    expect(plan.unassignedRows.map((u) => [u.row, u.why])).toEqual([
      [3, 'No available rep matches region South China, and falling back to the team is off in Settings'],
      [
        6,
        'No available rep matches senior (potential value 50000 ≥ 50000), region South China, and falling back to the team is off in Settings',
      ],
    ]);
    expect(Object.keys(assignState(rt).rotation).sort()).toEqual([
      'region:east',
      'region:north',
      'senior|region:east',
    ]);
  });
});

describe('form intake', () => {
  it('installs one trigger and assigns each response as it arrives', async () => {
    const rt = await assignRuntime({
      reps: DEFAULT_REPS,
      customers: leads(2, 1, () => ({ owner: 'ann@example.com' })),
    });
    rt.execute('menuTurnOnFormIntake', [], { user: MANAGER });
    rt.execute('menuTurnOnFormIntake', [], { user: MANAGER });
    expect(rt.triggers.all.filter((t) => t.handler === 'onFormSubmitAssign')).toHaveLength(1);
    expect(rt.ui.alerts.map((a) => a.prompt)).toEqual([
      'New form submissions will be assigned automatically with the same rules.',
      'Automatic assignment of form submissions is already on.',
    ]);
    const [first] = rt.submitForm({
      Company: 'Form Co',
      Region: 'East China',
      Phone: '=HYPERLINK("x")',
      Color: 'red',
    });
    expect(first.error).toBeUndefined();
    rt.submitForm({ Company: 'Second Co' });
    const rows = records(rt, 'customers');
    expect(rows.slice(2).map((r) => [r.id, r.company, r.owner, r.phone])).toEqual([
      ['C-0003', 'Form Co', 'ann@example.com', '=HYPERLINK("x")'],
      ['C-0004', 'Second Co', 'bob@example.com', ''],
    ]);
    expect(records(rt, 'assignmentLog').map((l) => [l.customerId, l.toRep, l.by])).toEqual([
      ['C-0003', 'ann@example.com', 'form'],
      ['C-0004', 'bob@example.com', 'form'],
    ]);
    expect(rt.mail.outbox.map((m) => m.to[0])).toEqual(['ann@example.com', 'bob@example.com']);
  });
});

describe('overlapping executions', () => {
  // Each read takes 400 ms (a slow run: a big sheet takes seconds between its read and its write), so the two
  // executions reliably overlap; the handler runs only from its installed trigger, so the event carries its uid.
  const slowCalls = { 'Range.getValues': 400 };
  const submit = (rt: LocalRuntime, n: number) => {
    if (!rt.triggers.all.some((t) => t.handler === 'onFormSubmitAssign'))
      rt.execute('menuTurnOnFormIntake', [], { user: OWNER });
    const triggerUid = rt.triggers.all.find((t) => t.handler === 'onFormSubmitAssign')?.id;
    return {
      fn: 'onFormSubmitAssign',
      args: [{ triggerUid, namedValues: { Company: [`Form ${n}`] } }],
      opts: { user: OWNER },
      slowCalls,
    };
  };

  it('with the lock, two form submissions at once both land and take consecutive turns', async () => {
    const rt = await assignRuntime({
      reps: DEFAULT_REPS,
      customers: leads(1, 1, () => ({ owner: 'eve@example.com' })),
    });
    const results = await rt.executeConcurrently([submit(rt, 1), submit(rt, 2)]);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
    // One lock for the run, one (after the mail) to record who was told.
    expect(results.map((r) => r.calls['Lock.waitLock'] ?? 0)).toEqual([2, 2]);
    const rows = records(rt, 'customers');
    expect(rows.map((r) => r.company).sort()).toEqual(['Company 1', 'Form 1', 'Form 2']);
    expect(rows.slice(1).map((r) => r.owner)).toEqual(['ann@example.com', 'bob@example.com']);
    expect(records(rt, 'assignmentLog')).toHaveLength(2);
    expect(weights(rt)).toEqual({
      'ann@example.com': 0,
      'bob@example.com': -2,
      'cui@example.com': 2,
    });
  });

  it('without the lock the same overlap loses a lead (what the lock prevents)', async () => {
    const rt = await assignRuntime({
      reps: DEFAULT_REPS,
      customers: leads(1, 1, () => ({ owner: 'eve@example.com' })),
    });
    rt.locks.disabled = true; // as if SalesDesk took no lock
    await rt.executeConcurrently([submit(rt, 1), submit(rt, 2)]);
    const rows = records(rt, 'customers');
    expect(rows).toHaveLength(2); // one response overwrote the other
    expect(records(rt, 'assignmentLog')).toHaveLength(1); // and the log lost a line too
  });

  it('two managers confirming the same preview at once assign each lead once', async () => {
    const rt = await assignRuntime({
      reps: DEFAULT_REPS,
      customers: leads(6),
      settings: { managers: `${MANAGER}, second.boss@example.com` },
    });
    const token = preview(rt).token;
    const task = {
      fn: 'apiConfirmAssignment',
      args: [token],
      opts: { user: MANAGER },
      slowCalls: { 'Range.getValues': 300 },
    };
    // (Two listed managers: in worker executions the runtime does not report the spreadsheet owner.)
    const results = await rt.executeConcurrently([
      task,
      { ...task, opts: { user: 'second.boss@example.com' } },
    ]);
    expect(results.map((r) => r.error?.message)).toEqual([undefined, undefined]);
    expect(results.map((r) => (r.value as Confirm).status).sort()).toEqual(['changed', 'done']);
    const log = records(rt, 'assignmentLog');
    expect(log.map((l) => l.customerId)).toEqual([
      'C-0001',
      'C-0002',
      'C-0003',
      'C-0004',
      'C-0005',
      'C-0006',
    ]);
  });
});

describe('properties through the bundle (fast-check, small)', () => {
  const repArb = fc.record({
    active: fc.boolean(),
    weight: fc.integer({ min: 1, max: 3 }),
    capacity: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    away: fc.boolean(),
  });

  it('assigns every lead exactly once, within capacity, never to an inactive or away rep', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(repArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }),
        async (repSpecs, runSizes) => {
          const reps = repSpecs.map((s, i) => ({
            name: `R${i}`,
            email: `r${i}@example.com`,
            active: s.active,
            role: 'Rep',
            weight: s.weight,
            capacity: s.capacity ?? '',
            outOfOfficeUntil: s.away ? new Date('2026-12-01T00:00:00+08:00') : '',
          }));
          const rt = await assignRuntime({ reps, customers: [] });
          let next = 1;
          for (const size of runSizes) {
            appendCustomers(rt, leads(size, next));
            next += size;
            const plan = preview(rt);
            if (plan.assigned > 0) expect(confirm(rt, plan.token).status).toBe('done');
          }
          const rows = records(rt, 'customers');
          const log = records(rt, 'assignmentLog');
          expect(log.map((l) => l.customerId).sort()).toEqual(
            rows
              .filter((r) => r.owner !== '')
              .map((r) => r.id)
              .sort(),
          );
          expect(new Set(log.map((l) => l.customerId)).size).toBe(log.length);
          reps.forEach((rep, i) => {
            const count = rows.filter((r) => r.owner === rep.email).length;
            if (!rep.active || repSpecs[i].away) expect(count).toBe(0);
            if (repSpecs[i].capacity !== null) expect(count).toBeLessThanOrEqual(repSpecs[i].capacity!);
          });
          const eligible = reps.filter(
            (rep, i) => rep.active && !repSpecs[i].away && repSpecs[i].capacity === null,
          );
          if (eligible.length === reps.filter((r, i) => r.active && !repSpecs[i].away).length) {
            expect(rows.every((r) => r.owner !== '') || eligible.length === 0).toBe(true);
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it('over several runs each always-eligible rep gets its weighted share within one lead', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 3 }),
        async (weights, runSizes) => {
          const reps = weights.map((weight, i) => ({
            name: `R${i}`,
            email: `r${i}@example.com`,
            active: true,
            role: 'Rep',
            weight,
          }));
          const rt = await assignRuntime({ reps, customers: [] });
          const total = weights.reduce((a, b) => a + b, 0);
          let next = 1;
          for (const size of runSizes) {
            appendCustomers(rt, leads(size, next));
            next += size;
            confirm(rt, preview(rt).token);
            const rows = records(rt, 'customers');
            reps.forEach((rep) => {
              const count = rows.filter((r) => r.owner === rep.email).length;
              expect(Math.abs(count - (rows.length * rep.weight) / total)).toBeLessThan(1);
            });
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});
