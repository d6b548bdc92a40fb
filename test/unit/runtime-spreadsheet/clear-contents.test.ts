/**
 * WorkbookStore.clearContents clears only the stored part of a range (storedPart): the same result as writing
 * empty cells over the whole range (what it did before), checked against that on random sheets with values,
 * formulas, spills and number formats, and on the cases that matter (formats kept, dependants recomputed, spills
 * gone, an engine-less workbook staying engine-less).
 */
import { storedPart, WorkbookStore } from '../../../runtime/spreadsheet/store';
import type { GridRect, SheetData } from '../../../runtime/spreadsheet/types';
import { harness } from './helpers';

/** A grid rectangle (1-based row and column). */
const rect = (row: number, column: number, numRows: number, numColumns: number) => ({
  row,
  column,
  numRows,
  numColumns,
});

/** The old clearContents: empty cells written over the whole rectangle. */
function clearByWriting(store: WorkbookStore, sheet: SheetData, rect: GridRect): void {
  store.writeValues(
    sheet,
    rect,
    Array.from({ length: rect.numRows }, () => new Array<null>(rect.numColumns).fill(null)),
  );
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function everything(store: WorkbookStore, name: string) {
  const sheet = store.requireSheet(name);
  const rect = { row: 1, column: 1, numRows: 40, numColumns: 12 };
  return {
    values: store.readValues(sheet, rect),
    display: store.readDisplayValues(sheet, rect),
    formulas: store.readFormulas(sheet, rect),
    formats: store.readAttribute(sheet, 'numberFormats', rect),
    lastRow: store.lastRow(sheet),
    lastColumn: store.lastColumn(sheet),
    stored: { values: sheet.values, formulas: sheet.formulas },
  };
}

describe('storedPart', () => {
  const sheet = (values: (number | null)[][], formulas: (string | null)[][] = []): SheetData =>
    ({ values, formulas }) as unknown as SheetData;

  test('clips rows and columns to the stored lines', () => {
    const s = sheet([[1, 2], [3]], [[], [], [null, null, '=1']]);
    expect(storedPart(s, { row: 1, column: 1, numRows: 1000, numColumns: 26 })).toEqual(rect(1, 1, 3, 3));
    // Only the lines of the rows asked for set the width.
    expect(storedPart(s, { row: 1, column: 1, numRows: 2, numColumns: 26 })).toEqual(rect(1, 1, 2, 2));
    expect(storedPart(s, { row: 2, column: 2, numRows: 5, numColumns: 5 })).toEqual(rect(2, 2, 2, 2));
  });

  test('nothing stored in the range: 0×0 at its corner', () => {
    const s = sheet([[1, 2]]);
    expect(storedPart(s, { row: 5, column: 1, numRows: 10, numColumns: 3 })).toEqual(rect(5, 1, 0, 0));
    expect(storedPart(s, { row: 1, column: 4, numRows: 10, numColumns: 3 })).toEqual(rect(1, 4, 0, 0));
  });
});

describe('clearContents', () => {
  test('keeps number formats, recomputes dependants, removes spills', () => {
    const { sheet } = harness();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('A1:A3').setNumberFormat('0.00');
    sheet.getRange('C1').setFormula('=SUM(A1:A3)');
    sheet.getRange('D1').setFormula('=ARRAYFORMULA(A1:A3*2)');
    expect(sheet.getRange('D3').getValue()).toBe(6);
    expect(sheet.getLastRow()).toBe(3);
    sheet.getRange('A1:A1000').clearContent();
    expect(sheet.getRange('C1').getValue()).toBe(0);
    expect(sheet.getRange('A1:A3').getNumberFormats()).toEqual([['0.00'], ['0.00'], ['0.00']]);
    sheet.getRange('D1:Z1000').clearContent();
    expect(sheet.getRange('D1:D3').getValues()).toEqual([[''], [''], ['']]);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(A1:A3)');
    expect(sheet.getRange('A1:D2').getValues()).toEqual([
      ['', '', 0, ''],
      ['', '', '', ''],
    ]);
  });

  test('clearing every formula: getLastRow no longer counts spills', () => {
    const { sheet } = harness();
    sheet.getRange('A1:A5').setValues([[1], [2], [3], [4], [5]]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(A1:A5*2)');
    expect(sheet.getLastRow()).toBe(5);
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('A1').setValue(7);
    sheet.getRange('B1').setFormula('=A1+1');
    expect(sheet.getRange('B1').getValue()).toBe(8);
  });

  test('a range past the stored cells changes nothing stored', () => {
    const { store, sheet } = harness();
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    const data = store.requireSheet(sheet.getName());
    const before = JSON.stringify({ values: data.values, formulas: data.formulas });
    sheet.getRange('A10:Z1000').clearContent();
    sheet.getRange('C1:Z2').clearContent();
    expect(JSON.stringify({ values: data.values, formulas: data.formulas })).toBe(before);
  });

  test('the same result as writing empty cells over the whole range (random sheets)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = rng(seed);
      const a = WorkbookStore.empty({ timeZone: 'Europe/Berlin' });
      const sheetA = a.sheets()[0];
      const rows = 1 + Math.floor(random() * 20);
      const columns = 1 + Math.floor(random() * 8);
      const grid: unknown[][] = [];
      for (let r = 0; r < rows; r++) {
        const line: unknown[] = [];
        for (let c = 0; c < columns; c++) {
          const pick = random();
          line.push(
            pick < 0.3
              ? null
              : pick < 0.6
                ? Math.round(random() * 100)
                : pick < 0.7
                  ? 'text ' + r
                  : pick < 0.8
                    ? `=A${1 + Math.floor(random() * rows)}*2`
                    : pick < 0.85
                      ? `=SUM(A1:B${rows})`
                      : pick < 0.88
                        ? `=ARRAYFORMULA(ROW(A1:A3))`
                        : '2024-03-0' + (1 + (c % 9)),
          );
        }
        grid.push(line);
      }
      a.writeValues(sheetA, { row: 1, column: 1, numRows: rows, numColumns: columns }, grid);
      if (random() < 0.5)
        a.fillAttribute(sheetA, 'numberFormats', { row: 2, column: 1, numRows: 3, numColumns: 30 }, '0.0');
      const b = a.clone();
      const sheetB = b.sheets()[0];
      // Reading builds the engine: the clear meets one of its two states (with or without an engine).
      if (random() < 0.6) {
        a.readValues(sheetA, { row: 1, column: 1, numRows: rows, numColumns: columns });
        b.readValues(sheetB, { row: 1, column: 1, numRows: rows, numColumns: columns });
      }
      const rect = {
        row: 1 + Math.floor(random() * (rows + 3)),
        column: 1 + Math.floor(random() * (columns + 2)),
        numRows: 1 + Math.floor(random() * 40),
        numColumns: 1 + Math.floor(random() * 10),
      };
      a.clearContents(sheetA, rect);
      clearByWriting(b, sheetB, rect);
      expect([seed, everything(a, sheetA.name)]).toEqual([seed, everything(b, sheetB.name)]);
      expect(a.hasFormulas()).toBe(b.hasFormulas());
    }
  });
});
