/**
 * Utilities.formatDate: Java SimpleDateFormat patterns (what Apps Script uses) rendered in any IANA time zone
 * with Intl.DateTimeFormat — no date library needed in the runtime.
 */

interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 1 = Monday ... 7 = Sunday (ISO, like Java's 'u')
  offsetMinutes: number; // east of UTC
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAYS_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Accepts IANA names and Apps Script's 'GMT+8' / 'GMT+08:00' forms. */
export function normalizeTimeZone(timeZone: string): string {
  const gmt = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone.trim());
  if (gmt) {
    const minutes = Number(gmt[3] ?? 0);
    if (minutes === 0) return `Etc/GMT${gmt[1] === '+' ? '-' : '+'}${Number(gmt[2])}`;
    throw new Error(`local runtime: time zone ${timeZone} with minutes is not supported; use an IANA name`);
  }
  if (timeZone === 'GMT' || timeZone === 'UTC') return 'UTC';
  return timeZone;
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
  const parts: Record<string, string> = {};
  for (const part of formatterFor(normalizeTimeZone(timeZone)).formatToParts(date))
    parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const p = {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS_SHORT.indexOf(parts.weekday) + 1,
  };
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return { ...p, offsetMinutes: Math.round((asUtc - ms) / 60000) };
}

/** The instant at which the wall-clock time (y, m 1-12, d, h, min, s) occurs in a time zone. */
export function zonedTimeToUtc(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  let ms = guess - zonedParts(new Date(guess), timeZone).offsetMinutes * 60000;
  // A second pass settles times near a DST change.
  ms = guess - zonedParts(new Date(ms), timeZone).offsetMinutes * 60000;
  return new Date(ms);
}

const pad = (value: number, width: number): string => String(Math.abs(value)).padStart(width, '0');

function offsetText(minutes: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (minutes === 0 && style !== 'Z') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'X') return `${sign}${h}`;
  if (style === 'XXX') return `${sign}${h}:${m}`;
  return `${sign}${h}${m}`;
}

/** Java's general time zone ('z'): Intl's short name (e.g. 'GMT+8', 'PST'); Java may print an abbreviation like 'CST'. */
function zoneName(date: Date, timeZone: string, long: boolean): string {
  const name = new Intl.DateTimeFormat('en-US', {
    timeZone: normalizeTimeZone(timeZone),
    timeZoneName: long ? 'long' : 'short',
  })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value;
  return name ?? timeZone;
}

function dayOfYear(p: ZonedParts): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
}

/** Utilities.formatDate(date, timeZone, pattern). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      // Quoted literal; '' is a single quote.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Inside quotes, '' is a quote too.
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") break;
        else out += pattern[j++];
      }
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
      case 'L':
        out +=
          n >= 4
            ? MONTHS_LONG[p.month - 1]
            : n === 3
              ? MONTHS_LONG[p.month - 1].slice(0, 3)
              : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'D':
        out += pad(dayOfYear(p), n);
        break;
      case 'E':
        out += n >= 4 ? WEEKDAYS_LONG[p.weekday - 1] : WEEKDAYS_SHORT[p.weekday - 1];
        break;
      case 'u':
        out += pad(p.weekday, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, n);
        break;
      case 'z':
        out += zoneName(date, timeZone, n >= 4);
        break;
      case 'Z':
        out += offsetText(p.offsetMinutes, 'Z');
        break;
      case 'X':
        out += offsetText(p.offsetMinutes, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
        break;
      case 'G':
        out += p.year > 0 ? 'AD' : 'BC';
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
