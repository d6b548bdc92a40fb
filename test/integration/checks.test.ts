/**
 * Issue 4 (checks and tiers) through the built bundle in the local runtime:
 *  - tiers of the sample data computed three ways (Refresh tiers = the core module, the custom functions inside
 *    formulas, the template's array formulas) agree cell for cell;
 *  - Check data on a messy workbook (reordered columns, Chinese headers, blank rows, 5 000 customers) reports
 *    the planted problems with sheet, row and column, with service calls independent of the row count;
 *  - highlights restore the cells' original colours exactly; a report line jumps to its cell.
 */
import { LocalRuntime } from '../../runtime';
import { WorkbookStore } from '../../runtime/spreadsheet/store';
import { readTable } from '../../src/core/table';
import { columnLetter } from '../../templates/formulas';
import { SHEETS, columnHeaders, listLabels, type SheetKey } from '../../templates';
import type { CheckReport } from '../../src/server/checks/entries';
import { sampleWorkbookRuntime } from '../support/built-workbooks';

const NOW = '2026-11-23T02:00:00Z'; // 10:00 in Shanghai
const OWNER = 'owner@example.com';
const AS_OWNER = { user: OWNER, locale: 'en' };
const ERROR_BACKGROUND = '#fbd0cc';

function run<T>(rt: LocalRuntime, fn: string, args: unknown[] = [], opts = AS_OWNER) {
  const result = rt.execute<T>(fn, args, opts);
  if (result.error) throw result.error;
  return result;
}

describe('tiers of the sample data, three ways', () => {
  let rt: LocalRuntime;
  let core: unknown[][];
  let header: unknown[];
  const col = (key: string) => {
    const index = readTable([header], columnHeaders('customers')).columns[key];
    if (index === undefined) throw new Error(`no ${key}`);
    return index;
  };
  beforeAll(async () => {
    rt = await sampleWorkbookRuntime({ now: NOW, owner: OWNER });
    run(rt, 'menuRefreshTiers');
    core = rt.workbook.sheetValues('Customers');
    header = core[0];
  });

  it('Refresh tiers fills every customer', () => {
    const tiers = core
      .slice(1)
      .filter((row) => row[col('id')] !== '')
      .map((row) => row[col('tier')]);
    expect(tiers.length).toBeGreaterThanOrEqual(200);
    expect(new Set(tiers)).toEqual(new Set(listLabels('tier', 'en')));
  });

  it('the custom functions in formulas agree with the core', () => {
    const c = (key: string) => `Customers!${columnLetter(col(key))}2:${columnLetter(col(key))}`;
    const dealsHeader = rt.workbook.sheetValues('Deals')[0];
    const deals = readTable([dealsHeader], columnHeaders('deals')).columns;
    const d = (key: string) => {
      const letter = columnLetter(deals[key] as number);
      return `Deals!${letter}2:${letter}`;
    };
    const sheet = rt.workbook.insertSheet('Check');
    rt.workbook.writeFormulas(sheet, { row: 1, column: 1, numRows: 1, numColumns: 2 }, [
      [
        `=SALESDESK_TIER(${c('totalPurchases')},${c('orderCount')},${c('lastPurchase')},${c('lastContact')},TODAY())`,
        `=SALESDESK_RFM(${c('id')},${d('customerId')},${d('date')},${d('amount')},${d('status')},${d('currency')})`,
      ],
    ]);
    rt.workbook.recalculate();
    const values = rt.workbook.sheetValues('Check');
    let compared = 0;
    core.slice(1).forEach((row, i) => {
      if (row[col('id')] === '') return;
      compared++;
      expect([i + 2, values[i][0]]).toEqual([i + 2, row[col('tier')]]);
      expect(values[i][1] as number).toBeCloseTo(row[col('totalPurchases')] as number, 6);
      expect(values[i][2]).toBe(row[col('orderCount')]);
      expect(String(values[i][4])).toBe(String(row[col('lastPurchase')]));
    });
    expect(compared).toBeGreaterThanOrEqual(200);
    // Custom functions reading cells that array formulas spill into trip the runtime's engine ("Array should be
    // already computed", reported to the runtime team): the next way runs without this sheet.
    rt.workbook.deleteSheet(sheet.id);
  });

  it('the template array formulas agree with the core, one formula per column', () => {
    run(rt, 'apiInstallTierFormulas');
    const formulas = rt.workbook.sheetFormulas('Customers');
    for (const key of ['totalPurchases', 'orderCount', 'firstPurchase', 'lastPurchase', 'tier']) {
      expect(formulas[1][col(key)]).toMatch(/^=ARRAYFORMULA\(/);
      expect(formulas.slice(2).every((row) => !row[col(key)])).toBe(true);
    }
    const live = rt.workbook.sheetValues('Customers');
    core.slice(1).forEach((row, i) => {
      const formula = live[i + 1];
      expect(formula[col('totalPurchases')] as number).toBeCloseTo(
        (row[col('totalPurchases')] || 0) as number,
        6,
      );
      for (const key of ['orderCount', 'firstPurchase', 'lastPurchase', 'tier']) {
        expect([i + 2, key, String(formula[col(key)])]).toEqual([i + 2, key, String(row[col(key)])]);
      }
    });
  });
});

/* ---------- a messy workbook ---------- */

function put(store: WorkbookStore, name: string, rows: unknown[][]): void {
  const width = Math.max(...rows.map((r) => r.length));
  const sheet = store.insertSheet(name, undefined, rows.length + 20, width + 2);
  store.writeValues(
    sheet,
    { row: 1, column: 1, numRows: rows.length, numColumns: width },
    rows.map((r) => [...r, ...new Array(width - r.length).fill('')]),
  );
}

const zh = (key: SheetKey, column: string) =>
  SHEETS[key].columns.find((c) => c.key === column)!.headers['zh-CN'];

/** Customers in Chinese with reordered columns and a blank row every 50; planted problems at known rows. */
function messyWorkbook(customers: number): WorkbookStore {
  const store = WorkbookStore.empty({ timeZone: 'Asia/Shanghai', owner: OWNER, firstSheetName: 'Notes' });
  const midnight = (iso: string) => new Date(`${iso}T00:00:00+08:00`);
  const cols = ['email', 'id', 'company', 'contact', 'phone', 'level', 'stage', 'created', 'lastContact'];
  const rows: unknown[][] = [[...cols.map((key) => zh('customers', key)), '我的备注']];
  for (let i = 1; i <= customers; i++) {
    if (i % 50 === 0) rows.push(new Array(cols.length + 1).fill(''));
    rows.push([
      `buyer${i}@example.cn`,
      `C-${i}`,
      `公司${i}`,
      `联系人${i}`,
      `+86 139 ${String(i).padStart(8, '0')}`,
      1 + (i % 5),
      '洽谈中',
      midnight('2026-01-05'),
      '',
      'own note',
    ]);
  }
  // Planted problems (sheet rows are index + 1).
  rows[2][0] = 'not-an-email'; // row 3: e-mail
  rows[3][5] = 6; // row 4: level
  rows[4][6] = '做梦中'; // row 5: stage not in the list
  rows[5][2] = ''; // row 6: company required
  rows[6][0] = 'BUYER1@example.cn'; // row 7: same e-mail as row 2
  rows[7][4] = '0086-139-0000-0001'; // row 8: same phone as row 2, written the way many Chinese teams do (valid)
  rows[8][7] = '2026-13-45'; // row 9: not a date
  rows[9][4] = '139 0000 001'; // row 10: a mainland mobile one digit short
  put(store, '客户', rows);
  put(store, '成交记录', [
    ['Amount', 'Customer ID', 'Status', 'Date', 'Currency'],
    [100, 'C-1', 'Won', midnight('2026-10-01'), 'CNY'],
    [-5, 'C-2', 'Won', midnight('2026-10-01'), 'CNY'],
    [50, 'C-999999', 'Won', midnight('2026-10-01'), 'USD'],
  ]);
  put(store, 'Follow-ups', [
    ['Customer ID', 'Time', 'Content'],
    ['C-3', midnight('2026-11-01'), 'Called'],
    ['C-0', midnight('2026-11-01'), 'Called'],
  ]);
  put(store, 'Reps', [
    ['Name', 'E-mail', 'Active'],
    ['Ann', 'ann@example.com', true],
  ]);
  put(store, 'Settings', [
    ['Setting', 'Value'],
    ['currency', 'CNY'],
    ['tierVipMinOrders', 'many'],
  ]);
  return store;
}

/**
 * Rows of the big and the small messy workbook: ten times the rows must cost the same service calls (the bench runs
 * 50 000 and 200 000 customers for time and memory).
 */
const BIG = 5_000;
const SMALL = 500;

describe('Check data on a messy workbook', () => {
  let rt: LocalRuntime;
  let report: CheckReport;
  let calls: number;
  beforeAll(async () => {
    rt = await LocalRuntime.create({ workbook: messyWorkbook(BIG), now: NOW, owner: OWNER });
    const result = run<CheckReport>(rt, 'apiValidateWorkbook');
    report = result.value as CheckReport;
    calls = result.totalCalls;
  });
  const find = (sheet: string, row: number, code: string) =>
    report.problems.find((p) => p.sheet === sheet && p.row === row && p.code === code);

  it('reports each planted problem with sheet, row and the header as it stands', () => {
    expect(report.rows).toBeGreaterThan(BIG);
    expect(find('客户', 3, 'email')).toMatchObject({ column: '邮箱', col: 1 });
    expect(find('客户', 4, 'level')).toMatchObject({ column: '客户等级', col: 6 });
    expect(find('客户', 5, 'list')).toMatchObject({ column: '购买阶段' });
    expect(find('客户', 6, 'required')).toMatchObject({ column: '客户名称', col: 3 });
    expect(find('客户', 7, 'duplicateEmail')?.message).toContain('row 2');
    expect(find('客户', 8, 'duplicatePhone')?.message).toContain('row 2');
    expect(find('客户', 8, 'phone')).toBeUndefined(); // 0086… is a valid form of a mainland mobile
    expect(find('客户', 10, 'phone')).toMatchObject({ column: '电话' });
    expect(find('客户', 9, 'date')).toMatchObject({ column: '创建日期' });
    expect(find('成交记录', 3, 'negative')).toMatchObject({ column: 'Amount', col: 1 });
    expect(find('成交记录', 4, 'unknownCustomer')).toMatchObject({ column: 'Customer ID', col: 2 });
    expect(find('Follow-ups', 3, 'unknownCustomer')).toBeDefined();
    expect(find('Settings', 3, 'setting')?.message).toContain('tierVipMinOrders');
  });

  it('reports nothing else: blank rows are skipped and clean rows pass', () => {
    const unexpected = report.problems.filter(
      (p) =>
        !(p.sheet === '客户' && p.row <= 10) && !['成交记录', 'Follow-ups', 'Settings'].includes(p.sheet),
    );
    expect(unexpected.map((p) => `${p.sheet}!${p.row} ${p.code}`)).toEqual(
      // The messy sheets lack template columns: missing required columns are reported on row 1.
      unexpected
        .filter((p) => p.code === 'missingColumn' || p.code === 'missingSheet')
        .map((p) => `${p.sheet}!${p.row} ${p.code}`),
    );
  });

  it('costs the same service calls for ten times the customers', async () => {
    const small = await LocalRuntime.create({ workbook: messyWorkbook(SMALL), now: NOW, owner: OWNER });
    expect(run(small, 'apiValidateWorkbook').totalCalls).toBe(calls);
    const check = run<CheckReport>(small, 'menuCheckData');
    const bigCheck = run<CheckReport>(rt, 'menuCheckData');
    expect(check.totalCalls).toBe(bigCheck.totalCalls);
  });
});

describe('Refresh tiers on the messy workbook after Set up', () => {
  it('tiers every customer in the workbook language, with calls independent of rows', async () => {
    const tiersOf = async (customers: number) => {
      const rt = await LocalRuntime.create({ workbook: messyWorkbook(customers), now: NOW, owner: OWNER });
      run(rt, 'menuSetupWorkbook');
      const result = run<{ customers: number; counts: Record<string, number>; language: string }>(
        rt,
        'menuRefreshTiers',
      );
      const values = rt.workbook.sheetValues('客户');
      const table = readTable(values, columnHeaders('customers'));
      const row = (id: string) => table.rows.find((r) => r[table.columns.id as number] === id) as unknown[];
      return { rt, result, table, row };
    };
    const big = await tiersOf(BIG);
    expect(big.result.value).toMatchObject({ customers: BIG, language: 'zh-CN' });
    const c1 = big.row('C-1');
    expect(c1[big.table.columns.tier as number]).toBe('活跃');
    expect(c1[big.table.columns.totalPurchases as number]).toBe(100);
    expect(big.row('C-2')[big.table.columns.orderCount as number]).toBe(1);
    expect(big.row('C-5')[big.table.columns.tier as number]).toBe('潜在');
    // The user's own column is untouched.
    expect(big.rt.workbook.sheetValues('客户')[1]).toContain('own note');
    // A rep is told plainly that tiers are a manager's job; nothing is written.
    const refused = big.rt.execute('menuRefreshTiers', [], { user: 'rep@example.com', locale: 'en' });
    expect(refused.value).toBeNull();
    expect(big.rt.ui.alerts.at(-1)?.prompt).toContain('Only a manager can do this');
    const small = await tiersOf(SMALL);
    expect(small.result.totalCalls).toBe(big.result.totalCalls);
  });
});

describe('highlights and the report sidebar', () => {
  it('highlights problem cells, restores original colours exactly, jumps to a cell', async () => {
    const store = messyWorkbook(100);
    const sheet = store.requireSheet('客户');
    sheet.backgrounds[2] = sheet.backgrounds[2] ?? [];
    sheet.backgrounds[2][0] = '#123456'; // the user's own colour on row 3's e-mail (a problem cell)
    const rt = await LocalRuntime.create({ workbook: store, now: NOW, owner: OWNER });
    const report = run<CheckReport>(rt, 'menuCheckData').value as CheckReport;
    expect(rt.ui.sidebars.length).toBe(1);
    const customers = rt.workbook.requireSheet('客户');
    expect(customers.backgrounds[2]?.[0]).toBe(ERROR_BACKGROUND);
    expect(customers.backgrounds[3]?.[5]).toBe(ERROR_BACKGROUND);
    expect(report.highlighted).toBeGreaterThanOrEqual(9);
    // A second check does not stack: the original colour is still what Clear restores.
    run(rt, 'menuCheckData');
    run(rt, 'menuClearHighlights');
    expect(customers.backgrounds[2]?.[0]).toBe('#123456');
    expect(customers.backgrounds[3]?.[5] ?? '#ffffff').toBe('#ffffff');
    const problem = report.problems.find((p) => p.code === 'level')!;
    run(rt, 'apiGoToCell', [problem.sheet, problem.row, problem.col]);
    expect(rt.workbook.data.activeRange?.rect).toMatchObject({ row: problem.row, column: problem.col });
  });

  it('messages follow the user’s language', async () => {
    const rt = await LocalRuntime.create({ workbook: messyWorkbook(10), now: NOW, owner: OWNER });
    const report = run<CheckReport>(rt, 'apiValidateWorkbook', [], { user: OWNER, locale: 'zh-CN' })
      .value as CheckReport;
    expect(report.problems.find((p) => p.code === 'level')?.message).toContain(
      '客户等级必须是 1 到 5 的整数',
    );
  });
});
