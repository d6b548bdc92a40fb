/**
 * writeGrid (a rectangle written a line at a time, WorkbookStore.writeAttribute) against setCell cell by cell, on
 * random grids whose lines are shared with a copy (shareGrid); and Range.setDataValidations over a column of one
 * rule given as one row repeated, against the same rules given as distinct rows.
 */
import { setCell, shareGrid, writeGrid } from '../../../runtime/spreadsheet/grid';
import type { Grid } from '../../../runtime/spreadsheet/types';
import { harness } from './helpers';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomGrid(random: () => number): Grid<string> {
  const grid: Grid<string> = [];
  const rows = Math.floor(random() * 8);
  for (let r = 0; r < rows; r++) {
    const pick = random();
    if (pick < 0.3) {
      grid.push(undefined);
      continue;
    }
    const line: (string | null)[] = [];
    const width = Math.floor(random() * 6);
    for (let c = 0; c < width; c++) line.push(random() < 0.4 ? null : `v${r}.${c}`);
    grid.push(line);
  }
  return grid;
}

test('writeGrid: the same grids as setCell cell by cell, shared lines copied, never changed in place', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const random = rng(seed);
    const base = randomGrid(random);
    const a = shareGrid(base);
    const b = shareGrid(base);
    const snapshot = JSON.stringify(base);
    const rect = {
      row: 1 + Math.floor(random() * 9),
      column: 1 + Math.floor(random() * 7),
      numRows: 1 + Math.floor(random() * 4),
      numColumns: 1 + Math.floor(random() * 4),
    };
    const values = Array.from({ length: rect.numRows }, () =>
      Array.from({ length: rect.numColumns }, () => (random() < 0.5 ? null : `w${Math.floor(random() * 9)}`)),
    );
    writeGrid(a, rect, values);
    for (let r = 0; r < rect.numRows; r++)
      for (let c = 0; c < rect.numColumns; c++)
        setCell(b, rect.row - 1 + r, rect.column - 1 + c, values[r][c]);
    expect([seed, a]).toEqual([seed, b]);
    expect(a.length).toBe(b.length);
    a.forEach((line, r) => expect([seed, r, line?.length]).toEqual([seed, r, b[r]?.length]));
    expect(JSON.stringify(base)).toBe(snapshot);
  }
});

test('setDataValidations: a repeated row gives the ids and anchors of distinct rows', () => {
  const run = (repeat: boolean) => {
    const { app, sheet, store } = harness();
    const list = app.newDataValidation().requireValueInList(['a', 'b']).build();
    const checkbox = app.newDataValidation().requireCheckbox().build();
    const row = [list, null, checkbox, list];
    const rules = Array.from({ length: 5 }, () => (repeat ? row : [...row]));
    sheet.getRange('B2:E6').setDataValidations(rules);
    const data = store.requireSheet(sheet.getName());
    return {
      validations: data.validations,
      rules: store.data.validationRules,
      read: sheet
        .getRange('B2:E6')
        .getDataValidations()
        .map((line) => line.map((rule) => rule?.getCriteriaType() ?? null)),
    };
  };
  const repeated = run(true);
  expect(repeated).toEqual(run(false));
  expect(repeated.read[4]).toEqual(['VALUE_IN_LIST', null, 'CHECKBOX', 'VALUE_IN_LIST']);
});
