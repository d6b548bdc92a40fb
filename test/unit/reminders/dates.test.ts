import {
  addDaysIso,
  dayOfText,
  daysBetween,
  isoOfDayNumber,
  parseLocalDateTime,
  todayIn,
  ZoneDays,
} from '../../../src/core/dates';

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
});
