/**
 * The daily reminders' "sent" marks under a fault at every service call of a run (issue 10), through the built
 * bundle: the daily trigger runs with a service error, then with the 6-minute limit, at call k = 1..N in turn; the
 * next run (a manager's *Send reminders now* the same day) then sends exactly the digests not yet sent — every rep
 * and the team summary mailed once that day, nobody twice, nobody dropped. The hard case is a stop between a send
 * and its record: the run records its digests in flight (src/core/reminders/in-flight.ts) and the next run settles
 * them against the mail quota.
 */
import { parseLocalDateTime } from '../../src/core/dates';
import type { LocalRuntime } from '../../runtime';
import { MANAGER, day, reps, runtimeWith, type FixtureData, type Row } from './reminders-fixture';

// Each case loops over every call of a run, with a fresh runtime per call.
jest.setTimeout(600_000);

const TZ = 'Asia/Shanghai';
const TODAY = '2026-11-23';
const team = reps(5);
const customers: Row[] = team.map((rep, i) => ({
  id: `C${i + 1}`,
  company: `Company ${i + 1}`,
  owner: rep.email,
  lastContact: day('2026-11-01'),
}));
const DATA: FixtureData = {
  customers,
  followups: customers.map((c, i) => ({
    id: `F-${i + 1}`,
    customerId: c.id,
    time: day('2026-11-01'),
    nextDate: day(`2026-11-${String(10 + i).padStart(2, '0')}`),
    rep: c.owner,
    done: false,
  })),
  reps: team,
  settings: {
    reminderHour: 9,
    staleContactDays: 3650,
    staleVipDays: 3650,
    managers: MANAGER,
    managerTeamSummary: true,
  },
};
/** Every digest of the day: one per rep and the manager's team summary. */
const EVERYONE = [...team.map((rep) => String(rep.email)), MANAGER].sort();

function at(rt: LocalRuntime, time: string): void {
  rt.clock.set(parseLocalDateTime(`${TODAY}T${time}`, rt.timeZone));
}

/** A workbook with the daily trigger installed by the manager, at 09:10, the trigger due. */
async function beforeTheRun(): Promise<LocalRuntime> {
  const rt = await runtimeWith(DATA, { timeZone: TZ, now: '2026-11-23T00:00:00Z' });
  at(rt, '08:00');
  expect(rt.execute('menuTurnOnReminders', [], { user: MANAGER }).error).toBeUndefined();
  at(rt, '09:10');
  return rt;
}

const recipients = (rt: LocalRuntime, from = 0) => rt.mail.outbox.slice(from).map((mail) => mail.to[0]);

describe('daily reminders: a fault at every service call of a run', () => {
  let calls: number;

  beforeAll(async () => {
    const rt = await beforeTheRun();
    const runs = rt.fireDueTriggers();
    expect(runs).toHaveLength(1);
    expect(runs[0].error).toBeUndefined();
    expect(recipients(rt).sort()).toEqual(EVERYONE);
    calls = runs[0].totalCalls;
    expect(calls).toBeGreaterThan(EVERYONE.length);
  });

  it.each(['error', 'timeout'] as const)(
    '%s at call k = 1..N: the next run sends exactly the digests not yet sent, never twice',
    async (kind) => {
      for (let k = 1; k <= calls; k++) {
        const rt = await beforeTheRun();
        rt.faults.inject({ call: k, kind, fn: 'onDailyReminders' });
        const faulted = rt.fireDueTriggers();
        expect(faulted).toHaveLength(1);
        const context = `${kind} at call ${k} (${rt.faults.fired[0]?.member ?? 'not reached'}): ${
          faulted[0].error?.message ?? 'no error'
        }`;
        const first = recipients(rt);
        expect({ context, twice: first.length - new Set(first).size }).toEqual({ context, twice: 0 });

        at(rt, '12:00');
        const next = rt.execute('menuSendRemindersNow', [], { user: MANAGER });
        expect({ context, error: next.error?.message }).toEqual({ context, error: undefined });
        const second = recipients(rt, first.length);
        // Exactly those not sent by the faulted run...
        expect({ context, second: [...second].sort() }).toEqual({
          context,
          second: EVERYONE.filter((to) => !first.includes(to)),
        });
        // ...so everyone once today, and a third run sends nothing.
        expect({ context, all: recipients(rt).sort() }).toEqual({ context, all: EVERYONE });
        at(rt, '15:00');
        expect(rt.execute('menuSendRemindersNow', [], { user: MANAGER }).error).toBeUndefined();
        expect({ context, third: recipients(rt, EVERYONE.length) }).toEqual({ context, third: [] });
      }
    },
  );

  it("another manager's run leaves a stopped run's digests in flight to the trigger owner's next run", async () => {
    // The 6-minute limit at the 3rd send: two digests went out and no record of them was written.
    let rt: LocalRuntime | undefined;
    for (let k = 1; k <= calls && !rt; k++) {
      const candidate = await beforeTheRun();
      candidate.faults.inject({ call: k, kind: 'timeout', fn: 'onDailyReminders' });
      candidate.fireDueTriggers();
      if (recipients(candidate).length === 2) rt = candidate;
    }
    expect(rt).toBeDefined();
    const first = recipients(rt!);
    // A second manager, whose MailApp quota is their own, cannot tell which of the digests in flight went out:
    // their run sends none of them (only their own new team summary), nobody twice.
    const other = 'second.boss@example.com';
    const settings = rt!.workbook.sheetValues('Settings');
    const row = settings.findIndex((r) => r[0] === 'managers');
    expect(row).toBeGreaterThan(0);
    rt!.workbook.writeValues(
      rt!.workbook.requireSheet('Settings'),
      { row: row + 1, column: 2, numRows: 1, numColumns: 1 },
      [[`${MANAGER}, ${other}`]],
    );
    at(rt!, '12:00');
    expect(rt!.execute('menuSendRemindersNow', [], { user: other }).error).toBeUndefined();
    expect(recipients(rt!, first.length)).toEqual([other]);
    const before = recipients(rt!).length;
    // The trigger's owner settles them from their quota: the other digests go out, each once.
    at(rt!, '15:00');
    expect(rt!.execute('menuSendRemindersNow', [], { user: MANAGER }).error).toBeUndefined();
    expect(recipients(rt!, before).sort()).toEqual(EVERYONE.filter((to) => !first.includes(to)));
    expect(recipients(rt!).sort()).toEqual([...EVERYONE, other].sort());
  });
});
