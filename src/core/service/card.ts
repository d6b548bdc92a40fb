/**
 * The service part of the customer card: one customer's service records, open complaints first (they are what the
 * rep must act on), then newest first. Pure over the records of src/core/service/records.ts.
 */
import { isoOfDayNumber } from '../dates';
import { isOpenComplaint, type ServiceRecord } from './records';

export interface CardServiceItem {
  row: number;
  id: string;
  /** 'yyyy-MM-dd HH:mm' in the spreadsheet's zone ('' when blank). */
  time: string;
  /** The type as written in the sheet. */
  type: string;
  content: string;
  result: string;
  satisfaction: number | null;
  nextPlan: string;
  nextDate: string;
  rep: string;
  closed: boolean;
  /** A complaint not closed yet: highlighted on the card. */
  openComplaint: boolean;
  /** Days since it came in, for open complaints (null otherwise or when the time is blank). */
  ageDays: number | null;
}

export interface CardService {
  items: CardServiceItem[];
  openComplaints: number;
  /** Mean of the customer's ratings, or null when none was given. */
  averageSatisfaction: number | null;
}

/**
 * @param customerId the card's customer (compared trimmed, case-insensitively).
 * @param formatTime formats a record's instant as the sheet shows it.
 */
export function serviceCard(
  records: readonly ServiceRecord[],
  customerId: string,
  todayDay: number,
  formatTime: (ms: number) => string,
): CardService {
  const wanted = customerId.trim().toLowerCase();
  const mine = records.filter((record) => record.customerId.toLowerCase() === wanted);
  let sum = 0;
  let rated = 0;
  const items = mine.map((record): CardServiceItem & { sortTime: number } => {
    if (record.satisfaction !== null) {
      sum += record.satisfaction;
      rated++;
    }
    const open = isOpenComplaint(record);
    return {
      sortTime: record.timeMs ?? Number.NEGATIVE_INFINITY,
      row: record.row,
      id: record.id,
      time: record.timeMs === null ? '' : formatTime(record.timeMs),
      type: record.typeLabel,
      content: record.content,
      result: record.result,
      satisfaction: record.satisfaction,
      nextPlan: record.nextPlan,
      nextDate: record.nextDay === null ? '' : isoOfDayNumber(record.nextDay),
      rep: record.rep,
      closed: record.closed,
      openComplaint: open,
      ageDays: open && record.day !== null ? Math.max(0, todayDay - record.day) : null,
    };
  });
  items.sort(
    (a, b) => Number(b.openComplaint) - Number(a.openComplaint) || b.sortTime - a.sortTime || b.row - a.row,
  );
  return {
    items: items.map(({ sortTime: _sortTime, ...item }) => item),
    openComplaints: items.filter((item) => item.openComplaint).length,
    averageSatisfaction: rated === 0 ? null : sum / rated,
  };
}
