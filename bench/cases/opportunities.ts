/**
 * Issue 14 bench: the dashboard refresh with 500 and with 50 000 opportunities (and ~3 stage changes each in the
 * hidden Stage history) on the same workbook: service calls and round trips stay the same, only cells moved grow.
 */
import { LocalRuntime } from '../../runtime';
import type { WorkbookStore } from '../../runtime/spreadsheet/store';
import { salesWorkbook, REPS } from '../../test/integration/helpers/sales-workbook';
import { SHEETS, listLabels, type SheetKey } from '../../templates';
import type { BenchCase } from '../types';

const NOW = new Date('2026-03-15T02:00:00Z');
const BOSS = { user: 'boss@example.com', locale: 'en' };
const DAY = 86_400_000;

function put(store: WorkbookStore, key: SheetKey, rows: unknown[][]): void {
  const header = SHEETS[key].columns.map((column) => column.headers.en);
  const all = [header, ...rows];
  const sheet = store.insertSheet(
    SHEETS[key].names.en,
    undefined,
    all.length + 10,
    Math.max(header.length, 26),
  );
  store.writeValues(sheet, { row: 1, column: 1, numRows: all.length, numColumns: header.length }, all);
}

/**
 * A sales workbook plus `count` opportunities on its customers and their stage history (by default 5 000
 * customers; another `store` of sales-workbook.ts with its customer count may be given, as the validate bench does).
 */
export function withOpportunities(
  count: number,
  customers = 5_000,
  store: WorkbookStore = salesWorkbook({ customers, deals: 20_000, followups: 10_000, now: NOW }),
): WorkbookStore {
  const stages = listLabels('opportunityStage', 'en');
  const opportunities: unknown[][] = [];
  const history: unknown[][] = [];
  let state = 14;
  const rnd = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = 1; i <= count; i++) {
    const id = `O-${String(i).padStart(6, '0')}`;
    const created = NOW.getTime() - Math.floor(rnd() * 200) * DAY;
    const steps = Math.floor(rnd() * 5);
    const final = steps === 4 && rnd() < 0.4 ? 5 : steps;
    let time = created;
    history.push([new Date(time), id, '', stages[0], '', 'sample']);
    for (let s = 1; s <= Math.min(steps, 4); s++) {
      time += Math.floor(1 + rnd() * 20) * DAY;
      const to = s === 4 ? stages[final] : stages[s];
      history.push([new Date(time), id, stages[s - 1], to, '', 'sample']);
    }
    // id customerId source description stage probability expectedClose amount currency owner nextStep nextStepDate
    // reason created updated dealId
    opportunities.push([
      id,
      `C-${String(1 + Math.floor(rnd() * customers)).padStart(5, '0')}`,
      '',
      'Needs a quote',
      stages[final],
      '',
      new Date(created + Math.floor(30 + rnd() * 120) * DAY),
      Math.round(10_000 + rnd() * 500_000),
      'CNY',
      REPS[Math.floor(rnd() * REPS.length)].email,
      'Call',
      new Date(NOW.getTime() + Math.floor(rnd() * 20 - 10) * DAY),
      '',
      new Date(created),
      new Date(time),
      '',
    ]);
  }
  put(store, 'opportunities', opportunities);
  put(store, 'stageHistory', history);
  return store;
}

const refresh = (count: number): BenchCase => ({
  name: `dashboard refresh with ${count.toLocaleString('en-US').replace(/,/g, ' ')} opportunities (5 000 customers, 20 000 deals)`,
  rows: count,
  setup: () =>
    LocalRuntime.create({ workbook: withOpportunities(count), now: NOW, owner: 'owner@example.com' }),
  run: (rt) => rt.execute('menuRefreshDashboard', [], BOSS),
});

export const cases: BenchCase[] = [refresh(500), refresh(50_000)];
