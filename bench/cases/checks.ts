/**
 * Issue 4 bench: Check data (read-only and with highlights) and Refresh tiers on 5 000 and 50 000 customers; issue
 * 12: validate and Refresh tiers on a 200 000-row workbook (200 000 customers and deals, 100 000 follow-ups: 8.6
 * million cells, under Sheets' 10 million); issue 14: validate with 50 000 opportunities and service records.
 */
import { LocalRuntime } from '../../runtime';
import { salesWorkbook } from '../../test/integration/helpers/sales-workbook';
import { addServiceSheet } from '../../test/integration/helpers/service-sheet';
import { withOpportunities } from './opportunities';
import type { BenchCase } from '../types';

const NOW = new Date('2026-03-15T02:00:00Z');
const OWNER = { user: 'owner@example.com', locale: 'en' };

function workbook(customers: number, deals = customers * 2, followups = customers) {
  return () =>
    LocalRuntime.create({
      workbook: salesWorkbook({ customers, deals, followups, now: NOW }),
      now: NOW,
      owner: 'owner@example.com',
    });
}

export const cases: BenchCase[] = [5_000, 50_000]
  .flatMap((customers): BenchCase[] => [
    {
      name: `validate (${customers.toLocaleString('en')} customers, ${(customers * 2).toLocaleString('en')} deals)`,
      rows: customers * 4,
      setup: workbook(customers),
      run: (rt) => rt.execute('apiValidateWorkbook', [], OWNER),
    },
    {
      name: `Check data with highlights (${customers.toLocaleString('en')} customers)`,
      rows: customers * 4,
      setup: workbook(customers),
      run: (rt) => rt.execute('menuCheckData', [], OWNER),
    },
    {
      name: `Refresh tiers (${customers.toLocaleString('en')} customers, ${(customers * 2).toLocaleString('en')} deals)`,
      rows: customers * 3,
      setup: workbook(customers),
      run: (rt) => rt.execute('menuRefreshTiers', [], OWNER),
    },
  ])
  .concat([
    {
      // Issue 14's sheets in Check data: the same workbook as above plus 50 000 of each.
      name: 'validate with 50,000 opportunities and 50,000 service records (50,000 customers, 100,000 deals)',
      rows: 300_000,
      setup: () => {
        const store = salesWorkbook({ customers: 50_000, deals: 100_000, followups: 50_000, now: NOW });
        withOpportunities(50_000, 50_000, store);
        addServiceSheet(store, 50_000, 50_000, NOW);
        return LocalRuntime.create({ workbook: store, now: NOW, owner: 'owner@example.com' });
      },
      run: (rt) => rt.execute('apiValidateWorkbook', [], OWNER),
    },
    {
      name: 'validate (200,000 customers, 200,000 deals, 100,000 follow-ups)',
      rows: 500_000,
      setup: workbook(200_000, 200_000, 100_000),
      run: (rt) => rt.execute('apiValidateWorkbook', [], OWNER),
    },
    {
      name: 'Refresh tiers (200,000 customers, 200,000 deals)',
      rows: 400_000,
      setup: workbook(200_000, 200_000, 100_000),
      run: (rt) => rt.execute('menuRefreshTiers', [], OWNER),
    },
  ]);
