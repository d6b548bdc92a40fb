/**
 * After-sales figures for the Dashboard, from one read of the Service sheet (plus the Customers and Reps tables the
 * dashboard already holds). Pure.
 *
 * Definitions:
 *  - a record belongs to its rep column, else to the customer's owner (as deals do); '' is "unassigned";
 *  - average satisfaction: the mean of the 1–5 ratings given (blank or invalid ratings are not counted);
 *    per rep over every record, per month over the records of that month (the last twelve months, the month of
 *    the record's time in the spreadsheet's zone);
 *  - open complaint: type *complaint* and not closed; its age is today minus the day it came in, in whole days.
 */
import { isoOfDayNumber } from '../dates';
import { isOpenComplaint, serviceOwner, type ServiceRecord } from './records';

export interface SatisfactionFigures {
  /** Service records counted. */
  records: number;
  /** Records with a rating. */
  rated: number;
  /** Mean rating, or null when none was rated. */
  average: number | null;
}

export interface RepServiceLine extends SatisfactionFigures {
  /** Lower-case e-mail; '' for records nobody owns. */
  email: string;
  name: string;
  openComplaints: number;
  /** Age in days of the rep's oldest open complaint, or null when none is open. */
  oldestComplaintDays: number | null;
}

export interface MonthServiceLine extends SatisfactionFigures {
  /** 'yyyy-MM'. */
  month: string;
}

export interface OpenComplaint {
  row: number;
  id: string;
  customerId: string;
  /** Company, else contact, else the customer ID. */
  customer: string;
  owner: string;
  /** 'yyyy-MM-dd' it came in ('' when the time is blank). */
  opened: string;
  /** Whole days since it came in (0 today); null when the time is blank. */
  ageDays: number | null;
  content: string;
  nextPlan: string;
  nextDate: string;
}

export interface ServiceDashboard {
  reps: RepServiceLine[];
  total: RepServiceLine;
  months: MonthServiceLine[];
  /** Every open complaint, oldest first. */
  openComplaints: OpenComplaint[];
}

export interface ServiceCustomerInfo {
  name: string;
  owner: string;
}

export interface ServiceDashboardInput {
  records: readonly ServiceRecord[];
  /** Customer id (lower case) → name and owner. */
  customers: ReadonlyMap<string, ServiceCustomerInfo>;
  /** The Reps sheet in its order (names for the table). */
  reps: readonly { email: string; name: string }[];
  todayDay: number;
  /** Month keys to report, oldest first (the dashboard's last twelve months). */
  months: readonly string[];
}

class Tally {
  records = 0;
  rated = 0;
  sum = 0;
  add(rating: number | null): void {
    this.records++;
    if (rating !== null) {
      this.rated++;
      this.sum += rating;
    }
  }
  figures(): SatisfactionFigures {
    return {
      records: this.records,
      rated: this.rated,
      average: this.rated === 0 ? null : this.sum / this.rated,
    };
  }
}

/** Customer id key: ids are compared trimmed and case-insensitively, as everywhere in SalesDesk. */
export const customerKey = (id: string): string => id.trim().toLowerCase();

/** Satisfaction per rep and per month, and open complaints with their age. */
export function computeServiceDashboard(input: ServiceDashboardInput): ServiceDashboard {
  const byRep = new Map<string, { tally: Tally; open: number; oldest: number | null }>();
  const total = { tally: new Tally(), open: 0, oldest: null as number | null };
  const months = new Map<string, Tally>(input.months.map((month) => [month, new Tally()]));
  const complaints: OpenComplaint[] = [];

  for (const record of input.records) {
    const customer = input.customers.get(customerKey(record.customerId));
    const owner = serviceOwner(record, customer?.owner);
    let rep = byRep.get(owner);
    if (!rep) {
      rep = { tally: new Tally(), open: 0, oldest: null };
      byRep.set(owner, rep);
    }
    rep.tally.add(record.satisfaction);
    total.tally.add(record.satisfaction);
    if (record.day !== null) months.get(isoOfDayNumber(record.day).slice(0, 7))?.add(record.satisfaction);
    if (!isOpenComplaint(record)) continue;
    const age = record.day === null ? null : Math.max(0, input.todayDay - record.day);
    rep.open++;
    total.open++;
    if (age !== null) {
      rep.oldest = rep.oldest === null ? age : Math.max(rep.oldest, age);
      total.oldest = total.oldest === null ? age : Math.max(total.oldest, age);
    }
    complaints.push({
      row: record.row,
      id: record.id,
      customerId: record.customerId,
      customer: customer?.name || record.customerId,
      owner,
      opened: record.day === null ? '' : isoOfDayNumber(record.day),
      ageDays: age,
      content: record.content,
      nextPlan: record.nextPlan,
      nextDate: record.nextDay === null ? '' : isoOfDayNumber(record.nextDay),
    });
  }

  const names = new Map(input.reps.map((rep) => [rep.email.trim().toLowerCase(), rep.name]));
  const order = new Map(input.reps.map((rep, index) => [rep.email.trim().toLowerCase(), index]));
  const line = (email: string, entry: { tally: Tally; open: number; oldest: number | null }) => ({
    email,
    name: names.get(email) || email,
    ...entry.tally.figures(),
    openComplaints: entry.open,
    oldestComplaintDays: entry.oldest,
  });
  // Reps in the Reps sheet's order, then anyone else by e-mail, the unassigned last.
  const rank = (email: string): number => (email === '' ? Infinity : (order.get(email) ?? input.reps.length));
  const reps = [...byRep.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([email, entry]) => line(email, entry));
  complaints.sort((a, b) => (b.ageDays ?? -1) - (a.ageDays ?? -1) || a.row - b.row);
  return {
    reps,
    total: line('', total),
    months: [...months.entries()].map(([month, tally]) => ({ month, ...tally.figures() })),
    openComplaints: complaints,
  };
}
