/** SLA of assigned leads: working hours, first contact, days without follow-up, read from the log and follow-ups. */
import { ZoneDays } from '../../../src/core/dates';
import {
  assignedOnDay,
  latestAssignments,
  parseWorkingHours,
  slaFlagOf,
  slaSettings,
  weekdayOf,
  workingMs,
  type LogKey,
} from '../../../src/core/assign';
import type { Table } from '../../../src/core/table';

const zone = new ZoneDays('Asia/Shanghai');
const at = (text: string) => Date.parse(`${text}+08:00`);
const H = 3_600_000;

function logTable(rows: unknown[][]): Table<LogKey> {
  return {
    columns: { time: 0, customerId: 1, toRep: 2, undone: 3 },
    rows,
    firstRow: 2,
  } as unknown as Table<LogKey>;
}

describe('working hours', () => {
  it('reads English and Chinese day ranges and hours', () => {
    const weekdays = [false, true, true, true, true, true, false];
    expect(parseWorkingHours('Mon-Fri 09:00-18:00')).toEqual({
      days: weekdays,
      startMinute: 540,
      endMinute: 1080,
    });
    expect(parseWorkingHours('周一至周五 09:00-18:00')).toEqual({
      days: weekdays,
      startMinute: 540,
      endMinute: 1080,
    });
    expect(parseWorkingHours('Mon,Wed 9-17')).toMatchObject({
      days: [false, true, false, true, false, false, false],
    });
    expect(parseWorkingHours('')).toBeNull();
    expect(parseWorkingHours('whenever')).toBe('invalid');
    expect(parseWorkingHours('Mon-Fri 18:00-09:00')).toBe('invalid');
  });

  it('counts only working time in the spreadsheet’s zone (a Friday-evening lead waits the weekend)', () => {
    const hours = parseWorkingHours('Mon-Fri 09:00-18:00');
    if (hours === 'invalid' || hours === null) throw new Error('unreadable');
    expect(weekdayOf(zone.dayOfInstant(at('2026-11-27T12:00:00')))).toBe(5); // a Friday
    // Friday 17:00 → Monday 10:00: 1 h on Friday + 1 h on Monday.
    expect(workingMs(at('2026-11-27T17:00:00'), at('2026-11-30T10:00:00'), zone, hours, 100 * H)).toBe(2 * H);
    expect(workingMs(at('2026-11-27T17:00:00'), at('2026-11-30T10:00:00'), zone, null, 1000 * H)).toBe(
      65 * H,
    );
  });
});

describe('slaFlagOf', () => {
  const log = logTable([
    [new Date(at('2026-11-23T10:00:00')), 'C-1', 'a@x.com', false],
    [new Date(at('2026-11-20T10:00:00')), 'C-2', 'b@x.com', false],
    [new Date(at('2026-11-23T10:00:00')), 'C-2', 'a@x.com', true], // undone: C-2 is still b's assignment
  ]);
  const assignments = latestAssignments(log, zone);
  const settings = slaSettings({ slaFirstContactHours: 48, slaFollowUpMaxDays: 7 });
  const customer = { customerId: 'C-1', owner: 'a@x.com', open: true };

  it('flags a lead not contacted within 48 h of its assignment, not one contacted since', () => {
    expect(slaFlagOf(customer, assignments, new Map(), settings, at('2026-11-25T09:59:00'), zone)).toBeNull();
    expect(slaFlagOf(customer, assignments, new Map(), settings, at('2026-11-25T10:01:00'), zone)).toEqual({
      kind: 'firstContact',
      hours: 48,
    });
    const contacted = new Map([['c-1', [at('2026-11-24T11:00:00')]]]);
    expect(slaFlagOf(customer, assignments, contacted, settings, at('2026-11-26T10:00:00'), zone)).toBeNull();
    // A follow-up before the assignment is not contact since.
    const before = new Map([['c-1', [at('2026-11-22T11:00:00')]]]);
    expect(slaFlagOf(customer, assignments, before, settings, at('2026-11-26T10:00:00'), zone)?.kind).toBe(
      'firstContact',
    );
  });

  it('flags an open lead without a follow-up for more than the maximum days; never a closed or hand-owned one', () => {
    const contacted = new Map([['c-1', [at('2026-11-24T11:00:00')]]]);
    expect(slaFlagOf(customer, assignments, contacted, settings, at('2026-12-01T10:00:00'), zone)).toBeNull();
    expect(slaFlagOf(customer, assignments, contacted, settings, at('2026-12-02T10:00:00'), zone)).toEqual({
      kind: 'noFollowUp',
      days: 7,
    });
    expect(
      slaFlagOf(
        { ...customer, open: false },
        assignments,
        new Map(),
        settings,
        at('2026-12-02T10:00:00'),
        zone,
      ),
    ).toBeNull();
    // Owner changed by hand since the assignment: no SLA.
    expect(
      slaFlagOf(
        { ...customer, owner: 'c@x.com' },
        assignments,
        new Map(),
        settings,
        at('2026-12-02T10:00:00'),
        zone,
      ),
    ).toBeNull();
    // Undone log rows do not count: C-2 is judged from b's assignment of 20 Nov.
    expect(
      slaFlagOf(
        { customerId: 'C-2', owner: 'b@x.com', open: true },
        assignments,
        new Map(),
        settings,
        at('2026-11-21T10:00:00'),
        zone,
      ),
    ).toBeNull();
  });

  it('with working hours, a weekend does not count', () => {
    const working = slaSettings({ slaFirstContactHours: 16, slaWorkingHours: 'Mon-Fri 09:00-18:00' });
    const friday = logTable([[new Date(at('2026-11-27T17:00:00')), 'C-1', 'a@x.com', '']]);
    const assigned = latestAssignments(friday, zone);
    // Fri 1 h + Mon 9 h = 10 h < 16 h on Monday evening; 16 h reached Tuesday 15:00.
    expect(slaFlagOf(customer, assigned, new Map(), working, at('2026-11-30T20:00:00'), zone)).toBeNull();
    expect(slaFlagOf(customer, assigned, new Map(), working, at('2026-12-01T15:30:00'), zone)?.kind).toBe(
      'firstContact',
    );
  });
});

describe('assignedOnDay', () => {
  it('counts today’s rows that are not undone, in the spreadsheet’s zone', () => {
    const log = logTable([
      [new Date(at('2026-12-01T00:30:00')), 'C-1', 'A@x.com', false], // 16:30 UTC the day before: still today here
      [new Date(at('2026-12-01T23:30:00')), 'C-2', 'a@x.com', ''],
      [new Date(at('2026-12-01T12:00:00')), 'C-3', 'a@x.com', true],
      [new Date(at('2026-11-30T23:59:00')), 'C-4', 'a@x.com', false],
    ]);
    expect(assignedOnDay(log, zone, zone.dayOfInstant(at('2026-12-01T12:00:00')))).toEqual(
      new Map([['a@x.com', 2]]),
    );
  });
});
