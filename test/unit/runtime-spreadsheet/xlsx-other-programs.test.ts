/**
 * What makes the .xlsx open right in other programs: sheet charts as DrawingML chart parts (read back from the
 * package), Sheets' 100 px default column width, and Google-only formulas written as the values they show (and
 * restored from the metadata sheet on load).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadWorkbookXlsx, workbookXlsxBuffer } from '../../../runtime/spreadsheet';
import { isGoogleOnlyFormula } from '../../../runtime/spreadsheet/xlsx';
import { readXlsxCharts } from '../../../runtime/spreadsheet/xlsx-charts';
import { harness } from './helpers';

type ChartType = GoogleAppsScript.Charts.ChartType;

function dashboard() {
  const h = harness({ timeZone: 'Asia/Shanghai' });
  const { sheet, ss } = h;
  sheet.setName('Dash & <board>');
  sheet.getRange('A1:C4').setValues([
    ['Month', 'Revenue', 'Deals'],
    ['2026-10', 1200.5, 3],
    ['2026-11', 800, 2],
    ['2026-12', '', 0],
  ]);
  sheet.getRange('A1').setNote('a note, so the sheet has a legacy drawing too');
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType('COLUMN' as unknown as ChartType)
      .addRange(sheet.getRange('A1:B4'))
      .setNumHeaders(1)
      .setPosition(1, 5, 10, 4)
      .setOption('title', 'Revenue "by" month')
      .setOption('legend', { position: 'none' })
      .setOption('width', 480)
      .setOption('height', 300)
      .build(),
  );
  // Two ranges side by side, like the Dashboard's "by rep" chart: labels from A, values from C.
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType('BAR' as unknown as ChartType)
      .addRange(sheet.getRange('A1:A3'))
      .addRange(sheet.getRange('C1:C3'))
      .setPosition(21, 5, 0, 0)
      .build(),
  );
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType('PIE' as unknown as ChartType)
      .addRange(sheet.getRange('A2:B3'))
      .setNumHeaders(0)
      .setPosition(41, 5, 0, 0)
      .setOption('title', '份额')
      .build(),
  );
  // Types that have no chart part here are left out rather than drawn wrongly.
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType('TABLE' as unknown as ChartType)
      .addRange(sheet.getRange('A1:B3'))
      .build(),
  );
  const other = ss.insertSheet('Other');
  other.getRange('A1').setValue('no charts here');
  return h;
}

describe('charts in the .xlsx', () => {
  test('each chart is a chart part of its sheet, with references and cached values', async () => {
    const { store } = dashboard();
    const charts = await readXlsxCharts(await workbookXlsxBuffer(store));
    expect(charts.map((c) => [c.sheet, c.kind, c.title])).toEqual([
      ['Dash & <board>', 'col', 'Revenue "by" month'],
      ['Dash & <board>', 'bar', null],
      ['Dash & <board>', 'pie', '份额'],
    ]);
    const [column, bar, pie] = charts;
    expect(column.from).toEqual({ column: 4, row: 0 });
    expect([column.widthPx, column.heightPx]).toEqual([480, 300]);
    expect([bar.widthPx, bar.heightPx]).toEqual([600, 371]);
    expect(column.series).toEqual([
      {
        name: 'Revenue',
        categoriesRef: "'Dash & <board>'!$A$2:$A$4",
        categories: ['2026-10', '2026-11', '2026-12'],
        valuesRef: "'Dash & <board>'!$B$2:$B$4",
        values: [1200.5, 800, null],
      },
    ]);
    expect(bar.from).toEqual({ column: 4, row: 20 });
    expect(bar.series).toEqual([
      expect.objectContaining({
        name: 'Deals',
        categoriesRef: "'Dash & <board>'!$A$2:$A$3",
        valuesRef: "'Dash & <board>'!$C$2:$C$3",
        values: [3, 2],
      }),
    ]);
    expect(pie.series[0]).toMatchObject({
      name: null,
      categories: ['2026-10', '2026-11'],
      values: [1200.5, 800],
    });
  });

  test('the package stays valid: drawing placed before legacyDrawing, parts typed, file loads back', async () => {
    const { store } = dashboard();
    const bytes = await workbookXlsxBuffer(store);
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml.indexOf('<drawing r:id=')).toBeGreaterThan(0);
    expect(sheetXml.indexOf('<drawing r:id=')).toBeLessThan(sheetXml.indexOf('<legacyDrawing'));
    expect(await zip.file('xl/worksheets/sheet2.xml')!.async('string')).not.toMatch(/<drawing /);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types.match(/drawingml\.chart\+xml/g)).toHaveLength(3);
    // exceljs itself reads the file, and the runtime gets its charts back from the metadata.
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(excel.getWorksheet('Dash & <board>')?.getCell('B2').value).toBe(1200.5);
    const back = await loadWorkbookXlsx(bytes);
    expect(back.requireSheet('Dash & <board>').charts).toHaveLength(4);
    expect(await readXlsxCharts(await workbookXlsxBuffer(back))).toHaveLength(3);
  });

  test('a workbook without charts gets no chart parts', async () => {
    const { store, sheet } = harness();
    sheet.getRange('A1').setValue(1);
    const zip = await JSZip.loadAsync(await workbookXlsxBuffer(store));
    expect(Object.keys(zip.files).filter((f) => /chart|drawings\/drawing/.test(f))).toEqual([]);
  });
});

describe('column widths', () => {
  test("columns nobody resized keep Sheets' 100 px; resized ones keep theirs, both ways", async () => {
    const { store, sheet } = harness();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.setColumnWidth(2, 180);
    const bytes = await workbookXlsxBuffer(store);
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    // 100 px / 7 px per character of Calibri 11 (the xlsx width includes the padding).
    expect(Number(/defaultColWidth="([\d.]+)"/.exec(xml)?.[1]) * 7).toBeCloseTo(100, 5);
    expect(xml.match(/<col /g)).toHaveLength(1);
    expect(Number(/<col [^>]*width="([\d.]+)"/.exec(xml)?.[1]) * 7).toBeCloseTo(180, 5);
    const back = await loadWorkbookXlsx(bytes);
    expect(back.requireSheet(sheet.getName()).columnWidths[1]).toBe(180);
    expect(back.requireSheet(sheet.getName()).columnWidths[0] ?? null).toBeNull();
  });
});

describe('formulas only Google Sheets computes', () => {
  test.each([
    ['=ARRAYFORMULA(IF(A2:A="","",B2:B*2))', true],
    ['=arrayformula(A1)', true],
    ['=SUM(B2:B)', true],
    ['=SALESDESK_TIER(A2:A5)', true],
    ['=REGEXMATCH(E2,"^\\+")', true],
    ['=SUM(B2:B9)', false],
    ['=SUM(A:B)', false],
    ['=IF(C2>1000,"VIP","A2:A")', false],
    ['=VLOOKUP("x",\'Settings\'!A:B,2,FALSE)', false],
  ])('%s → Google-only %s', (formula, expected) => {
    expect(isGoogleOnlyFormula(formula, ['SALESDESK_TIER'])).toBe(expected);
  });

  test("a project's custom functions count only when the project has them", () => {
    expect(isGoogleOnlyFormula('=COUNT_DONE(B2:B4)')).toBe(false);
    expect(isGoogleOnlyFormula('=count_done(B2:B4)', ['COUNT_DONE'])).toBe(true);
    expect(isGoogleOnlyFormula('=SUM(B2:B4)', ['COUNT_DONE'])).toBe(false);
  });

  test('are written as the values they show, spill included, and come back as formulas', async () => {
    const { store, sheet } = harness();
    sheet.getRange('A1:D4').setValues([
      ['ID', 'Amount', 'Double', 'Sum'],
      ['C-1', 10, '', ''],
      ['C-2', 20, '', ''],
      ['', '', '', ''],
    ]);
    sheet.getRange('C2').setFormula('=ARRAYFORMULA(IF(A2:A="","",B2:B*2))');
    sheet.getRange('D2').setFormula('=SUM(B2:B3)');
    const bytes = await workbookXlsxBuffer(store);

    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = excel.getWorksheet(sheet.getName())!;
    expect([ws.getCell('C2').value, ws.getCell('C3').value, ws.getCell('C4').value]).toEqual([20, 40, null]);
    expect(ws.getCell('D2').value).toEqual({ formula: 'SUM(B2:B3)', result: 30 });

    const back = await loadWorkbookXlsx(bytes);
    const name = sheet.getName();
    expect(back.sheetFormulas(name)[1][2]).toBe('=ARRAYFORMULA(IF(A2:A="","",B2:B*2))');
    expect(back.sheetFormulas(name)[1][3]).toBe('=SUM(B2:B3)');
    expect(back.sheetValues(name).map((row) => row[2])).toEqual(store.sheetValues(name).map((row) => row[2]));
    expect(
      back
        .sheetValues(name)
        .slice(0, 4)
        .map((row) => row[2]),
    ).toEqual(['Double', 20, 40, '']);
    // The spill is live again: a new row computes.
    const again = harness({ store: back });
    again.sheet.getRange('A4:B4').setValues([['C-3', 5]]);
    expect(back.sheetValues(name)[3][2]).toBe(10);
  });

  test('one Google-only formula per row: each written as its value, none mistaken for a spill', async () => {
    const { store, sheet } = harness();
    const rows = 300;
    sheet
      .getRange(1, 1, rows, 1)
      .setValues(Array.from({ length: rows }, (_, i) => [i % 3 ? `x${i}` : `y${i}`]));
    sheet
      .getRange(1, 2, rows, 1)
      .setFormulas(Array.from({ length: rows }, (_, i) => [`=REGEXMATCH(A${i + 1},"^x")`]));
    const bytes = await workbookXlsxBuffer(store);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = excel.getWorksheet(sheet.getName())!;
    expect([ws.getCell('B1').value, ws.getCell('B2').value, ws.getCell('B300').value]).toEqual([
      false,
      true,
      true,
    ]);
    const back = await loadWorkbookXlsx(bytes);
    expect(back.sheetFormulas(sheet.getName()).map((row) => row[1])).toEqual(
      store.sheetFormulas(sheet.getName()).map((row) => row[1]),
    );
    expect(back.sheetValues(sheet.getName())).toEqual(store.sheetValues(sheet.getName()));
  });
});

test('line and area charts, with their data on another sheet', async () => {
  const { store, sheet, ss } = harness();
  const data = ss.insertSheet("Rep's data");
  data.getRange('A1:B3').setValues([
    ['Week', 'Calls'],
    ['W1', 5],
    ['W2', 7],
  ]);
  for (const type of ['LINE', 'AREA'])
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(type as unknown as ChartType)
        .addRange(data.getRange('A1:B3'))
        .setPosition(2, 2, 0, 0)
        .build(),
    );
  const charts = await readXlsxCharts(await workbookXlsxBuffer(store));
  expect(charts.map((c) => [c.sheet, c.kind])).toEqual([
    [sheet.getName(), 'line'],
    [sheet.getName(), 'area'],
  ]);
  expect(charts[0].series[0]).toMatchObject({
    name: 'Calls',
    categoriesRef: "'Rep''s data'!$A$2:$A$3",
    valuesRef: "'Rep''s data'!$B$2:$B$3",
    values: [5, 7],
  });
});
