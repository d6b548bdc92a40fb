/**
 * Issue 4 (template) bench: Set up workbook on a new spreadsheet, re-run on 500 and on 50 000 customers
 * (calls must not grow with rows), and Load sample data.
 */
import { LocalRuntime } from '../../runtime';
import { salesWorkbook } from '../../test/integration/helpers/sales-workbook';
import type { BenchCase } from '../types';

const NOW = new Date('2026-11-23T02:00:00Z');
const OWNER = { user: 'owner@example.com', locale: 'en' };

function filled(customers: number, deals: number): Promise<LocalRuntime> {
  return LocalRuntime.create({
    workbook: salesWorkbook({ customers, deals, followups: Math.round(customers / 2), now: NOW }),
    now: NOW,
    owner: 'owner@example.com',
  });
}

export const cases: BenchCase[] = [
  {
    name: 'set up workbook (new spreadsheet)',
    rows: 0,
    setup: () => LocalRuntime.create({ now: NOW, owner: 'owner@example.com' }),
    run: (rt) => rt.execute('menuSetupWorkbook', [], OWNER),
  },
  {
    name: 'set up workbook again (500 customers, 2 000 deals)',
    rows: 2_500,
    setup: () => filled(500, 2_000),
    run: (rt) => rt.execute('menuSetupWorkbook', [], OWNER),
  },
  {
    name: 'set up workbook again (50 000 customers, 200 000 deals)',
    rows: 250_000,
    setup: () => filled(50_000, 200_000),
    run: (rt) => rt.execute('menuSetupWorkbook', [], OWNER),
  },
  {
    name: 'load sample data (240 customers, 360 deals, 520 follow-ups)',
    rows: 1_126,
    setup: async () => {
      const rt = await LocalRuntime.create({ now: NOW, owner: 'owner@example.com' });
      rt.execute('menuSetupWorkbook', [], OWNER);
      return rt;
    },
    run: (rt) => rt.execute('menuLoadSampleData', [], OWNER),
  },
];
