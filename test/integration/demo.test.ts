/**
 * The main job (`npm start` = `salesdesk demo`): a new workbook goes through every step of the add-in and is
 * written as .xlsx that loads back with its data, formulas' results and validation rules.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/salesdesk';
import { LocalRuntime } from '../../runtime';

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
});
