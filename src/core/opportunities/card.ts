/** One customer's opportunities as display text (customer card, Log opportunity), open ones first. Pure. */
import { text, utcDate, type DateFormatter } from '../forms/customers';
import { cell, isBlankRow, type Table } from '../table';
import { closedState, findStage, probabilityOf, type Pipeline } from './stages';

export interface CardOpportunity {
  row: number;
  id: string;
  source: string;
  description: string;
  stage: string;
  /** 'won' | 'lost' | '' (open). */
  closed: '' | 'won' | 'lost';
  /** Probability in %, typed or the stage's default ('' when neither). */
  probability: number | '';
  expectedClose: string;
  amount: number | string;
  currency: string;
  owner: string;
  nextStep: string;
  nextStepDate: string;
  reason: string;
  dealId: string;
}

/**
 * @param customerId the customer (case-insensitive).
 * @returns open opportunities by expected close (undated last), then closed ones, newest row first.
 */
export function customerOpportunities(
  table: Table<string>,
  customerId: string,
  pipeline: Pipeline,
  formatDate: DateFormatter = utcDate,
): CardOpportunity[] {
  const wanted = customerId.trim().toLowerCase();
  const out: CardOpportunity[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(row) || text(cell(table, row, 'customerId')).toLowerCase() !== wanted) return;
    const get = (key: string) => text(cell(table, row, key), formatDate);
    const stage = cell(table, row, 'stage');
    const amount = cell(table, row, 'amount');
    out.push({
      row: table.firstRow + index,
      id: get('id'),
      source: get('source'),
      description: get('description'),
      stage: get('stage'),
      closed: closedState(pipeline, stage),
      probability:
        probabilityOf(cell(table, row, 'probability')) ?? findStage(pipeline, stage)?.probability ?? '',
      expectedClose: get('expectedClose'),
      amount: typeof amount === 'number' ? amount : text(amount),
      currency: get('currency'),
      owner: get('owner'),
      nextStep: get('nextStep'),
      nextStepDate: get('nextStepDate'),
      reason: get('reason'),
      dealId: get('dealId'),
    });
  });
  const dateKey = (value: string) => (value === '' ? '9999' : value);
  return out.sort(
    (a, b) =>
      Number(a.closed !== '') - Number(b.closed !== '') ||
      (a.closed === '' ? dateKey(a.expectedClose).localeCompare(dateKey(b.expectedClose)) : 0) ||
      b.row - a.row,
  );
}
