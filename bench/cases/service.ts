/**
 * Issue 14 §2 bench: the Dashboard refresh with an after-sales Service sheet of 500 and of 50 000 records (on
 * 50 000 customers / 200 000 deals): the service calls and round trips are the same for both (one read of the
 * sheet, the block in the Dashboard's one write); only CPU and cells moved grow.
 */
import { LocalRuntime } from '../../runtime';
import { salesWorkbook } from '../../test/integration/helpers/sales-workbook';
import { addServiceSheet } from '../../test/integration/helpers/service-sheet';
import type { BenchCase } from '../types';

const NOW = new Date('2026-03-15T02:00:00Z');
const BOSS = { user: 'boss@example.com', locale: 'en' };

function dashboardWithService(records: number): BenchCase {
  return {
    name: `dashboard refresh with ${records.toLocaleString('en-US').replace(/,/g, ' ')} service records (50 000 customers, 200 000 deals)`,
    rows: 350_000 + records,
    setup: async () => {
      const store = salesWorkbook({ customers: 50_000, deals: 200_000, followups: 100_000, now: NOW });
      addServiceSheet(store, records, 50_000, NOW);
      return LocalRuntime.create({ workbook: store, now: NOW, owner: 'owner@example.com' });
    },
    run: (rt) => rt.execute('menuRefreshDashboard', [], BOSS),
  };
}

export const cases: BenchCase[] = [dashboardWithService(500), dashboardWithService(50_000)];
