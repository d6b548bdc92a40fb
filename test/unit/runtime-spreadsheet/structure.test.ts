import { harness } from './helpers';

describe('spreadsheet and sheet structure', () => {
  test('sheets: insert at index, activate, rename, hide, delete; spreadsheet properties', () => {
    const { ss, toasts } = harness();
    const a = ss.insertSheet('Customers');
    expect(ss.getActiveSheet().getName()).toBe('Customers');
    ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Customers']);
    expect(a.getIndex()).toBe(3);
    expect(() => ss.insertSheet('customers')).toThrow('already exists');
    a.setTabColor('#FF0000').hideSheet();
    expect(a.isSheetHidden()).toBe(true);
    expect(a.getTabColor()).toBe('#ff0000');
    ss.deleteSheet(ss.getSheetByName('First') as GoogleAppsScript.Spreadsheet.Sheet);
    expect(ss.getSheetByName('First')).toBeNull();
    ss.setSpreadsheetTimeZone('Europe/Paris');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    ss.setSpreadsheetLocale('zh_CN');
    expect(ss.getSpreadsheetLocale()).toBe('zh_CN');
    expect(ss.getUrl()).toContain(ss.getId());
    expect(ss.getOwner()?.getEmail()).toBe('owner@example.com');
    ss.toast('Saved', 'SalesDesk');
    expect(toasts).toEqual(['Saved']);
  });

  test('frozen rows, column widths, active range', () => {
    const { ss, sheet } = harness();
    sheet.setFrozenRows(1);
    sheet.setColumnWidths(1, 3, 180);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(180);
    expect(sheet.getColumnWidth(5)).toBe(100);
    sheet.getRange('B3').activate();
    expect(ss.getActiveRange()?.getA1Notation()).toBe('B3');
  });

  test('protections: range and sheet, description, editors, warning only', () => {
    const { app, ss, sheet } = harness({ user: 'boss@example.com' });
    const p = sheet.getRange('A1:F1').protect().setDescription('Headers').setWarningOnly(true);
    const sp = sheet.protect().setDescription('Whole sheet');
    sp.setUnprotectedRanges([sheet.getRange('A2:F100')]);
    sp.addEditor('rep@example.com').removeEditors(['boss@example.com']);
    // No longer an editor, boss may not change the protection any more (only the owner and its editors may).
    expect(() => sp.addEditor('boss@example.com')).toThrow(/protected cell or object/);
    expect(p.isWarningOnly()).toBe(true);
    const ranges = ss.getProtections(app.ProtectionType.RANGE);
    expect(ranges.map((x) => x.getDescription())).toEqual(['Headers']);
    expect(ranges[0].getRange().getA1Notation()).toBe('A1:F1');
    const sheets = sheet.getProtections(app.ProtectionType.SHEET);
    expect(sheets[0].getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com', 'rep@example.com']);
    expect(sheets[0].getUnprotectedRanges()[0].getA1Notation()).toBe('A2:F100');
    p.remove();
    expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });

  test('writes to protected cells fail for users who are not editors, as in Apps Script', () => {
    const owner = harness();
    owner.sheet.getRange('A1:C1').protect().setDescription('Headers');
    const settings = owner.ss.insertSheet('Settings');
    settings.protect().setUnprotectedRanges([settings.getRange('B2:B10')]);
    owner.ss.insertSheet('Notes').getRange('A1:A2').protect().setWarningOnly(true);
    owner.sheet.getRange('A1').setValue('Owner may');
    const rep = harness({ store: owner.store, user: 'rep@example.com' });
    const message = 'You are trying to edit a protected cell or object.';
    expect(() => rep.sheet.getRange('B1').setValue('x')).toThrow(message);
    expect(() => rep.sheet.getRange('A1:A5').clearContent()).toThrow(message);
    rep.sheet.getRange('A2').setValue('rows below are free');
    rep.sheet.appendRow(['appended']);
    const repSettings = rep.ss.getSheetByName('Settings') as GoogleAppsScript.Spreadsheet.Sheet;
    repSettings.getRange('B3').setValue(5);
    expect(() => repSettings.getRange('A3').setValue(5)).toThrow(message);
    rep.ss.getSheetByName('Notes')?.getRange('A1').setValue('warning only');
    expect(rep.sheet.getRange('A1:A3').getValues()).toEqual([
      ['Owner may'],
      ['rows below are free'],
      ['appended'],
    ]);
  });

  test('charts are built, inserted, listed, updated and removed', () => {
    const { sheet } = harness();
    const chart = sheet
      .newChart()
      .setChartType('COLUMN' as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Revenue')
      .build();
    sheet.insertChart(chart);
    const [stored] = sheet.getCharts();
    expect(stored.getRanges()[0].getA1Notation()).toBe('A1:B5');
    expect(stored.getOptions().get('title')).toBe('Revenue');
    expect(stored.getContainerInfo().getAnchorColumn()).toBe(4);
    sheet.updateChart(stored.modify().setOption('title', 'Deals').build());
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Deals');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  test('clear, clearContents and clearFormats', () => {
    const { sheet } = harness();
    sheet.getRange('A1').setValue(5).setBackground('#00ff00').setNote('n');
    sheet.clearFormats();
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('A1').getValue()).toBe(5);
    sheet.clearContents();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getNote()).toBe('n');
    expect(() => sheet.deleteRows(1, 1000)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  test('copy makes a separate spreadsheet that openById finds; sheets have no filter', () => {
    const { app, ss, sheet, store } = harness();
    sheet.getRange('A1').setValue('original');
    const copy = ss.copy('Backup 2026-03-01');
    copy.getSheets()[0].getRange('A1').setValue('changed in copy');
    expect(sheet.getRange('A1').getValue()).toBe('original');
    expect(copy.getName()).toBe('Backup 2026-03-01');
    expect(copy.getId()).not.toBe(ss.getId());
    expect(app.openById(copy.getId()).getSheets()[0].getRange('A1').getValue()).toBe('changed in copy');
    expect(store.copies).toHaveLength(1);
    expect(sheet.getFilter()).toBeNull();
  });
});
