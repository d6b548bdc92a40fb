/**
 * The after-sales figures of the Dashboard: the Service sheet read once (one getValues), computed by
 * src/core/service/dashboard.ts against the Customers and Reps tables the refresh already read. No write of its
 * own: the figures go into the Dashboard's one block.
 */
import { zoneDays } from '../../core/dates';
import { lastTwelveMonths } from '../../core/dashboard/days';
import { cell, isBlankRow, type Table } from '../../core/table';
import { computeServiceDashboard, customerKey, type ServiceDashboard } from '../../core/service/dashboard';
import { readServiceRecords } from '../../core/service/records';
import { listValueCode } from '../../../templates/lists';
import { tryOpenSheet } from '../adapters/workbook';

/** Customer id → name and owner, from a Customers table already read. */
export function customerDirectory(customers: Table<string>): Map<string, { name: string; owner: string }> {
  const out = new Map<string, { name: string; owner: string }>();
  for (const row of customers.rows) {
    if (isBlankRow(row)) continue;
    const id = String(cell(customers, row, 'id') ?? '').trim();
    if (id === '' || out.has(customerKey(id))) continue;
    const name =
      String(cell(customers, row, 'company') ?? '').trim() ||
      String(cell(customers, row, 'contact') ?? '').trim() ||
      id;
    out.set(customerKey(id), {
      name,
      owner: String(cell(customers, row, 'owner') ?? '')
        .trim()
        .toLowerCase(),
    });
  }
  return out;
}

/**
 * The after-sales figures, or undefined when the workbook has no Service sheet (set-up adds it).
 * @param customers the Customers table the dashboard read; @param reps the Reps table.
 */
export function serviceDashboard(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  customers: Table<string>,
  reps: Table<string>,
  timeZone: string,
  now: Date,
): ServiceDashboard | undefined {
  const opened = tryOpenSheet(spreadsheet, 'service');
  if (!opened) return undefined;
  const todayDay = zoneDays(timeZone).dayOfInstant(now);
  return computeServiceDashboard({
    records: readServiceRecords(opened.table, timeZone, (label) => listValueCode('serviceType', label)),
    customers: customerDirectory(customers),
    reps: reps.rows
      .filter((row) => !isBlankRow(row))
      .map((row) => ({
        email: String(cell(reps, row, 'email') ?? '')
          .trim()
          .toLowerCase(),
        name: String(cell(reps, row, 'name') ?? '').trim(),
      })),
    todayDay,
    months: lastTwelveMonths(todayDay),
  });
}
