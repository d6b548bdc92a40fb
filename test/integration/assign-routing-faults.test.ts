/**
 * Issue 14 under faults: a confirm that returns leads for a missed SLA and routes new leads to their account's
 * owner, with a fault injected at every service call in turn (rt.faults, both kinds). Once the next run has looked,
 * the sheet and the log agree; either nothing happened (a re-run then ends where a run without the fault ends) or
 * the run is complete; Undo then restores every owner exactly, reassign boxes included.
 */
import type { LocalRuntime } from '../../runtime';
import {
  appendRecords,
  assignRuntime,
  assignState,
  DEFAULT_REPS,
  forkRuntime,
  leads,
  MANAGER,
  records,
} from './assign/fixture';

jest.setTimeout(900_000);

function preview(rt: LocalRuntime): { token: string; slaCount: number; accountCount: number } {
  return rt.call('apiPreviewAssignment', undefined, { user: MANAGER });
}
function confirm(rt: LocalRuntime, token: string) {
  return rt.execute<{ status: string }>('apiConfirmAssignment', [token], { user: MANAGER });
}
function ownership(rt: LocalRuntime): Record<string, [unknown, unknown]> {
  return Object.fromEntries(records(rt, 'customers').map((c) => [String(c.id), [c.owner, c.reassign]]));
}
function runIds(rt: LocalRuntime): string[] {
  return [...new Set(records(rt, 'assignmentLog').map((l) => String(l.runId)))];
}
/** Each customer a log row (not undone) names has the owner of its latest such row; others their first owner. */
function disagreements(rt: LocalRuntime, start: Record<string, unknown>): string[] {
  const latest = new Map<string, string>();
  for (const row of records(rt, 'assignmentLog'))
    if (row.undone !== true) latest.set(String(row.customerId), String(row.toRep));
  return records(rt, 'customers')
    .filter((c) => String(c.owner) !== (latest.get(String(c.id)) ?? String(start[String(c.id)] ?? '')))
    .map((c) => `${String(c.id)}: ${String(c.owner)}`);
}

let base: LocalRuntime | undefined;
/** Run 1 assigned C-0001..C-0004 at NOW; 50 h later, with a new lead of C-0001's company and one plain lead. */
async function beforeRun2(): Promise<LocalRuntime> {
  if (base) return forkRuntime(base, { now: '2026-11-25T12:00:00+08:00' });
  const rt = await assignRuntime({
    reps: DEFAULT_REPS,
    customers: leads(4),
    settings: { slaFirstContactHours: 48 },
    followups: [],
  });
  const first = confirm(rt, preview(rt).token);
  if (first.error) throw first.error;
  appendRecords(rt, 'followups', [
    { id: 'F-1', customerId: 'C-0001', time: new Date('2026-11-24T09:00:00+08:00'), content: 'x' },
  ]);
  appendRecords(
    rt,
    'customers',
    leads(2, 5, (i) => (i === 5 ? { company: 'company 1' } : {})),
  );
  base = rt;
  return forkRuntime(rt, { now: '2026-11-25T12:00:00+08:00' });
}

describe('SLA and account routing confirm: a fault at every service call', () => {
  let reference: {
    owners: Record<string, [unknown, unknown]>;
    calls: number;
    before: Record<string, [unknown, unknown]>;
  };

  beforeAll(async () => {
    const rt = await beforeRun2();
    const plan = preview(rt);
    expect(plan).toMatchObject({ slaCount: 3, accountCount: 1 });
    const before = ownership(rt);
    const result = confirm(rt, plan.token);
    expect(result.value?.status).toBe('done');
    reference = { owners: ownership(rt), calls: result.totalCalls, before };
  });

  it.each(['error', 'timeout'] as const)(
    '%s at call k = 1..N: consistent, re-run complete, undo exact',
    async (kind) => {
      for (let k = 1; k <= reference.calls; k++) {
        const rt = await beforeRun2();
        const start = Object.fromEntries(Object.entries(ownership(rt)).map(([id, [owner]]) => [id, owner]));
        const token = preview(rt).token;
        rt.faults.inject({ call: k, kind, fn: 'apiConfirmAssignment' });
        const faulted = confirm(rt, token);
        const next = preview(rt);
        const context = `${kind} at call ${k} (${rt.faults.fired[0]?.member}): ${faulted.error?.message ?? 'no error'}`;
        expect({ context, problems: disagreements(rt, start) }).toEqual({ context, problems: [] });
        expect(assignState(rt).journal).toBeNull();
        if (runIds(rt).length === 1) {
          expect({ context, owners: ownership(rt) }).toEqual({ context, owners: reference.before });
          expect(confirm(rt, next.token).value?.status).toBe('done');
        } else expect({ context, left: next.slaCount + next.accountCount }).toEqual({ context, left: 0 });
        expect({ context, owners: ownership(rt) }).toEqual({ context, owners: reference.owners });
        expect(rt.execute('menuUndoLastAssignment', [], { user: MANAGER }).error).toBeUndefined();
        expect({ context, owners: ownership(rt) }).toEqual({ context, owners: reference.before });
      }
    },
  );
});
