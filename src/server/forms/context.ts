/** Per-call facts every forms entry point needs: who, in which language, which zone, and may they see everyone. */
import { resolveLocale, translator, type Locale, type Translate } from '../../core/i18n';
import { isManager } from '../../core/roles';
import { parseSettings, type Settings } from '../../../templates/settings';
import { currentLocale, currentUserEmail } from '../context';
import type { Table } from '../../core/table';
import { workbookLanguage } from '../adapters/workbook';
import { formatters } from './dates';
import { tryOpenTable } from './sheets';
import { withDocumentLock as withSharedDocumentLock } from '../lock';

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

function ownerEmail(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return (spreadsheet.getOwner()?.getEmail() ?? '').toLowerCase();
  } catch {
    return ''; // shared drives have no owner
  }
}

/** Reads Settings once and works out the user, their role and languages. */
export function formsContext(): FormsContext {
  const spreadsheet = SpreadsheetApp.getActive();
  const settingsSheet = tryOpenTable(spreadsheet, 'settings');
  const table = settingsSheet?.table;
  const keyIndex = table?.columns.key ?? 0;
  const valueIndex = table?.columns.value ?? 1;
  const settings = parseSettings(
    table ? table.rows.map((row) => [row[keyIndex], row[valueIndex]] as const) : [],
  ).settings;
  const locale = settings.locale !== 'auto' ? resolveLocale(null, settings.locale) : currentLocale();
  const user = currentUserEmail();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const fmt = formatters(timeZone);
  return {
    spreadsheet,
    locale,
    language: workbookLanguage(spreadsheet, settings),
    t: translator(locale),
    user,
    isManager: isManager({ user, owner: ownerEmail(spreadsheet), managers: settings.managers }),
    timeZone,
    settings,
    settingsTable: table,
    formatDate: fmt.date,
    formatDateTime: fmt.dateTime,
  };
}

/** A rep's save waits at most 20 s for another save: the sidebar stays responsive, as it did before the shared helper. */
const FORM_SAVE_LOCK_WAIT_MS = 20_000;

/** Runs a sidebar save under the document lock (src/server/lock.ts), with the forms' shorter wait. */
export function withDocumentLock<T>(t: Translate, task: () => T): T {
  return withSharedDocumentLock(t, task, FORM_SAVE_LOCK_WAIT_MS);
}
