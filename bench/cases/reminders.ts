/**
 * Issue 6 bench: the daily reminder run over 100 000 follow-ups (20 000 customers, 60 reps): one read per sheet,
 * 60 digests mailed within the quota, one properties write per send. Also the My follow-ups list for one rep.
 */
import { addDaysIso } from '../../src/core/dates';
import { day, reps, runtimeWith, type Row } from '../../test/integration/reminders-fixture';
import type { BenchCase } from '../types';

const TZ = 'Asia/Shanghai';
const TODAY = '2026-11-23';
const NOW = '2026-11-23T01:10:00Z'; // 09:10 in Shanghai, inside the trigger hour

function data(followUps: number, customers: number, repCount: number) {
  const team = reps(repCount);
  const customerRows: Row[] = Array.from({ length: customers }, (_, i) => ({
    id: `C-${String(i + 1).padStart(6, '0')}`,
    company: `Company ${i + 1}`,
    contact: `Contact ${i + 1}`,
    phone: `+86 138 ${String(10_000_000 + i)}`,
    owner: team[i % repCount].email,
    tier: i % 10 === 0 ? 'VIP' : 'Active',
    created: day('2025-01-01'),
    lastContact: day(addDaysIso(TODAY, -(i % 90))),
  }));
  const followUpRows: Row[] = Array.from({ length: followUps }, (_, i) => {
    const customer = customerRows[i % customers];
    return {
      id: `F-${String(i + 1).padStart(7, '0')}`,
      customerId: customer.id,
      time: day(addDaysIso(TODAY, -60 + Math.floor(i / customers) * 10)),
      channel: 'Phone',
      content: `Call ${i + 1}: discussed the quote`,
      nextStep: 'Send samples',
      nextDate: day(addDaysIso(TODAY, (i % 41) - 20)),
      rep: customer.owner,
      done: i % 7 === 0,
    };
  });
  return {
    customers: customerRows,
    followups: followUpRows,
    reps: team,
    settings: { managers: 'boss@example.com', reminderHour: 9, managerTeamSummary: true },
  };
}

export const cases: BenchCase[] = [
  {
    name: 'daily reminders (100 000 follow-ups, 20 000 customers, 60 reps)',
    rows: 120_000,
    setup: () => runtimeWith(data(100_000, 20_000, 60), { timeZone: TZ, now: NOW, mailQuota: 100 }),
    run: (rt) => rt.fireTrigger('onDailyReminders', { installAs: rt.owner })[0],
    extra: (result) => ({
      propertyWrites:
        (result.calls['Properties.setProperty'] ?? 0) +
        (result.calls['Properties.setProperties'] ?? 0) +
        (result.calls['Properties.deleteProperty'] ?? 0) +
        (result.calls['Properties.deleteAllProperties'] ?? 0),
    }),
  },
  {
    name: 'My follow-ups list (100 000 follow-ups)',
    rows: 120_000,
    setup: () => runtimeWith(data(100_000, 20_000, 60), { timeZone: TZ, now: NOW }),
    run: (rt) => rt.execute('apiMyFollowUps', [], { user: 'rep01@example.com' }),
  },
];
