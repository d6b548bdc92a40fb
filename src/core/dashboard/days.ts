/**
 * Calendar days in the spreadsheet's time zone, for grouping by month and quarter. Sheets hands dates over as
 * Date objects (an instant); the day a user sees in the cell depends on the spreadsheet's time zone, so each
 * instant is shifted by that zone's offset. Offsets come from the execution's one ZoneDays of the zone
 * (src/core/dates.ts: Intl, cached), so 200 000 deals cost a few hundred Intl calls, not 200 000.
 */
import { zoneDays, type ZoneDays } from '../dates';

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})/;

export class DayClock {
  private readonly zone: ZoneDays;

  /** @throws RangeError when `timeZone` is not an IANA zone Intl knows. */
  constructor(readonly timeZone: string) {
    this.zone = zoneDays(timeZone);
  }

  /** Minutes the zone is ahead of UTC at this instant. */
  offsetMinutes(ms: number): number {
    return this.zone.offsetMs(ms) / 60_000;
  }

  /**
   * The calendar day of a cell value as days since 1970-01-01 (an integer), or null when it is no date.
   * Accepts Date objects and 'yyyy-MM-dd' text (what CSV imports and older rows hold).
   */
  dayNumber(value: unknown): number | null {
    if (value instanceof Date) {
      const ms = value.getTime();
      if (Number.isNaN(ms)) return null;
      return Math.floor((ms + this.offsetMinutes(ms) * 60_000) / 86_400_000);
    }
    if (typeof value === 'string') {
      const match = ISO_DAY.exec(value.trim());
      if (!match) return null;
      const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      return Number.isNaN(ms) ? null : Math.floor(ms / 86_400_000);
    }
    return null;
  }
}

/** 'yyyy-MM-dd' of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Year and 1-based month of a day number. */
export function monthOfDay(day: number): { year: number; month: number } {
  const date = new Date(day * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** 'yyyy-MM' of a day number. */
export function monthKey(day: number): string {
  return isoOfDay(day).slice(0, 7);
}

/** The twelve 'yyyy-MM' keys ending with the month of `day`, oldest first. */
export function lastTwelveMonths(day: number): string[] {
  const { year, month } = monthOfDay(day);
  const keys: string[] = [];
  for (let back = 11; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    keys.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return keys;
}

/** 'yyyy-Qn' of a day number. */
export function quarterKey(day: number): string {
  const { year, month } = monthOfDay(day);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * A Date as the spreadsheet shows it: 'yyyy-MM-dd' at midnight in the zone, else 'yyyy-MM-dd HH:mm' (or with
 * seconds when it has them). Used by the CSV export so dates leave in the form the import reads back.
 */
export function formatZoned(date: Date, clock: DayClock): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  const local = new Date(ms + clock.offsetMinutes(ms) * 60_000);
  const iso = local.toISOString();
  const time = iso.slice(11, 19);
  if (time === '00:00:00') return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}

/** The instant of midnight of 'yyyy-MM-dd' in the clock's zone (a sheet date cell), or null for bad text. */
export function zonedMidnight(isoDay: string, clock: DayClock): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay.trim());
  if (!match) return null;
  const asUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Two passes: the offset at the guess, then at the corrected instant (differs only across a DST change).
  let instant = asUtc - clock.offsetMinutes(asUtc) * 60_000;
  instant = asUtc - clock.offsetMinutes(instant) * 60_000;
  return new Date(instant);
}
