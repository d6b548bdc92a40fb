/**
 * The data and dashboard entry points' view of the execution context (src/server/context.ts): spreadsheet, user,
 * language, role and Settings, read once; plus the lists reader. Locks come from src/server/lock.ts.
 */
import type { Locale, Translate } from '../../core/i18n';
import { cell, type Table } from '../../core/table';
import type { Settings } from '../../../templates';
import { tryOpenSheet } from '../adapters/workbook';
import { executionContext } from '../context';

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
  const ctx = executionContext();
  return {
    spreadsheet: ctx.spreadsheet,
    locale: ctx.locale,
    t: ctx.t,
    user: ctx.user,
    isManager: ctx.isManager,
    timeZone: ctx.timeZone,
    settings: ctx.settings,
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
