/**
 * Issue 14 §3/§4/§6 through the built bundle: leads not contacted within the SLA go back to their pool (never to the
 * rep who held them), shown apart in the preview, logged with the reason, undone exactly; new leads of an existing
 * account go to its owner (width/case-insensitive, free mail excluded, phones normalised) unless that owner is away;
 * per-day maximums count today's earlier runs; the daily trigger path; a second manager confirms, a rep is refused.
 */
import type { LocalRuntime } from '../../runtime';
import {
  appendRecords,
  assignRuntime,
  assignState,
  DEFAULT_REPS,
  leads,
  MANAGER,
  records,
  type Row,
} from './assign/fixture';

jest.setTimeout(300_000);

const SECOND = 'second@example.com';

interface PreviewRow {
  row: number;
  customerId: string;
  fromRep: string;
  toRep: string;
  why: string;
}
interface Preview {
  token: string;
  total: number;
  assigned: number;
  rows: PreviewRow[];
  slaRows: PreviewRow[];
  accountRows: PreviewRow[];
  slaCount: number;
  accountCount: number;
  unassignedRows: { customerId: string; why: string }[];
  reps: { email: string; count: number; note: string | null; maxPerDay?: number; todayAfter?: number }[];
  problems: string[];
}

function preview(rt: LocalRuntime, user = MANAGER): Preview {
  return rt.call<Preview>('apiPreviewAssignment', undefined, { user });
}
function confirm(rt: LocalRuntime, token: string, user = MANAGER): { status: string; message: string } {
  return rt.call('apiConfirmAssignment', token, { user });
}
function owners(rt: LocalRuntime, language: 'en' | 'zh-CN' = 'en'): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    records(rt, 'customers', language).map((c) => [String(c.id), [c.owner, c.reassign]]),
  );
}

const SLA_SETTINGS: Row = { slaFirstContactHours: 48, managers: `${MANAGER}, ${SECOND}` };

/** Run 1 at NOW (Mon 23 Nov 10:00, Shanghai) assigns C-0001..C-0006; C-0001 is called the next day. */
async function afterFirstRun(
  settings: Row = {},
): Promise<{ rt: LocalRuntime; first: Record<string, string> }> {
  const rt = await assignRuntime({
    reps: DEFAULT_REPS,
    customers: leads(6),
    settings: { ...SLA_SETTINGS, ...settings },
    followups: [],
  });
  expect(confirm(rt, preview(rt).token).status).toBe('done');
  appendRecords(rt, 'followups', [
    {
      id: 'F-0001',
      customerId: 'C-0001',
      time: new Date('2026-11-24T11:00:00+08:00'),
      content: 'Called',
      rep: 'x',
    },
  ]);
  const first = Object.fromEntries(Object.entries(owners(rt)).map(([id, [owner]]) => [id, String(owner)]));
  return { rt, first };
}

describe('SLA: leads not contacted in time go back to their pool', () => {
  it('previews them apart, reassigns them skipping the rep who held them, logs the reason, and undo restores them', async () => {
    const { rt, first } = await afterFirstRun();
    rt.clock.set(new Date('2026-11-25T09:59:00+08:00'));
    expect(preview(rt).slaCount).toBe(0); // 47 h 59 min: still within the SLA
    rt.clock.set(new Date('2026-11-25T10:30:00+08:00'));
    const plan = preview(rt);
    expect(plan.slaCount).toBe(5); // all but C-0001, contacted on the 24th
    expect(plan.rows).toHaveLength(0);
    expect(plan.slaRows.map((r) => r.customerId)).toEqual(['C-0002', 'C-0003', 'C-0004', 'C-0005', 'C-0006']);
    for (const row of plan.slaRows) {
      expect(row.fromRep).toBe(first[row.customerId]);
      expect(row.toRep).not.toBe(row.fromRep);
      expect(row.why).toMatch(/^SLA: not contacted within 48 h; Round robin over the whole team$/);
    }
    const before = owners(rt);
    const logBefore = records(rt, 'assignmentLog').length;
    expect(confirm(rt, plan.token).status).toBe('done');
    const after = owners(rt);
    expect(after['C-0001']).toEqual(before['C-0001']);
    for (const id of ['C-0002', 'C-0003', 'C-0004', 'C-0005', 'C-0006']) {
      expect(after[id][0]).not.toBe(first[id]);
      expect(after[id][1]).toBe(false);
    }
    const log = records(rt, 'assignmentLog').slice(logBefore);
    expect(log.map((l) => [l.customerId, l.fromRep, l.reason])).toEqual(
      plan.slaRows.map((r) => [
        r.customerId,
        r.fromRep,
        'SLA: not contacted within 48 h; Round robin over the whole team',
      ]),
    );
    // The new owners' clock starts now: nothing is flagged again at once.
    expect(preview(rt).slaCount).toBe(0);

    // Undo puts every lead back with its rep, reassign boxes left unticked as they were.
    rt.execute('menuUndoLastAssignment', [], { user: SECOND });
    expect(rt.ui.alerts.at(-1)?.prompt).toContain(': 5 customers');
    expect(owners(rt)).toEqual(before);
    expect(assignState(rt).lastRun).toBeNull();
    expect(
      records(rt, 'assignmentLog')
        .slice(logBefore)
        .every((l) => l.undone === true),
    ).toBe(true);
    // They are still late, so the next preview offers them again.
    expect(preview(rt).slaCount).toBe(5);
  });

  it('counts only working hours when Settings say so, and refuses a rep', async () => {
    // Assigned Monday 10:00; 16 working hours (09:00–18:00) run out Tuesday 17:00.
    const { rt } = await afterFirstRun({ slaFirstContactHours: 16, slaWorkingHours: 'Mon-Fri 09:00-18:00' });
    rt.clock.set(new Date('2026-11-24T16:30:00+08:00'));
    expect(preview(rt).slaCount).toBe(0);
    rt.clock.set(new Date('2026-11-24T17:30:00+08:00'));
    expect(preview(rt, SECOND).slaCount).toBe(5);
    const refused = rt.execute('apiPreviewAssignment', [], { user: 'bob@example.com' });
    expect(refused.error?.message).toContain('Only a manager can do this');
    const denied = rt.execute('apiConfirmAssignment', ['x'], { user: 'bob@example.com' });
    expect(denied.error?.message).toContain('Only a manager can do this');
  });

  it('the daily trigger returns them when turned on, logged as SLA (daily), and Undo reverses that run', async () => {
    const { rt, first } = await afterFirstRun({ slaDailyReassign: true, reminderHour: 9 });
    rt.call('menuTurnOnReminders', [], { user: MANAGER });
    rt.clock.set(new Date('2026-11-26T09:20:00+08:00'));
    const before = owners(rt);
    const runs = rt.fireDueTriggers();
    expect(runs).toHaveLength(1);
    expect(runs[0].error).toBeUndefined();
    expect(runs[0].logs.join('\n')).toMatch(/SLA: 5 leads returned to their pools/);
    const log = records(rt, 'assignmentLog').filter((l) => l.by === 'SLA (daily)');
    expect(log).toHaveLength(5);
    for (const row of log) {
      expect(row.fromRep).toBe(first[String(row.customerId)]);
      expect(row.toRep).not.toBe(row.fromRep);
      expect(String(row.reason)).toMatch(/^SLA: not contacted within 48 h/);
    }
    // The digests that follow tell each previous rep, and the managers, what was taken back.
    const previous = first[String(log[0].customerId)];
    const repMail = rt.mail.outbox.find(
      (m) => m.to[0] === previous && m.body.includes('Given to another rep for a missed SLA'),
    );
    expect(repMail?.body).toContain(
      `: SLA: not contacted within 48 h; Round robin over the whole team; now with ${String(log[0].toRep)}`,
    );
    for (const manager of [MANAGER, SECOND]) {
      const summary = rt.mail.outbox.find((m) => m.to[0] === manager);
      expect(summary?.body).toContain('Leads returned for a missed SLA since yesterday (5)');
      expect(summary?.htmlBody).toContain(`${previous} → ${String(log[0].toRep)}`);
    }
    rt.execute('menuUndoLastAssignment', [], { user: MANAGER });
    expect(owners(rt)).toEqual(before);
  });

  it('the daily trigger leaves leads alone when the switch is off', async () => {
    const { rt } = await afterFirstRun({ reminderHour: 9 });
    rt.call('menuTurnOnReminders', [], { user: MANAGER });
    rt.clock.set(new Date('2026-11-26T09:20:00+08:00'));
    const before = owners(rt);
    const logRows = records(rt, 'assignmentLog').length;
    expect(rt.fireDueTriggers()[0].error).toBeUndefined();
    expect(owners(rt)).toEqual(before);
    expect(records(rt, 'assignmentLog')).toHaveLength(logRows);
  });
});

const ACCOUNTS: Row[] = [
  {
    id: 'C-0100',
    company: 'ＡＣＭＥ（上海）',
    contact: 'Li',
    email: 'li@acme.cn',
    phone: '138 0013 8000',
    customerType: 'Potential',
    owner: 'bob@example.com',
  },
  { id: 'C-0101', company: 'Gone Ltd', contact: 'Wu', owner: 'dan@example.com', customerType: 'Potential' },
  { id: 'C-0102', company: 'Free', contact: 'Xu', email: 'xu@gmail.com', owner: 'cui@example.com' },
];
const NEW: Row[] = [
  { id: 'C-0200', company: 'acme(上海)', contact: 'A' },
  { id: 'C-0201', company: 'Other', contact: 'B', email: 'b@ACME.cn' },
  { id: 'C-0202', company: 'Third', contact: 'C', phone: '+86 13800138000' },
  { id: 'C-0203', company: 'gone ltd', contact: 'D' },
  { id: 'C-0204', company: 'Fourth', contact: 'E', email: 'e@gmail.com' },
];

describe('routing to the account owner', () => {
  it('sends matching new leads to the owner (company, domain, phone), others through the pool', async () => {
    const rt = await assignRuntime({
      reps: DEFAULT_REPS,
      customers: [...ACCOUNTS, ...NEW],
      settings: { managers: `${MANAGER}, ${SECOND}` },
    });
    const plan = preview(rt, SECOND);
    expect(plan.accountCount).toBe(3);
    expect(plan.accountRows.map((r) => [r.customerId, r.toRep, r.why])).toEqual([
      ['C-0200', 'bob@example.com', 'Same company as C-0100, owned by Bob'],
      ['C-0201', 'bob@example.com', 'Same e-mail domain as C-0100, owned by Bob'],
      ['C-0202', 'bob@example.com', 'Same phone as C-0100, owned by Bob'],
    ]);
    // Dan is inactive: his account's lead goes through the pool; a gmail address matches nobody.
    expect(plan.rows.map((r) => r.customerId)).toEqual(['C-0203', 'C-0204']);
    expect(confirm(rt, plan.token, SECOND).status).toBe('done');
    const log = records(rt, 'assignmentLog');
    expect(log.find((l) => l.customerId === 'C-0201')).toMatchObject({
      toRep: 'bob@example.com',
      pool: 'account',
      reason: 'Same e-mail domain as C-0100, owned by Bob',
    });
  });

  it('is turned off in Settings', async () => {
    const rt = await assignRuntime({
      reps: DEFAULT_REPS,
      customers: [...ACCOUNTS, ...NEW],
      settings: { assignToAccountOwner: false },
    });
    const plan = preview(rt);
    expect(plan.accountCount).toBe(0);
    expect(plan.rows).toHaveLength(5);
  });

  it('logs the reason in Chinese in a Chinese workbook', async () => {
    const rt = await assignRuntime({
      reps: DEFAULT_REPS,
      customers: [...ACCOUNTS, ...NEW],
      language: 'zh-CN',
      settings: { locale: 'zh-CN' },
    });
    const plan = preview(rt);
    expect(plan.accountRows[0].why).toBe('与 C-0100 同一公司，负责人 Bob');
    expect(confirm(rt, plan.token).status).toBe('done');
    expect(records(rt, 'assignmentLog', 'zh-CN').find((l) => l.customerId === 'C-0202')?.reason).toBe(
      '与 C-0100 电话相同，负责人 Bob',
    );
  });
});

describe('per-day maximum of new leads', () => {
  it('counts earlier runs of today (any manager) and resets the next day', async () => {
    const reps = DEFAULT_REPS.map((r) => (r.email === 'bob@example.com' ? { ...r, maxNewPerDay: 2 } : r));
    const rt = await assignRuntime({
      reps,
      customers: leads(4),
      settings: { managers: `${MANAGER}, ${SECOND}` },
    });
    expect(confirm(rt, preview(rt).token).status).toBe('done');
    const bobFirst = records(rt, 'assignmentLog').filter((l) => l.toRep === 'bob@example.com').length;
    expect(bobFirst).toBe(1);
    appendRecords(rt, 'customers', leads(12, 5));
    rt.clock.set(new Date('2026-11-23T15:00:00+08:00'));
    const plan = preview(rt, SECOND);
    const bob = plan.reps.find((r) => r.email === 'bob@example.com')!;
    expect(bob).toMatchObject({ count: 1, maxPerDay: 2, todayAfter: 2 });
    expect(confirm(rt, plan.token, SECOND).status).toBe('done');
    expect(records(rt, 'assignmentLog').filter((l) => l.toRep === 'bob@example.com')).toHaveLength(2);
    // Same day: Bob is full, and the preview says so.
    appendRecords(rt, 'customers', leads(3, 17));
    const full = preview(rt).reps.find((r) => r.email === 'bob@example.com')!;
    expect(full.count).toBe(0);
    expect(full.note).toBe('today’s maximum reached (2/2)');
    // Tomorrow (Shanghai time) he takes leads again.
    rt.clock.set(new Date('2026-11-24T08:00:00+08:00'));
    appendRecords(rt, 'customers', leads(5, 20));
    const tomorrow = preview(rt).reps.find((r) => r.email === 'bob@example.com')!;
    expect(tomorrow.count).toBeGreaterThan(0);
    expect(tomorrow.todayAfter).toBe(tomorrow.count); // yesterday's two no longer count
    expect(tomorrow.note).toBeNull();
  });
});

describe('form intake under the issue-14 rules', () => {
  it('counts form submissions towards the daily maximum and routes a form lead of an account to its owner', async () => {
    // Only Bob takes leads, at most 2 a day.
    const reps = DEFAULT_REPS.map((r) =>
      r.email === 'bob@example.com' ? { ...r, maxNewPerDay: 2 } : { ...r, active: false },
    );
    const rt = await assignRuntime({ reps, customers: ACCOUNTS.slice(0, 1) });
    rt.execute('menuTurnOnFormIntake', [], { user: MANAGER });
    rt.submitForm({ Company: 'Form One' });
    rt.submitForm({ Company: 'Form Two' });
    rt.submitForm({ Company: 'ａｃｍｅ（上海）' }); // Bob's account, but Bob had his 2 today
    const log = records(rt, 'assignmentLog');
    expect(log.map((l) => [l.customer, l.toRep, l.by])).toEqual([
      ['Form One', 'bob@example.com', 'form'],
      ['Form Two', 'bob@example.com', 'form'],
    ]);
    const plan = preview(rt);
    expect(plan.reps.find((r) => r.email === 'bob@example.com')).toMatchObject({
      count: 0,
      todayAfter: 2,
      note: 'today’s maximum reached (2/2)',
    });
    expect(plan.unassignedRows.map((u) => u.why)).toEqual([
      'Every eligible rep has reached today’s maximum of new leads or their capacity',
    ]);
    // The next day the account lead goes to its owner.
    rt.clock.set(new Date('2026-11-24T09:00:00+08:00'));
    const next = preview(rt);
    expect(next.accountRows.map((r) => [r.toRep, r.why])).toEqual([
      ['bob@example.com', 'Same company as C-0100, owned by Bob'],
    ]);
  });
});
