/**
 * SLA on assigned leads (issue 14 §3): a lead must be contacted within `firstContactHours` of its assignment and
 * followed up at least every `maxDaysWithoutFollowUp` days while open. A lead that misses either is returned to
 * its pool by the next assignment run (and the daily trigger, when Settings turn it on), skipping the rep who held
 * it. "Assigned" and "contacted" are read from the sheets, by header: the latest Assignment log row of the customer
 * that is not undone and whose "to" is still the owner, and the Follow-ups rows of that customer since then.
 * Customers given an owner by hand (no log row) are never returned: nobody promised them an SLA.
 *
 * Working time: when Settings give working hours (e.g. `Mon-Fri 09:00-18:00`, in the spreadsheet's time zone,
 * the one ZoneDays helper), only those hours count towards the first-contact limit, and only working days towards
 * the follow-up limit.
 */
import { sameEmail } from '../roles';
import type { ZoneDays } from '../dates';
import { cell, isBlankRow, type Table } from '../table';
import { foldWidth } from './account';
import type { LogKey } from './undo';

const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

/** Working days (0 = Sunday … 6 = Saturday) and hours of each working day, in minutes after midnight. */
export interface WorkingHours {
  days: readonly boolean[];
  startMinute: number;
  endMinute: number;
}

export interface SlaSettings {
  /** Hours after assignment within which the first follow-up must be logged; null = rule off. */
  firstContactHours: number | null;
  /** Most days an open lead may go without a follow-up; null = rule off. */
  maxDaysWithoutFollowUp: number | null;
  /** Only working time counts; null = every hour of every day. */
  workingHours: WorkingHours | null;
  /** The working-hours text could not be read (reported; calendar time is used). */
  workingHoursProblem: string | null;
  /** The daily trigger also returns stale leads. */
  dailyReassign: boolean;
}

/** Why a lead is returned: which limit it missed. */
export type SlaFlag = { kind: 'firstContact'; hours: number } | { kind: 'noFollowUp'; days: number };

const DAY_WORDS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
};

function dayOfWord(word: string): number | undefined {
  const w = word
    .trim()
    .toLowerCase()
    .replace(/^(周|星期|礼拜)/, '');
  return DAY_WORDS[w];
}

function minuteOf(text: string): number | null {
  const match = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/**
 * Reads working hours such as `Mon-Fri 09:00-18:00`, `Mon,Wed,Fri 9-17`, `周一至周五 09:00-18:00`.
 * @returns the hours, null for a blank text, or an error word when it cannot be read.
 */
export function parseWorkingHours(value: unknown): WorkingHours | null | 'invalid' {
  const text = String(value ?? '')
    .normalize('NFKC')
    .trim();
  if (text === '') return null;
  const match = /^(.*?)\s*(\d{1,2}(?::\d{2})?)\s*(?:-|–|—|~|至|到)\s*(\d{1,2}(?::\d{2})?)$/.exec(text);
  if (!match) return 'invalid';
  const startMinute = minuteOf(match[2]);
  const endMinute = minuteOf(match[3]);
  if (startMinute === null || endMinute === null || endMinute <= startMinute) return 'invalid';
  const days = [false, false, false, false, false, false, false];
  const dayText = match[1].trim();
  if (dayText === '') for (let d = 1; d <= 5; d++) days[d] = true;
  else {
    for (const part of dayText.split(/[,，、;；\s]+/).filter(Boolean)) {
      const range = part.split(/-|–|—|~|至|到/);
      if (range.length === 1) {
        const day = dayOfWord(range[0]);
        if (day === undefined) return 'invalid';
        days[day] = true;
      } else if (range.length === 2) {
        const from = dayOfWord(range[0]);
        const to = dayOfWord(range[1]);
        if (from === undefined || to === undefined) return 'invalid';
        for (let d = from; ; d = (d + 1) % 7) {
          days[d] = true;
          if (d === to) break;
        }
      } else return 'invalid';
    }
  }
  return { days, startMinute, endMinute };
}

function positive(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** SLA settings from the parsed Settings (templates/settings.ts): 0 or blank turns a limit off. */
export function slaSettings(settings: Record<string, unknown>): SlaSettings {
  const hours = parseWorkingHours(settings.slaWorkingHours);
  return {
    firstContactHours: positive(settings.slaFirstContactHours),
    maxDaysWithoutFollowUp: positive(settings.slaFollowUpMaxDays),
    workingHours: hours === 'invalid' ? null : hours,
    workingHoursProblem: hours === 'invalid' ? String(settings.slaWorkingHours ?? '') : null,
    dailyReassign: settings.slaDailyReassign === true,
  };
}

export function slaIsOn(settings: SlaSettings): boolean {
  return settings.firstContactHours !== null || settings.maxDaysWithoutFollowUp !== null;
}

/** Weekday (0 = Sunday) of a day number (day 0 = Thursday 1970-01-01). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Working time between two instants, in ms, counting at most up to `cap` (the limit being checked: a lead
 * assigned a year ago costs as much as one assigned last week).
 */
export function workingMs(
  fromMs: number,
  toMs: number,
  zone: ZoneDays,
  hours: WorkingHours | null,
  cap: number,
): number {
  if (toMs <= fromMs) return 0;
  if (!hours) return Math.min(toMs - fromMs, cap);
  let total = 0;
  const lastDay = zone.dayOfInstant(toMs);
  for (let day = zone.dayOfInstant(fromMs); day <= lastDay && total < cap; day++) {
    if (!hours.days[weekdayOf(day)]) continue;
    const midnight = zone.midnightOf(day).getTime();
    const start = Math.max(fromMs, midnight + hours.startMinute * MS_PER_MINUTE);
    const end = Math.min(toMs, midnight + hours.endMinute * MS_PER_MINUTE);
    if (end > start) total += end - start;
  }
  return Math.min(total, cap);
}

/** Days (working days when hours are given) after `fromDay` up to and including `toDay`, counting at most `cap`. */
export function elapsedDays(fromDay: number, toDay: number, hours: WorkingHours | null, cap: number): number {
  if (toDay <= fromDay) return 0;
  if (!hours) return Math.min(toDay - fromDay, cap);
  let count = 0;
  for (let day = fromDay + 1; day <= toDay && count < cap; day++) if (hours.days[weekdayOf(day)]) count++;
  return count;
}

/** The instant a cell stands for, in ms (a Date, or text read in the zone); null when none. */
export function instantOfCell(value: unknown, zone: ZoneDays): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : ms;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
    if (match) {
      const day = Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000);
      return (
        zone.midnightOf(day).getTime() +
        (Number(match[4] ?? 0) * 60 + Number(match[5] ?? 0)) * MS_PER_MINUTE +
        Number(match[6] ?? 0) * 1000
      );
    }
    const day = zone.dayOfCell(value);
    return day === null ? null : zone.midnightOf(day).getTime();
  }
  const day = zone.dayOfCell(value);
  return day === null ? null : zone.midnightOf(day).getTime();
}

const idKey = (id: unknown): string =>
  foldWidth(String(id ?? ''))
    .trim()
    .toLowerCase();

function isUndone(value: unknown): boolean {
  return (
    value === true ||
    (typeof value === 'string' && value.trim() !== '' && value.trim().toLowerCase() !== 'false')
  );
}

/** The latest assignment of each customer (by ID) that is not undone: to whom, and when. */
export function latestAssignments(
  log: Table<LogKey>,
  zone: ZoneDays,
): Map<string, { toRep: string; atMs: number }> {
  const out = new Map<string, { toRep: string; atMs: number }>();
  if (log.columns.customerId === undefined || log.columns.time === undefined) return out;
  for (const values of log.rows) {
    if (isBlankRow(values) || isUndone(cell(log, values, 'undone'))) continue;
    const id = idKey(cell(log, values, 'customerId'));
    const atMs = instantOfCell(cell(log, values, 'time'), zone);
    if (id === '' || atMs === null) continue;
    const seen = out.get(id);
    if (!seen || atMs >= seen.atMs)
      out.set(id, {
        toRep: String(cell(log, values, 'toRep') ?? '')
          .trim()
          .toLowerCase(),
        atMs,
      });
  }
  return out;
}

export type FollowUpTimeKey = 'customerId' | 'time';

/** Every follow-up instant of each customer (by ID), unsorted. */
export function followUpTimes(table: Table<FollowUpTimeKey>, zone: ZoneDays): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (table.columns.customerId === undefined || table.columns.time === undefined) return out;
  for (const values of table.rows) {
    if (isBlankRow(values)) continue;
    const id = idKey(cell(table, values, 'customerId'));
    const ms = instantOfCell(cell(table, values, 'time'), zone);
    if (id === '' || ms === null) continue;
    const list = out.get(id);
    if (list) list.push(ms);
    else out.set(id, [ms]);
  }
  return out;
}

/** One customer as the SLA check sees it. */
export interface SlaCustomer {
  customerId: string;
  /** Lower-case e-mail ('' = none). */
  owner: string;
  open: boolean;
}

/**
 * Whether a customer missed its SLA now.
 * A follow-up on the assignment's day counts as contact even when logged with a date only (its time reads as
 * midnight): a rep who logs "called today" is never punished for not typing the hour.
 */
export function slaFlagOf(
  customer: SlaCustomer,
  assignments: ReadonlyMap<string, { toRep: string; atMs: number }>,
  followUps: ReadonlyMap<string, readonly number[]>,
  settings: SlaSettings,
  nowMs: number,
  zone: ZoneDays,
): SlaFlag | null {
  if (customer.owner === '' || !customer.open || !slaIsOn(settings)) return null;
  const key = idKey(customer.customerId);
  if (key === '') return null;
  const assigned = assignments.get(key);
  if (!assigned || !sameEmail(assigned.toRep, customer.owner)) return null;
  const assignedDay = zone.dayOfInstant(assigned.atMs);
  let lastContact: number | null = null;
  for (const ms of followUps.get(key) ?? []) {
    const since = ms >= assigned.atMs || (zone.dayOfInstant(ms) >= assignedDay && isMidnight(ms, zone));
    if (since && (lastContact === null || ms > lastContact)) lastContact = ms;
  }
  if (lastContact === null && settings.firstContactHours !== null) {
    const limit = settings.firstContactHours * MS_PER_HOUR;
    if (workingMs(assigned.atMs, nowMs, zone, settings.workingHours, limit + 1) > limit)
      return { kind: 'firstContact', hours: settings.firstContactHours };
  }
  if (settings.maxDaysWithoutFollowUp !== null) {
    const fromDay = zone.dayOfInstant(lastContact ?? assigned.atMs);
    const limit = settings.maxDaysWithoutFollowUp;
    if (elapsedDays(fromDay, zone.dayOfInstant(nowMs), settings.workingHours, limit + 1) > limit)
      return { kind: 'noFollowUp', days: limit };
  }
  return null;
}

function isMidnight(ms: number, zone: ZoneDays): boolean {
  return zone.midnightOf(zone.dayOfInstant(ms)).getTime() === ms;
}
