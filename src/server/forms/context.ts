/**
 * The forms' view of the execution context (src/server/context.ts): who, in which language, which zone, may they
 * see everyone, plus date formatters; and the sidebar saves' lock (the "save" wait of src/server/lock.ts).
 */
import type { Locale, Translate } from '../../core/i18n';
import type { Settings } from '../../../templates/settings';
import type { Table } from '../../core/table';
import { executionContext } from '../context';
import { withLock } from '../lock';
import { formatters } from './dates';

export interface FormsContext {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The user's language (messages). */
  locale: Locale;
  /** The workbook's language (labels written into cells). */
  language: Locale;
  t: Translate;
  user: string;
  isManager: boolean;
  timeZone: string;
  settings: Settings;
  /** The Settings sheet as read (exchange rates live there as an extra key). */
  settingsTable: Table<string> | undefined;
  formatDate: (date: Date) => string;
  formatDateTime: (date: Date) => string;
}

/** The execution context with the forms' date formatters. */
export function formsContext(): FormsContext {
  const ctx = executionContext();
  const fmt = formatters(ctx.timeZone);
  return {
    spreadsheet: ctx.spreadsheet,
    locale: ctx.locale,
    language: ctx.workbookLocale,
    t: ctx.t,
    user: ctx.user,
    isManager: ctx.isManager,
    timeZone: ctx.timeZone,
    settings: ctx.settings,
    settingsTable: ctx.settingsTable,
    formatDate: fmt.date,
    formatDateTime: fmt.dateTime,
  };
}

/** Runs a sidebar save under the document lock with the "save" wait. */
export function withDocumentLock<T>(t: Translate, task: () => T): T {
  return withLock(t, 'save', task);
}
