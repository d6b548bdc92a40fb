import {
  addDaysIso,
  dayOfText,
  daysBetween,
  isoOfDayNumber,
  parseLocalDateTime,
  todayIn,
  zoneDays,
  ZoneDays,
} from '../../../src/core/dates';

const FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The offset of a zone at an instant straight from Intl, no cache: what ZoneDays must agree with. */
function intlOffsetMs(timeZone: string, ms: number): number {
  let format = FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    FORMATS.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return (
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) -
    Math.floor(ms / 60_000) * 60_000
  );
}

describe('dates in the spreadsheet time zone', () => {
  it('gives "today" in the zone, not in UTC', () => {
    const instant = new Date('2026-11-22T17:30:00Z'); // 01:30 on the 23rd in Shanghai
    expect(todayIn('Asia/Shanghai', instant)).toBe('2026-11-23');
    expect(todayIn('UTC', instant)).toBe('2026-11-22');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-22');
  });

  it('reads a date cell (local midnight instant) as the day the user sees', () => {
    const zone = new ZoneDays('Asia/Shanghai');
    const midnightShanghai = new Date('2026-11-22T16:00:00Z');
    expect(isoOfDayNumber(zone.dayOfCell(midnightShanghai)!)).toBe('2026-11-23');
    const la = new ZoneDays('America/New_York');
    // Across the DST change (2026-03-08) local midnight stays on its day.
    expect(isoOfDayNumber(la.dayOfCell(new Date('2026-03-08T05:00:00Z'))!)).toBe('2026-03-08');
    expect(isoOfDayNumber(la.dayOfCell(new Date('2026-03-09T04:00:00Z'))!)).toBe('2026-03-09');
  });

  it('reads text, serial numbers and rejects non-dates', () => {
    const zone = new ZoneDays('UTC');
    expect(isoOfDayNumber(zone.dayOfCell('2026-11-23')!)).toBe('2026-11-23');
    expect(isoOfDayNumber(zone.dayOfCell('2026-11-23T10:00:00')!)).toBe('2026-11-23');
    expect(isoOfDayNumber(zone.dayOfCell('2026/1/5')!)).toBe('2026-01-05');
    expect(isoOfDayNumber(zone.dayOfCell('2026年1月5日')!)).toBe('2026-01-05');
    expect(isoOfDayNumber(zone.dayOfCell(46349)!)).toBe('2026-11-23');
    expect(zone.dayOfCell('')).toBeNull();
    expect(zone.dayOfCell('soon')).toBeNull();
    expect(zone.dayOfCell('2026-02-31')).toBeNull();
    expect(zone.dayOfCell(3.5e9)).toBeNull();
    expect(zone.dayOfCell(new Date(NaN))).toBeNull();
    expect(dayOfText('13/13/2026')).toBeNull();
  });

  it('reads the hand-typed day formats exactly as the date-fns patterns did (yyyy/M/d, yyyy.M.d, yyyy年M月d日)', () => {
    expect(isoOfDayNumber(dayOfText('2026/03/05')!)).toBe('2026-03-05');
    expect(isoOfDayNumber(dayOfText('2026.12.31')!)).toBe('2026-12-31');
    expect(isoOfDayNumber(dayOfText(' 2024年2月29日 ')!)).toBe('2024-02-29');
    for (const bad of [
      '2026/2/30',
      '2025年2月29日',
      '2026.13.1',
      '2026/0/1',
      '2026/1/32',
      '2026/1',
      '2026-1/5',
      '2026/1/5x',
    ])
      expect(dayOfText(bad)).toBeNull();
  });

  it('counts days and hours', () => {
    expect(daysBetween('2026-11-20', '2026-11-23')).toBe(3);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(addDaysIso('2026-02-28', 1)).toBe('2026-03-01');
    expect(new ZoneDays('Asia/Shanghai').hourOfInstant(new Date('2026-11-23T01:00:00Z'))).toBe(9);
  });

  it('parses wall-clock times in a zone', () => {
    expect(parseLocalDateTime('2026-11-23T09:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-23T01:00:00.000Z',
    );
    expect(parseLocalDateTime('2026-11-23T09:00', 'UTC').toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(parseLocalDateTime('2026-07-01 09:00', 'America/New_York').toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
    expect(parseLocalDateTime('2026-11-23T09:00Z', 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-23T09:00:00.000Z',
    );
    expect(() => parseLocalDateTime('tomorrow', 'UTC')).toThrow('not a time');
  });

  it('has one ZoneDays per zone in an execution', () => {
    expect(zoneDays('America/New_York')).toBe(zoneDays('America/New_York'));
    expect(zoneDays('Europe/London')).not.toBe(zoneDays('America/New_York'));
    expect(zoneDays('Europe/London').timeZone).toBe('Europe/London');
    expect(() => zoneDays('Mars/Olympus')).toThrow(RangeError);
    expect(() => zoneDays('Mars/Olympus')).toThrow(RangeError);
  });

  it('agrees with Intl at every hour of a year, across DST changes of whole and half hours', () => {
    const start = Date.UTC(2026, 0, 1);
    const hours = 366 * 24;
    for (const timeZone of [
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe', // DST of 30 minutes
      'Pacific/Chatham', // UTC+12:45 / +13:45
      'Africa/Casablanca', // two changes a month apart (Ramadan)
      'Asia/Shanghai',
    ]) {
      const zone = new ZoneDays(timeZone);
      // Every hour once, in a scattered order (7 919 is prime to 8 784) so the per-day cache is filled out of
      // order, at minute 0 or 59 of the hour.
      for (let i = 0; i < hours; i++) {
        const hour = (i * 7919) % hours;
        const ms = start + hour * 3_600_000 + (i % 2) * 59 * 60_000;
        const want = intlOffsetMs(timeZone, start + hour * 3_600_000);
        if (zone.offsetMs(ms) !== want)
          expect([timeZone, new Date(ms).toISOString(), zone.offsetMs(ms)]).toEqual([
            timeZone,
            new Date(ms).toISOString(),
            want,
          ]);
      }
    }
  });

  it('reads days, hours and midnights around DST changes', () => {
    const newYork = new ZoneDays('America/New_York');
    // 2026-03-08: 02:00 EST becomes 03:00 EDT (07:00Z); 2026-11-01: 02:00 EDT becomes 01:00 EST (06:00Z).
    expect(newYork.hourOfInstant(new Date('2026-03-08T06:59:00Z'))).toBe(1);
    expect(newYork.hourOfInstant(new Date('2026-03-08T07:00:00Z'))).toBe(3);
    expect(newYork.hourOfInstant(new Date('2026-11-01T05:30:00Z'))).toBe(1);
    expect(newYork.hourOfInstant(new Date('2026-11-01T06:30:00Z'))).toBe(1);
    expect(newYork.isoOfInstant(new Date('2026-11-02T04:59:00Z'))).toBe('2026-11-01');
    expect(newYork.isoOfInstant(new Date('2026-11-02T05:00:00Z'))).toBe('2026-11-02');
    expect(newYork.midnightOf(dayOfText('2026-03-08')!).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(newYork.midnightOf(dayOfText('2026-03-09')!).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(newYork.midnightOf(dayOfText('2026-11-01')!).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(newYork.midnightOf(dayOfText('2026-11-02')!).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    const london = new ZoneDays('Europe/London');
    // 2026-03-29 01:00 GMT becomes 02:00 BST; 2026-10-25 02:00 BST becomes 01:00 GMT.
    expect(london.hourOfInstant(new Date('2026-03-29T00:59:00Z'))).toBe(0);
    expect(london.hourOfInstant(new Date('2026-03-29T01:00:00Z'))).toBe(2);
    expect(london.hourOfInstant(new Date('2026-03-29T23:30:00Z'))).toBe(0);
    expect(london.isoOfInstant(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(london.hourOfInstant(new Date('2026-10-25T00:30:00Z'))).toBe(1);
    expect(london.hourOfInstant(new Date('2026-10-25T01:30:00Z'))).toBe(1);
    expect(london.midnightOf(dayOfText('2026-03-30')!).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(london.midnightOf(dayOfText('2026-10-26')!).toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(parseLocalDateTime('2026-03-29T00:30', 'Europe/London').toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    );
    expect(parseLocalDateTime('2026-03-29T02:30', 'Europe/London').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 01:30 on 2026-10-25 happens twice: the second (GMT) one.
    expect(parseLocalDateTime('2026-10-25T01:30', 'Europe/London').toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });
});
