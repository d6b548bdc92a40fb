/**
 * The opportunities' door to the workbook, over the template adapter: the Lists sheet read once into the dropdown
 * labels and the pipeline (stages with their default probabilities, row for row), and Stage history appends.
 */
import type { Locale } from '../../core/i18n';
import type { ListsInSheet } from '../../core/validation/fields';
import { pipelineFromColumns, type Pipeline } from '../../core/opportunities/stages';
import { appendRows, tryOpenSheet, type SheetTable } from '../adapters/workbook';

export interface ListsRead {
  /** List key → labels (blanks skipped), what the dropdowns offer. */
  lists: Record<string, string[]>;
  pipeline: Pipeline;
}

/** One read of Lists: the dropdown labels and the opportunity pipeline. */
export function readListsAndPipeline(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  language: Locale,
): ListsRead {
  const opened = tryOpenSheet(spreadsheet, 'lists');
  const lists: Record<string, string[]> = {};
  if (!opened) return { lists, pipeline: pipelineFromColumns(undefined, undefined, language) };
  const { table } = opened;
  for (const [key, index] of Object.entries(table.columns)) {
    if (index === undefined) continue;
    lists[key] = table.rows.map((row) => String(row[index] ?? '').trim()).filter((value) => value !== '');
  }
  const column = (key: string): unknown[] | undefined => {
    const index = table.columns[key];
    return index === undefined ? undefined : table.rows.map((row) => row[index]);
  };
  return {
    lists,
    pipeline: pipelineFromColumns(column('opportunityStage'), column('stageProbability'), language),
  };
}

export type { ListsInSheet };

/** A row of Stage history. */
export interface HistoryEntry {
  time: Date;
  opportunityId: string;
  fromStage: string;
  toStage: string;
  by: string;
  via: 'sidebar' | 'sheet' | 'sample';
}

/** Appends changes to Stage history in one setValues (nothing when there are none). */
export function appendHistory(history: SheetTable, entries: readonly HistoryEntry[]): void {
  if (entries.length === 0) return;
  appendRows(
    history.sheet,
    history.table,
    entries.map((entry) => ({ ...entry })),
  );
}
