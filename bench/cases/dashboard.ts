/**
 * Issue 7 bench: dashboard refresh on 50 000 customers / 200 000 deals, and a 5 000-row CSV import; issue 12: the
 * refresh on 200 000 customers. Round trips (calls priced as reaching the Sheets backend) are the figure batching
 * lowers.
 */
import { LocalRuntime } from '../../runtime';
import { salesWorkbook } from '../../test/integration/helpers/sales-workbook';
import type { BenchCase } from '../types';

const NOW = new Date('2026-03-15T02:00:00Z');
const BOSS = { user: 'boss@example.com', locale: 'en' };

function importCsv(rows: number): string {
  const lines = ['Company,Contact name,Phone,E-mail,Region,Stage,Next follow-up'];
  for (let i = 1; i <= rows; i++)
    lines.push(`Firm ${i},Person ${i},+86 139 ${10000000 + i},p${i}@import.cn,South China,Intent,2026-04-01`);
  return lines.join('\r\n');
}

export const cases: BenchCase[] = [
  {
    name: 'dashboard refresh (50 000 customers, 200 000 deals, 100 000 follow-ups)',
    rows: 350_000,
    setup: () =>
      LocalRuntime.create({
        workbook: salesWorkbook({ customers: 50_000, deals: 200_000, followups: 100_000, now: NOW }),
        now: NOW,
        owner: 'owner@example.com',
      }),
    run: (rt) => rt.execute('menuRefreshDashboard', [], BOSS),
  },
  {
    name: 'dashboard refresh (200 000 customers, 200 000 deals, 100 000 follow-ups)',
    rows: 500_000,
    setup: () =>
      LocalRuntime.create({
        workbook: salesWorkbook({ customers: 200_000, deals: 200_000, followups: 100_000, now: NOW }),
        now: NOW,
        owner: 'owner@example.com',
      }),
    run: (rt) => rt.execute('menuRefreshDashboard', [], BOSS),
  },
  {
    name: 'import 5 000 customers from CSV (into 50 000)',
    rows: 5_000,
    setup: () =>
      LocalRuntime.create({
        workbook: salesWorkbook({ customers: 50_000, deals: 0, followups: 0, now: NOW }),
        now: NOW,
        owner: 'owner@example.com',
      }),
    run: (rt) => rt.execute('apiImportCustomers', [{ text: importCsv(5_000), duplicates: 'skip' }], BOSS),
  },
];
