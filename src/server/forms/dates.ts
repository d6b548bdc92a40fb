/**
 * Dates across the sidebar boundary: the client sends 'yyyy-MM-dd' and 'yyyy-MM-ddTHH:mm' meaning wall-clock time in
 * the spreadsheet's time zone; the sheet stores Date values. Conversions go through the zone's one ZoneDays
 * (zoneDays in src/core/dates: Intl, offsets cached), not Utilities.formatDate, so formatting 20 000 date cells
 * costs no service calls.
 */
import { zoneDays } from '../../core/dates';

/** The instant at which the wall clock in `timeZone` shows the given local date (and time). */
export function zonedInstant(local: string, timeZone: string): Date {
  // A full ISO instant (with Z or an offset, as CONTRACTS.md allows for times) already names its instant.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(local.trim())) {
    const instant = new Date(local.trim());
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(local.trim());
  if (!match) throw new Error(`not a date: ${local}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const zone = zoneDays(timeZone);
  // Two passes: the offset at the guessed instant, then at the corrected one (differs only around DST changes).
  let instant = wall - zone.offsetMs(wall);
  instant = wall - zone.offsetMs(instant);
  return new Date(instant);
}

/** A sheet date cell from 'yyyy-MM-dd' ('' stays ''). */
export function sheetDate(value: string, timeZone: string): Date | '' {
  return value.trim() === '' ? '' : zonedInstant(value, timeZone);
}

/** Wall-clock text of an instant in the zone: 'yyyy-MM-dd' or 'yyyy-MM-dd HH:mm'. */
export function formatters(timeZone: string): {
  date: (date: Date) => string;
  dateTime: (date: Date) => string;
  /** 'yyyy-MM-ddTHH:mm', what a datetime-local input holds. */
  inputDateTime: (date: Date) => string;
} {
  const zone = zoneDays(timeZone);
  const wall = (date: Date) => new Date(date.getTime() + zone.offsetMs(date.getTime())).toISOString();
  return {
    date: (date) => zone.isoOfInstant(date),
    dateTime: (date) => wall(date).slice(0, 16).replace('T', ' '),
    inputDateTime: (date) => wall(date).slice(0, 16),
  };
}
