/**
 * The reminders' view of the workbook, through the template's adapter (src/server/adapters/workbook.ts): each
 * sheet found by key in either language and read once with getDataRange().getValues(); Settings read once.
 */
import type { Locale, Translate } from '../../core/i18n';
import type { Table } from '../../core/table';
import { findSheet, openSheet, readSettings } from '../adapters/workbook';
import { SHEETS, listValueCode, type Settings } from '../../../templates';

export type ReminderSheetKey = 'customers' | 'followups' | 'reps' | 'settings';

export interface OpenedSheet<K extends string> {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  table: Table<K>;
}

export function sheetDisplayName(key: ReminderSheetKey, language: Locale = 'en'): string {
  return SHEETS[key].names[language];
}

export function findReminderSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: ReminderSheetKey,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  return findSheet(spreadsheet, key);
}

/**
 * Reads a sheet once and checks the columns the caller cannot do without.
 * @throws Error (localised) naming the missing sheet or column.
 */
export function readSheet<K extends string>(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: ReminderSheetKey,
  _keys: readonly K[],
  required: readonly K[],
  t: Translate,
  language: Locale = 'en',
): OpenedSheet<K> {
  const opened = openSheet(spreadsheet, key, t, language, required);
  return { sheet: opened.sheet, table: opened.table as unknown as Table<K> };
}

/** Settings as key → value, with the template's defaults for blanks and bad values (one read). */
export function readSettingsSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Settings {
  return readSettings(spreadsheet).settings;
}

/** Tier code of a label in either language, by the template's list catalogue. */
export function tierCatalogue(label: string): string | null {
  return listValueCode('tier', label) ?? null;
}
