/** The customer card's open opportunities: one read of Opportunities and one of Lists (for the pipeline). */
import { customerOpportunities, type CardOpportunity } from '../../core/opportunities/card';
import { tryOpenSheet } from '../adapters/workbook';
import type { FormsContext } from '../forms/context';
import { readListsAndPipeline } from './workbook';

/** @returns the customer's open opportunities, or null when the workbook has no Opportunities sheet. */
export function openCardOpportunities(ctx: FormsContext, customerId: string): CardOpportunity[] | null {
  const opened = tryOpenSheet(ctx.spreadsheet, 'opportunities');
  if (!opened) return null;
  const { pipeline } = readListsAndPipeline(ctx.spreadsheet, ctx.language);
  return customerOpportunities(opened.table, customerId, pipeline, ctx.formatDate).filter(
    (opportunity) => opportunity.closed === '',
  );
}
