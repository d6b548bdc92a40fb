/**
 * Opportunities in the daily digest (issue 14): an open opportunity is listed for its owner when its next-step date
 * is today or past, or when its expected close date has passed or falls in the current week (Monday to Sunday).
 * One line per opportunity, saying both when both hold. Pure; the server reads the Opportunities sheet once.
 */
import { isoOfDayNumber, zoneDays, type IsoDay } from '../dates';
import { stageKey } from '../opportunities/stages';
import { cell, isBlankRow, type Table } from '../table';

export interface OpportunityReminderRecord {
  row: number;
  id: string;
  customerId: string;
  description: string;
  stage: string;
  owner: string;
  nextStep: string;
  nextStepDay: number | null;
  expectedCloseDay: number | null;
}

export interface OpportunityReminder {
  key: string;
  id: string;
  row: number;
  customerId: string;
  customer: string;
  description: string;
  stage: string;
  owner: string;
  nextStep: string;
  /** Next-step date when it is due (today or past), with the days it is late (0 = today). */
  nextStepDate: IsoDay | '';
  nextStepDaysLate: number | null;
  /** Expected close date when it is past ('overdue') or in this week ('thisWeek'). */
  expectedClose: IsoDay | '';
  closing: '' | 'overdue' | 'thisWeek';
  closeDaysLate: number;
  link: string;
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** Open opportunities (stage neither won nor lost, in either language) with what the digest needs. */
export function readOpportunityReminders(
  table: Table<string> | null,
  options: { timeZone: string },
): OpportunityReminderRecord[] {
  if (!table) return [];
  const zone = zoneDays(options.timeZone);
  const out: OpportunityReminderRecord[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const stage = text(cell(table, row, 'stage'));
    const key = stageKey(stage);
    if (key === 'won' || key === 'lost') return;
    out.push({
      row: table.firstRow + index,
      id: text(cell(table, row, 'id')),
      customerId: text(cell(table, row, 'customerId')),
      description: text(cell(table, row, 'description')),
      stage,
      owner: text(cell(table, row, 'owner')).toLowerCase(),
      nextStep: text(cell(table, row, 'nextStep')),
      nextStepDay: zone.dayOfCell(cell(table, row, 'nextStepDate')),
      expectedCloseDay: zone.dayOfCell(cell(table, row, 'expectedClose')),
    });
  });
  return out;
}

/** The last day (Sunday) of the Monday-to-Sunday week of `day` (day 0, 1970-01-01, was a Thursday). */
export function endOfWeek(day: number): number {
  const mondayIndex = (((day + 3) % 7) + 7) % 7;
  return day + (6 - mondayIndex);
}

/**
 * Today's opportunity lines, by owner (lower-case e-mail; '' for none), most urgent first.
 * @param customerNames customer id (lower-case) → name.
 * @param link the row link of a sheet row of Opportunities.
 */
export function opportunityRemindersByOwner(
  records: readonly OpportunityReminderRecord[],
  todayDay: number,
  customerNames: ReadonlyMap<string, string>,
  link: (row: number) => string,
): Map<string, OpportunityReminder[]> {
  const weekEnd = endOfWeek(todayDay);
  const byOwner = new Map<string, OpportunityReminder[]>();
  for (const opp of records) {
    const nextDue = opp.nextStepDay !== null && opp.nextStepDay <= todayDay;
    const close = opp.expectedCloseDay;
    const closing: OpportunityReminder['closing'] =
      close === null ? '' : close < todayDay ? 'overdue' : close <= weekEnd ? 'thisWeek' : '';
    if (!nextDue && closing === '') continue;
    const item: OpportunityReminder = {
      key: `opportunity:${opp.id || `row${opp.row}`}`,
      id: opp.id,
      row: opp.row,
      customerId: opp.customerId,
      customer: customerNames.get(opp.customerId.toLowerCase()) || opp.customerId,
      description: opp.description,
      stage: opp.stage,
      owner: opp.owner,
      nextStep: opp.nextStep,
      nextStepDate: nextDue ? isoOfDayNumber(opp.nextStepDay as number) : '',
      nextStepDaysLate: nextDue ? todayDay - (opp.nextStepDay as number) : null,
      expectedClose: closing === '' ? '' : isoOfDayNumber(close as number),
      closing,
      closeDaysLate: closing === '' ? 0 : todayDay - (close as number),
      link: link(opp.row),
    };
    const list = byOwner.get(opp.owner);
    if (list) list.push(item);
    else byOwner.set(opp.owner, [item]);
  }
  const lateness = (item: OpportunityReminder) =>
    Math.max(item.nextStepDaysLate ?? -1, item.closing === 'overdue' ? item.closeDaysLate : -1);
  for (const list of byOwner.values())
    list.sort((a, b) => lateness(b) - lateness(a) || a.customer.localeCompare(b.customer) || a.row - b.row);
  return byOwner;
}
