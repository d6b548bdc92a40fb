/**
 * Issue 4 (template) through the built bundle in the local runtime: Set up workbook on an empty spreadsheet
 * builds every sheet, rule, format and protection; a re-run on a filled, messy workbook (reordered columns,
 * headers in the other language, a user's own columns, blank rows) loses nothing and reports what it added;
 * service calls do not grow with rows; Load sample data fills an empty workbook and refuses a filled one.
 */
import { LocalRuntime } from '../../runtime';
import { WorkbookStore } from '../../runtime/spreadsheet/store';
import type { SheetData } from '../../runtime/spreadsheet/types';
import { readTable } from '../../src/core/table';
import {
  LIST_KEYS,
  SETTINGS,
  SHEET_KEYS,
  SHEETS,
  columnHeaders,
  generateSample,
  listLabels,
  listValueCode,
  type SheetKey,
} from '../../templates';

const NOW = '2026-11-23T02:00:00Z'; // 10:00 in Shanghai
const OWNER = 'owner@example.com';
const BOSS = { user: OWNER, locale: 'en' };

interface Report {
  ok: boolean;
  language: string;
  changes: { kind: string; [key: string]: unknown }[];
  lines: string[];
}

function sheetOf(rt: LocalRuntime, name: string): SheetData {
  const sheet = rt.workbook.sheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function ruleAt(rt: LocalRuntime, sheetName: string, row: number, column: number) {
  const id = sheetOf(rt, sheetName).validations[row - 1]?.[column - 1];
  return id === null || id === undefined ? null : rt.workbook.validationRule(id);
}

function setup(rt: LocalRuntime, opts: { user: string; locale: string } = BOSS) {
  const result = rt.execute<Report>('menuSetupWorkbook', [], opts);
  if (result.error) throw result.error;
  return result;
}

describe('Set up workbook on an empty spreadsheet', () => {
  let rt: LocalRuntime;
  let report: Report;
  beforeAll(async () => {
    rt = await LocalRuntime.create({ now: NOW, owner: OWNER });
    report = setup(rt).value as Report;
  });

  it('creates every sheet with English names and headers, frozen header, tab order of the template', () => {
    expect(report.ok).toBe(true);
    expect(rt.workbook.sheets().map((sheet) => sheet.name)).toEqual(
      SHEET_KEYS.map((key) => SHEETS[key].names.en),
    );
    for (const key of SHEET_KEYS) {
      const values = rt.workbook.sheetValues(SHEETS[key].names.en);
      if (SHEETS[key].columns.length > 0)
        expect(values[0].slice(0, SHEETS[key].columns.length)).toEqual(
          SHEETS[key].columns.map((c) => c.headers.en),
        );
      expect(sheetOf(rt, SHEETS[key].names.en).frozenRows).toBe(SHEETS[key].frozenRows);
    }
  });

  it('applies real data-validation rules from the template', () => {
    const customers = SHEETS.customers.columns.map((c) => c.key);
    const col = (key: string) => customers.indexOf(key) + 1;
    const stage = ruleAt(rt, 'Customers', 2, col('stage'));
    expect(stage?.criteria).toBe('VALUE_IN_RANGE');
    expect(JSON.stringify(stage?.values)).toContain(String(sheetOf(rt, 'Lists').id));
    expect(ruleAt(rt, 'Customers', 500, col('email'))?.criteria).toBe('TEXT_IS_VALID_EMAIL');
    expect(ruleAt(rt, 'Customers', 2, col('created'))?.criteria).toBe('DATE_IS_VALID_DATE');
    expect(ruleAt(rt, 'Customers', 2, col('potentialValue'))?.criteria).toBe(
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    );
    expect(ruleAt(rt, 'Customers', 2, col('reassign'))?.criteria).toBe('CHECKBOX');
    const level = ruleAt(rt, 'Customers', 2, col('level'));
    expect(level?.criteria).toBe('CUSTOM_FORMULA');
    expect(level?.allowInvalid).toBe(false);
    const phone = ruleAt(rt, 'Customers', 2, col('phone'));
    expect(phone?.criteria).toBe('CUSTOM_FORMULA');
    expect(phone?.helpText).toContain('+86');
    expect(ruleAt(rt, 'Customers', 2, col('company'))).toBeNull();
    expect(ruleAt(rt, 'Follow-ups', 2, 10)?.criteria).toBe('CHECKBOX');
  });

  it('writes Settings defaults and every list, and lists the set-up user as manager', () => {
    const settings = rt.workbook.sheetValues('Settings');
    expect(settings.slice(1).map((row) => row[0])).toEqual(SETTINGS.map((spec) => spec.key));
    const managers = settings.find((row) => row[0] === 'managers');
    expect(managers?.[1]).toBe(OWNER);
    const rowOf = (key: string) => settings.findIndex((row) => row[0] === key) + 1;
    expect(ruleAt(rt, 'Settings', rowOf('locale'), 2)?.values).toEqual([['auto', 'en', 'zh-CN'], true]);
    expect(ruleAt(rt, 'Settings', rowOf('assignMatchRegion'), 2)?.criteria).toBe('CHECKBOX');
    expect(ruleAt(rt, 'Settings', rowOf('reminderHour'), 2)?.criteria).toBe('NUMBER_BETWEEN');
    expect(ruleAt(rt, 'Settings', rowOf('managers'), 2)).toBeNull();
    const lists = rt.workbook.sheetValues('Lists');
    LIST_KEYS.forEach((key, index) => {
      const values = lists
        .slice(1)
        .map((row) => row[index])
        .filter((value) => value !== '');
      // Numeric list values (stage probabilities) read back as numbers, as Sheets stores them.
      expect(values.map(String)).toEqual(listLabels(key, 'en'));
    });
  });

  it('adds overdue / due-today conditional formats that HyperFormula evaluates as Sheets would', () => {
    const customers = sheetOf(rt, 'Customers');
    expect(customers.conditionalFormats).toHaveLength(2);
    const next = SHEETS.customers.columns.findIndex((c) => c.key === 'nextFollowUp') + 1;
    const formula = String(customers.conditionalFormats[0].values[0]);
    // Yesterday overdue, today and tomorrow not; the rule's formula is relative to row 2.
    rt.workbook.writeValues(customers, { row: 2, column: next, numRows: 3, numColumns: 1 }, [
      [new Date('2026-11-22T00:00:00+08:00')],
      [new Date('2026-11-23T00:00:00+08:00')],
      ['soon'],
    ]);
    const at = (row: number) =>
      rt.workbook.evaluateFormulaAt(customers, formula.replace(/\$([A-Z]+)2/g, `$$$1${row}`), row, next);
    expect([at(2), at(3), at(4), at(5)]).toEqual([true, false, false, false]);
    const today = String(customers.conditionalFormats[1].values[0]);
    expect(rt.workbook.evaluateFormulaAt(customers, today.replace(/2\b/g, '3'), 3, next)).toBe(true);
    rt.workbook.clearContents(customers, { row: 2, column: next, numRows: 3, numColumns: 1 });
  });

  it('protects Settings, Lists, Assignment log and computed columns for managers; ID columns warn', () => {
    const protections = rt.workbook.toJSON().protections;
    const byDescription = (text: string) => protections.filter((p) => p.description.includes(text));
    const sheetIds = Object.fromEntries(rt.workbook.sheets().map((s) => [s.name, s.id]));
    for (const name of ['Settings', 'Lists', 'Assignment log']) {
      const protection = protections.find((p) => p.type === 'SHEET' && p.sheetId === sheetIds[name]);
      expect(protection?.warningOnly).toBe(false);
      expect(protection?.editors).toContain(OWNER);
    }
    expect(byDescription('Refresh tiers')).toHaveLength(1);
    expect(byDescription('IDs link').every((p) => p.warningOnly)).toBe(true);
    expect(byDescription('IDs link')).toHaveLength(4); // Customers, Deals, Follow-ups, Service
  });

  it('is idempotent: a second run adds nothing, keeps one copy of each rule and protection', () => {
    const before = rt.workbook.toJSON();
    const again = setup(rt).value as Report;
    expect(again.changes).toEqual([]);
    expect(again.lines[0]).toMatch(/nothing was added/);
    const after = rt.workbook.toJSON();
    expect(after.protections).toHaveLength(before.protections.length);
    expect(after.sheets.map((s) => s.conditionalFormats.length)).toEqual(
      before.sheets.map((s) => s.conditionalFormats.length),
    );
    expect(after.sheets.map((s) => s.values)).toEqual(before.sheets.map((s) => s.values));
  });

  it('shows the report in an alert in the user language', () => {
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/nothing was added/);
  });
});

describe('Set up workbook in Chinese', () => {
  it('names sheets, headers and list labels in zh-CN from the user locale', async () => {
    const rt = await LocalRuntime.create({ now: NOW, owner: OWNER });
    const report = setup(rt, { user: OWNER, locale: 'zh-CN' }).value as Report;
    expect(report.language).toBe('zh-CN');
    expect(report.lines[0]).toBe('工作簿已初始化完成。');
    expect(rt.workbook.sheets().map((s) => s.name)).toEqual(
      SHEET_KEYS.map((key) => SHEETS[key].names['zh-CN']),
    );
    expect(rt.workbook.sheetValues('客户')[0][0]).toBe('客户编号');
    expect(
      rt.workbook
        .sheetValues('列表')
        .slice(1, 6)
        .map((row) => row[LIST_KEYS.indexOf('stage')]),
    ).toEqual(listLabels('stage', 'zh-CN'));
  });
});

/* ---------- a filled, messy workbook ---------- */

function put(store: WorkbookStore, name: string, rows: unknown[][], columns = 30): SheetData {
  const sheet = store.insertSheet(name, undefined, rows.length + 20, Math.max(columns, rows[0].length));
  const width = Math.max(...rows.map((row) => row.length));
  const padded = rows.map((row) => [...row, ...new Array(width - row.length).fill('')]);
  store.writeValues(sheet, { row: 1, column: 1, numRows: padded.length, numColumns: width }, padded);
  return sheet;
}

/**
 * Customers with columns reversed, "phone" and "owner" headed in Chinese, no Tier column, a user's own
 * "Region manager" column in the middle, and blank rows; Deals in full; Settings with two user values;
 * Follow-ups, Reps, Lists, Assignment log and Dashboard missing.
 */
function messyWorkbook(customers: number): { store: WorkbookStore; customerRows: unknown[][] } {
  const sample = generateSample({ now: NOW, seed: 3, customers, deals: customers, followups: 10 });
  const store = WorkbookStore.empty({ owner: OWNER, timeZone: 'Asia/Shanghai', firstSheetName: 'Scratch' });
  const keys = SHEETS.customers.columns
    .map((c) => c.key)
    .filter((key) => key !== 'tier')
    .reverse();
  const header: unknown[] = keys.map((key) => {
    const spec = SHEETS.customers.columns.find((c) => c.key === key)!;
    return key === 'phone' || key === 'owner' ? spec.headers['zh-CN'] : spec.headers.en;
  });
  header.splice(5, 0, 'Region manager');
  const customerRows: unknown[][] = [header];
  sample.customers.forEach((record, index) => {
    const row: unknown[] = keys.map((key) => record[key] ?? '');
    row.splice(5, 0, `manager-${index % 7}`);
    customerRows.push(row);
    if (index % 50 === 10) customerRows.push(new Array(header.length).fill(''));
  });
  const scratch = store.sheetByName('Scratch')!;
  put(store, 'Customers', customerRows, header.length);
  store.deleteSheet(scratch.id);
  put(store, 'Deals', [
    SHEETS.deals.columns.map((c) => c.headers.en),
    ...sample.deals.map((deal) => SHEETS.deals.columns.map((c) => deal[c.key] ?? '')),
  ]);
  put(store, 'Settings', [
    ['Setting', 'Value', 'Description'],
    ['tierVipMinAmount', 5000, 'our own threshold'],
    ['managers', `boss@example.com, ${OWNER}`, ''],
  ]);
  return { store, customerRows };
}

function columnByHeader(values: unknown[][], header: unknown): unknown[] {
  const index = values[0].indexOf(header);
  if (index < 0) throw new Error(`no column ${String(header)}`);
  return values.map((row) => row[index]);
}

describe('Set up workbook on a filled, messy workbook', () => {
  let rt: LocalRuntime;
  let customerRows: unknown[][];
  let report: Report;
  let dealsBefore: unknown[][];
  let customersBefore: unknown[][];
  beforeAll(async () => {
    const messy = messyWorkbook(2_000);
    customerRows = messy.customerRows;
    rt = await LocalRuntime.create({ workbook: messy.store, now: NOW, owner: OWNER });
    dealsBefore = rt.workbook.sheetValues('Deals');
    customersBefore = rt.workbook.sheetValues('Customers');
    report = setup(rt, { user: 'boss@example.com', locale: 'zh-CN' }).value as Report;
  });

  it('keeps every existing cell where it was (data, blank rows, the user column)', () => {
    const after = rt.workbook.sheetValues('Customers');
    const width = customersBefore[0].length;
    expect(after.length).toBe(customersBefore.length);
    expect(after.map((row) => row.slice(0, width))).toEqual(customersBefore);
    expect(customersBefore.length).toBe(customerRows.length);
    expect(columnByHeader(after, 'Region manager').slice(1, 4)).toEqual([
      'manager-0',
      'manager-1',
      'manager-2',
    ]);
    expect(rt.workbook.sheetValues('Deals')).toEqual(dealsBefore);
  });

  it('appends the missing column at the right end in the workbook language (English), not the user’s', () => {
    const after = rt.workbook.sheetValues('Customers');
    expect(after[0][customerRows[0].length]).toBe('Tier');
    expect(report.language).toBe('en');
    const table = readTable(after, columnHeaders('customers'));
    expect(table.missing).toEqual([]);
    expect(table.extraColumns).toEqual([5]);
  });

  it('creates the missing sheets, adds missing settings and keeps the user values', () => {
    for (const key of ['followups', 'reps', 'assignmentLog', 'lists', 'dashboard'] as SheetKey[])
      expect(rt.workbook.sheetByName(SHEETS[key].names.en)).toBeDefined();
    const settings = rt.workbook.sheetValues('Settings');
    expect(settings.find((row) => row[0] === 'tierVipMinAmount')?.[1]).toBe(5000);
    expect(settings.find((row) => row[0] === 'managers')?.[1]).toBe(`boss@example.com, ${OWNER}`);
    expect(
      settings
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(SETTINGS.map((s) => s.key).sort());
  });

  it('rules follow the columns where they stand: phone rule on the Chinese-headed phone column', () => {
    const header = rt.workbook.sheetValues('Customers')[0];
    const phoneColumn = header.indexOf('电话') + 1;
    expect(ruleAt(rt, 'Customers', 2, phoneColumn)?.criteria).toBe('CUSTOM_FORMULA');
    expect(ruleAt(rt, 'Customers', 2, 6)).toBeNull(); // the user's column
  });

  it('reports what it changed, in the user language', () => {
    const kinds = report.changes.map((change) => change.kind);
    expect(kinds).toContain('columnsAdded');
    expect(kinds).toContain('sheetCreated');
    expect(kinds).toContain('settingsAdded');
    expect(report.lines.join('\n')).toContain('“Customers”：在最右侧新增了列 "Tier"');
  });

  it('a rep may not re-run set-up on a workbook with managers', () => {
    const before = rt.workbook.sheetValues('Customers')[0];
    // The entry-point guard refuses before set-up runs: an alert naming the managers, nothing returned.
    const refused = setup(rt, { user: 'rep@example.com', locale: 'en' });
    expect(refused.value).toBeNull();
    expect(rt.ui.alerts.at(-1)?.prompt).toMatch(/^Only a manager can do this\. Managers: /);
    expect(rt.workbook.sheetValues('Customers')[0]).toEqual(before);
  });
});

describe('cost', () => {
  it('set-up makes the same service calls for 200 and 20 000 customers', async () => {
    const calls: number[] = [];
    for (const size of [200, 20_000]) {
      const rt = await LocalRuntime.create({ workbook: messyWorkbook(size).store, now: NOW, owner: OWNER });
      const result = setup(rt);
      calls.push(result.totalCalls);
    }
    expect(calls[1]).toBe(calls[0]);
  }, 120_000);
});

describe('Load sample data', () => {
  it('sets up an empty workbook and fills it; refuses once Customers has data', async () => {
    const rt = await LocalRuntime.create({ now: NOW, owner: OWNER });
    const loaded = rt.execute<{ ok: boolean; counts: Record<string, number> }>(
      'menuLoadSampleData',
      [],
      BOSS,
    );
    if (loaded.error) throw loaded.error;
    expect(loaded.value?.ok).toBe(true);
    const customers = rt.workbook.sheetValues('Customers');
    expect(customers.length - 1).toBe(loaded.value?.counts.customers);
    expect(customers.length - 1).toBeGreaterThanOrEqual(200);
    const table = readTable(customers, columnHeaders('customers'));
    const created = table.rows[0][table.columns.created!];
    expect(created).toBeInstanceOf(Date);
    expect(listValueCode('stage', table.rows[0][table.columns.stage!])).toBeDefined();
    expect(rt.workbook.sheetValues('Reps').length - 1).toBe(6);
    expect(rt.workbook.sheetValues('Settings').find((row) => row[0] === 'managers')?.[1]).toContain(
      'wang.fang@example.com',
    );
    // The sample's computed columns are what Refresh tiers computes (default Settings, same "today").
    const computed = ['totalPurchases', 'orderCount', 'firstPurchase', 'lastPurchase', 'tier'].map(
      (key) => table.columns[key]!,
    );
    const pick = (rows: unknown[][]) => rows.slice(1).map((row) => computed.map((index) => row[index]));
    const refreshed = rt.execute('menuRefreshTiers', [], BOSS);
    if (refreshed.error) throw refreshed.error;
    expect(refreshed.calls['Range.setValues']).toBeGreaterThan(0);
    expect(pick(rt.workbook.sheetValues('Customers'))).toEqual(pick(customers));
    // Sample data passes Check data: no missing field, bad label, malformed phone/e-mail or duplicate.
    const check = rt.execute<{ errors: number; warnings: number }>('apiValidateWorkbook', [], BOSS);
    if (check.error) throw check.error;
    expect([check.value?.errors, check.value?.warnings]).toEqual([0, 0]);
    const again = rt.execute<{ ok: boolean; lines: string[] }>('menuLoadSampleData', [], BOSS);
    expect(again.value?.ok).toBe(false);
    expect(again.value?.lines[0]).toMatch(/already has data/);
    expect(rt.workbook.sheetValues('Customers')).toHaveLength(customers.length);
  });
});

describe('salesdesk setup (CLI)', () => {
  it('sets up a new workbook with sample data, saves it, and a re-run on the saved file adds nothing', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { parseArgs } = await import('../../cli/args');
    const { command } = await import('../../cli/commands/setup');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-setup-'));
    const out: string[] = [];
    const io = { stdout: (text: string) => out.push(text), stderr: (text: string) => out.push(text) };
    const book = path.join(dir, 'book.xlsx');
    const code = await command.run(
      parseArgs(['setup', '--out', book, '--locale', 'zh-CN', '--sample', '--now', NOW]),
      io,
    );
    expect(code).toBe(0);
    expect(out.join('')).toContain('已载入示例数据');
    expect(fs.existsSync(book)).toBe(true);
    out.length = 0;
    const again = await command.run(parseArgs(['setup', '--in', book, '--json']), io);
    expect(again).toBe(0);
    const report = JSON.parse(out.join('')) as {
      changes: unknown[];
      language: string;
      cost: { serviceCalls: number };
    };
    expect(report.changes).toEqual([]);
    expect(report.language).toBe('zh-CN');
    expect(report.cost.serviceCalls).toBeGreaterThan(0);
  }, 120_000);
});
