/**
 * Issue 13 §5 through the built bundle: after SalesDesk → Use live tier formulas, the saved .xlsx holds the tier
 * columns as the values Sheets shows (other programs cannot compute ARRAYFORMULA or `A2:A`), and loading it back
 * into the runtime restores the live formulas with the same results.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { LocalRuntime } from '../../runtime';
import { sampleWorkbookRuntime } from '../support/built-workbooks';

const OWNER = { user: 'owner@example.com', locale: 'en' };

test('live tier formulas are saved as their values and come back as formulas', async () => {
  const rt = await sampleWorkbookRuntime({
    owner: OWNER.user,
    locale: OWNER.locale,
    now: '2026-11-23T10:00:00+08:00',
  });
  // A smaller book: the live formulas compare every customer with every deal (seconds for the full sample).
  for (const [name, keep] of [
    ['Customers', 40],
    ['Deals', 80],
  ] as const) {
    const rows = rt.workbook.sheetValues(name);
    const width = rows[0].length;
    rt.workbook.writeValues(
      rt.workbook.requireSheet(name),
      { row: keep + 2, column: 1, numRows: rows.length - keep - 1, numColumns: width },
      rows.slice(keep + 1).map(() => new Array<string>(width).fill('')),
    );
  }
  rt.call('menuRefreshTiers', [], OWNER);
  const asValues = rt.workbook.sheetValues('Customers');
  expect(rt.execute('menuUseLiveTierFormulas', [], OWNER).error).toBeUndefined();
  const header = asValues[0].map(String);
  const tier = header.indexOf('Tier');
  const total = header.indexOf('Total purchases');
  const formulas = rt.workbook.sheetFormulas('Customers');
  expect(String(formulas[1][tier])).toMatch(/^=ARRAYFORMULA\(/i);

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-live-')), 'live.xlsx');
  await rt.saveXlsx(file);

  // What Excel or LibreOffice reads: plain values, no formula, equal to what Refresh tiers wrote.
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.readFile(file);
  const ws = excel.getWorksheet('Customers')!;
  const customers = asValues.slice(1).filter((row) => row[0] !== '');
  expect(customers.length).toBe(40);
  expect(new Set(customers.map((row) => row[tier])).size).toBeGreaterThan(1);
  customers.forEach((row, i) => {
    const tierCell = ws.getCell(i + 2, tier + 1);
    expect(tierCell.formula).toBeUndefined();
    expect(tierCell.value).toBe(row[tier]);
    // The formulas sum in another order than Refresh tiers: equal up to floating-point rounding.
    const sum = ws.getCell(i + 2, total + 1).value ?? '';
    if (typeof row[total] === 'number') expect(sum as number).toBeCloseTo(row[total] as number, 6);
    else expect(sum).toBe(row[total]);
  });

  const back = await LocalRuntime.fromXlsx(file, { owner: OWNER.user, now: '2026-11-23T10:00:00+08:00' });
  expect(back.workbook.sheetFormulas('Customers')[1]).toEqual(formulas[1]);
  expect(back.workbook.sheetValues('Customers').map((row) => row[tier])).toEqual(
    rt.workbook.sheetValues('Customers').map((row) => row[tier]),
  );
}, 300_000);
