/**
 * WorkbookStore.clone: copies share their grids' lines until one changes a line (runtime/spreadsheet/grid.ts), so
 * every change through the Spreadsheet service — values, formulas, formats, validations, inserted and deleted rows and
 * columns, renamed sheets rewriting formulas — must show in the copy that made it and in no other.
 */
import { harness } from './helpers';

function everyGrid(h: ReturnType<typeof harness>) {
  const sheet = h.ss.getSheetByName('Data') as GoogleAppsScript.Spreadsheet.Sheet;
  const range = sheet.getRange(1, 1, 4, 4);
  return {
    values: range.getValues(),
    formulas: range.getFormulas(),
    formats: range.getNumberFormats(),
    backgrounds: range.getBackgrounds(),
    notes: range.getNotes(),
    italic: range.getFontStyles(),
    other: (h.ss.getSheetByName('Other') as GoogleAppsScript.Spreadsheet.Sheet).getRange('A1').getFormula(),
  };
}

test('a change in either copy never shows in the other', () => {
  const base = harness();
  base.sheet.setName('Data');
  base.sheet.getRange(1, 1, 3, 3).setValues([
    [1, 2, '=A1+B1'],
    ['a', 'b', 'c'],
    [true, false, '2026-01-02'],
  ]);
  base.sheet.getRange('A1:C1').setNumberFormat('0.00').setBackground('#ffeeaa');
  base.sheet.getRange('B2').setNote('typed by hand').setFontStyle('italic');
  base.ss.insertSheet('Other').getRange('A1').setFormula('=Data!A1*2');
  const before = everyGrid(base);

  const copies = [0, 1, 2, 3, 4].map(() => harness({ store: base.store.clone() }));
  const changes: ((h: ReturnType<typeof harness>) => void)[] = [
    (h) =>
      h.ss
        .getSheetByName('Data')
        ?.getRange('A1:B2')
        .setValues([
          [9, 9],
          [9, 9],
        ]),
    (h) => h.ss.getSheetByName('Data')?.getRange('B1:B3').setNumberFormat('@').setBackground('#000000'),
    (h) => h.ss.getSheetByName('Data')?.insertColumnBefore(1),
    (h) => h.ss.getSheetByName('Data')?.deleteRow(1),
    (h) => {
      h.ss.getSheetByName('Data')?.setName('Renamed');
      h.ss.getSheetByName('Renamed')?.setName('Data');
      h.ss.getSheetByName('Data')?.getRange('B2').clearNote().setFontStyle('normal');
    },
  ];
  copies.forEach((copy, index) => {
    const untouched = copies.filter((other) => other !== copy).map(everyGrid);
    changes[index](copy);
    expect(everyGrid(copy)).not.toEqual(before);
    expect(everyGrid(base)).toEqual(before);
    expect(copies.filter((other) => other !== copy).map(everyGrid)).toEqual(untouched);
  });

  // And the other way: the original changing after the copies were made.
  const fresh = harness({ store: base.store.clone() });
  const freshBefore = everyGrid(fresh);
  base.sheet.getRange('A1').setValue(100);
  base.sheet.insertRowBefore(1);
  expect(everyGrid(base)).not.toEqual(before);
  expect(everyGrid(fresh)).toEqual(freshBefore);
  expect(everyGrid(fresh)).toEqual(before);
});
