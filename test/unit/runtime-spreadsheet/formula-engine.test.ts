/**
 * The formula engine is swappable (runtime/spreadsheet/formula-engine.ts): a runtime given a tiny stand-in engine
 * computes its formulas through it and never loads HyperFormula; without one it computes with HyperFormula.
 */
import type {
  FormulaCellContent,
  FormulaCellValue,
  FormulaEngineFactory,
  FormulaEngineSheet,
  SpreadsheetFormulaEngine,
} from '../../../runtime/spreadsheet';
import { writeBundle } from '../runtime/bundle-fixture';

type RuntimeModule = typeof import('../../../runtime');

/**
 * A stand-in engine: numbers, text, booleans, and formulas that add numbers and A1 references (`=A1+B1+2`),
 * plus TWICE(x), a function HyperFormula does not have. Anything else is #NAME?.
 */
class SumEngine implements SpreadsheetFormulaEngine {
  private readonly sheets = new Map<string, { id: number; cells: Map<string, FormulaCellContent> }>();
  private nextId = 0;

  constructor(
    sheets: FormulaEngineSheet[],
    readonly log: string[],
  ) {
    for (const sheet of sheets) {
      this.addSheet(sheet.name);
      this.setCells(sheet.name, 0, 0, sheet.content);
    }
  }

  sheetId(name: string): number | undefined {
    return this.sheets.get(name)?.id;
  }

  sheetName(id: number): string | undefined {
    return [...this.sheets].find(([, s]) => s.id === id)?.[0];
  }

  addSheet(name: string): void {
    if (!this.sheets.has(name)) this.sheets.set(name, { id: this.nextId++, cells: new Map() });
  }

  setCells(sheetName: string, row0: number, column0: number, content: FormulaCellContent[][]): void {
    const sheet = this.sheets.get(sheetName);
    if (!sheet) return;
    content.forEach((line, r) =>
      (line ?? []).forEach((cell, c) => {
        const key = `${row0 + r}:${column0 + c}`;
        if (cell === null || cell === undefined) sheet.cells.delete(key);
        else sheet.cells.set(key, cell);
      }),
    );
  }

  value(sheetName: string, row0: number, column0: number): FormulaCellValue {
    const cell = this.sheets.get(sheetName)?.cells.get(`${row0}:${column0}`);
    if (cell === undefined || cell === null) return null;
    if (typeof cell !== 'string') return cell;
    if (cell.startsWith("'")) return cell.slice(1);
    if (!cell.startsWith('=')) return cell;
    this.log.push(`${sheetName}!${row0}:${column0} ${cell}`);
    return this.evaluate(sheetName, cell.slice(1));
  }

  private evaluate(sheetName: string, expression: string): FormulaCellValue {
    let total = 0;
    for (const raw of expression.split('+')) {
      const term = this.term(sheetName, raw.trim());
      if (typeof term === 'object' && term !== null) return term;
      if (typeof term !== 'number') return { type: 'VALUE' };
      total += term;
    }
    return total;
  }

  private term(sheetName: string, term: string): FormulaCellValue {
    if (/^-?\d+(\.\d+)?$/.test(term)) return Number(term);
    const twice = /^TWICE\((.*)\)$/i.exec(term);
    if (twice) {
      const inner = this.term(sheetName, twice[1].trim());
      return typeof inner === 'number' ? inner * 2 : { type: 'VALUE' };
    }
    const ref = /^\$?([A-Z]+)\$?(\d+)$/.exec(term);
    if (!ref) return { type: 'NAME' };
    let column = 0;
    for (const ch of ref[1]) column = column * 26 + ch.charCodeAt(0) - 64;
    return this.value(sheetName, Number(ref[2]) - 1, column - 1) ?? 0;
  }

  isDateTyped(): boolean {
    return false;
  }

  sheetDimensions(sheetName: string): { height: number; width: number } {
    let height = 0;
    let width = 0;
    for (const key of this.sheets.get(sheetName)?.cells.keys() ?? []) {
      const [r, c] = key.split(':').map(Number);
      height = Math.max(height, r + 1);
      width = Math.max(width, c + 1);
    }
    return { height, width };
  }

  batch(work: () => void): void {
    work();
  }

  settleResizes(context: { pendingResize: Set<string> }): void {
    context.pendingResize.clear();
  }

  destroy(): void {
    this.sheets.clear();
  }
}

const code = String.raw`
function fill() {
  var sheet = SpreadsheetApp.getActiveSheet();
  sheet.getRange('A1:B2').setValues([[2, 3], [10, 'x']]);
  sheet.getRange('C1').setFormula('=A1+B1');
  sheet.getRange('C2').setFormula('=A2+C1+1');
  sheet.getRange('D1').setFormula('=TWICE(A1)');
  sheet.getRange('D2').setFormula('=A2+B2');
  return sheet.getRange('C1:D2').getValues();
}
function edit() {
  var sheet = SpreadsheetApp.getActiveSheet();
  sheet.getRange('A1').setValue(7);
  return sheet.getRange('C1:D2').getValues();
}
`;

const hyperFormulaPath = require.resolve('hyperformula');

/** The runtime from a fresh module registry, and whether anything has loaded HyperFormula into it. */
function freshRuntime(): { runtime: RuntimeModule; hyperFormulaLoaded: () => boolean } {
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runtime = require('../../../runtime') as RuntimeModule;
  return { runtime, hyperFormulaLoaded: () => hyperFormulaPath in require.cache };
}

describe('swappable formula engine', () => {
  test('a runtime given another engine computes through it and never loads HyperFormula', async () => {
    const { runtime, hyperFormulaLoaded } = freshRuntime();
    expect(hyperFormulaLoaded()).toBe(false);
    const log: string[] = [];
    let built = 0;
    const sumEngine: FormulaEngineFactory = {
      name: 'sum-only',
      create: (sheets) => {
        built++;
        return new SumEngine(sheets, log);
      },
    };
    const rt = await runtime.LocalRuntime.create({
      bundleDir: writeBundle({ code }),
      now: '2026-03-02T01:00:00Z',
      formulaEngine: sumEngine,
    });
    expect(rt.workbook.formulaEngine).toBe(sumEngine);
    // TWICE is the stand-in's own function; text in an addition is #VALUE!, as the stand-in says.
    expect(rt.call('fill')).toEqual([
      [5, 4],
      [16, '#VALUE!'],
    ]);
    // A later edit is fed to the same engine (no rebuild), and what depends on A1 follows.
    expect(rt.call('edit')).toEqual([
      [10, 14],
      [21, '#VALUE!'],
    ]);
    expect(built).toBe(1);
    expect(log).toContain('Sheet1!0:2 =A1+B1');
    // getLastColumn counts what the engine holds.
    expect(rt.workbook.lastColumn(rt.workbook.sheets()[0])).toBe(4);
    expect(hyperFormulaLoaded()).toBe(false);
  });

  test('by default HyperFormula computes the same workbook (and is loaded only then)', async () => {
    const { runtime, hyperFormulaLoaded } = freshRuntime();
    const rt = await runtime.LocalRuntime.create({
      bundleDir: writeBundle({ code }),
      now: '2026-03-02T01:00:00Z',
    });
    expect(hyperFormulaLoaded()).toBe(false);
    expect(rt.workbook.formulaEngine.name).toBe('hyperformula');
    // HyperFormula has no TWICE (#NAME?) and, like Sheets, reads text in an addition as #VALUE!.
    expect(rt.call('fill')).toEqual([
      [5, '#NAME?'],
      [16, '#VALUE!'],
    ]);
    expect(hyperFormulaLoaded()).toBe(true);
    expect(rt.call('edit')).toEqual([
      [10, '#NAME?'],
      [21, '#VALUE!'],
    ]);
  });

  test('a store built with an engine passes it on to its copies and to SpreadsheetApp.create', () => {
    jest.resetModules();
    type SpreadsheetModule = typeof import('../../../runtime/spreadsheet');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const spreadsheet = require('../../../runtime/spreadsheet') as SpreadsheetModule;
    const sumEngine: FormulaEngineFactory = {
      name: 'sum-only',
      create: (sheets) => new SumEngine(sheets, []),
    };
    const store = spreadsheet.WorkbookStore.empty({ formulaEngine: sumEngine });
    expect(store.clone().formulaEngine).toBe(sumEngine);
    const app = spreadsheet.createSpreadsheetApp({
      store,
      ui: {} as GoogleAppsScript.Base.Ui,
      toast: () => undefined,
      activeUserEmail: () => 'owner@example.com',
    });
    const created = app.create('Other').getSheets()[0];
    created.getRange('A1:C1').setValues([[1, 2, '=TWICE(A1)+B1']]);
    expect(created.getRange('C1').getValue()).toBe(4);
  });
});
