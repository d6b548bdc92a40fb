/**
 * Issue 7 through the built bundle (dist/Code.js) in the local runtime: dashboard figures against an
 * independent computation from CSV exports, charts kept once across refreshes, a 5 000-row import with 50 bad
 * rows, formula-safe export, manager-only actions refused for reps, backups keeping the last N.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Papa from 'papaparse';
import { LocalRuntime } from '../../runtime';
import type { WorkbookStore } from '../../runtime/spreadsheet/store';
import { demoRuntime } from '../../dev/preview/server';
import { salesWorkbook } from './helpers/sales-workbook';

const NOW = new Date('2026-03-15T02:00:00Z'); // 10:00 in Shanghai, Q1, March
const BOSS = { user: 'boss@example.com', locale: 'en' };
const REP = { user: 'bob@example.com', locale: 'en' };
const OUT = path.resolve(__dirname, '../../test-output/sample-csv');

async function runtime(sizes = { customers: 300, deals: 900, followups: 500 }): Promise<LocalRuntime> {
  return LocalRuntime.create({
    workbook: salesWorkbook({ ...sizes, now: NOW }),
    now: NOW,
    owner: 'owner@example.com',
  });
}

type Csv = Record<string, string>[];
function parseCsv(text: string): Csv {
  return Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** The dashboard rows under the section whose title is `title`, as header → cell maps. */
function section(values: unknown[][], title: string): Record<string, unknown>[] {
  const start = values.findIndex((row) => row[0] === title);
  if (start < 0) throw new Error(`section ${title} not found`);
  const header = values[start + 1].map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = start + 2; r < values.length && values[r].some((cell) => cell !== ''); r++) {
    rows.push(Object.fromEntries(header.map((name, index) => [name, values[r][index]])));
  }
  return rows;
}

/**
 * Refreshes the dashboard as `who`, exports the source sheets as CSV files into `outDir`, recomputes every figure
 * from those files with plain loops, and compares with the Dashboard sheet.
 */
function expectDashboardMatchesCsv(
  rt: LocalRuntime,
  who: { user: string; locale: string },
  outDir: string,
): void {
  const refresh = rt.execute('menuRefreshDashboard', [], who);
  expect(refresh.error).toBeUndefined();

  // Export the source sheets through the bundle and keep them as files, as a user would.
  fs.mkdirSync(outDir, { recursive: true });
  const csv: Record<string, Csv> = {};
  for (const sheet of ['Customers', 'Deals', 'Follow-ups', 'Reps']) {
    const exported = rt.call('apiExportCsv', { sheet, onlyFiltered: false }, who) as { csv: string };
    fs.writeFileSync(path.join(outDir, `${sheet}.csv`), exported.csv);
    csv[sheet] = parseCsv(fs.readFileSync(path.join(outDir, `${sheet}.csv`), 'utf8'));
  }
  const customers = csv.Customers;
  const deals = csv.Deals;
  expect(customers.length).toBeGreaterThan(0);
  expect(deals.length).toBeGreaterThan(0);

  // Independent computation: plain loops over the CSV text (dates are yyyy-MM-dd in the sheet's zone).
  // "Today" in the spreadsheet's zone (Asia/Shanghai), from the runtime's clock.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(rt.clock.now());
  const [year, month] = today.split('-').map(Number);
  const firstMonth = month - ((month - 1) % 3);
  const quarterStart = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const quarterEnd = `${year}-${String(firstMonth + 2).padStart(2, '0')}-31`;
  const inMonth = (d: string) => d.startsWith(today.slice(0, 7));
  const inQuarter = (d: string) => d >= quarterStart && d <= quarterEnd;
  const byId = new Map(customers.map((c) => [c['Customer ID'], c]));
  const won = deals.filter((d) => d.Status === 'Won');
  const repOf = (d: Record<string, string>) =>
    (d.Rep || byId.get(d['Customer ID'])?.Owner || '').toLowerCase();
  const firstWon = new Map<string, string>();
  for (const d of won) {
    const current = firstWon.get(d['Customer ID']);
    if (!current || d.Date < current) firstWon.set(d['Customer ID'], d.Date);
  }
  const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
  const dashboard = rt.workbook.sheetValues('Dashboard');
  const reps = section(dashboard, 'Performance by rep');
  for (const rep of csv.Reps.map((r) => ({ email: r['E-mail'].toLowerCase() }))) {
    const row = reps.find((r) => r['E-mail'] === rep.email);
    expect(row).toBeDefined();
    const mine = customers.filter((c) => c.Owner.toLowerCase() === rep.email);
    const myWon = won.filter((d) => repOf(d) === rep.email);
    const converted = mine.filter((c) => firstWon.has(c['Customer ID']));
    const cycles = converted
      .filter((c) => c.Created && firstWon.get(c['Customer ID'])! >= c.Created)
      .map((c) => daysBetween(c.Created, firstWon.get(c['Customer ID'])!));
    const lost = (c: Record<string, string>) => c['Customer type'] === 'Lost' || c.Tier === 'Lost';
    const expected = {
      'Open leads': mine.filter((c) => !firstWon.has(c['Customer ID']) && c.Stage !== 'Purchased' && !lost(c))
        .length,
      Customers: mine.length,
      'Deals won': myWon.length,
      'Revenue this month': myWon.filter((d) => inMonth(d.Date)).reduce((s, d) => s + Number(d.Amount), 0),
      'Revenue this quarter': myWon
        .filter((d) => inQuarter(d.Date))
        .reduce((s, d) => s + Number(d.Amount), 0),
      'Follow-ups logged': csv['Follow-ups'].filter((f) => f.Rep.toLowerCase() === rep.email).length,
      'Overdue follow-ups': mine.filter((c) => !lost(c) && c['Next follow-up'] && c['Next follow-up'] < today)
        .length,
    };
    for (const [column, value] of Object.entries(expected)) {
      expect([rep.email, column, row![column]]).toEqual([rep.email, column, expect.closeTo(value, 2)]);
    }
    if (mine.length === 0) expect(row!['Lead → purchase']).toBe('');
    else expect(row!['Lead → purchase']).toBeCloseTo(converted.length / mine.length, 10);
    if (cycles.length === 0) expect(row!['Avg. sales cycle (days)']).toBe('');
    else {
      const avg = cycles.reduce((s, v) => s + v, 0) / cycles.length;
      expect(row!['Avg. sales cycle (days)']).toBeCloseTo(Math.round(avg * 10) / 10, 5);
    }
  }

  const tiers = section(dashboard, 'Customers by tier');
  for (const tier of ['VIP', 'Active', 'Potential', 'Lost']) {
    expect(tiers.find((r) => r.Tier === tier)?.Customers).toBe(
      customers.filter((c) => c.Tier === tier).length,
    );
  }
  const months = section(dashboard, 'Revenue by month (last 12 months)');
  const expectedMonths: string[] = [];
  for (let back = 11; back >= 0; back--) {
    const index = year * 12 + month - 1 - back;
    expectedMonths.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  expect(months.map((m) => m.Month)).toEqual(expectedMonths);
  for (const month of months) {
    const sum = won
      .filter((d) => d.Date.startsWith(String(month.Month)))
      .reduce((s, d) => s + Number(d.Amount), 0);
    expect(month.Revenue).toBeCloseTo(sum, 2);
  }
  const products = section(dashboard, 'Revenue by product');
  for (const product of products) {
    const sum = won.filter((d) => d.Product === product.Product).reduce((s, d) => s + Number(d.Amount), 0);
    expect(product.Revenue).toBeCloseTo(sum, 2);
  }
  const regions = section(dashboard, 'Revenue by region');
  for (const region of regions) {
    const name = region.Region === '(blank)' ? '' : region.Region;
    const sum = won
      .filter((d) => (byId.get(d['Customer ID'])?.Region ?? '') === name)
      .reduce((s, d) => s + Number(d.Amount), 0);
    expect(region.Revenue).toBeCloseTo(sum, 2);
  }
  const pipeline = section(dashboard, 'Pipeline by stage');
  for (const stage of pipeline) {
    const mine = customers.filter((c) => c.Stage === stage.Stage);
    expect(stage.Customers).toBe(mine.length);
    expect(stage['Potential value']).toBeCloseTo(
      mine.reduce((s, c) => s + Number(c['Potential value']), 0),
      2,
    );
  }
}

describe('dashboard', () => {
  let rt: LocalRuntime;
  beforeAll(async () => {
    rt = await runtime();
  });

  test('figures match a hand computation from exported CSV files (generated data)', () => {
    expectDashboardMatchesCsv(rt, BOSS, OUT);
  });

  test('figures match a hand computation from the template sample data (CSV exports)', async () => {
    const sample = await demoRuntime(path.resolve(__dirname, '../../dist'), '2026-11-23T10:00:00+08:00');
    expectDashboardMatchesCsv(
      sample,
      { user: 'owner@example.com', locale: 'en' },
      path.join(OUT, '../sample-data-csv'),
    );
  });

  test('charts exist once after three refreshes, one read per source sheet', () => {
    for (let i = 0; i < 3; i++) {
      const result = rt.execute('menuRefreshDashboard', [], BOSS);
      expect(result.error).toBeUndefined();
      expect(result.calls['Range.setValues']).toBe(1);
      // Customers, Deals, Follow-ups, Reps, Lists once each; Settings for the role check and the currency.
      expect(result.calls['Range.getValues']).toBeLessThanOrEqual(7);
    }
    const sheet = (rt.workbook as unknown as WorkbookStore).sheetByName('Dashboard')!;
    expect(sheet.charts.map((chart) => chart.chartType).sort()).toEqual(['BAR', 'COLUMN', 'PIE']);

    // A manager with a Chinese locale refreshes the English workbook: the same three charts, and the sheet stays in
    // the workbook's language (issue 13 §3: one language per shared sheet).
    expect(
      rt.execute('menuRefreshDashboard', [], { user: BOSS.user, locale: 'zh-CN' }).error,
    ).toBeUndefined();
    expect(sheet.charts).toHaveLength(3);
    expect(sheet.charts.map((chart) => chart.options.title).sort()).toEqual(
      ['Customers by tier', 'Revenue by month', 'Revenue this quarter by rep'].sort(),
    );
    const values = rt.workbook.sheetValues('Dashboard');
    expect(values.flat()).not.toContain('销售业绩');
    expect(values.some((row) => row[0] === 'Performance by rep')).toBe(true);
  });

  test('a rep running a manager action is refused and nothing changes', () => {
    const before = JSON.stringify(rt.workbook.sheetValues('Dashboard'));
    const alerts = rt.ui.alerts.length;
    for (const fn of ['menuRefreshDashboard', 'menuBackupNow']) {
      const result = rt.execute(fn, [], REP);
      expect(result.error).toBeUndefined();
    }
    expect(rt.ui.alerts.slice(alerts).map((alert) => alert.prompt)).toEqual([
      expect.stringContaining('Only a manager can do this'),
      expect.stringContaining('Only a manager can do this'),
    ]);
    expect(JSON.stringify(rt.workbook.sheetValues('Dashboard'))).toBe(before);
    expect(() => rt.call('apiListBackups', undefined, REP)).toThrow('Only a manager can do this');
  });
});

describe('import and export', () => {
  test('a 5 000-row CSV with 50 bad rows imports 4 950 and reports the 50 by line', async () => {
    const rt = await runtime({ customers: 20, deals: 10, followups: 5 });
    const lines = ['Company,Contact name,Phone,E-mail,Region,Stage,Next follow-up'];
    const badLines: number[] = [];
    for (let i = 1; i <= 5000; i++) {
      const line = i + 1;
      if (i % 100 === 0) {
        badLines.push(line);
        // Alternate the kinds of mistake: bad e-mail, no contact, bad date, value not in the list.
        const kind = (i / 100) % 4;
        if (kind === 0) lines.push(`Bad ${i},Person ${i},,not-an-email,East China,Intent,`);
        else if (kind === 1) lines.push(`Bad ${i},,+86 139 ${1000 + i},b${i}@x.cn,East China,Intent,`);
        else if (kind === 2) lines.push(`Bad ${i},Person ${i},,b${i}@x.cn,East China,Intent,2026-02-30`);
        else lines.push(`Bad ${i},Person ${i},,b${i}@x.cn,Atlantis,Intent,`);
      } else {
        lines.push(
          `Firm ${i},"Person ${i}",+86 139 ${String(10000000 + i)},p${i}@import.cn,South China,Negotiating,2026/4/${1 + (i % 28)}`,
        );
      }
    }
    const text = lines.join('\r\n');
    const preview = rt.call('apiPreviewImport', { text }, BOSS) as { counts: Record<string, number> };
    expect(preview.counts).toEqual({ total: 5000, new: 4950, duplicates: 0, bad: 50 });
    const before = rt.workbook.sheetValues('Customers').length;
    const result = rt.call('apiImportCustomers', { text, duplicates: 'skip' }, BOSS) as {
      added: number;
      bad: number;
      problems: { line: number; text: string }[];
    };
    expect(result.added).toBe(4950);
    expect(result.bad).toBe(50);
    expect(result.problems.map((p) => p.line)).toEqual(badLines);
    expect(result.problems[0].text).toMatch(/^Line 101: /);
    const after = rt.workbook.sheetValues('Customers');
    expect(after.length - before).toBe(4950);
    const header = after[0].map(String);
    const last = after[after.length - 1];
    expect(last[header.indexOf('Contact person')]).toBe('Person 4999');
    expect(last[header.indexOf('Updated by')]).toBe('boss@example.com');
    expect(last[header.indexOf('Next follow-up')]).toBeInstanceOf(Date);
    // One append, whatever the row count.
    expect(rt.lastExecution?.calls['Range.setValues']).toBe(1);
  });

  test('importing the same file again finds every row as a duplicate', async () => {
    const rt = await runtime({ customers: 5, deals: 0, followups: 0 });
    const text = 'Company,Contact name,E-mail,Job title\nAcme,Li,li@x.cn,\nBeta,Wang,wang@x.cn,CTO';
    rt.call('apiImportCustomers', { text, duplicates: 'skip' }, BOSS);
    const again = 'Company,Contact name,E-mail,Job title\nAcme,Li,li@x.cn,CEO\nBeta,Wang,wang@x.cn,Chief';
    const merged = rt.call('apiImportCustomers', { text: again, duplicates: 'merge' }, BOSS) as Record<
      string,
      number
    >;
    expect(merged).toMatchObject({ added: 0, merged: 1, skipped: 1, bad: 0 });
    const rows = rt.workbook.sheetValues('Customers');
    const header = rows[0].map(String);
    const li = rows.find((row) => row[header.indexOf('E-mail')] === 'li@x.cn')!;
    const wang = rows.find((row) => row[header.indexOf('E-mail')] === 'wang@x.cn')!;
    expect(li[header.indexOf('Position')]).toBe('CEO'); // was blank: filled
    expect(wang[header.indexOf('Position')]).toBe('CTO'); // typed before: kept
  });

  test('a GBK file is read as Chinese; a binary file is refused clearly', async () => {
    const rt = await runtime({ customers: 2, deals: 0, followups: 0 });
    // 张三 in GBK is D5 C5 C8 FD.
    const gbk = Buffer.concat([
      Buffer.from('Contact name,Company,Phone\r\n'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from(',A,+86 138 0013 8000\r\n'),
    ]);
    const preview = rt.call('apiPreviewImport', { base64: gbk.toString('base64') }, BOSS) as {
      ok: boolean;
      sample: { cells: string[] }[];
      problems: unknown[];
      note?: string;
    };
    expect(preview).toMatchObject({ ok: true, problems: [] });
    expect(preview.sample[0].cells.slice(0, 2)).toEqual(['A', '张三']);
    expect(preview.note).toMatch(/GBK/);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    const refused = rt.call('apiPreviewImport', { base64: zip.toString('base64') }, BOSS) as {
      error: string;
    };
    expect(refused.error).toMatch(/not a CSV file/);
  });

  test('an exported CSV with =HYPERLINK(...) names opens as text', async () => {
    const rt = await runtime({ customers: 3, deals: 0, followups: 0 });
    rt.call(
      'apiImportCustomers',
      {
        text: 'Company,Contact name,E-mail\n"=HYPERLINK(""http://evil.example"",""click"")",+1 evil,e@x.cn\n',
        duplicates: 'skip',
      },
      BOSS,
    );
    const exported = rt.call('apiExportCsv', { sheet: 'Customers', onlyFiltered: false }, BOSS) as {
      csv: string;
    };
    expect(exported.csv.startsWith('\ufeff')).toBe(true);
    expect(exported.csv).toContain('\r\n');
    const cells = Papa.parse<string[]>(exported.csv.slice(1), { skipEmptyLines: true }).data.flat();
    expect(cells).toContain('\'=HYPERLINK("http://evil.example","click")');
    expect(cells).toContain("'+1 evil");
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);

    // The menu shows a dialog whose download link carries the same CSV (base64 of its UTF-8 bytes).
    const store = rt.workbook as unknown as WorkbookStore;
    store.data.activeSheetId = store.sheetByName('Customers')!.id; // the user is on the Customers tab
    const before = rt.ui.dialogs.length;
    rt.execute('menuExportCsv', [], BOSS);
    expect(rt.ui.dialogs.length).toBe(before + 1);
    const link = /href="data:text\/csv;charset=utf-8;base64,([^"]+)"/.exec(rt.ui.dialogs[before].html);
    expect(link).not.toBeNull();
    expect(Buffer.from(link![1], 'base64').toString('utf8')).toContain("'=HYPERLINK(");
  });
});
