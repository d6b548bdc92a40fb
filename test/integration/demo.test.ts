/**
 * The main job (`npm start` = `salesdesk demo`): a new workbook goes through every step of the add-in and is
 * written as .xlsx that loads back with its data, formulas' results and validation rules.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/salesdesk';
import { LocalRuntime } from '../../runtime';
import { readXlsxCharts } from '../../runtime/spreadsheet/xlsx-charts';

test('salesdesk demo writes a workbook that holds the whole first day', async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-demo-')), 'demo.xlsx');
  const printed: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  let code: number;
  try {
    code = await main(['demo', '--out', out, '--now', '2026-11-23T09:30:00+08:00', '--json']);
  } finally {
    write.mockRestore();
  }
  expect(code).toBe(0);
  const summary = JSON.parse(printed.join('')) as {
    steps: { step: string; result: string; serviceCalls: number }[];
    mailsSent: number;
  };
  expect(summary.steps.map((s) => s.step)).toEqual([
    'set up workbook',
    'load sample data',
    'check data',
    'refresh tiers',
    'assign leads (preview, confirm)',
    'daily reminders',
    'refresh dashboard',
  ]);
  expect(summary.steps.find((s) => s.step === 'assign leads (preview, confirm)')?.result).toMatch(
    /^[1-9]\d* assigned/,
  );
  expect(summary.mailsSent).toBeGreaterThan(0);

  const reopened = await LocalRuntime.fromXlsx(out);
  const customers = reopened.workbook.sheetValues('Customers');
  expect(customers.length).toBeGreaterThan(200);
  const header = customers[0].map(String);
  const owner = header.indexOf('Owner');
  const tier = header.indexOf('Tier');
  expect(owner).toBeGreaterThanOrEqual(0);
  expect(tier).toBeGreaterThanOrEqual(0);
  const dataRows = customers.slice(1).filter((row) => row.some((cell) => cell !== ''));
  expect(dataRows.every((row) => row[owner] !== '')).toBe(true);
  expect(new Set(dataRows.map((row) => row[tier]))).toEqual(new Set(['VIP', 'Active', 'Potential', 'Lost']));

  // "charts in place" holds in the file too: the Dashboard's three charts are real chart parts of the .xlsx,
  // drawing the Dashboard's own cells (issue 13 §5).
  const charts = await readXlsxCharts(fs.readFileSync(out));
  expect(charts.map((c) => [c.sheet, c.kind, c.from])).toEqual([
    ['Dashboard', 'col', { column: 12, row: 0 }],
    ['Dashboard', 'pie', { column: 12, row: 20 }],
    ['Dashboard', 'bar', { column: 12, row: 40 }],
  ]);
  const dashboard = reopened.workbook.sheetValues('Dashboard');
  const tierChart = charts[1].series[0];
  const firstTierRow = Number(/\$A\$(\d+):/.exec(tierChart.categoriesRef ?? '')?.[1]);
  expect(tierChart.categories).toEqual(dashboard.slice(firstTierRow - 1, firstTierRow + 3).map((r) => r[0]));
  expect(tierChart.values).toEqual(dashboard.slice(firstTierRow - 1, firstTierRow + 3).map((r) => r[1]));
  expect(tierChart.values.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(dataRows.length);
});
