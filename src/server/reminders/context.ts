/**
 * What every reminders entry point reads first: the spreadsheet's zone and "today" in it, Settings, the workbook's
 * language, and the four tables (each read once) turned into reminder records.
 */
import { translator, type Locale, type Translate } from '../../core/i18n';
import { zoneDays, type IsoDay } from '../../core/dates';
import {
  CUSTOMER_KEYS,
  FOLLOWUP_KEYS,
  REP_KEYS,
  REQUIRED_COLUMNS,
  readCustomers,
  readFollowUps,
  readReps,
  reminderSettings,
  type ReminderInput,
} from '../../core/reminders';
import { executionContext } from '../context';
import { slaIsOn, slaSettings, type LogKey } from '../../core/assign';
import { slaReturnsFromLog, type SlaReturn } from '../../core/reminders';
import type { Table } from '../../core/table';
import { tryOpenSheet } from '../adapters/workbook';
import { readSheet, tierCatalogue, type OpenedSheet } from './workbook';
import { readOpportunityReminders } from '../../core/reminders/opportunities';
import { readServiceRecords } from '../../core/service/records';
import type { SheetTable } from '../adapters/workbook';
import { listValueCode } from '../../../templates/lists';

export interface ReminderContext {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  timeZone: string;
  today: IsoDay;
  todayDay: number;
  settings: Record<string, unknown>;
  /** The language the workbook's own texts are in (sheet names in messages, the default mail language). */
  workbookLocale: Locale;
  /** Language of the person running (menus, sidebar); mails use each rep's own language. */
  locale: Locale;
  t: Translate;
  /** Whoever runs (the trigger's owner in a trigger) and whether they are a manager. */
  user: string;
  isManager: boolean;
}

/**
 * The reminders' view of the execution context (src/server/context.ts), with "today" in the spreadsheet's zone.
 * @param interactive false in a trigger: there is no user, so the workbook's language is used for messages.
 */
export function reminderContext(interactive: boolean): ReminderContext {
  const ctx = executionContext();
  const zone = zoneDays(ctx.timeZone);
  const now = new Date();
  const locale = interactive ? ctx.locale : ctx.workbookLocale;
  return {
    spreadsheet: ctx.spreadsheet,
    timeZone: ctx.timeZone,
    today: zone.isoOfInstant(now),
    todayDay: zone.dayOfInstant(now),
    settings: ctx.settings as unknown as Record<string, unknown>,
    workbookLocale: ctx.workbookLocale,
    locale,
    t: translator(locale),
    user: ctx.user,
    isManager: ctx.isManager,
  };
}

export interface ReminderSheets {
  customers: OpenedSheet<(typeof CUSTOMER_KEYS)[number]>;
  followups: OpenedSheet<(typeof FOLLOWUP_KEYS)[number]>;
  reps: OpenedSheet<(typeof REP_KEYS)[number]>;
  /** Opportunities (issue 14), null when the workbook has no such sheet. */
  opportunities?: OpenedSheet<string> | null;
  /** After-sales service (next plans, open complaints); null when the workbook has no Service sheet. */
  service?: SheetTable | null;
}

/** Reads Customers, Follow-ups and Reps once each. @throws Error naming a missing sheet or column. */
export function readReminderSheets(ctx: ReminderContext): ReminderSheets {
  return {
    customers: readSheet(
      ctx.spreadsheet,
      'customers',
      CUSTOMER_KEYS,
      REQUIRED_COLUMNS.customers,
      ctx.t,
      ctx.locale,
    ),
    followups: readSheet(
      ctx.spreadsheet,
      'followups',
      FOLLOWUP_KEYS,
      REQUIRED_COLUMNS.followups,
      ctx.t,
      ctx.locale,
    ),
    reps: readSheet(ctx.spreadsheet, 'reps', REP_KEYS, REQUIRED_COLUMNS.reps, ctx.t, ctx.locale),
    opportunities: tryOpenSheet(ctx.spreadsheet, 'opportunities'),
    service: tryOpenSheet(ctx.spreadsheet, 'service'),
  };
}

export function reminderInput(ctx: ReminderContext, sheets: ReminderSheets): ReminderInput {
  const options = { timeZone: ctx.timeZone, tierCatalogue };
  return {
    customers: readCustomers(sheets.customers.table, options),
    followUps: readFollowUps(sheets.followups.table, options),
    reps: readReps(sheets.reps.table, options),
    opportunities: readOpportunityReminders(sheets.opportunities?.table ?? null, options),
    ...(sheets.service
      ? {
          service: readServiceRecords(sheets.service.table, ctx.timeZone, (label) =>
            listValueCode('serviceType', label),
          ),
        }
      : {}),
    settings: {
      ...reminderSettings(ctx.settings, ctx.spreadsheet.getSpreadsheetLocale()),
      workbookLocale: ctx.workbookLocale,
    },
    slaReturns: slaReturnsOfLastDay(ctx),
  };
}

/**
 * Issue 14 §3: the leads returned for a missed SLA in the last 24 hours, from one read of the Assignment log;
 * none (and no read) while no SLA is set.
 */
function slaReturnsOfLastDay(ctx: ReminderContext): SlaReturn[] {
  if (!slaIsOn(slaSettings(ctx.settings))) return [];
  const log = tryOpenSheet(ctx.spreadsheet, 'assignmentLog');
  if (!log) return [];
  const now = Date.now();
  return slaReturnsFromLog(log.table as Table<LogKey>, zoneDays(ctx.timeZone), now - 24 * 3_600_000);
}

/** Link base and sheet ids for "open the row" links. */
export function linkOptions(
  ctx: ReminderContext,
  sheets: ReminderSheets,
): {
  spreadsheetUrl: string;
  sheetIds: { customers: number; followups: number; opportunities?: number | null; service?: number };
} {
  return {
    spreadsheetUrl: ctx.spreadsheet.getUrl(),
    sheetIds: {
      customers: sheets.customers.sheet.getSheetId(),
      followups: sheets.followups.sheet.getSheetId(),
      opportunities: sheets.opportunities ? sheets.opportunities.sheet.getSheetId() : null,
      ...(sheets.service ? { service: sheets.service.sheet.getSheetId() } : {}),
    },
  };
}
