/**
 * After-sales service rows (the Service sheet of templates/service.ts) as plain records: days in the spreadsheet's
 * time zone, the type as its list code, satisfaction as a whole number 1–5 (anything else is "not rated"), the
 * rep's lower-case e-mail, closed as a boolean. Pure: the server reads the sheet once and passes the table.
 */
import { isTicked } from '../cells';
import { zoneDays, type ZoneDays } from '../dates';
import { cell, isBlankRow, type Table } from '../table';

export type ServiceKey =
  | 'id'
  | 'customerId'
  | 'time'
  | 'type'
  | 'content'
  | 'result'
  | 'satisfaction'
  | 'nextPlan'
  | 'nextDate'
  | 'rep'
  | 'closed';

/** The list codes service logic depends on (templates/lists.ts → serviceType). */
export const SERVICE_CODES = { complaint: 'complaint' } as const;

export interface ServiceRecord {
  /** 1-based sheet row. */
  row: number;
  id: string;
  customerId: string;
  /** The service's instant in ms (null when blank or unreadable) and its calendar day in the zone. */
  timeMs: number | null;
  day: number | null;
  /** List code of the type when it is a template value, else the text as written ('' when blank). */
  type: string;
  /** The type as written in the sheet. */
  typeLabel: string;
  content: string;
  result: string;
  /** 1–5, or null when blank or not a whole number from 1 to 5. */
  satisfaction: number | null;
  nextPlan: string;
  nextDay: number | null;
  rep: string;
  closed: boolean;
}

/** Maps a service-type label (either language, aliases) to its code; undefined when not a template value. */
export type ServiceTypeCodeOf = (label: string) => string | undefined;

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** A satisfaction cell: a whole number 1–5 (number or numeric text), else null. */
export function satisfactionOf(value: unknown): number | null {
  const number =
    typeof value === 'number' ? value : /^\s*\d+(\.0+)?\s*$/.test(text(value)) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 1 && number <= 5 ? number : null;
}

function instantMs(value: unknown, zone: ZoneDays): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  const day = zone.dayOfCell(value);
  return day === null ? null : zone.midnightOf(day).getTime();
}

/** Every non-blank row of the Service table as a record. */
export function readServiceRecords(
  table: Table<string>,
  timeZone: string,
  typeCodeOf: ServiceTypeCodeOf,
): ServiceRecord[] {
  const zone = zoneDays(timeZone);
  const out: ServiceRecord[] = [];
  // One code lookup per distinct label: a 50 000-row sheet repeats six labels.
  const codes = new Map<string, string>();
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const time = cell(table, row, 'time');
    const timeMs = instantMs(time, zone);
    const typeLabel = text(cell(table, row, 'type'));
    let type = codes.get(typeLabel);
    if (type === undefined) {
      type = typeLabel === '' ? '' : (typeCodeOf(typeLabel) ?? typeLabel);
      codes.set(typeLabel, type);
    }
    out.push({
      row: table.firstRow + index,
      id: text(cell(table, row, 'id')),
      customerId: text(cell(table, row, 'customerId')),
      timeMs,
      day: timeMs === null ? null : zone.dayOfInstant(timeMs),
      type,
      typeLabel,
      content: text(cell(table, row, 'content')),
      result: text(cell(table, row, 'result')),
      satisfaction: satisfactionOf(cell(table, row, 'satisfaction')),
      nextPlan: text(cell(table, row, 'nextPlan')),
      nextDay: zone.dayOfCell(cell(table, row, 'nextDate')),
      rep: text(cell(table, row, 'rep')).toLowerCase(),
      closed: isTicked(cell(table, row, 'closed')),
    });
  });
  return out;
}

/** An open complaint: a complaint not ticked closed. */
export function isOpenComplaint(record: Pick<ServiceRecord, 'type' | 'closed'>): boolean {
  return record.type === SERVICE_CODES.complaint && !record.closed;
}

/** Who a record belongs to: its rep, else the customer's owner (as deals do on the dashboard). */
export function serviceOwner(record: Pick<ServiceRecord, 'rep'>, customerOwner: string | undefined): string {
  return record.rep || (customerOwner ?? '').trim().toLowerCase();
}
