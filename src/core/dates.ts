/**
 * Calendar days as the spreadsheet's users see them. "Today" and every date cell are read in the spreadsheet's
 * time zone, never the machine's or UTC: a 09:00 trigger in Shanghai runs at 01:00 UTC, and a date cell holds the
 * instant of local midnight. Days travel as 'yyyy-MM-dd' strings (google.script.run cannot pass Date) and are
 * compared as day numbers (days since 1970-01-01), so arithmetic never meets daylight-saving gaps.
 *
 * Pure: Intl (ICU is in both V8 of Apps Script and Node); no Node built-ins, no date library (date-fns' `parse`
 * cost 32 KB of every execution's bundle for three fixed patterns).
 */

export type IsoDay = string;

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Days between the Sheets serial epoch (1899-12-30) and 1970-01-01. */
const SHEETS_EPOCH_OFFSET_DAYS = 25_569;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/;
/**
 * Day formats typed by hand that Sheets may leave as text (e.g. after a CSV import): 'yyyy/M/d', 'yyyy.M.d',
 * 'yyyy年M月d日' (a year of up to four digits, month and day of one or two; the calendar check is dayOfParts').
 */
const TEXT_DAY = /^(\d{1,4})(?:\/(\d{1,2})\/(\d{1,2})|\.(\d{1,2})\.(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;

/**
 * Offsets of one time zone from UTC, cached per UTC day: 100 000 date cells cost a few hundred Intl calls, not
 * 100 000 (formatToParts is the slow part of reading a big sheet). A day whose offset at its start (00:00 UTC) and
 * at the next day's start are the same has that offset all day (a zone changes its offset at most once a day); a
 * day with a change (a DST switch) is looked up per UTC hour, at the start of each hour.
 * Get one through `zoneDays(timeZone)`: one per zone per execution, so no two share out the same Intl calls.
 */
export class ZoneDays {
  /** UTC hour → offset at its start. */
  private readonly hourOffsets = new Map<number, number>();
  /** UTC day → its offset, or NaN for a day with a change (then hourOffsets answers). */
  private readonly dayOffsets = new Map<number, number>();
  private lastDay = Number.NaN;
  private lastDayOffset = Number.NaN;
  private readonly formatter: Intl.DateTimeFormat;

  /** @throws RangeError when `timeZone` is not an IANA zone Intl knows. */
  constructor(readonly timeZone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** Milliseconds the zone is ahead of UTC at `ms` (Asia/Shanghai: 28 800 000). */
  offsetMs(ms: number): number {
    const day = Math.floor(ms / MS_PER_DAY);
    if (day !== this.lastDay) {
      let offset = this.dayOffsets.get(day);
      if (offset === undefined) {
        const start = this.hourOffset(day * 24);
        offset = start === this.hourOffset((day + 1) * 24) ? start : Number.NaN;
        this.dayOffsets.set(day, offset);
      }
      this.lastDay = day;
      this.lastDayOffset = offset;
    }
    return Number.isNaN(this.lastDayOffset)
      ? this.hourOffset(Math.floor(ms / MS_PER_HOUR))
      : this.lastDayOffset;
  }

  /** The offset at the start of a UTC hour (hours since 1970-01-01T00:00Z). */
  private hourOffset(hour: number): number {
    const cached = this.hourOffsets.get(hour);
    if (cached !== undefined) return cached;
    const parts: Record<string, number> = {};
    for (const part of this.formatter.formatToParts(new Date(hour * MS_PER_HOUR))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute);
    const offset = wall - hour * MS_PER_HOUR;
    this.hourOffsets.set(hour, offset);
    return offset;
  }

  /** Day number of the calendar day an instant falls on in this zone. */
  dayOfInstant(instant: Date | number): number {
    const ms = typeof instant === 'number' ? instant : instant.getTime();
    return Math.floor((ms + this.offsetMs(ms)) / MS_PER_DAY);
  }

  /** The instant of local midnight starting a day: what a date cell holds for that day. */
  midnightOf(day: number): Date {
    const wall = day * MS_PER_DAY;
    let instant = wall - this.offsetMs(wall);
    instant = wall - this.offsetMs(instant);
    return new Date(instant);
  }

  /** Hour of day (0–23) of an instant in this zone. */
  hourOfInstant(instant: Date | number): number {
    const ms = typeof instant === 'number' ? instant : instant.getTime();
    return Math.floor(((((ms + this.offsetMs(ms)) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_HOUR);
  }

  /** 'yyyy-MM-dd' of an instant in this zone. */
  isoOfInstant(instant: Date | number): IsoDay {
    return isoOfDayNumber(this.dayOfInstant(instant));
  }

  /**
   * The calendar day a cell value stands for, as a day number, or null when it holds no date.
   * Accepts what `getValues()` gives for a date cell (a Date at local midnight), a Sheets serial number,
   * and text: 'yyyy-MM-dd' (optionally with a time), 'yyyy/M/d', 'yyyy年M月d日'.
   */
  dayOfCell(value: unknown): number | null {
    if (value instanceof Date) {
      const ms = value.getTime();
      return Number.isNaN(ms) ? null : this.dayOfInstant(ms);
    }
    if (typeof value === 'number') {
      // A serial only when plausible (1900–2200); a bare count like 3 is not a date.
      if (!Number.isFinite(value) || value < 1 || value > 110_000) return null;
      return Math.floor(value) - SHEETS_EPOCH_OFFSET_DAYS;
    }
    if (typeof value === 'string') return dayOfText(value);
    return null;
  }
}

/** The execution's ZoneDays per zone (a script's global scope lives for one execution). */
const ZONES = new Map<string, ZoneDays>();

/**
 * The one ZoneDays of `timeZone` in this execution: every feature asking for the same zone shares its Intl
 * formatter and its cache of offsets.
 * @throws RangeError when `timeZone` is not an IANA zone Intl knows.
 */
export function zoneDays(timeZone: string): ZoneDays {
  let zone = ZONES.get(timeZone);
  if (!zone) {
    zone = new ZoneDays(timeZone);
    ZONES.set(timeZone, zone);
  }
  return zone;
}

/** Day number of 'yyyy-MM-dd…' text or another accepted text format, or null. */
export function dayOfText(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const iso = ISO_DAY.exec(trimmed);
  if (iso) return dayOfParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const parts = TEXT_DAY.exec(trimmed);
  if (!parts) return null;
  const month = parts[2] ?? parts[4] ?? parts[6];
  const day = parts[3] ?? parts[5] ?? parts[7];
  return dayOfParts(Number(parts[1]), Number(month), Number(day));
}

function dayOfParts(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // 2026-02-31 is not a day: Date.UTC would roll it into March.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.floor(ms / MS_PER_DAY);
}

/** 'yyyy-MM-dd' of a day number. */
export function isoOfDayNumber(day: number): IsoDay {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a 'yyyy-MM-dd' string. @throws Error when it is not one. */
export function dayNumberOfIso(iso: IsoDay): number {
  const day = dayOfText(iso);
  if (day === null) throw new Error(`not a yyyy-MM-dd date: ${iso}`);
  return day;
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return dayNumberOfIso(to) - dayNumberOfIso(from);
}

/** The day `days` after `iso` (negative goes back). */
export function addDaysIso(iso: IsoDay, days: number): IsoDay {
  return isoOfDayNumber(dayNumberOfIso(iso) + days);
}

/** 'yyyy-MM-dd' of "now" in `timeZone`. */
export function todayIn(timeZone: string, now: Date | number): IsoDay {
  return zoneDays(timeZone).isoOfInstant(now);
}

/** True when `timeZone` is an IANA zone Intl accepts. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses a user- or CLI-given time. Text without a zone ('2026-11-23T09:00') is wall-clock time in `timeZone`;
 * text with 'Z' or an offset is an instant as written.
 * @throws Error when the text is no time.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date {
  const trimmed = text.trim();
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) {
    const instant = new Date(trimmed);
    if (Number.isNaN(instant.getTime())) throw new Error(`not a time: ${text}`);
    return instant;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
  if (!match) throw new Error(`not a time: ${text}`);
  const wall = Date.UTC(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    Number(match[4] ?? 0),
    Number(match[5] ?? 0),
    Number(match[6] ?? 0),
  );
  const zone = zoneDays(timeZone);
  // The offset at the wall time read as UTC is right except within a DST jump; one correction settles it.
  let instant = wall - zone.offsetMs(wall);
  instant = wall - zone.offsetMs(instant);
  return new Date(instant);
}
