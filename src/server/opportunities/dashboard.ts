/**
 * The Dashboard's opportunity figures: one read of Opportunities and one of Stage history (Lists, Reps and
 * Customers are the refresh's own reads, passed in), computed in src/core/opportunities/compute.ts.
 */
import { zoneDays } from '../../core/dates';
import { computeOpportunityDashboard, type OpportunityDashboard } from '../../core/opportunities/compute';
import { readOpportunities, readStageHistory } from '../../core/opportunities/records';
import type { Pipeline } from '../../core/opportunities/stages';
import { cell, isBlankRow, type Table } from '../../core/table';
import { exchangeRatesFrom } from '../../core/tiering/rates';
import type { Settings } from '../../../templates/settings';
import { tryOpenSheet } from '../adapters/workbook';

export interface OpportunityFiguresInput {
  pipeline: Pipeline;
  settings: Settings;
  timeZone: string;
  now: Date;
  reps: Table<string>;
  customers: Table<string>;
}

/** @returns the figures, or null when the workbook has no Opportunities sheet (set up before issue 14). */
export function readOpportunityFigures(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  input: OpportunityFiguresInput,
): OpportunityDashboard | null {
  const opportunities = tryOpenSheet(spreadsheet, 'opportunities');
  if (!opportunities) return null;
  const history = tryOpenSheet(spreadsheet, 'stageHistory');
  const reps = new Map<string, string>();
  for (const row of input.reps.rows) {
    if (isBlankRow(row)) continue;
    const email = String(cell(input.reps, row, 'email') ?? '')
      .trim()
      .toLowerCase();
    if (email && !reps.has(email))
      reps.set(email, String(cell(input.reps, row, 'name') ?? '').trim() || email);
  }
  const customerNames = new Map<string, string>();
  for (const row of input.customers.rows) {
    const id = String(cell(input.customers, row, 'id') ?? '').trim();
    if (id !== '' && !customerNames.has(id))
      customerNames.set(id, String(cell(input.customers, row, 'company') ?? '').trim() || id);
  }
  return computeOpportunityDashboard({
    opportunities: readOpportunities(
      opportunities.table,
      input.pipeline,
      exchangeRatesFrom(input.settings),
      input.timeZone,
    ),
    history: readStageHistory(history?.table ?? null, input.timeZone),
    pipeline: input.pipeline,
    today: zoneDays(input.timeZone).dayOfInstant(input.now),
    reps,
    customerNames,
  });
}
