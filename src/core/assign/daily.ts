/**
 * Per-day caps (issue 14 §6): a rep's optional most new leads per day (Reps → max new leads per day), on top of
 * the open-lead capacity. "Today" is the spreadsheet's time zone's day (the one ZoneDays helper), and what counts
 * is every Assignment log row of today that is not undone — earlier manual runs, form intake, the daily SLA sweep.
 */
import type { ZoneDays } from '../dates';
import { cell, isBlankRow, type Table } from '../table';
import { instantOfCell } from './sla';
import type { LogKey } from './undo';

/** Leads given to each rep (lower-case e-mail) today, from the Assignment log. */
export function assignedOnDay(log: Table<LogKey>, zone: ZoneDays, today: number): Map<string, number> {
  const counts = new Map<string, number>();
  if (log.columns.toRep === undefined || log.columns.time === undefined) return counts;
  for (const values of log.rows) {
    if (isBlankRow(values)) continue;
    const undone = cell(log, values, 'undone');
    // As Undo reads the column (src/core/assign/undo.ts): TRUE, or any text but "false".
    if (
      undone === true ||
      (typeof undone === 'string' && undone.trim() !== '' && undone.trim().toLowerCase() !== 'false')
    )
      continue;
    const ms = instantOfCell(cell(log, values, 'time'), zone);
    if (ms === null || zone.dayOfInstant(ms) !== today) continue;
    const rep = String(cell(log, values, 'toRep') ?? '')
      .trim()
      .toLowerCase();
    if (rep !== '') counts.set(rep, (counts.get(rep) ?? 0) + 1);
  }
  return counts;
}
