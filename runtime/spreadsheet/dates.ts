/**
 * Sheets stores dates as serial days since 1899-12-30 in the spreadsheet's time zone: a cell showing
 * 2024-03-01 00:00 holds 45352 whatever the script's or the machine's time zone. These helpers convert
 * between that serial and a JS Date (an instant) through the spreadsheet time zone.
 */

const MS_PER_DAY = 86_400_000;
/** Days between 1899-12-30 (serial 0) and 1970-01-01. */
const EPOCH_OFFSET_DAYS = 25_569;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function wallClock(date: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(date);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  let year = get('year');
  // Intl writes years before 1 AD with an era; the runtime never needs them.
  if (parts.some((p) => p.type === 'era' && p.value.startsWith('B'))) year = 1 - year;
  return {
    year,
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
    millisecond: date.getTime() % 1000 < 0 ? (date.getTime() % 1000) + 1000 : date.getTime() % 1000,
  };
}

const offsetCaches = new Map<string, Map<number, number>>();
const MS_PER_QUARTER_HOUR = 900_000;

/** Offset of the time zone from UTC at an instant, in ms (UTC+8 → 28 800 000). */
export function timeZoneOffsetMs(date: Date, timeZone: string): number {
  return offsetAtMs(date.getTime(), timeZone);
}

// The zone of the last lookup: a sheet read converts thousands of cells in one zone.
let lastZone: string | undefined;
let lastCache: Map<number, number> | undefined;

function offsetAtMs(ms: number, timeZone: string): number {
  // Offsets only change on quarter-hour boundaries; caching per quarter hour keeps reading 50 000 dates cheap.
  const bucket = Math.floor(ms / MS_PER_QUARTER_HOUR);
  let cache = timeZone === lastZone ? lastCache : undefined;
  if (!cache) {
    cache = offsetCaches.get(timeZone);
    if (!cache) offsetCaches.set(timeZone, (cache = new Map()));
    lastZone = timeZone;
    lastCache = cache;
  }
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const probe = new Date(bucket * MS_PER_QUARTER_HOUR);
  const w = wallClock(probe, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  const offset = asUtc - probe.getTime();
  if (cache.size > 200_000) cache.clear();
  cache.set(bucket, offset);
  return offset;
}

/** JS Date (instant) → Sheets serial number in the spreadsheet time zone. */
export function dateToSerial(date: Date, timeZone: string): number {
  const offset = timeZoneOffsetMs(date, timeZone);
  return (date.getTime() + offset) / MS_PER_DAY + EPOCH_OFFSET_DAYS;
}

/** Sheets serial number → the JS Date it denotes in the spreadsheet time zone. */
export function serialToDate(serial: number, timeZone: string): Date {
  // Round to the millisecond as Sheets does: serials carry float noise (0.1 + 0.2 style).
  const wallMs = Math.round((serial - EPOCH_OFFSET_DAYS) * MS_PER_DAY);
  let guess = wallMs - offsetAtMs(wallMs, timeZone);
  // Second pass settles instants near a daylight-saving change.
  guess = wallMs - offsetAtMs(guess, timeZone);
  return new Date(guess);
}

/** Wall-clock fields for a serial (no time zone involved: the serial already is wall-clock time). */
export function serialToWallClock(serial: number): WallClock {
  const ms = Math.round((serial - EPOCH_OFFSET_DAYS) * MS_PER_DAY);
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** Serial for wall-clock fields. */
export function wallClockToSerial(
  w: Partial<WallClock> & { year: number; month: number; day: number },
): number {
  const ms = Date.UTC(
    w.year,
    w.month - 1,
    w.day,
    w.hour ?? 0,
    w.minute ?? 0,
    w.second ?? 0,
    w.millisecond ?? 0,
  );
  return ms / MS_PER_DAY + EPOCH_OFFSET_DAYS;
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** True for Date objects, including ones made in another realm (the vm context of the bundle). */
export function isDateLike(value: unknown): value is Date {
  return (
    value instanceof Date || (Object.prototype.toString.call(value) === '[object Date]' && value !== null)
  );
}
