/**
 * The reminders' only door to the workbook: each sheet opened by key (either language) and read once with
 * getDataRange().getValues(), Settings as key → value. Goes through the template's workbook adapter when present.
 */
import type { Translate } from '../../core/i18n';
import { readTable, type ColumnHeaders, type Table } from '../../core/table';

export type ReminderSheetKey = 'customers' | 'followups' | 'reps' | 'settings';

export interface OpenedSheet<K extends string> {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  table: Table<K>;
}

/* Sheet and header names as CONTRACTS.md fixes them by key; the template's own specs replace these when
   src/server/adapters/workbook.ts lands (F1a). */
const SHEET_NAMES: Record<ReminderSheetKey, string[]> = {
  customers: ['Customers', '客户'],
  followups: ['Follow-ups', '跟进记录', '跟进'],
  reps: ['Reps', '销售团队', '销售'],
  settings: ['Settings', '设置'],
};

export function sheetDisplayName(key: ReminderSheetKey): string {
  return SHEET_NAMES[key][0];
}

export function findReminderSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: ReminderSheetKey,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  for (const name of SHEET_NAMES[key]) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

function specs<K extends string>(keys: readonly K[]): ColumnHeaders<K>[] {
  return keys.map((key) => ({ key, headers: [key] }));
}

/**
 * Reads a sheet once and checks the columns the caller cannot do without.
 * @throws Error (localised) naming the missing sheet or column.
 */
export function readSheet<K extends string>(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: ReminderSheetKey,
  keys: readonly K[],
  required: readonly K[],
  t: Translate,
): OpenedSheet<K> {
  const sheet = findReminderSheet(spreadsheet, key);
  if (!sheet) throw new Error(t('common.missingSheet', { sheet: sheetDisplayName(key) }));
  const table = readTable(sheet.getDataRange().getValues(), specs(keys));
  for (const column of required) {
    if (table.columns[column] === undefined)
      throw new Error(t('common.missingColumn', { sheet: sheet.getName(), column }));
  }
  return { sheet, table };
}

/** Settings as key → value ({} when the sheet is missing: every reminder setting has a default). */
export function readSettingsSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Record<string, unknown> {
  const sheet = findReminderSheet(spreadsheet, 'settings');
  const settings: Record<string, unknown> = {};
  if (!sheet) return settings;
  const table = readTable(sheet.getDataRange().getValues(), specs(['key', 'value'] as const));
  const keyIndex = table.columns.key ?? 0;
  const valueIndex = table.columns.value ?? 1;
  for (const row of table.rows) {
    const name = String(row[keyIndex] ?? '').trim();
    if (name !== '') settings[name] = row[valueIndex] ?? '';
  }
  return settings;
}
