/**
 * Writes that never half-happen (issue 10): assign confirm, undo and form intake through the built bundle, with a
 * fault injected at every service call in turn (rt.faults, runtime/faults.ts) — a service error, and the 6-minute
 * limit — then the invariants: once the next run has looked at the workbook (any run completes an interrupted one
 * first), the sheet and the log agree row for row; Undo reverses exactly the last committed run; a re-run
 * completes what is left, ending exactly where a run without the fault ends.
 */
import type { LocalRuntime } from '../../runtime';
import {
  assignRuntime,
  assignState,
  DEFAULT_REPS,
  forkRuntime,
  leads,
  MANAGER,
  records,
  appendCustomers,
} from './assign/fixture';

// Each case loops over every call of an operation: minutes on a busy two-core machine.
jest.setTimeout(600_000);

interface Preview {
  token: string;
  assigned: number;
}

function preview(rt: LocalRuntime): Preview {
  return rt.call<Preview>('apiPreviewAssignment', undefined, { user: MANAGER });
}
function confirm(rt: LocalRuntime, token: string) {
  return rt.execute<{ status: string; message: string }>('apiConfirmAssignment', [token], { user: MANAGER });
}
function undo(rt: LocalRuntime) {
  return rt.execute('menuUndoLastAssignment', [], { user: MANAGER });
}

/** Customers' owner and reassign by id. */
function ownership(rt: LocalRuntime): Record<string, [unknown, unknown]> {
  return Object.fromEntries(records(rt, 'customers').map((c) => [String(c.id), [c.owner, c.reassign]]));
}

/**
 * The sheet and the log agree: each customer a log row (not undone) names has the owner of its latest such row;
 * a customer no log row names has the owner it started with.
 */
function disagreements(rt: LocalRuntime, startOwners: Record<string, unknown>): string[] {
  const latest = new Map<string, string>();
  for (const row of records(rt, 'assignmentLog'))
    if (row.undone !== true) latest.set(String(row.customerId), String(row.toRep));
  const problems: string[] = [];
  for (const customer of records(rt, 'customers')) {
    const id = String(customer.id);
    const expected = latest.has(id) ? latest.get(id) : (startOwners[id] ?? '');
    if (String(customer.owner).toLowerCase() !== String(expected).toLowerCase())
      problems.push(`${id}: owner ${String(customer.owner)}, log says ${String(expected)}`);
  }
  return problems;
}

function runIds(rt: LocalRuntime): string[] {
  return [...new Set(records(rt, 'assignmentLog').map((l) => String(l.runId)))];
}

let baseBeforeRun2: { rt: LocalRuntime; token: string } | undefined;

/** Run #1 committed, then new leads (some marked for reassignment, with and without an owner), previewed. */
async function workbookBeforeRun2(): Promise<{ rt: LocalRuntime; token: string }> {
  if (baseBeforeRun2) return { rt: await forkRuntime(baseBeforeRun2.rt), token: baseBeforeRun2.token };
  const rt = await assignRuntime({
    reps: DEFAULT_REPS,
    customers: leads(4, 1, (i) => (i === 2 ? { owner: 'dan@example.com' } : {})),
  });
  const first = confirm(rt, preview(rt).token);
  if (first.error) throw first.error;
  appendCustomers(
    rt,
    leads(6, 5, (i) =>
      i === 6 ? { owner: 'bob@example.com', reassign: true } : i === 8 ? { owner: '', reassign: true } : {},
    ),
  );
  baseBeforeRun2 = { rt, token: preview(rt).token };
  return { rt: await forkRuntime(rt), token: baseBeforeRun2.token };
}

const KINDS = ['error', 'timeout'] as const;

describe('assign confirm: a fault at every service call', () => {
  let reference: {
    owners: Record<string, [unknown, unknown]>;
    calls: number;
    before: Record<string, [unknown, unknown]>;
  };

  beforeAll(async () => {
    const { rt, token } = await workbookBeforeRun2();
    const before = ownership(rt);
    const result = confirm(rt, token);
    expect(result.error).toBeUndefined();
    expect(result.value?.status).toBe('done');
    reference = { owners: ownership(rt), calls: result.totalCalls, before };
    expect(reference.calls).toBeGreaterThan(20);
  });

  it.each(KINDS)('%s at call k = 1..N: consistent, undo exact, re-run complete', async (kind) => {
    for (let k = 1; k <= reference.calls; k++) {
      const { rt, token } = await workbookBeforeRun2();
      const startOwners = Object.fromEntries(
        Object.entries(ownership(rt)).map(([id, [owner]]) => [id, owner]),
      );
      const rotationBefore = assignState(rt).rotation;
      const run1 = runIds(rt)[0];
      rt.faults.inject({ call: k, kind, fn: 'apiConfirmAssignment' });
      const faulted = confirm(rt, token);
      expect(rt.faults.fired).toHaveLength(1);
      // The next run completes or drops the interrupted one; then the sheet and the log agree.
      const next = preview(rt);
      const context = `${kind} at call ${k} (${rt.faults.fired[0].member}): ${faulted.error?.message ?? 'no error'}`;
      expect({ context, problems: disagreements(rt, startOwners) }).toEqual({ context, problems: [] });
      expect(assignState(rt).journal).toBeNull();
      const committed = runIds(rt).length === 2;
      if (!committed) {
        // Nothing happened: the sheet, the log and the rotation are as before; undo data still names run #1.
        expect({ context, owners: ownership(rt) }).toEqual({ context, owners: reference.before });
        expect(assignState(rt).rotation).toEqual(rotationBefore);
        expect(assignState(rt).lastRun?.runId).toBe(run1);
        // The re-run completes what is left: it ends exactly where a run without the fault ends.
        expect(confirm(rt, next.token).value?.status).toBe('done');
      } else {
        expect({ context, next: next.assigned }).toEqual({ context, next: 0 });
      }
      expect({ context, owners: ownership(rt) }).toEqual({ context, owners: reference.owners });
      const run2 = runIds(rt)[1];
      expect(assignState(rt).lastRun?.runId).toBe(run2);
      // Undo reverses exactly the last committed run, every reassign mark included, and rewinds the rotation.
      const undone = undo(rt);
      expect(undone.error).toBeUndefined();
      expect(rt.ui.alerts.at(-1)?.prompt).toContain(`Undid run ${run2}: 6 customers`);
      expect({ context, owners: ownership(rt) }).toEqual({ context, owners: reference.before });
      expect(assignState(rt).rotation).toEqual(rotationBefore);
      const log = records(rt, 'assignmentLog');
      expect(log.filter((l) => l.runId === run1).every((l) => l.undone === false)).toBe(true);
      expect(log.filter((l) => l.runId === run2).every((l) => l.undone === true)).toBe(true);
    }
  });
});

describe('undo: a fault at every service call', () => {
  let base: { rt: LocalRuntime; before: Record<string, [unknown, unknown]> } | undefined;
  async function afterRun2(): Promise<{ rt: LocalRuntime; before: Record<string, [unknown, unknown]> }> {
    if (!base) {
      const { rt, token } = await workbookBeforeRun2();
      const before = ownership(rt);
      const result = confirm(rt, token);
      if (result.error) throw result.error;
      base = { rt, before };
    }
    return { rt: await forkRuntime(base.rt), before: base.before };
  }

  it.each(KINDS)(
    '%s at call k = 1..N: the log Undone column ends right, the rotation rewound',
    async (kind) => {
      const clean = await afterRun2();
      const rotationBefore2 = (await workbookBeforeRun2()).rt;
      const expectedRotation = assignState(rotationBefore2).rotation;
      const calls = undo(clean.rt).totalCalls;
      expect(calls).toBeGreaterThan(10);
      for (let k = 1; k <= calls; k++) {
        const { rt, before } = await afterRun2();
        const [run1, run2] = runIds(rt);
        rt.faults.inject({ call: k, kind, fn: 'menuUndoLastAssignment' });
        const faulted = undo(rt);
        const context = `${kind} at call ${k} (${rt.faults.fired[0]?.member}): ${faulted.error?.message ?? 'no error'}`;
        preview(rt); // any next run completes an interrupted undo
        expect({ context, journal: assignState(rt).journal }).toEqual({ context, journal: null });
        if (assignState(rt).lastRun?.runId === run2) {
          // The undo never started: the run is still whole, and undoing again works.
          expect({ context, problems: disagreements(rt, { 'C-0002': 'dan@example.com' }) }).toEqual({
            context,
            problems: [],
          });
          expect(undo(rt).error).toBeUndefined();
        }
        expect({ context, owners: ownership(rt) }).toEqual({ context, owners: before });
        expect(assignState(rt).rotation).toEqual(expectedRotation);
        expect(assignState(rt).lastRun).toBeNull();
        const log = records(rt, 'assignmentLog');
        expect({ context, undone: log.filter((l) => l.runId === run2).map((l) => l.undone) }).toEqual({
          context,
          undone: log.filter((l) => l.runId === run2).map(() => true),
        });
        expect(log.filter((l) => l.runId === run1).every((l) => l.undone === false)).toBe(true);
        // Undo never reaches back to run #1.
        undo(rt);
        expect(rt.ui.alerts.at(-1)?.prompt).toBe('There is no assignment run to undo.');
      }
    },
  );
});

describe('form intake: a fault at every service call', () => {
  let base: LocalRuntime | undefined;
  async function withIntake(): Promise<LocalRuntime> {
    if (!base) {
      base = await assignRuntime({
        reps: DEFAULT_REPS,
        customers: leads(2, 1, () => ({ owner: 'ann@example.com' })),
      });
      base.execute('menuTurnOnFormIntake', [], { user: MANAGER });
      base.submitForm({ Company: 'First Co', Region: 'East China' });
    }
    const rt = await forkRuntime(base);
    rt.execute('menuTurnOnFormIntake', [], { user: MANAGER });
    return rt;
  }

  it.each(KINDS)('%s at call k = 1..N: the response is kept once, assigned by the re-run', async (kind) => {
    const clean = await withIntake();
    const [result] = clean.submitForm({ Company: 'Second Co' });
    expect(result.error).toBeUndefined();
    const expectedOwner = records(clean, 'customers').find((c) => c.company === 'Second Co')?.owner;
    expect(expectedOwner).toBe('bob@example.com');
    for (let k = 1; k <= result.totalCalls; k++) {
      const rt = await withIntake();
      const startOwners = Object.fromEntries(records(rt, 'customers').map((c) => [c.id, c.owner]));
      rt.faults.inject({ call: k, kind, fn: 'onFormSubmitAssign' });
      const [faulted] = rt.submitForm({ Company: 'Second Co' });
      const context = `${kind} at call ${k} (${rt.faults.fired[0]?.member}): ${faulted.error?.message ?? 'no error'}`;
      const next = preview(rt);
      expect({ context, problems: disagreements(rt, startOwners) }).toEqual({ context, problems: [] });
      const copies = records(rt, 'customers').filter((c) => c.company === 'Second Co');
      expect({ context, copies: copies.length <= 1 }).toEqual({ context, copies: true });
      // What is left (a response kept but not assigned yet) is completed by the manager's next run.
      if (next.assigned > 0) expect(confirm(rt, next.token).value?.status).toBe('done');
      expect(disagreements(rt, startOwners)).toEqual([]);
      const after = records(rt, 'customers').filter((c) => c.company === 'Second Co');
      if (after.length === 1)
        expect({ context, owner: after[0].owner }).toEqual({ context, owner: expectedOwner });
      // The first response's run is untouched, and form runs never become the manual run's undo data.
      expect(records(rt, 'customers').find((c) => c.company === 'First Co')?.owner).toBe('ann@example.com');
    }
  });
});
