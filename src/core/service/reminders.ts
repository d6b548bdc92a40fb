/**
 * After-sales items of the daily digest: service records whose next-plan date has come (due today or overdue) and
 * open complaints, each owned by the record's rep, else the customer's owner. A record that is an open complaint
 * is listed once, as a complaint (its next plan shown with it). Closed records never remind. Pure; the reminder
 * digest (src/core/reminders/digest.ts) adds these items to the rep digests and the team summary.
 */
import { isoOfDayNumber } from '../dates';
import type { CustomerRecord } from '../reminders/input';
import type { DigestOptions, ReminderItem } from '../reminders/digest';
import { isOpenComplaint, serviceOwner, type ServiceRecord } from './records';

/** Every after-sales reminder item of the day (kinds 'serviceDue' and 'complaint'), unsorted. */
export function serviceReminderItems(
  records: readonly ServiceRecord[] | undefined,
  customers: readonly CustomerRecord[],
  options: DigestOptions,
): ReminderItem[] {
  if (!records || records.length === 0) return [];
  const byId = new Map<string, CustomerRecord>();
  for (const customer of customers) {
    const key = customer.id.trim().toLowerCase();
    if (key !== '' && !byId.has(key)) byId.set(key, customer);
  }
  const today = options.todayDay;
  const sheetId = options.sheetIds.service;
  const link = (row: number): string =>
    options.spreadsheetUrl && sheetId !== undefined && sheetId !== null && row > 0
      ? `${options.spreadsheetUrl}#gid=${sheetId}&range=A${row}`
      : options.spreadsheetUrl;

  const items: ReminderItem[] = [];
  for (const record of records) {
    if (record.closed) continue;
    const complaint = isOpenComplaint(record);
    const due = record.nextDay !== null && record.nextDay <= today;
    if (!complaint && !due) continue;
    const customer = byId.get(record.customerId.toLowerCase()) ?? null;
    const owner = serviceOwner(record, customer?.owner);
    const sinceDay = complaint ? record.day : record.nextDay;
    items.push({
      kind: complaint ? 'complaint' : 'serviceDue',
      key: `service:${record.id || `row${record.row}`}`,
      source: 'service',
      followUpId: record.id,
      followUpRow: record.row,
      customerId: customer?.id ?? record.customerId,
      customerRow: customer?.row ?? 0,
      customer: customer?.name || record.customerId || record.id,
      contact: customer?.contact ?? '',
      phone: customer?.phone ?? '',
      tier: customer?.tier ?? null,
      owner,
      dueDate: sinceDay === null ? '' : isoOfDayNumber(sinceDay),
      daysOverdue: sinceDay === null ? 0 : Math.max(0, today - sinceDay),
      daysSinceContact: null,
      lastContact: '',
      lastNote: record.content,
      nextStep: record.nextPlan
        ? [record.nextPlan, record.nextDay === null ? '' : isoOfDayNumber(record.nextDay)]
            .filter(Boolean)
            .join(' · ')
        : '',
      link: link(record.row),
    });
  }
  return items;
}
