/**
 * Opportunities and their stage history as plain records, read from tables found by header (one getValues each):
 * stages resolved against the pipeline, dates as day numbers of the spreadsheet's zone, amounts converted into the
 * Settings currency. Pure.
 */
import { cellAmount } from '../cells';
import { zoneDays, type ZoneDays } from '../dates';
import { cell, isBlankRow, type Table } from '../table';
import { rateOf, type ExchangeRates } from '../tiering/rates';
import { findStage, probabilityOf, stageKey, type Pipeline, type PipelineStage } from './stages';

export type OpportunityKey =
  | 'id'
  | 'customerId'
  | 'source'
  | 'description'
  | 'stage'
  | 'probability'
  | 'expectedClose'
  | 'amount'
  | 'currency'
  | 'owner'
  | 'nextStep'
  | 'nextStepDate'
  | 'reason'
  | 'created'
  | 'updated'
  | 'dealId';
export type HistoryKey = 'time' | 'opportunityId' | 'fromStage' | 'toStage' | 'by' | 'via';

export interface OpportunityRecord {
  /** Sheet row (1-based). */
  row: number;
  id: string;
  customerId: string;
  description: string;
  /** Stage key (catalogue code or normalised label); '' when blank. */
  stage: string;
  stageLabel: string;
  closed: PipelineStage['closed'];
  /** Effective probability (%): the typed one, else the stage's default. */
  probability: number;
  /** Amount as written (null when blank or not a number) and in the Settings currency (null without a rate). */
  amount: number | null;
  baseAmount: number | null;
  currency: string;
  owner: string;
  nextStep: string;
  nextStepDay: number | null;
  expectedCloseDay: number | null;
  createdDay: number | null;
  dealId: string;
}

export interface StageChange {
  opportunityId: string;
  /** Instant of the change (ms) and its day in the zone. */
  ms: number;
  day: number;
  from: string;
  to: string;
  toLabel: string;
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** Reads the Opportunities table (blank rows skipped). */
export function readOpportunities(
  table: Table<string>,
  pipeline: Pipeline,
  rates: ExchangeRates,
  timeZone: string,
): OpportunityRecord[] {
  const zone = zoneDays(timeZone);
  const out: OpportunityRecord[] = [];
  // Stage cells repeat a handful of labels: resolve each distinct label once.
  const stages = new Map<string, { key: string; stage: PipelineStage | undefined }>();
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const stageLabel = text(cell(table, row, 'stage'));
    let resolved = stages.get(stageLabel);
    if (!resolved) {
      resolved = { key: stageKey(stageLabel), stage: findStage(pipeline, stageLabel) };
      stages.set(stageLabel, resolved);
    }
    const amount = cellAmount(cell(table, row, 'amount'));
    const currency = cell(table, row, 'currency');
    const rate = rateOf(rates, currency);
    const typed = probabilityOf(cell(table, row, 'probability'));
    out.push({
      row: table.firstRow + index,
      id: text(cell(table, row, 'id')),
      customerId: text(cell(table, row, 'customerId')),
      description: text(cell(table, row, 'description')),
      stage: resolved.key,
      stageLabel,
      closed:
        resolved.stage?.closed ?? (resolved.key === 'won' || resolved.key === 'lost' ? resolved.key : ''),
      probability: typed ?? resolved.stage?.probability ?? 0,
      amount,
      baseAmount: amount === null || rate === undefined ? null : amount * rate,
      currency: text(currency),
      owner: text(cell(table, row, 'owner')).toLowerCase(),
      nextStep: text(cell(table, row, 'nextStep')),
      nextStepDay: zone.dayOfCell(cell(table, row, 'nextStepDate')),
      expectedCloseDay: zone.dayOfCell(cell(table, row, 'expectedClose')),
      createdDay: zone.dayOfCell(cell(table, row, 'created')),
      dealId: text(cell(table, row, 'dealId')),
    });
  });
  return out;
}

function instantOf(value: unknown, zone: ZoneDays): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  // Text (a CSV import, a hand edit): its day is what counts for durations; the wall-clock time is not read, so
  // the result never depends on the machine's own zone.
  const day = zone.dayOfCell(value);
  return day === null ? null : day * 86_400_000;
}

/** Reads Stage history: every change with a known opportunity and time, oldest first (ties keep sheet order). */
export function readStageHistory(table: Table<string> | null, timeZone: string): StageChange[] {
  if (!table) return [];
  const zone = zoneDays(timeZone);
  const out: (StageChange & { order: number })[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const id = text(cell(table, row, 'opportunityId'));
    const time = cell(table, row, 'time');
    const ms = instantOf(time, zone);
    const day = zone.dayOfCell(time);
    if (id === '' || ms === null || day === null) return;
    const toLabel = text(cell(table, row, 'toStage'));
    out.push({
      opportunityId: id,
      ms,
      day,
      from: stageKey(cell(table, row, 'fromStage')),
      to: stageKey(toLabel),
      toLabel,
      order: index,
    });
  });
  out.sort((a, b) => a.ms - b.ms || a.order - b.order);
  return out.map(({ order: _order, ...change }) => change);
}

/** The last recorded stage of each opportunity (id lower-case → key and label), from the rows in sheet order. */
export function lastRecordedStages(table: Table<string> | null): Map<string, { key: string; label: string }> {
  const last = new Map<string, { key: string; label: string }>();
  if (!table) return last;
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const id = text(cell(table, row, 'opportunityId')).toLowerCase();
    const label = text(cell(table, row, 'toStage'));
    if (id !== '') last.set(id, { key: stageKey(label), label });
  }
  return last;
}
