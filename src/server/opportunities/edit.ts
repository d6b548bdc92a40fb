/**
 * Stage changes typed straight into the Opportunities sheet, recorded by the installable on-edit trigger set-up
 * installs (`onSettingsEdit`, src/server/roles/entries.ts, hands edits of Opportunities to this module: an editor
 * add-on may have only one on-edit trigger per user per document). For each edited row whose stage differs from
 * the last stage recorded in Stage history, one history row is appended (time, from, to, who typed it, "sheet"),
 * the probability follows the new stage unless someone typed their own, Updated is stamped, and a row typed without
 * an ID gets the next O-number. Several managers' triggers fire for the same edit: under the document lock the
 * second finds the change already recorded and writes nothing.
 */
import { nextId } from '../../core/forms/customers';
import { lastRecordedStages } from '../../core/opportunities/records';
import { followedProbability, stageKey } from '../../core/opportunities/stages';
import { cell, isBlankRow, locateColumns } from '../../core/table';
import { columnHeaders } from '../../../templates/workbook';
import { findSheet, openSheet } from '../adapters/workbook';
import type { ExecutionContext } from '../context';
import { withLock } from '../lock';
import { zonedInstant, formatters } from '../forms/dates';
import { writeCells } from '../forms/sheets';
import { appendHistory, readListsAndPipeline, type HistoryEntry } from './workbook';

export interface StageEditOutcome {
  /** Stage changes recorded by this run. */
  stageChanges: number;
}

function editorOf(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  try {
    return (e.user?.getEmail?.() ?? '').toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Records stage changes of an edit, when the edit is on the Opportunities sheet.
 * @returns null when the edit was elsewhere (the caller goes on), else how many changes were recorded.
 */
export function recordSheetStageEdits(
  context: ExecutionContext,
  e: GoogleAppsScript.Events.SheetsOnEdit,
): StageEditOutcome | null {
  const edited = e?.range?.getSheet?.();
  if (!edited) return null;
  const sheet = findSheet(context.spreadsheet, 'opportunities');
  if (!sheet || edited.getSheetId() !== sheet.getSheetId()) return null;
  const firstRow = e.range.getRow();
  const lastRow = firstRow + e.range.getNumRows() - 1;
  const firstColumn = e.range.getColumn();
  const lastColumn = firstColumn + e.range.getNumColumns() - 1;
  if (lastRow < 2) return { stageChanges: 0 };
  // One header read decides whether the edit touched the stage at all (most edits do not).
  const header = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0];
  const stageColumn = locateColumns(header, columnHeaders('opportunities')).stage;
  if (stageColumn === undefined || stageColumn + 1 < firstColumn || stageColumn + 1 > lastColumn)
    return { stageChanges: 0 };

  return withLock(context.t, 'background', () => {
    const { pipeline } = readListsAndPipeline(context.spreadsheet, context.workbookLocale);
    const opportunities = openSheet(context.spreadsheet, 'opportunities', context.t, context.workbookLocale, [
      'id',
      'stage',
    ]);
    const history = openSheet(context.spreadsheet, 'stageHistory', context.t, context.workbookLocale, [
      'opportunityId',
      'toStage',
    ]);
    const last = lastRecordedStages(history.table);
    const { table } = opportunities;
    const now = new Date();
    const today = zonedInstant(formatters(context.timeZone).date(now), context.timeZone);
    const by = editorOf(e);
    // A single cell's old value is the stage it had; for a paste the last recorded stage stands in for it.
    const single = e.range.getNumRows() === 1 && e.range.getNumColumns() === 1;
    const ids = table.rows.map((row) => cell(table, row, 'id'));
    const entries: HistoryEntry[] = [];
    const writes: { row: number; cells: Record<string, unknown> }[] = [];
    for (let sheetRow = Math.max(firstRow, table.firstRow); sheetRow <= lastRow; sheetRow++) {
      const row = table.rows[sheetRow - table.firstRow];
      if (!row || isBlankRow(row)) continue;
      const stage = String(cell(table, row, 'stage') ?? '').trim();
      if (stage === '') continue;
      const cells: Record<string, unknown> = {};
      let id = String(cell(table, row, 'id') ?? '').trim();
      if (id === '') {
        id = nextId(ids, 'O-');
        ids.push(id);
        cells.id = id;
        if (String(cell(table, row, 'created') ?? '') === '') cells.created = today;
      }
      const recorded = last.get(id.toLowerCase());
      if (recorded?.key === stageKey(stage)) {
        if (cells.id) writes.push({ row: sheetRow, cells });
        continue;
      }
      const previous = single && e.oldValue !== undefined ? String(e.oldValue) : (recorded?.label ?? '');
      const probability = followedProbability(pipeline, previous, stage, cell(table, row, 'probability'));
      if (probability !== null && probability !== cell(table, row, 'probability'))
        cells.probability = probability;
      cells.updated = now;
      writes.push({ row: sheetRow, cells });
      entries.push({
        time: now,
        opportunityId: id,
        fromStage: recorded?.label ?? (single && e.oldValue !== undefined ? String(e.oldValue) : ''),
        toStage: stage,
        by,
        via: 'sheet',
      });
      last.set(id.toLowerCase(), { key: stageKey(stage), label: stage });
    }
    // The history first: it is what durations are measured from; the row's cells are conveniences.
    appendHistory(history, entries);
    for (const write of writes) writeCells(opportunities, write.row, write.cells);
    return { stageChanges: entries.length };
  });
}
