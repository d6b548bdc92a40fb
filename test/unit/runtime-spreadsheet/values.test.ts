import { WorkbookStore } from '../../../runtime/spreadsheet';
import { harness } from './helpers';

describe('Range value semantics', () => {
  test('empty cells read as empty strings; numbers, booleans and strings keep their type', () => {
    const { sheet } = harness();
    sheet.getRange('A1:C1').setValues([[1.5, true, 'text']]);
    expect(sheet.getRange('A1:D2').getValues()).toEqual([
      [1.5, true, 'text', ''],
      ['', '', '', ''],
    ]);
    expect(sheet.getRange('B1').getValue()).toBe(true);
  });

  test('text is interpreted as Sheets interprets typed text, unless the cell is plain text or the text starts with an apostrophe', () => {
    const { sheet } = harness();
    sheet.getRange('A1:F1').setValues([['007', 'TRUE', '10%', '2024-03-01', "'0123", '1,234']]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row[0]).toBe(7);
    expect(row[1]).toBe(true);
    expect(row[2]).toBeCloseTo(0.1);
    expect(row[3]).toBeInstanceOf(Date);
    expect(row[4]).toBe('0123');
    expect(row[5]).toBe(1234);
    expect(sheet.getRange('A1:F1').getDisplayValues()[0]).toEqual([
      '7',
      'TRUE',
      '10%',
      '2024-03-01',
      '0123',
      '1,234',
    ]);
    sheet.getRange('G1').setNumberFormat('@').setValue('007');
    expect(sheet.getRange('G1').getValue()).toBe('007');
  });

  test('Dates are stored as serial days in the spreadsheet time zone and read back as the same instant', () => {
    const { sheet, store } = harness({ timeZone: 'Asia/Shanghai' });
    const midnightShanghai = new Date('2024-03-01T00:00:00+08:00');
    sheet.getRange('A1').setValue(midnightShanghai);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(midnightShanghai.getTime());
    // The serial is the Shanghai wall-clock day, not the UTC one.
    expect(store.data.sheets[0].values[0]?.[0]).toBe(45352);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3/1/2024');
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2024-03-01');
  });

  test('display values follow number formats', () => {
    const { sheet } = harness();
    sheet.getRange('A1:E1').setValues([[1234.5, 0.256, 1234567, -42, 3]]);
    sheet.getRange('A1:E1').setNumberFormats([['0.00', '0.0%', '#,##0', '"$"#,##0.00', '[$¥]#,##0.00']]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([
      ['1234.50', '25.6%', '1,234,567', '-$42.00', '¥3.00'],
    ]);
  });

  test('a string starting with = is a formula, in setValue, setValues and appendRow', () => {
    const { sheet } = harness();
    sheet.getRange('A1').setValue(2);
    sheet.getRange('B1').setValue('=A1*10');
    sheet.getRange('C1:C1').setValues([['=B1+1']]);
    sheet.appendRow([5, '=A2*2']);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      [2, 20, 21],
      [5, 10, ''],
    ]);
    expect(sheet.getRange('B1:C1').getFormulas()).toEqual([['=A1*10', '=B1+1']]);
  });

  test('shape mismatches throw Apps Script messages', () => {
    const { sheet } = harness();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  test('range bounds errors match Apps Script', () => {
    const { sheet } = harness();
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('nonsense!!')).toThrow('Range not found');
  });

  test('A1 forms: whole columns, open-ended columns, rows and other sheets', () => {
    const { sheet, ss } = harness();
    expect(sheet.getRange('A2:A').getNumRows()).toBe(999);
    expect(sheet.getRange('A:C').getNumColumns()).toBe(3);
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
    const other = ss.insertSheet('My data');
    other.getRange('B2').setValue('x');
    expect(sheet.getRange("'My data'!B2").getValue()).toBe('x');
    expect(ss.getRange("'My data'!B2").getSheet().getName()).toBe('My data');
    expect(sheet.getRange('B3:D5').getA1Notation()).toBe('B3:D5');
  });

  test('getLastRow/getLastColumn/getDataRange follow the content; appendRow grows the sheet', () => {
    const { sheet } = harness();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('A1000').setValue('last');
    sheet.appendRow(['grown', 1]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getLastRow()).toBe(1001);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B1001');
  });

  test('notes, backgrounds (null clears), font weights, alignment', () => {
    const { sheet } = harness();
    const r = sheet.getRange('A1:B1');
    r.setNotes([['n1', '']])
      .setBackground('red')
      .setFontWeight('bold');
    expect(r.getNotes()).toEqual([['n1', '']]);
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    r.setBackground(null);
    expect(r.getBackground()).toBe('#ffffff');
    r.setHorizontalAlignment('center');
    expect(r.getHorizontalAlignment()).toBe('center');
  });

  test('offset, getCell and clearContent', () => {
    const { sheet } = harness();
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getRange('A1').offset(1, 1).getValue()).toBe(4);
    expect(sheet.getRange('A1:B2').getCell(2, 1).getValue()).toBe(3);
    sheet.getRange('A1:B1').clearContent();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      [3, 4],
    ]);
  });

  test('read-only (custom function) executions cannot write', () => {
    const store = WorkbookStore.empty();
    const { sheet } = harness({ store, readOnly: true });
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(() => sheet.getRange('A1').setValue(1)).toThrow('You do not have permission to call setValue');
  });

  test('the store snapshots as plain data and restores', () => {
    const { sheet, store } = harness();
    sheet.getRange('A1:B1').setValues([[new Date('2024-01-02T00:00:00+08:00'), '=1+1']]);
    const copy = WorkbookStore.fromJSON(structuredClone(store.toJSON()));
    const json = WorkbookStore.fromJSON(JSON.parse(JSON.stringify(store.toJSON())));
    expect(copy.sheetValues('Sheet1')).toEqual(store.sheetValues('Sheet1'));
    expect(json.sheetFormulas('Sheet1')).toEqual([['', '=1+1']]);
    expect(json.sheetValues('Sheet1')[0][1]).toBe(2);
  });
});
