import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadWorkbookXlsx, saveWorkbookXlsx, WorkbookStore } from '../../../runtime/spreadsheet';
import { harness } from './helpers';

describe('xlsx load/save', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'salesdesk-xlsx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function buildWorkbook(): WorkbookStore {
    const { app, ss, sheet, store } = harness({ timeZone: 'Asia/Shanghai' });
    sheet.setName('Customers');
    sheet
      .getRange('A1:E1')
      .setValues([['Company', 'Created', 'Amount', 'Tier', 'Email']])
      .setFontWeight('bold')
      .setBackground('#cfe2f3');
    sheet.getRange('A2:E3').setValues([
      ['Acme', new Date('2024-03-01T00:00:00+08:00'), 1200, '=IF(C2>1000,"VIP","Active")', 'a@acme.com'],
      ['Beta', new Date('2024-03-02T00:00:00+08:00'), 80, '=IF(C3>1000,"VIP","Active")', 'b@beta.com'],
    ]);
    sheet.getRange('B2:B3').setNumberFormat('yyyy-mm-dd');
    sheet.getRange('C2:C3').setNumberFormat('#,##0.00');
    sheet.getRange('A2').setNote('Key account');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 200);
    sheet.setTabColor('#ff9900');
    const lists = ss.insertSheet('Lists');
    lists.getRange('A1:A2').setValues([['VIP'], ['Active']]);
    lists.hideSheet();
    sheet
      .getRange('D2:D100')
      .setDataValidation(
        app.newDataValidation().requireValueInRange(lists.getRange('A1:A2')).setAllowInvalid(false).build(),
      );
    sheet
      .getRange('E2:E100')
      .setDataValidation(app.newDataValidation().requireTextIsEmail().setHelpText('E-mail').build());
    sheet
      .getRange('C2:C100')
      .setDataValidation(app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build());
    sheet.getRange('B2:B100').setDataValidation(app.newDataValidation().requireDate().build());
    sheet.getRange('A1:E1').protect().setDescription('Headers').setWarningOnly(true);
    ss.setNamedRange('Amounts', sheet.getRange('C2:C3'));
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$C2>1000')
        .setBackground('#fff2cc')
        .setRanges([sheet.getRange('A2:E100')])
        .build(),
    ]);
    sheet.insertChart(
      sheet.newChart().addRange(sheet.getRange('A1:C3')).setOption('title', 'Amounts').build(),
    );
    return store;
  }

  test('round trip keeps values, dates, formulas, formats, validations, notes, view, protections, names, rules, charts', async () => {
    const store = buildWorkbook();
    const file = join(dir, 'round.xlsx');
    await saveWorkbookXlsx(store, file);
    const back = await loadWorkbookXlsx(file);
    expect(back.timeZone).toBe('Asia/Shanghai');
    expect(back.sheetValues('Customers')).toEqual(store.sheetValues('Customers'));
    expect(back.sheetFormulas('Customers')).toEqual(store.sheetFormulas('Customers'));
    expect(back.sheetDisplayValues('Customers')[1]).toEqual([
      'Acme',
      '2024-03-01',
      '1,200.00',
      'VIP',
      'a@acme.com',
    ]);
    const { ss, app } = harness({ store: back });
    const sheet = ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(1)).toBe(200);
    expect(sheet.getTabColor()).toBe('#ff9900');
    expect(ss.getSheetByName('Lists')?.isSheetHidden()).toBe(true);
    expect(sheet.getRange('A2').getNote()).toBe('Key account');
    expect(sheet.getRange('A1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('A1').getBackground()).toBe('#cfe2f3');
    expect(String(sheet.getRange('D50').getDataValidation()?.getCriteriaType())).toBe('VALUE_IN_RANGE');
    expect(sheet.getRange('E7').getDataValidation()?.getHelpText()).toBe('E-mail');
    expect(ss.getProtections(app.ProtectionType.RANGE)[0].getDescription()).toBe('Headers');
    expect(ss.getRangeByName('Amounts')?.getA1Notation()).toBe('C2:C3');
    expect(sheet.getConditionalFormatRules()[0].getBooleanCondition()?.getCriteriaValues()).toEqual([
      '=$C2>1000',
    ]);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Amounts');
  });

  test('reading one file again gives its own copy: a change to one read never shows in another', async () => {
    const file = join(dir, 'again.xlsx');
    await saveWorkbookXlsx(buildWorkbook(), file);
    const first = await loadWorkbookXlsx(file);
    const firstCustomers = first.requireSheet('Customers');
    first.writeValues(firstCustomers, { row: 2, column: 1, numRows: 1, numColumns: 1 }, [['Changed']]);
    first.renameSheet(firstCustomers.id, 'Renamed');
    const second = await loadWorkbookXlsx(file);
    expect(second.sheetValues('Customers')[1][0]).toBe('Acme');
    expect(first.sheetValues('Renamed')[1][0]).toBe('Changed');
    // A file rewritten in place is read anew.
    await saveWorkbookXlsx(first, file);
    expect((await loadWorkbookXlsx(file)).sheetValues('Renamed')[1][0]).toBe('Changed');
  });

  test('the file carries native xlsx features other programs read', async () => {
    const file = join(dir, 'native.xlsx');
    await saveWorkbookXlsx(buildWorkbook(), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Customers') as ExcelJS.Worksheet;
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2024, 2, 1)));
    expect(ws.getCell('D2').value).toEqual({ formula: 'IF(C2>1000,"VIP","Active")', result: 'VIP' });
    expect(ws.getCell('C2').numFmt).toBe('#,##0.00');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('D5').dataValidation).toMatchObject({ type: 'list', formulae: ['Lists!$A$1:$A$2'] });
    expect(ws.getCell('C5').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(wb.getWorksheet('Lists')?.state).toBe('hidden');
  });

  test('a workbook made elsewhere (no SalesDesk metadata) loads with native validations mapped back', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Deals', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.getCell('A1').value = 'Status';
    ws.getCell('A2').value = 'Won';
    ws.getCell('B2').value = { formula: 'LEN(A2)', result: 3 };
    ws.getCell('A2').dataValidation = {
      type: 'list',
      formulae: ['"Won,Lost"'],
      showErrorMessage: true,
      allowBlank: true,
    };
    const file = join(dir, 'foreign.xlsx');
    await wb.xlsx.writeFile(file);
    const store = await loadWorkbookXlsx(file, { timeZone: 'Europe/Paris' });
    expect(store.timeZone).toBe('Europe/Paris');
    expect(store.sheetValues('Deals')).toEqual([
      ['Status', ''],
      ['Won', 3],
    ]);
    const { ss } = harness({ store });
    const rule = ss.getSheetByName('Deals')?.getRange('A2').getDataValidation();
    expect(rule?.getCriteriaValues()).toEqual([['Won', 'Lost'], true]);
    expect(rule?.getAllowInvalid()).toBe(false);
  });
});
