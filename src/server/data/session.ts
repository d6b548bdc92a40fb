/**
 * Per-call facts for the data and dashboard entry points: the spreadsheet, user, language, role and Settings,
 * read once; plus the document lock around writes. Sheets are opened through the template's adapter.
 */
import { translator, type Locale, type Translate } from '../../core/i18n';
import { cell, type Table } from '../../core/table';
import type { Settings } from '../../../templates';
import { readSettings, tryOpenSheet } from '../adapters/workbook';
import { currentRoleFacts } from '../auth';
import { currentLocale } from '../context';
import { isManager } from '../../core/roles';

export interface DataSession {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  locale: Locale;
  t: Translate;
  user: string;
  isManager: boolean;
  timeZone: string;
  settings: Settings;
}

export function dataSession(): DataSession {
  const spreadsheet = SpreadsheetApp.getActive();
  const { settings } = readSettings(spreadsheet);
  const locale = currentLocale();
  const facts = currentRoleFacts(spreadsheet, settings);
  return {
    spreadsheet,
    locale,
    t: translator(locale),
    user: facts.user,
    isManager: isManager(facts),
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    settings,
  };
}

/** Lists sheet as list key → labels (blank cells skipped, order kept); one read. */
export function readLists(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  const opened = tryOpenSheet(spreadsheet, 'lists');
  if (!opened) return lists;
  const table: Table<string> = opened.table;
  for (const key of Object.keys(table.columns)) {
    if (table.columns[key] === undefined) continue;
    lists[key] = table.rows
      .map((row) => String(cell(table, row, key) ?? '').trim())
      .filter((value) => value !== '');
  }
  return lists;
}

export { withDocumentLock } from '../lock';
