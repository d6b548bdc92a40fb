/**
 * Dates across the sidebar boundary: the client sends 'yyyy-MM-dd' and 'yyyy-MM-ddTHH:mm' meaning wall-clock time in
 * the spreadsheet's time zone; the sheet stores Date values. These convert between the two with Utilities, which
 * knows the zone's offset (including daylight saving) on that day.
 */

function offsetMinutes(date: Date, timeZone: string): number {
  const z = Utilities.formatDate(date, timeZone, 'Z'); // "+0800"
  const sign = z.startsWith('-') ? -1 : 1;
  return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
}

/** The instant at which the wall clock in `timeZone` shows the given local date and time. */
export function zonedInstant(local: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(local.trim());
  if (!match) throw new Error(`not a date: ${local}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // Two passes: the offset at the guessed instant, then at the corrected one (differs only around DST changes).
  let instant = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000;
  instant = asUtc - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/** A sheet date cell from 'yyyy-MM-dd' ('' stays ''). */
export function sheetDate(value: string, timeZone: string): Date | '' {
  return value.trim() === '' ? '' : zonedInstant(value, timeZone);
}

export function formatters(timeZone: string): {
  date: (date: Date) => string;
  dateTime: (date: Date) => string;
} {
  return {
    date: (date) => Utilities.formatDate(date, timeZone, 'yyyy-MM-dd'),
    dateTime: (date) => Utilities.formatDate(date, timeZone, 'yyyy-MM-dd HH:mm'),
  };
}
