/**
 * What a reminder run knows about the workbook, read from the Customers, Follow-ups and Reps tables (found by
 * header, one getValues each) and the Settings key/value pairs. Cells are turned into plain records here once, so
 * the digest logic works on days (numbers) and lower-case e-mails and never on raw cells.
 */
import { cellAmount, cellEmail, isTicked } from '../cells';
import { resolveLocale, type Locale } from '../i18n';
import { zoneDays, type ZoneDays } from '../dates';
import { cell, isBlankRow, type Table } from '../table';
import type { SlaReturn } from './sla';
import type { OpportunityReminderRecord } from './opportunities';
import type { ServiceRecord } from '../service/records';

export type CustomerKey =
  | 'id'
  | 'company'
  | 'contact'
  | 'phone'
  | 'owner'
  | 'created'
  | 'lastContact'
  | 'nextFollowUp'
  | 'tier'
  | 'level'
  | 'notes';
export type FollowUpKey = 'id' | 'customerId' | 'time' | 'content' | 'nextStep' | 'nextDate' | 'rep' | 'done';
export type RepKey = 'name' | 'email' | 'active' | 'role' | 'outOfOfficeUntil' | 'language';

export const CUSTOMER_KEYS: readonly CustomerKey[] = [
  'id',
  'company',
  'contact',
  'phone',
  'owner',
  'created',
  'lastContact',
  'nextFollowUp',
  'tier',
  'level',
  'notes',
];
export const FOLLOWUP_KEYS: readonly FollowUpKey[] = [
  'id',
  'customerId',
  'time',
  'content',
  'nextStep',
  'nextDate',
  'rep',
  'done',
];
export const REP_KEYS: readonly RepKey[] = [
  'name',
  'email',
  'active',
  'role',
  'outOfOfficeUntil',
  'language',
];

/** Columns a reminder run cannot do without; a missing one is reported by name, never guessed. */
export const REQUIRED_COLUMNS = {
  customers: ['id', 'owner'] as CustomerKey[],
  followups: ['customerId', 'nextDate', 'done'] as FollowUpKey[],
  reps: ['email'] as RepKey[],
};

export type TierCode = 'vip' | 'active' | 'potential' | 'lost';

export interface CustomerRecord {
  /** Sheet row (1-based) for links and messages. */
  row: number;
  id: string;
  /** Company, else contact name, else the id: how the rep recognises the customer. */
  name: string;
  contact: string;
  phone: string;
  owner: string;
  createdDay: number | null;
  lastContactDay: number | null;
  nextFollowUpDay: number | null;
  tier: TierCode | null;
  level: number | null;
  notes: string;
}

export interface FollowUpRecord {
  row: number;
  id: string;
  customerId: string;
  /** When the follow-up was logged, as ms (for ordering) and as a day; null when blank. */
  timeMs: number | null;
  timeDay: number | null;
  content: string;
  nextStep: string;
  nextDay: number | null;
  rep: string;
  done: boolean;
}

export interface RepRecord {
  email: string;
  name: string;
  active: boolean;
  role: string;
  awayUntilDay: number | null;
  language: Locale | null;
}

export interface ReminderSettings {
  reminderHour: number;
  lookAheadDays: number;
  staleContactDays: number;
  staleVipDays: number;
  /** Team summary recipients (lower-case e-mails); empty when the manager summary is off. */
  summaryRecipients: string[];
  managers: string[];
  /** Settings → locale resolved against the spreadsheet locale: the workbook's language. */
  workbookLocale: Locale;
}

export interface ReminderInput {
  customers: CustomerRecord[];
  followUps: FollowUpRecord[];
  reps: RepRecord[];
  settings: ReminderSettings;
  /** Leads returned for a missed SLA since yesterday (issue 14 §3), from the Assignment log; absent = none. */
  slaReturns?: SlaReturn[];
  /** Open opportunities (./opportunities.ts), when the workbook has the sheet. */
  opportunities?: OpportunityReminderRecord[];
  /** After-sales service rows (src/core/service/records.ts), when the workbook has a Service sheet. */
  service?: ServiceRecord[];
}

export const DEFAULT_SETTINGS = {
  reminderHour: 8,
  lookAheadDays: 0,
  staleContactDays: 60,
  staleVipDays: 30,
};

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());
const email = (value: unknown): string => text(value).toLowerCase();

/** A checkbox cell (src/core/cells.ts: TRUE, or yes/是/✓ typed in either language). */
export const isChecked = isTicked;

/** A number cell or numeric text (src/core/cells.ts); null when blank or not a number. */
export const numberOf = cellAmount;

const TIER_LABELS: Record<string, TierCode> = {
  vip: 'vip',
  vip客户: 'vip',
  重要客户: 'vip',
  贵宾: 'vip',
  active: 'active',
  活跃: 'active',
  活跃客户: 'active',
  potential: 'potential',
  潜在: 'potential',
  潜在客户: 'potential',
  lost: 'lost',
  流失: 'lost',
  流失客户: 'lost',
  已流失: 'lost',
};

/**
 * Tier code of a label in either language. The template's list catalogue is the authority; this fallback knows
 * the template's labels and common variants so a reminder never fails over an odd label (it is just not a VIP).
 */
export function tierCodeOf(label: unknown, catalogue?: (label: string) => string | null): TierCode | null {
  const value = text(label);
  if (value === '') return null;
  const fromCatalogue = catalogue?.(value);
  if (
    fromCatalogue === 'vip' ||
    fromCatalogue === 'active' ||
    fromCatalogue === 'potential' ||
    fromCatalogue === 'lost'
  )
    return fromCatalogue;
  return TIER_LABELS[value.toLowerCase().replace(/\s+/g, '')] ?? null;
}

function intSetting(
  settings: Record<string, unknown>,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = numberOf(settings[key]);
  if (value === null) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/**
 * Reminder settings from the Settings sheet's key → value pairs, with defaults for blanks.
 * managerTeamSummary may be TRUE (every manager in Settings → managers) or a list of e-mails.
 */
export function reminderSettings(
  settings: Record<string, unknown>,
  spreadsheetLocale: string,
): ReminderSettings {
  const managers = emailList(settings.managers);
  const summary = settings.managerTeamSummary;
  const summaryEmails = emailList(summary);
  const summaryRecipients = summaryEmails.length > 0 ? summaryEmails : isChecked(summary) ? managers : [];
  return {
    reminderHour: intSetting(settings, 'reminderHour', DEFAULT_SETTINGS.reminderHour, 0, 23),
    lookAheadDays: intSetting(settings, 'reminderLookAheadDays', DEFAULT_SETTINGS.lookAheadDays, 0, 60),
    staleContactDays: intSetting(settings, 'staleContactDays', DEFAULT_SETTINGS.staleContactDays, 0, 3650),
    staleVipDays: intSetting(settings, 'staleVipDays', DEFAULT_SETTINGS.staleVipDays, 0, 3650),
    summaryRecipients: [...new Set(summaryRecipients)],
    managers,
    workbookLocale: resolveLocale(spreadsheetLocale, text(settings.locale) || null),
  };
}

function emailList(value: unknown): string[] {
  return text(value)
    .split(/[\s,;，；、]+/)
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part.includes('@'));
}

function repLanguage(value: unknown): Locale | null {
  const raw = text(value);
  if (raw === '') return null;
  const lower = raw.toLowerCase();
  if (lower.startsWith('zh') || /中文|汉语|chinese|简体/.test(lower)) return 'zh-CN';
  if (lower.startsWith('en') || /英|english/.test(lower)) return 'en';
  return null;
}

export interface ReadOptions {
  timeZone: string;
  tierCatalogue?: (label: string) => string | null;
}

export function readCustomers(table: Table<CustomerKey>, options: ReadOptions): CustomerRecord[] {
  const zone = zoneDays(options.timeZone);
  const out: CustomerRecord[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const id = text(cell(table, row, 'id'));
    const company = text(cell(table, row, 'company'));
    const contact = text(cell(table, row, 'contact'));
    out.push({
      row: table.firstRow + index,
      id,
      name: company || contact || id,
      contact,
      phone: text(cell(table, row, 'phone')),
      owner: email(cell(table, row, 'owner')),
      createdDay: zone.dayOfCell(cell(table, row, 'created')),
      lastContactDay: zone.dayOfCell(cell(table, row, 'lastContact')),
      nextFollowUpDay: zone.dayOfCell(cell(table, row, 'nextFollowUp')),
      tier: tierCodeOf(cell(table, row, 'tier'), options.tierCatalogue),
      level: numberOf(cell(table, row, 'level')),
      notes: text(cell(table, row, 'notes')),
    });
  });
  return out;
}

function instantMs(value: unknown, zone: ZoneDays): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  const day = zone.dayOfCell(value);
  if (day === null) return null;
  if (typeof value === 'string') {
    const parsed = Date.parse(value.trim());
    if (!Number.isNaN(parsed) && /\d:\d/.test(value)) return parsed;
  }
  return day * 86_400_000;
}

export function readFollowUps(table: Table<FollowUpKey>, options: ReadOptions): FollowUpRecord[] {
  const zone = zoneDays(options.timeZone);
  const out: FollowUpRecord[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const time = cell(table, row, 'time');
    const timeMs = instantMs(time, zone);
    out.push({
      row: table.firstRow + index,
      id: text(cell(table, row, 'id')),
      customerId: text(cell(table, row, 'customerId')),
      timeMs,
      timeDay: timeMs === null ? null : zone.dayOfCell(time),
      content: text(cell(table, row, 'content')),
      nextStep: text(cell(table, row, 'nextStep')),
      nextDay: zone.dayOfCell(cell(table, row, 'nextDate')),
      rep: email(cell(table, row, 'rep')),
      done: isChecked(cell(table, row, 'done')),
    });
  });
  return out;
}

export function readReps(table: Table<RepKey>, options: ReadOptions): RepRecord[] {
  const zone = zoneDays(options.timeZone);
  const out: RepRecord[] = [];
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    // One address per rep, as Assign leads requires: a cell holding a list is no address (a digest must never
    // reach a second, maybe outside, address); that rep's items are held as "unknown" in the team summary.
    const read = cellEmail(cell(table, row, 'email'));
    if (read.kind !== 'email') continue;
    const address = read.email;
    const activeCell = cell(table, row, 'active');
    out.push({
      email: address,
      name: text(cell(table, row, 'name')) || address,
      // A sheet without the active column treats every listed rep as active.
      active: table.columns.active === undefined ? true : isChecked(activeCell),
      role: text(cell(table, row, 'role')).toLowerCase(),
      awayUntilDay: zone.dayOfCell(cell(table, row, 'outOfOfficeUntil')),
      language: repLanguage(cell(table, row, 'language')),
    });
  }
  return out;
}
