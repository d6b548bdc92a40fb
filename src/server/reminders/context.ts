/**
 * What every reminders entry point reads first: the spreadsheet's zone and "today" in it, Settings, the workbook's
 * language, and the four tables (each read once) turned into reminder records.
 */
import { translator, type Locale, type Translate } from '../../core/i18n';
import { ZoneDays, type IsoDay } from '../../core/dates';
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
import { isManager } from '../../core/roles';
import { currentLocale, currentUserEmail } from '../context';
import { workbookLanguage } from '../adapters/workbook';
import { readSettingsSheet, readSheet, tierCatalogue, type OpenedSheet } from './workbook';

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
}

export function spreadsheetOwner(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return (spreadsheet.getOwner()?.getEmail() ?? '').toLowerCase();
  } catch {
    return ''; // a file on a shared drive has no owner
  }
}

/**
 * @param interactive false in a trigger: there is no user, so the workbook's language is used for messages.
 */
export function reminderContext(interactive: boolean): ReminderContext {
  const spreadsheet = SpreadsheetApp.getActive();
  const timeZone = spreadsheet.getSpreadsheetTimeZone() || 'UTC';
  const settings = readSettingsSheet(spreadsheet);
  const zone = new ZoneDays(timeZone);
  const now = new Date();
  const workbookLocale = workbookLanguage(spreadsheet, settings);
  const locale = interactive ? currentLocale() : workbookLocale;
  return {
    spreadsheet,
    timeZone,
    today: zone.isoOfInstant(now),
    todayDay: zone.dayOfInstant(now),
    settings: settings as unknown as Record<string, unknown>,
    workbookLocale,
    locale,
    t: translator(locale),
  };
}

export function userIsManager(ctx: ReminderContext, user = currentUserEmail()): boolean {
  return isManager({ user, owner: spreadsheetOwner(ctx.spreadsheet), managers: ctx.settings.managers });
}

export interface ReminderSheets {
  customers: OpenedSheet<(typeof CUSTOMER_KEYS)[number]>;
  followups: OpenedSheet<(typeof FOLLOWUP_KEYS)[number]>;
  reps: OpenedSheet<(typeof REP_KEYS)[number]>;
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
  };
}

export function reminderInput(ctx: ReminderContext, sheets: ReminderSheets): ReminderInput {
  const options = { timeZone: ctx.timeZone, tierCatalogue };
  return {
    customers: readCustomers(sheets.customers.table, options),
    followUps: readFollowUps(sheets.followups.table, options),
    reps: readReps(sheets.reps.table, options),
    settings: {
      ...reminderSettings(ctx.settings, ctx.spreadsheet.getSpreadsheetLocale()),
      workbookLocale: ctx.workbookLocale,
    },
  };
}

/** Link base and sheet ids for "open the row" links. */
export function linkOptions(
  ctx: ReminderContext,
  sheets: ReminderSheets,
): { spreadsheetUrl: string; sheetIds: { customers: number; followups: number } } {
  return {
    spreadsheetUrl: ctx.spreadsheet.getUrl(),
    sheetIds: {
      customers: sheets.customers.sheet.getSheetId(),
      followups: sheets.followups.sheet.getSheetId(),
    },
  };
}
