import { harness } from './helpers';

describe('formulas (HyperFormula)', () => {
  test('formulas are computed; getFormulas returns the text; errors read as Sheets error text', () => {
    const { sheet } = harness();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=SUM(A1:A3)');
    sheet.getRange('B2').setFormula('=1/0');
    sheet.getRange('B3').setFormula('=IF(A1=1,TRUE,FALSE)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[6], ['#DIV/0!'], [true]]);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A3)');
    sheet.getRange('A1').setValue(10);
    expect(sheet.getRange('B1').getValue()).toBe(15);
  });

  test('setFormula on a multi-cell range moves relative references like a fill', () => {
    const { sheet } = harness();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*2');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=A1*2'], ['=A2*2'], ['=A3*2']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [4], [6]]);
  });

  test('array formulas spill, including open-ended ranges like A2:A', () => {
    const { sheet } = harness();
    sheet.getRange('A1:A4').setValues([['n'], [1], [2], [3]]);
    sheet.getRange('B2').setFormula('=ARRAYFORMULA(IF(A2:A="","",A2:A*10))');
    sheet.getRange('C1').setFormula('=SEQUENCE(2,2)');
    expect(sheet.getRange('B2:B5').getValues()).toEqual([[10], [20], [30], ['']]);
    expect(sheet.getRange('C1:D2').getValues()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    // Spilled cells hold no formula of their own.
    expect(sheet.getRange('B3').getFormula()).toBe('');
  });

  test('date results read as Date; TODAY follows the runtime clock in the spreadsheet time zone', () => {
    // 2026-03-01 20:00 UTC is already 2 March in Shanghai.
    const now = new Date('2026-03-01T20:00:00Z');
    const { sheet } = harness({ timeZone: 'Asia/Shanghai', now: () => now });
    sheet.getRange('A1').setFormula('=TODAY()');
    sheet.getRange('A2').setFormula('=DATE(2024,1,31)+1');
    const [[today], [feb1]] = sheet.getRange('A1:A2').getValues() as Date[][];
    expect(today).toBeInstanceOf(Date);
    expect(today.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(feb1.toISOString()).toBe('2024-01-31T16:00:00.000Z');
  });

  test('after the clock moves, recalculate() recomputes TODAY() without rebuilding', () => {
    let now = new Date('2026-03-01T04:00:00Z');
    const { sheet, store } = harness({ timeZone: 'Asia/Shanghai', now: () => now });
    sheet.getRange('A1').setFormula('=TODAY()');
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-03-01');
    now = new Date('2026-03-02T04:00:00Z');
    store.recalculate();
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-03-02');
  });

  test('REGEXMATCH / REGEXEXTRACT / REGEXREPLACE with RE2 rules', () => {
    const { sheet } = harness();
    sheet.getRange('A1').setValue('Order 42 for a@b.com');
    sheet
      .getRange('B1:D1')
      .setFormulas([['=REGEXMATCH(A1,"\\d+")', '=REGEXEXTRACT(A1,"(\\d+)")', '=REGEXREPLACE(A1,"\\d","#")']]);
    sheet.getRange('E1').setFormula('=REGEXMATCH(A1,"(?=x)")');
    expect(sheet.getRange('B1:E1').getValues()).toEqual([[true, '42', 'Order ## for a@b.com', '#REF!']]);
  });

  test('custom functions: ranges arrive as 2-D arrays, dates as Date, 2-D results spill', () => {
    const seen: unknown[][] = [];
    const { sheet } = harness({
      customFunctions: {
        list: () => [
          { name: 'DOUBLE_ALL', params: ['range'] },
          { name: 'KIND', params: ['value'] },
        ],
        call: (name, args) => {
          seen.push(args);
          if (name === 'DOUBLE_ALL') return (args[0] as unknown[][]).map((row) => [Number(row[0]) * 2, 'x']);
          const v = args[0];
          return v instanceof Date ? 'date' : typeof v;
        },
      },
    });
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setValue(new Date('2024-05-01T00:00:00+08:00'));
    sheet.getRange('C1').setFormula('=DOUBLE_ALL(A1:A3)');
    sheet.getRange('E1').setFormula('=KIND(B1)');
    sheet.getRange('E2').setFormula('=KIND(B2)');
    expect(sheet.getRange('C1:D3').getValues()).toEqual([
      [2, 'x'],
      [4, 'x'],
      [6, 'x'],
    ]);
    expect(sheet.getRange('E1:E2').getValues()).toEqual([['date'], ['string']]);
    expect(seen.some((args) => JSON.stringify(args) === JSON.stringify([[[1], [2], [3]]]))).toBe(true);
  });

  test('insert and delete rows/columns shift cells and formulas', () => {
    const { sheet, ss } = harness();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B4').setFormula('=SUM(A1:A3)');
    const other = ss.insertSheet('Other');
    other.getRange('A1').setFormula('=Sheet1!A3*2');
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    expect(sheet.getRange('B6').getFormula()).toBe('=SUM(A1:A5)');
    expect(other.getRange('A1').getFormula()).toBe('=Sheet1!A5*2');
    expect(other.getRange('A1').getValue()).toBe(6);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('B4').getFormula()).toBe('=SUM(A1:A3)');
    sheet.deleteRow(3);
    expect(other.getRange('A1').getFormula()).toBe('=#REF!*2');
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('C3').getFormula()).toBe('=SUM(B1:B2)');
    expect(sheet.getRange('C3').getValue()).toBe(3);
    expect(sheet.getMaxColumns()).toBe(27);
  });

  test('renaming a sheet rewrites formulas; named ranges work in formulas', () => {
    const { sheet, ss } = harness();
    const data = ss.insertSheet('Data');
    data.getRange('A1:A2').setValues([[4], [5]]);
    ss.setNamedRange('Amounts', data.getRange('A1:A2'));
    sheet.getRange('A1').setFormula('=SUM(Data!A1:A2)');
    sheet.getRange('A2').setFormula('=SUM(Amounts)');
    data.setName('Deals');
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(Deals!A1:A2)');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[9], [9]]);
    expect(ss.getRangeByName('Amounts')?.getA1Notation()).toBe('A1:A2');
  });

  test('an array formula over a whole column makes getLastRow reach the bottom, as in Sheets', () => {
    const { sheet } = harness();
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(IF(A1:A="","",A1:A))');
    expect(sheet.getLastRow()).toBe(1000);
  });
});
