import {
  DayClock,
  formatZoned,
  lastTwelveMonths,
  quarterKey,
  zonedMidnight,
} from '../../../src/core/dashboard/days';

describe('days in the spreadsheet time zone', () => {
  const shanghai = new DayClock('Asia/Shanghai');
  const newYork = new DayClock('America/New_York');

  it('puts an instant on the day the zone shows', () => {
    const lateUtc = new Date('2026-03-14T20:00:00Z'); // 04:00 on the 15th in Shanghai, 16:00 on the 14th in New York
    expect(formatZoned(lateUtc, shanghai)).toBe('2026-03-15 04:00');
    expect(formatZoned(lateUtc, newYork)).toBe('2026-03-14 16:00');
    expect(shanghai.dayNumber(lateUtc)! - newYork.dayNumber(lateUtc)!).toBe(1);
    expect(shanghai.dayNumber('2026-03-15')).toBe(shanghai.dayNumber(lateUtc));
  });

  it('midnight round-trips, across a daylight-saving change too', () => {
    for (const [clock, day] of [
      [shanghai, '2026-03-15'],
      [newYork, '2026-03-08'],
      [newYork, '2026-11-01'],
    ] as const) {
      const midnight = zonedMidnight(day, clock)!;
      expect(formatZoned(midnight, clock)).toBe(day);
    }
    expect(zonedMidnight('2026-13-01x', shanghai)).toBeNull();
  });

  it('names quarters and the last twelve months', () => {
    const day = shanghai.dayNumber('2026-01-31')!;
    expect(quarterKey(day)).toBe('2026-Q1');
    expect(lastTwelveMonths(day)[0]).toBe('2025-02');
    expect(lastTwelveMonths(day)[11]).toBe('2026-01');
  });
});
