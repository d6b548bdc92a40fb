import { readTable } from '../../../src/core/table';
import {
  CUSTOMER_KEYS,
  FOLLOWUP_KEYS,
  REP_KEYS,
  prepareReminderRun,
  readCustomers,
  readFollowUps,
  readReps,
  reminderSettings,
  renderDigest,
  EMPTY_STATE,
  type ReminderInput,
} from '../../../src/core/reminders';

const specs = <K extends string>(keys: readonly K[]) => keys.map((key) => ({ key, headers: [key] }));
const UTC = { timeZone: 'UTC' };
const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

type Row = Record<string, unknown>;
function sheet(keys: readonly string[], rows: Row[]): unknown[][] {
  return [[...keys], ...rows.map((row) => keys.map((key) => row[key] ?? ''))];
}

function input(customers: Row[], followUps: Row[], reps: Row[], settings: Row = {}): ReminderInput {
  return {
    customers: readCustomers(readTable(sheet(CUSTOMER_KEYS, customers), specs(CUSTOMER_KEYS)), UTC),
    followUps: readFollowUps(readTable(sheet(FOLLOWUP_KEYS, followUps), specs(FOLLOWUP_KEYS)), UTC),
    reps: readReps(readTable(sheet(REP_KEYS, reps), specs(REP_KEYS)), UTC),
    settings: reminderSettings({ staleContactDays: 60, staleVipDays: 30, ...settings }, 'en_US'),
  };
}

const REPS = [
  { name: 'Ann', email: 'ann@x.com', active: true },
  { name: '王伟', email: 'wang@x.com', active: true, language: 'zh-CN' },
  { name: 'Old', email: 'old@x.com', active: false },
];
const run = (i: ReminderInput, today = '2026-11-23', quota = 100) =>
  prepareReminderRun(i, EMPTY_STATE, {
    today,
    quota,
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
    sheetIds: { customers: 11, followups: 22 },
  });

describe('digests', () => {
  it('lists overdue (with days), due today and stale customers per owner, each with phone, note and link', () => {
    const i = input(
      [
        { id: 'C1', company: 'Acme', phone: '+86 1', owner: 'ann@x.com', lastContact: d('2026-11-01') },
        { id: 'C2', company: 'Beta', owner: 'ann@x.com', lastContact: d('2026-11-20'), tier: 'VIP' },
        { id: 'C3', company: 'Gamma', owner: 'ann@x.com', lastContact: d('2026-08-01') },
        { id: 'C4', company: 'Delta', owner: 'ann@x.com', lastContact: d('2026-10-01'), tier: 'VIP' },
        { id: 'C5', company: 'Eps', owner: 'ann@x.com', lastContact: d('2026-10-01') },
      ],
      [
        {
          id: 'F1',
          customerId: 'C1',
          time: d('2026-11-01'),
          content: 'sent quote',
          nextDate: d('2026-11-18'),
          rep: 'ann@x.com',
        },
        {
          id: 'F2',
          customerId: 'C2',
          time: d('2026-11-20'),
          content: 'call back',
          nextDate: d('2026-11-23'),
          rep: 'ann@x.com',
        },
      ],
      REPS,
    );
    const result = run(i);
    expect(result.digests).toHaveLength(1);
    const [digest] = result.digests;
    expect(digest.rep).toBe('ann@x.com');
    expect(digest.overdue.map((x) => [x.customer, x.daysOverdue, x.phone, x.lastNote])).toEqual([
      ['Acme', 5, '+86 1', 'sent quote'],
    ]);
    expect(digest.overdue[0].link).toBe('https://docs.google.com/spreadsheets/d/abc/edit#gid=22&range=A2');
    expect(digest.dueToday.map((x) => x.customer)).toEqual(['Beta']);
    // Gamma: 114 days > 60; Delta VIP: 53 days > 30; Eps 53 days <= 60 is fine.
    expect(digest.stale.map((x) => [x.customer, x.daysSinceContact, x.link])).toEqual([
      ['Delta', 53, 'https://docs.google.com/spreadsheets/d/abc/edit#gid=11&range=A5'],
      ['Gamma', 114, 'https://docs.google.com/spreadsheets/d/abc/edit#gid=11&range=A4'],
    ]);
  });

  it('counts only the latest follow-up per customer, and a ticked done box closes it', () => {
    const i = input(
      [{ id: 'C1', company: 'Acme', owner: 'ann@x.com', lastContact: d('2026-11-20') }],
      [
        { id: 'F1', customerId: 'C1', time: d('2026-11-01'), nextDate: d('2026-11-10') },
        { id: 'F2', customerId: 'C1', time: d('2026-11-20'), nextDate: d('2026-11-22') },
      ],
      REPS,
    );
    expect(run(i).digests[0].overdue.map((x) => x.key)).toEqual(['followup:F2']);
    const closed = input(
      [{ id: 'C1', company: 'Acme', owner: 'ann@x.com', lastContact: d('2026-11-20') }],
      [{ id: 'F2', customerId: 'C1', time: d('2026-11-20'), nextDate: d('2026-11-22'), done: true }],
      REPS,
    );
    expect(run(closed).digests).toEqual([]);
  });

  it('takes a next follow-up typed into Customers unless contact happened on or after it', () => {
    const customers = [
      {
        id: 'C1',
        company: 'Typed',
        owner: 'ann@x.com',
        lastContact: d('2026-11-10'),
        nextFollowUp: d('2026-11-21'),
      },
      {
        id: 'C2',
        company: 'Contacted',
        owner: 'ann@x.com',
        lastContact: d('2026-11-22'),
        nextFollowUp: d('2026-11-21'),
      },
      {
        id: 'C3',
        company: 'Mirrored',
        owner: 'ann@x.com',
        lastContact: d('2026-11-10'),
        nextFollowUp: d('2026-11-20'),
      },
    ];
    const followUps = [
      { id: 'F3', customerId: 'C3', time: d('2026-11-10'), nextDate: d('2026-11-20'), done: true },
    ];
    const digest = run(input(customers, followUps, REPS)).digests[0];
    expect(digest.overdue.map((x) => [x.key, x.daysOverdue, x.source])).toEqual([
      ['customer:C1', 2, 'customer'],
    ]);
  });

  it('sends to the customer owner, not to inactive or unknown reps, and nothing to reps with nothing due', () => {
    const i = input(
      [
        { id: 'C1', company: 'A', owner: 'wang@x.com' },
        { id: 'C2', company: 'B', owner: 'old@x.com' },
        { id: 'C3', company: 'C', owner: 'ghost@x.com' },
      ],
      [
        { id: 'F1', customerId: 'C1', rep: 'ann@x.com', time: d('2026-11-20'), nextDate: d('2026-11-23') },
        { id: 'F2', customerId: 'C2', rep: 'old@x.com', time: d('2026-11-20'), nextDate: d('2026-11-22') },
        { id: 'F3', customerId: 'C3', rep: 'ghost@x.com', time: d('2026-11-20'), nextDate: d('2026-11-22') },
      ],
      REPS,
      { managerTeamSummary: true, managers: 'boss@x.com' },
    );
    const result = run(i);
    expect(result.digests.map((x) => x.rep)).toEqual(['wang@x.com']);
    expect(result.digests[0].locale).toBe('zh-CN');
    expect([...result.heldByOwner.keys()].sort()).toEqual(['ghost@x.com', 'old@x.com']);
    expect(result.summaries.map((s) => s.recipient)).toEqual(['boss@x.com']);
    expect(result.plan.send).toEqual(['wang@x.com', 'team:boss@x.com']);
    const team = result.message('team:boss@x.com');
    expect(team.body).toContain('inactive rep');
    expect(team.body).toContain('owner not in Reps');
  });

  it('skips reps out of office until their return day has passed', () => {
    const reps = [{ name: 'Ann', email: 'ann@x.com', active: true, outOfOfficeUntil: d('2026-11-23') }];
    const i = input(
      [{ id: 'C1', company: 'A', owner: 'ann@x.com' }],
      [{ id: 'F1', customerId: 'C1', time: d('2026-11-20'), nextDate: d('2026-11-22') }],
      reps,
    );
    expect(run(i).digests).toEqual([]);
    expect(run(i, '2026-11-24').digests.map((x) => x.rep)).toEqual(['ann@x.com']);
  });

  it('orders digests by urgency and sections by days overdue', () => {
    const i = input(
      [
        { id: 'C1', company: 'A', owner: 'ann@x.com' },
        { id: 'C2', company: 'B', owner: 'ann@x.com' },
        { id: 'C3', company: 'C', owner: 'wang@x.com' },
      ],
      [
        { id: 'F1', customerId: 'C1', time: d('2026-11-01'), nextDate: d('2026-11-21') },
        { id: 'F2', customerId: 'C2', time: d('2026-11-01'), nextDate: d('2026-11-13') },
        { id: 'F3', customerId: 'C3', time: d('2026-11-01'), nextDate: d('2026-11-23') },
      ],
      REPS,
    );
    const result = run(i);
    expect(result.digests.map((x) => x.rep)).toEqual(['ann@x.com', 'wang@x.com']);
    expect(result.digests[0].overdue.map((x) => x.daysOverdue)).toEqual([10, 2]);
    expect(run(i, '2026-11-23', 1).plan).toMatchObject({ send: ['ann@x.com'], held: ['wang@x.com'] });
  });

  it('escapes user text in the HTML mail and writes in the rep language', () => {
    const i = input(
      [{ id: 'C1', company: '<script>alert(1)</script>', phone: '"1"', owner: 'wang@x.com' }],
      [
        {
          id: 'F1',
          customerId: 'C1',
          time: d('2026-11-01'),
          content: 'a & b <i>',
          nextDate: d('2026-11-21'),
        },
      ],
      REPS,
    );
    const digest = run(i).digests[0];
    const mail = renderDigest(digest, '2026-11-23');
    expect(mail.htmlBody).not.toContain('<script>');
    expect(mail.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.htmlBody).toContain('a &amp; b &lt;i&gt;');
    expect(mail.subject).toBe('SalesDesk 跟进提醒（2026-11-23）：逾期 1 条');
    expect(mail.body).toContain('已逾期 2 天（应于 2026-11-21 跟进）');
    expect(mail.body).toContain('<script>alert(1)</script>');
    const held = renderDigest(digest, '2026-11-23', '2026-11-21');
    expect(held.body).toContain('自 2026-11-21 起顺延发送');
  });

  it('caps long sections', () => {
    const customers = Array.from({ length: 60 }, (_, n) => ({
      id: `C${n}`,
      company: `Co ${n}`,
      owner: 'ann@x.com',
    }));
    const followUps = customers.map((c, n) => ({
      id: `F${n}`,
      customerId: c.id,
      time: d('2026-11-01'),
      nextDate: d('2026-11-20'),
    }));
    const mail = renderDigest(run(input(customers, followUps, REPS)).digests[0], '2026-11-23');
    expect(mail.body).toContain('…and 10 more');
    expect(mail.subject).toBe('SalesDesk follow-ups for 2026-11-23: 60 overdue');
  });
});
