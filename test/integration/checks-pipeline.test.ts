/**
 * Check data on the Opportunities and Service sheets (the gap issue 14 left) through the built bundle: bad cells
 * planted in the sample workbook are reported with sheet, row and column (the header as it stands), and nothing
 * else is; messages in en and zh-CN, on an English and a Chinese workbook; as the owner (Check data with
 * highlights), a second manager from Settings and a rep (the read-only check; Check data itself is refused).
 */
import type { LocalRuntime } from '../../runtime';
import { sampleWorkbookRuntime } from '../support/built-workbooks';
import { SHEETS, type SheetKey } from '../../templates';
import type { CheckProblem } from '../../src/core/validation';
import type { CheckReport } from '../../src/server/checks/entries';

const NOW = '2026-11-23T10:00:00+08:00';
const OWNER = 'owner@example.com';
const MANAGER = 'wang.fang@example.com';
const REP = 'li.qiang@example.com';
const DAY = 86_400_000;
const ERROR_BACKGROUND = '#fbd0cc';
type Lang = 'en' | 'zh-CN';

function sampleWorkbook(lang: Lang): Promise<LocalRuntime> {
  return sampleWorkbookRuntime({
    owner: OWNER,
    now: NOW,
    locale: lang,
    ...(lang === 'zh-CN' ? { spreadsheetLocale: 'zh_CN' } : {}),
  });
}

function validate(rt: LocalRuntime, user: string, locale: Lang): CheckReport {
  const result = rt.execute<CheckReport>('apiValidateWorkbook', [], { user, locale });
  if (result.error) throw result.error;
  return result.value as CheckReport;
}

/** Reads and writes cells of a template sheet by column key, the header in the workbook's language. */
function sheetOf(rt: LocalRuntime, key: SheetKey, lang: Lang) {
  const name = SHEETS[key].names[lang];
  const header = rt.workbook.sheetValues(name)[0].map(String);
  const col = (column: string) => {
    const index = header.indexOf(SHEETS[key].columns.find((c) => c.key === column)!.headers[lang]);
    expect(index).toBeGreaterThanOrEqual(0);
    return index;
  };
  return {
    name,
    col,
    header: (column: string) => header[col(column)],
    get: (row: number, column: string) => rt.workbook.sheetValues(name)[row - 1][col(column)],
    set: (row: number, column: string, value: unknown) =>
      rt.workbook.writeValues(
        rt.workbook.requireSheet(name),
        { row, column: col(column) + 1, numRows: 1, numColumns: 1 },
        [[value]],
      ),
  };
}

interface Planted {
  sheet: SheetKey;
  row: number;
  column: string;
  code: string;
}

/**
 * Plants one problem per row in Opportunities (rows 2–12) and Service (rows 2–10); returns them, plus the
 * team's own currency added to Lists so that only its missing exchange rate is a problem.
 */
function plant(rt: LocalRuntime, lang: Lang): Planted[] {
  const opp = sheetOf(rt, 'opportunities', lang);
  const service = sheetOf(rt, 'service', lang);
  const lists = sheetOf(rt, 'lists', lang);
  const listsHeight = rt.workbook.sheetValues(lists.name).length;
  lists.set(listsHeight + 1, 'currency', 'SGD');
  const created = (row: number) => (opp.get(row, 'created') as Date).getTime();
  const time = (row: number) => (service.get(row, 'time') as Date).getTime();
  opp.set(2, 'customerId', 'C-99999');
  opp.set(3, 'stage', lang === 'en' ? 'Dreaming' : '做梦中');
  opp.set(4, 'probability', 150);
  opp.set(5, 'amount', -100);
  opp.set(6, 'expectedClose', lang === 'en' ? 'soon' : '下个月');
  opp.set(7, 'expectedClose', new Date(created(7) - 400 * DAY)); // a year too early
  opp.set(8, 'nextStepDate', new Date(created(8) + 36 * 365 * DAY)); // 2062 for 2026
  opp.set(9, 'description', '');
  opp.set(10, 'currency', 'SGD');
  opp.set(11, 'probability', 40.5);
  opp.set(12, 'amount', 'TBD');
  service.set(2, 'customerId', 'C-0');
  service.set(3, 'type', lang === 'en' ? 'Massage' : '按摩');
  service.set(4, 'satisfaction', 6);
  service.set(5, 'satisfaction', 3.5);
  service.set(6, 'time', lang === 'en' ? 'yesterday' : '昨天');
  service.set(7, 'nextDate', new Date(time(7) - 10 * DAY));
  service.set(8, 'closed', 'yes');
  service.set(9, 'rep', 'nobody@example.com');
  service.set(10, 'content', '');
  return [
    { sheet: 'opportunities', row: 2, column: 'customerId', code: 'unknownCustomer' },
    { sheet: 'opportunities', row: 3, column: 'stage', code: 'list' },
    { sheet: 'opportunities', row: 4, column: 'probability', code: 'range' },
    { sheet: 'opportunities', row: 5, column: 'amount', code: 'negative' },
    { sheet: 'opportunities', row: 6, column: 'expectedClose', code: 'date' },
    { sheet: 'opportunities', row: 7, column: 'expectedClose', code: 'dateBefore' },
    { sheet: 'opportunities', row: 8, column: 'nextStepDate', code: 'dateFar' },
    { sheet: 'opportunities', row: 9, column: 'description', code: 'required' },
    { sheet: 'opportunities', row: 10, column: 'currency', code: 'unknownForecastRate' },
    { sheet: 'opportunities', row: 11, column: 'probability', code: 'integer' },
    { sheet: 'opportunities', row: 12, column: 'amount', code: 'number' },
    { sheet: 'service', row: 2, column: 'customerId', code: 'unknownCustomer' },
    { sheet: 'service', row: 3, column: 'type', code: 'list' },
    { sheet: 'service', row: 4, column: 'satisfaction', code: 'range' },
    { sheet: 'service', row: 5, column: 'satisfaction', code: 'integer' },
    { sheet: 'service', row: 6, column: 'time', code: 'date' },
    { sheet: 'service', row: 7, column: 'nextDate', code: 'dateBefore' },
    { sheet: 'service', row: 8, column: 'closed', code: 'checkbox' },
    { sheet: 'service', row: 9, column: 'rep', code: 'unknownRep' },
    { sheet: 'service', row: 10, column: 'content', code: 'required' },
  ];
}

/** One problem as 'sheetKey!row columnKey code', the same for a report's problem and a planted one. */
const keyOf = (p: CheckProblem | Planted): string =>
  'sheetKey' in p
    ? `${p.sheetKey}!${p.row} ${p.columnKey} ${p.code}`
    : `${p.sheet}!${p.row} ${p.column} ${p.code}`;

describe('Check data on Opportunities and Service, English workbook', () => {
  let rt: LocalRuntime;
  let planted: Planted[];
  let clean: CheckReport;
  let owner: CheckReport;
  beforeAll(async () => {
    rt = await sampleWorkbook('en');
    clean = validate(rt, OWNER, 'en');
    planted = plant(rt, 'en');
    owner = validate(rt, OWNER, 'en');
  });

  it('the sample passes: its opportunities and service records are checked and clean', () => {
    expect([clean.errors, clean.warnings]).toEqual([0, 0]);
    const opportunities = rt.workbook.sheetValues('Opportunities').length - 1;
    const service = rt.workbook.sheetValues('Service').length - 1;
    expect(opportunities).toBeGreaterThan(100);
    expect(service).toBeGreaterThan(100);
    // Every data row of the seven checked sheets is counted, the two new ones included.
    const rows = ['Customers', 'Deals', 'Follow-ups', 'Reps', 'Settings']
      .map(
        (name) =>
          rt.workbook
            .sheetValues(name)
            .slice(1)
            .filter((r) => r.some((v) => v !== '')).length,
      )
      .reduce((a, b) => a + b, 0);
    expect(clean.rows).toBe(rows + opportunities + service);
  });

  it('reports exactly the planted problems, each with sheet, row and the column as it stands', () => {
    expect(owner.problems.map(keyOf).sort()).toEqual(planted.map(keyOf).sort());
    const opp = sheetOf(rt, 'opportunities', 'en');
    const service = sheetOf(rt, 'service', 'en');
    for (const problem of owner.problems) {
      const sheet = problem.sheetKey === 'opportunities' ? opp : service;
      expect(problem).toMatchObject({
        sheet: sheet.name,
        column: sheet.header(problem.columnKey),
        col: sheet.col(problem.columnKey) + 1,
      });
    }
    const at = (sheetKey: SheetKey, row: number) =>
      owner.problems.find((p) => p.sheetKey === sheetKey && p.row === row)!;
    expect(at('opportunities', 2)).toMatchObject({ column: 'Customer ID', severity: 'error' });
    expect(at('opportunities', 2).message).toBe('No customer with ID "C-99999" in the Customers sheet.');
    expect(at('opportunities', 3).message).toContain('"Dreaming" is not in the list');
    expect(at('opportunities', 4).message).toBe('"150" is outside the allowed range 0–100.');
    expect(at('opportunities', 5).message).toBe('Must not be negative: -100.');
    expect(at('opportunities', 6).message).toBe('Not a date: "soon". Use yyyy-mm-dd.');
    expect(at('opportunities', 7)).toMatchObject({ column: 'Expected close', severity: 'warning' });
    expect(at('opportunities', 7).message).toMatch(
      /^\d{4}-\d\d-\d\d is 400 days before Created \(\d{4}-\d\d-\d\d\) in this row: is the year right\?$/,
    );
    expect(at('opportunities', 8)).toMatchObject({ column: 'Next step date', severity: 'warning' });
    expect(at('opportunities', 8).message).toMatch(/^20[6-7]\d-\d\d-\d\d is more than 5 years after Created/);
    expect(at('opportunities', 9).message).toBe('Required: this cell is empty.');
    expect(at('opportunities', 10)).toMatchObject({ column: 'Currency', severity: 'warning' });
    expect(at('opportunities', 10).message).toContain('No exchange rate for SGD');
    expect(at('opportunities', 10).message).toContain('left out of the pipeline and forecast');
    expect(at('opportunities', 11).message).toBe('Not a whole number: "40.5".');
    expect(at('service', 2).message).toBe('No customer with ID "C-0" in the Customers sheet.');
    expect(at('service', 3)).toMatchObject({ column: 'Type' });
    expect(at('service', 4).message).toBe('"6" is outside the allowed range 1–5.');
    expect(at('service', 5)).toMatchObject({ column: 'Satisfaction', code: 'integer' });
    expect(at('service', 6)).toMatchObject({ column: 'Time', code: 'date' });
    expect(at('service', 7).message).toMatch(/^\d{4}-\d\d-\d\d is 10 days before Time \(/);
    expect(at('service', 8).message).toBe('Expected a checkbox (ticked or not), found "yes".');
    expect(at('service', 9)).toMatchObject({ column: 'Rep', severity: 'warning' });
    expect(at('service', 10)).toMatchObject({ column: 'Content', code: 'required' });
    expect([owner.errors, owner.warnings]).toEqual([15, 5]);
  });

  it('dates in messages are days of the spreadsheet’s zone, not UTC', () => {
    const opp = sheetOf(rt, 'opportunities', 'en');
    const created = opp.get(7, 'created') as Date;
    // Sample dates sit at midnight in Shanghai: 16:00 UTC the day before.
    const shanghai = new Date(created.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const problem = owner.problems.find((p) => p.code === 'dateBefore' && p.sheetKey === 'opportunities')!;
    expect(problem.message).toContain(`before Created (${shanghai})`);
  });

  it('Check data highlights the cells and lists them in the report; a rep gets the same problems read-only', () => {
    const checked = rt.execute<CheckReport>('menuCheckData', [], { user: OWNER, locale: 'en' });
    expect(checked.error).toBeUndefined();
    expect(checked.value?.total).toBe(planted.length);
    expect(rt.ui.sidebars.length).toBe(1);
    const opp = sheetOf(rt, 'opportunities', 'en');
    const service = sheetOf(rt, 'service', 'en');
    const background = (name: string, row: number, col: number) =>
      rt.workbook.requireSheet(name).backgrounds[row - 1]?.[col];
    expect(background(opp.name, 4, opp.col('probability'))).toBe(ERROR_BACKGROUND);
    expect(background(service.name, 4, service.col('satisfaction'))).toBe(ERROR_BACKGROUND);
    // The sidebar's start-up call returns the same report.
    const report = rt.execute<CheckReport>('apiCheckReport', [], { user: OWNER, locale: 'en' });
    expect(report.value?.problems.map(keyOf).sort()).toEqual(planted.map(keyOf).sort());

    const rep = validate(rt, REP, 'en');
    expect(rep.problems.map(keyOf).sort()).toEqual(planted.map(keyOf).sort());
    const refused = rt.execute('menuCheckData', [], { user: REP, locale: 'en' });
    expect(refused.value).toBeNull();
    expect(rt.ui.alerts.at(-1)?.prompt).toContain('Only a manager can do this');
  });

  it('a second manager reading in Chinese gets Chinese messages on the English sheets', () => {
    const report = validate(rt, MANAGER, 'zh-CN');
    expect(report.problems.map(keyOf).sort()).toEqual(planted.map(keyOf).sort());
    const at = (sheetKey: SheetKey, row: number) =>
      report.problems.find((p) => p.sheetKey === sheetKey && p.row === row)!;
    expect(at('opportunities', 2)).toMatchObject({ sheet: 'Opportunities', column: 'Customer ID' });
    expect(at('opportunities', 2).message).toBe('“客户”表中没有编号为“C-99999”的客户。');
    expect(at('opportunities', 4).message).toBe('“150”超出允许范围 0–100。');
    expect(at('opportunities', 7).message).toMatch(
      /^\d{4}-\d\d-\d\d 比本行的“Created”（\d{4}-\d\d-\d\d）早 400 天，请检查年份是否有误。$/,
    );
    expect(at('opportunities', 8).message).toMatch(/晚 5 年以上，请检查年份是否有误。$/);
    expect(at('opportunities', 10).message).toContain('这个商机不计入销售漏斗和预测金额');
    expect(at('service', 4).message).toBe('“6”超出允许范围 1–5。');
    expect(at('service', 9).message).toBe('“nobody@example.com”不在“销售团队”表中。');
  });
});

describe('Check data on long Opportunities and Service sheets', () => {
  it('costs the same service calls when both sheets are 20 times as long, and finds the copies’ problems', async () => {
    const rt = await sampleWorkbook('en');
    plant(rt, 'en');
    const before = rt.execute<CheckReport>('apiValidateWorkbook', [], { user: OWNER, locale: 'en' });
    for (const name of ['Opportunities', 'Service']) {
      const sheet = rt.workbook.requireSheet(name);
      const [header, ...rows] = rt.workbook.sheetValues(name);
      const copies = Array.from({ length: 19 }, () => rows).flat();
      rt.workbook.growRows(sheet, rows.length * 20 + 1);
      rt.workbook.writeValues(
        sheet,
        { row: rows.length + 2, column: 1, numRows: copies.length, numColumns: header.length },
        copies,
      );
    }
    const after = rt.execute<CheckReport>('apiValidateWorkbook', [], { user: OWNER, locale: 'en' });
    expect(after.error).toBeUndefined();
    expect(after.totalCalls).toBe(before.totalCalls);
    // Every planted problem repeats in each copy (the unknown customer, the stage, … twenty times each).
    expect(after.value?.total).toBe((before.value?.total ?? 0) * 20);
  });
});

describe('Check data on 商机 and 售后, Chinese workbook', () => {
  let rt: LocalRuntime;
  let planted: Planted[];
  beforeAll(async () => {
    rt = await sampleWorkbook('zh-CN');
    expect(validate(rt, OWNER, 'zh-CN')).toMatchObject({ errors: 0, warnings: 0 });
    planted = plant(rt, 'zh-CN');
  });

  it('finds the columns by their Chinese headers and names them as they stand', () => {
    const report = validate(rt, OWNER, 'zh-CN');
    expect(report.problems.map(keyOf).sort()).toEqual(planted.map(keyOf).sort());
    const at = (sheetKey: SheetKey, row: number) =>
      report.problems.find((p) => p.sheetKey === sheetKey && p.row === row)!;
    expect(at('opportunities', 3)).toMatchObject({ sheet: '商机', column: '商机阶段' });
    expect(at('opportunities', 3).message).toBe('“做梦中”不在下拉列表中，请从下拉菜单（“列表”表）中选择。');
    expect(at('opportunities', 5)).toMatchObject({ column: '预计金额', code: 'negative' });
    expect(at('opportunities', 7).message).toMatch(/比本行的“创建日期”（\d{4}-\d\d-\d\d）早 400 天/);
    expect(at('service', 4)).toMatchObject({ sheet: '售后', column: '满意度' });
    expect(at('service', 7).message).toMatch(/比本行的“服务时间”（\d{4}-\d\d-\d\d）早 10 天/);
  });

  it('an English rep reads the Chinese workbook’s problems in English', () => {
    const report = validate(rt, REP, 'en');
    expect(report.problems.map(keyOf).sort()).toEqual(planted.map(keyOf).sort());
    const service = report.problems.find((p) => p.sheetKey === 'service' && p.row === 4)!;
    expect(service).toMatchObject({ sheet: '售后', column: '满意度' });
    expect(service.message).toBe('"6" is outside the allowed range 1–5.');
  });

  it('a missing required column is named on row 1 in the reader’s language', () => {
    const opp = sheetOf(rt, 'opportunities', 'zh-CN');
    opp.set(1, 'stage', '我的阶段');
    const report = validate(rt, OWNER, 'zh-CN');
    const missing = report.problems.find((p) => p.code === 'missingColumn');
    expect(missing).toMatchObject({ sheet: '商机', row: 1, col: 0, columnKey: 'stage' });
    expect(missing?.message).toContain('缺少“商机阶段”列');
    // The stage problem of row 3 went with its column; the rest is still reported.
    expect(
      report.problems.some((p) => p.sheetKey === 'opportunities' && p.columnKey === 'stage' && p.row > 1),
    ).toBe(false);
    expect(report.problems.filter((p) => p.sheetKey === 'service')).toHaveLength(9);
  });
});
