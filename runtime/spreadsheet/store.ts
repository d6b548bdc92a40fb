/**
 * WorkbookStore: the workbook's data (plain, serialisable: see WorkbookData) and the operations the
 * SpreadsheetApp stand-ins perform on it, with Sheets' value semantics. Formulas are computed by a formula
 * engine mirror (SpreadsheetFormulaEngine, HyperFormula by default) that is only built once the workbook holds a
 * formula, then kept in step.
 */
import { cellSatisfies, type ValidationEnvironment } from './validation';
import { quoteSheetName, rectToA1 } from './a1';
import { dateToSerial, isDateLike, serialToDate } from './dates';
import { addressKey, defaultFormulaEngine, errorText } from './formula-engine';
import type {
  CustomFunctionHost,
  FormulaCellContent,
  FormulaCellValue,
  FormulaContext,
  FormulaEngineFactory,
  SpreadsheetFormulaEngine,
} from './formula-engine';
import {
  defaultDateFormat,
  formatForDisplay,
  isDateTimeFormat,
  parseUserInput,
  type CellLiteral,
} from './formats';
import {
  boundOpenRanges,
  formatRef,
  hasOpenRange,
  offsetRelativeRefs,
  mapFormulaRefs,
  renameSheetInFormula,
  shiftFormula,
} from './formula-refs';
import {
  fillRect,
  writeGrid,
  getCell,
  lastUsedColumn,
  lastUsedRow,
  ownLine,
  readRect,
  setCell,
  shareGrid,
  shiftRect,
  spliceColumns,
  spliceRows,
} from './grid';
import {
  ATTRIBUTE_GRID_KEYS,
  FORMAT_GRID_KEYS,
  type AttributeGridKey,
  type ConditionalFormatSpec,
  type StoredCriteriaValue,
  type DataValidationSpec,
  type Grid,
  type GridRect,
  type SheetData,
  type WorkbookData,
} from './types';

export interface EmptyWorkbookOptions {
  name?: string;
  timeZone?: string;
  locale?: string;
  id?: string;
  owner?: string;
  /** Name of the first sheet (Sheets calls it "Sheet1"). */
  firstSheetName?: string;
  /** The formula engine (default: HyperFormula, loaded on first use). */
  formulaEngine?: FormulaEngineFactory;
}

/** How a store computes its formulas. */
export interface WorkbookStoreOptions {
  /** The formula engine (default: HyperFormula, loaded on first use). */
  formulaEngine?: FormulaEngineFactory;
}

/** What a formula evaluation may ask the runtime for; set by createSpreadsheetApp from its env. */
export interface FormulaHost {
  now?: () => Date;
  customFunctions?: CustomFunctionHost;
}

export type AttributeValue<K extends AttributeGridKey> = K extends 'wraps'
  ? boolean
  : K extends 'validations'
    ? number
    : string;

/** One cell that breaks its data-validation rule (see WorkbookStore.validationFailures). */
/** A cell a conditional format rule colours (see WorkbookStore.conditionalFormatMatches). */
export interface ConditionalFormatMatch {
  a1: string;
  row: number;
  column: number;
  /** Index of the rule in the sheet's rule list. */
  ruleIndex: number;
  format: ConditionalFormatSpec['format'];
}

export interface ValidationFailure {
  sheet: string;
  /** A1 of the cell, e.g. "E7". */
  a1: string;
  row: number;
  column: number;
  value: unknown;
  criteria: string;
  helpText: string | null;
}

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

export function newSheetData(
  id: number,
  name: string,
  rows = DEFAULT_ROWS,
  columns = DEFAULT_COLUMNS,
): SheetData {
  return {
    id,
    name,
    hidden: false,
    tabColor: null,
    frozenRows: 0,
    frozenColumns: 0,
    maxRows: rows,
    maxColumns: columns,
    columnWidths: [],
    values: [],
    formulas: [],
    numberFormats: [],
    backgrounds: [],
    fontWeights: [],
    fontColors: [],
    notes: [],
    horizontalAlignments: [],
    wraps: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

/** A written value after Sheets' interpretation. */
interface StoredInput {
  literal: CellLiteral | null;
  formula: string | null;
  numberFormat?: string;
}

/** Characters that can start a string Sheets would turn into a number, date, boolean or forced text. */
const MAY_PARSE = /^[\s0-9+\-.$¥€£'(tTfF]/;

export class WorkbookStore {
  data: WorkbookData;
  private engine: SpreadsheetFormulaEngine | null = null;
  private engineFactory: FormulaEngineFactory;
  private engineStale = true;
  private formulaCounts = new Map<number, number>();
  private fedColumns = new Map<string, Set<number> | 'all'>();
  private buildingSheetNames: string[] = [];
  private customFunctionKey = '';
  private recalcTick = 0;
  /**
   * Depth of engine work in progress (building, recalculating). A custom function that reads the sheet runs inside
   * it: its reads must not rebuild or re-enter the engine (which would call the function again, without end).
   */
  private evaluating = 0;
  /** Copies made with Spreadsheet.copy (separate Drive files in Apps Script; not part of this workbook's data). */
  readonly copies: WorkbookStore[] = [];
  private host: FormulaHost = {};
  readonly context: FormulaContext;

  constructor(data: WorkbookData, options: WorkbookStoreOptions = {}) {
    this.data = data;
    this.engineFactory = options.formulaEngine ?? defaultFormulaEngine;
    this.context = {
      now: () => (this.host.now ? this.host.now() : new Date()),
      timeZone: () => this.data.timeZone,
      customFunctions: () => this.host.customFunctions,
      argumentValue: (sheetName, row0, column0, value) => this.argumentValue(sheetName, row0, column0, value),
      serialOf: (date) => dateToSerial(date, this.data.timeZone),
      resultSizes: new Map(),
      pendingResize: new Set(),
      dateResults: new Set(),
      // During the engine's first evaluation (inside create) sheets are numbered in input order.
      sheetNameOf: (id) => this.engine?.sheetName(id) ?? this.buildingSheetNames[id],
    };
  }

  static empty(options: EmptyWorkbookOptions = {}): WorkbookStore {
    const data: WorkbookData = {
      id: options.id ?? `local-${Math.random().toString(36).slice(2, 12)}`,
      name: options.name ?? 'Untitled spreadsheet',
      locale: options.locale ?? 'en_US',
      timeZone: options.timeZone ?? 'Etc/UTC',
      owner: options.owner ?? 'owner@example.com',
      editors: [],
      sheets: [],
      activeSheetId: null,
      activeRange: null,
      namedRanges: [],
      protections: [],
      validationRules: {},
      nextId: 1,
    };
    const store = new WorkbookStore(data, { formulaEngine: options.formulaEngine });
    const first = store.insertSheet(options.firstSheetName ?? 'Sheet1');
    data.activeSheetId = first.id;
    return store;
  }

  /** Restores a store from `toJSON()` output (or a structuredClone of it). */
  static fromJSON(data: WorkbookData, options: WorkbookStoreOptions = {}): WorkbookStore {
    return new WorkbookStore(data, options);
  }

  /** The factory this store builds its formula engines with. */
  get formulaEngine(): FormulaEngineFactory {
    return this.engineFactory;
  }

  /** Switches formula engines; the next read builds one with the new factory. */
  setFormulaEngine(factory: FormulaEngineFactory): void {
    if (factory === this.engineFactory) return;
    this.engineFactory = factory;
    this.engineStale = true;
  }

  /** The plain data: structuredClone-able and JSON-safe (Dates are stored as serial numbers). */
  toJSON(): WorkbookData {
    return this.data;
  }

  /** A deep copy of this store (its own engine). */
  clone(): WorkbookStore {
    const { sheets, ...rest } = this.data;
    const data = { ...plainCopy(rest), sheets: sheets.map(copySheet) } as WorkbookData;
    const copy = new WorkbookStore(data, { formulaEngine: this.engineFactory });
    copy.setFormulaHost(this.host);
    return copy;
  }

  /** Wires TODAY/NOW and custom functions to the runtime (clock, bundle). */
  setFormulaHost(host: FormulaHost): void {
    this.host = host;
    // Each execution brings its own host object; only a different set of functions needs a rebuild.
    const names = host.customFunctions ? host.customFunctions.list().map((f) => f.name.toUpperCase()) : [];
    const key = [...names].sort().join(',');
    if (key !== this.customFunctionKey) {
      // Names are registered with the engine when it is next built (liveEngine), not here: a workbook without
      // formulas never loads an engine.
      this.customFunctionKey = key;
      if (this.engine) this.engineStale = true;
    }
  }

  /** Runs engine work (which may call custom functions) with re-entry into the engine disabled. */
  private evaluate<T>(work: () => T): T {
    this.evaluating++;
    try {
      return work();
    } finally {
      this.evaluating--;
    }
  }

  /** Recomputes TODAY()/NOW() and other volatile formulas (after the clock moved), without a rebuild. */
  recalculate(): void {
    const engine = this.engine;
    if (!engine || this.engineStale) return;
    // Engines recompute volatile functions (TODAY, NOW) on a change: touch a scratch cell.
    const scratch = '__apps_script_local_scratch__';
    if (engine.sheetId(scratch) === undefined) engine.addSheet(scratch);
    this.evaluate(() => {
      engine.setCells(scratch, 0, 0, [[this.recalcTick++]]);
      engine.settleResizes(this.context);
    });
  }

  /** Tells the engine factory the bundle's custom function names (before an engine is built). */
  private registerCustomFunctions(): void {
    const names = this.host.customFunctions?.list().map((f) => f.name.toUpperCase()) ?? [];
    if (names.length > 0) this.engineFactory.registerCustomFunctionNames?.(names);
  }

  /** Drops the engine; it is rebuilt from the data on the next read (named ranges changed, ...). */
  invalidateEngine(): void {
    this.engineStale = true;
  }

  // ---- ids, sheets -------------------------------------------------------------------------------

  nextId(): number {
    return this.data.nextId++;
  }

  get timeZone(): string {
    return this.data.timeZone;
  }

  get locale(): string {
    return this.data.locale;
  }

  sheets(): SheetData[] {
    return this.data.sheets;
  }

  sheetByName(name: string): SheetData | undefined {
    return this.data.sheets.find((s) => s.name === name);
  }

  sheetById(id: number): SheetData | undefined {
    return this.data.sheets.find((s) => s.id === id);
  }

  requireSheet(name: string): SheetData {
    const sheet = this.sheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}" in the workbook.`);
    return sheet;
  }

  insertSheet(name: string, index?: number, rows?: number, columns?: number): SheetData {
    if (this.data.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = newSheetData(this.nextId(), name, rows, columns);
    const at =
      index === undefined ? this.data.sheets.length : Math.max(0, Math.min(index, this.data.sheets.length));
    this.data.sheets.splice(at, 0, sheet);
    this.engineStale = true;
    return sheet;
  }

  deleteSheet(id: number): void {
    const index = this.data.sheets.findIndex((s) => s.id === id);
    if (index < 0) return;
    if (this.data.sheets.length === 1) {
      throw new Error("You can't remove all the sheets in a document.");
    }
    this.data.sheets.splice(index, 1);
    this.data.namedRanges = this.data.namedRanges.filter((n) => n.sheetId !== id);
    this.data.protections = this.data.protections.filter((p) => p.sheetId !== id);
    if (this.data.activeSheetId === id) this.data.activeSheetId = this.data.sheets[Math.max(0, index - 1)].id;
    if (this.data.activeRange?.sheetId === id) this.data.activeRange = null;
    this.engineStale = true;
  }

  renameSheet(id: number, newName: string): void {
    const sheet = this.sheetById(id);
    if (!sheet || sheet.name === newName) return;
    if (this.data.sheets.some((s) => s.id !== id && s.name.toLowerCase() === newName.toLowerCase())) {
      throw new Error(`A sheet with the name "${newName}" already exists. Please enter another name.`);
    }
    const oldName = sheet.name;
    sheet.name = newName;
    // Sheets rewrites every formula that refers to the renamed sheet.
    this.rewriteAllFormulas((formula) => renameSheetInFormula(formula, oldName, newName));
    this.engineStale = true;
  }

  moveSheet(id: number, index: number): void {
    const from = this.data.sheets.findIndex((s) => s.id === id);
    if (from < 0) return;
    const [sheet] = this.data.sheets.splice(from, 1);
    this.data.sheets.splice(Math.max(0, Math.min(index, this.data.sheets.length)), 0, sheet);
  }

  private rewriteAllFormulas(rewrite: (formula: string, sheet: SheetData) => string): void {
    for (const sheet of this.data.sheets) {
      const grid = sheet.formulas;
      for (let r = 0; r < grid.length; r++) {
        let line = grid[r];
        if (!line) continue;
        for (let c = 0; c < line.length; c++) {
          const f = line[c];
          if (!f) continue;
          const next = rewrite(f, sheet);
          if (next === f) continue;
          line = ownLine(grid, r) as string[];
          line[c] = next;
        }
      }
    }
  }

  // ---- engine -------------------------------------------------------------------------------------

  private formulaCount(sheet: SheetData): number {
    let count = this.formulaCounts.get(sheet.id);
    if (count === undefined) {
      count = 0;
      for (const line of sheet.formulas) if (line) for (const f of line) if (f) count++;
      this.formulaCounts.set(sheet.id, count);
    }
    return count;
  }

  /** True when any sheet holds a formula (only then is the engine needed). */
  hasFormulas(): boolean {
    return this.data.sheets.some((s) => this.formulaCount(s) > 0);
  }

  private sizeOf = (name: string): { rows: number; columns: number } | undefined => {
    const s = this.sheetByName(name);
    return s ? { rows: s.maxRows, columns: s.maxColumns } : undefined;
  };

  private engineContent(
    sheet: SheetData,
    literal: CellLiteral | null,
    formula: string | null,
  ): FormulaCellContent {
    if (formula) return boundOpenRanges(formula, sheet.name, this.sizeOf);
    if (typeof literal === 'string') return "'" + literal;
    return literal;
  }

  /** The engine, built on demand; null while the workbook has no formula. */
  private liveEngine(): SpreadsheetFormulaEngine | null {
    if (this.engine && !this.engineStale) {
      const engine = this.engine;
      // Writes the engine took lazily are computed now, before the read, with re-entry guarded.
      if (this.evaluating === 0 && engine.pending?.()) this.evaluate(() => engine.settle?.());
      return engine;
    }
    // Read by a custom function while the engine computes: the values as they stand (a formula cell not yet
    // computed reads empty), never a rebuild that would call the function again.
    if (this.evaluating > 0) return this.engineStale ? null : this.engine;
    if (this.engine) {
      this.engine.destroy();
      this.engine = null;
    }
    this.engineStale = false;
    if (!this.hasFormulas()) return null;
    this.registerCustomFunctions();
    // A formula may name a custom function that was registered after the cell was written: scan for names.
    this.context.resultSizes.clear();
    this.context.dateResults.clear();
    this.fedColumns = this.referencedColumns();
    const sheets = this.data.sheets.map((sheet) => {
      const fed = this.fedColumns.get(sheet.name);
      if (!fed) return { name: sheet.name, content: [] };
      const rows = Math.max(sheet.values.length, sheet.formulas.length);
      const content: FormulaCellContent[][] = new Array(rows);
      for (let r = 0; r < rows; r++) {
        const values = sheet.values[r];
        const formulas = sheet.formulas[r];
        const width = Math.max(values?.length ?? 0, formulas?.length ?? 0);
        const line: FormulaCellContent[] = new Array(width).fill(null);
        for (let c = 0; c < width; c++) {
          if (fed !== 'all' && !fed.has(c)) continue;
          line[c] = this.engineContent(sheet, values?.[c] ?? null, formulas?.[c] ?? null);
        }
        content[r] = line;
      }
      return { name: sheet.name, content };
    });
    const named = this.data.namedRanges.flatMap((n) => {
      const sheet = this.sheetById(n.sheetId);
      if (!sheet) return [];
      const { row, column, numRows, numColumns } = n.rect;
      const a1 = rectToA1(row, column, numRows, numColumns).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      return [{ name: n.name, expression: `=${quoteSheetName(sheet.name)}!${a1}` }];
    });
    this.buildingSheetNames = sheets.map((x) => x.name);
    const engine = this.evaluate(() => {
      const built = this.engineFactory.create(sheets, named, this.context);
      this.engine = built;
      built.settleResizes(this.context);
      return built;
    });
    return engine;
  }

  /**
   * Columns the engine must hold, per sheet: those with formulas and those a formula, named range or rule
   * formula refers to. Other cells never affect a result, so a 50 000-row sheet with one tier formula feeds
   * the engine a few columns, not thirty. INDIRECT/OFFSET can reach anything: then everything is fed.
   */
  private referencedColumns(): Map<string, Set<number> | 'all'> {
    const fed = new Map<string, Set<number> | 'all'>();
    const add = (sheetName: string, from: number | undefined, to: number | undefined): void => {
      if (fed.get(sheetName) === 'all') return;
      if (from === undefined || to === undefined) {
        fed.set(sheetName, 'all');
        return;
      }
      let set = fed.get(sheetName) as Set<number> | undefined;
      if (!set) fed.set(sheetName, (set = new Set()));
      for (let c = from; c <= to; c++) set.add(c - 1);
    };
    const scan = (formula: string, ownSheets: string[]): boolean => {
      if (/\b(INDIRECT|OFFSET)\s*\(/i.test(formula)) return false;
      mapFormulaRefs(formula, (ref) => {
        const targets = ref.sheetName !== undefined ? [ref.sheetName] : ownSheets;
        for (const t of targets) add(t, ref.startColumn, ref.endColumn ?? ref.startColumn);
        return undefined;
      });
      return true;
    };
    const everything = (): Map<string, 'all'> => new Map(this.data.sheets.map((s) => [s.name, 'all']));
    const allNames = this.data.sheets.map((s) => s.name);
    for (const sheet of this.data.sheets) {
      let line: (string | null | undefined)[] | null | undefined;
      for (let r = 0; r < sheet.formulas.length; r++) {
        line = sheet.formulas[r];
        if (!line) continue;
        for (let c = 0; c < line.length; c++) {
          const f = line[c];
          if (!f) continue;
          add(sheet.name, c + 1, c + 1);
          if (!scan(f, [sheet.name])) return everything();
        }
      }
      for (const rule of sheet.conditionalFormats) {
        if (rule.criteria === 'CUSTOM_FORMULA' && !scan(String(rule.values[0]), [sheet.name]))
          return everything();
      }
    }
    for (const rule of Object.values(this.data.validationRules)) {
      if (rule.criteria === 'CUSTOM_FORMULA' && !scan(String(rule.values[0]), allNames)) return everything();
    }
    for (const n of this.data.namedRanges) {
      const sheet = this.sheetById(n.sheetId);
      if (sheet) add(sheet.name, n.rect.column, n.rect.column + n.rect.numColumns - 1);
    }
    return fed;
  }

  /** True when the engine already holds every column the formula reads. */
  private engineCovers(sheet: SheetData, column0: number, formula: string): boolean {
    const own = this.fedColumns.get(sheet.name);
    if (own !== 'all' && !own?.has(column0)) return false;
    return this.engineCoversRefs(sheet, formula);
  }

  private engineCoversRefs(sheet: SheetData, formula: string): boolean {
    if (/\b(INDIRECT|OFFSET)\s*\(/i.test(formula)) return false;
    let covered = true;
    mapFormulaRefs(formula, (ref) => {
      const fed = this.fedColumns.get(ref.sheetName ?? sheet.name);
      if (fed === 'all') return undefined;
      if (!fed || ref.startColumn === undefined) {
        covered = false;
        return undefined;
      }
      for (let c = ref.startColumn; c <= (ref.endColumn ?? ref.startColumn); c++)
        if (!fed.has(c - 1)) covered = false;
      return undefined;
    });
    return covered;
  }

  private pushToEngine(sheet: SheetData, rect: GridRect): void {
    if (!this.engine || this.engineStale) return;
    const fed = this.fedColumns.get(sheet.name);
    if (!fed) return;
    const engine = this.engine;
    this.evaluating++;
    try {
      this.pushBlocks(engine, sheet, rect, fed);
      engine.settleResizes(this.context);
    } finally {
      this.evaluating--;
    }
  }

  private pushBlocks(
    engine: SpreadsheetFormulaEngine,
    sheet: SheetData,
    rect: GridRect,
    fed: Set<number> | 'all',
  ): void {
    engine.batch(() => {
      // One block per run of fed columns.
      let c = 0;
      while (c < rect.numColumns) {
        if (fed !== 'all' && !fed.has(rect.column - 1 + c)) {
          c++;
          continue;
        }
        let end = c + 1;
        while (end < rect.numColumns && (fed === 'all' || fed.has(rect.column - 1 + end))) end++;
        const content: FormulaCellContent[][] = new Array(rect.numRows);
        for (let r = 0; r < rect.numRows; r++) {
          const values = sheet.values[rect.row - 1 + r];
          const formulas = sheet.formulas[rect.row - 1 + r];
          const line: FormulaCellContent[] = new Array(end - c);
          for (let k = c; k < end; k++) {
            const col = rect.column - 1 + k;
            line[k - c] = this.engineContent(sheet, values?.[col] ?? null, formulas?.[col] ?? null);
          }
          content[r] = line;
        }
        engine.setCells(sheet.name, rect.row - 1, rect.column - 1 + c, content);
        c = end;
      }
    });
  }

  // ---- writing -------------------------------------------------------------------------------------

  private interpret(value: unknown, currentFormat: string | null): StoredInput {
    if (value === null || value === undefined) return { literal: null, formula: null };
    if (typeof value === 'string') {
      if (value === '') return { literal: null, formula: null };
      if (value.length > 1 && value[0] === '=' && currentFormat !== '@')
        return { literal: null, formula: value };
      if (!MAY_PARSE.test(value)) return { literal: value, formula: null };
      const parsed = parseUserInput(value, this.data.locale, currentFormat);
      return {
        literal: parsed.value === '' ? null : parsed.value,
        formula: null,
        numberFormat: parsed.numberFormat,
      };
    }
    if (typeof value === 'number') {
      return Number.isFinite(value) ? { literal: value, formula: null } : { literal: '#NUM!', formula: null };
    }
    if (typeof value === 'boolean') return { literal: value, formula: null };
    if (isDateLike(value)) {
      if (Number.isNaN(value.getTime())) return { literal: String(value), formula: null };
      const serial = dateToSerial(value, this.data.timeZone);
      const numberFormat = isDateTimeFormat(currentFormat)
        ? undefined
        : defaultDateFormat(this.data.locale, Math.abs(serial - Math.round(serial)) > 1e-9);
      return { literal: serial, formula: null, numberFormat };
    }
    return { literal: String(value), formula: null };
  }

  /** Writes values as Range.setValues does: '=' strings become formulas, text is interpreted as typed. */
  writeValues(sheet: SheetData, rect: GridRect, rows: ReadonlyArray<ReadonlyArray<unknown>>): void {
    this.writeStored(sheet, rect, (r, c, current) => this.interpret(rows[r][c], current));
  }

  /** Raw contents of cells (literal or formula text), as copyTo/moveTo/sort carry them, without re-interpretation. */
  readCells(sheet: SheetData, rect: GridRect): { literal: CellLiteral | null; formula: string | null }[][] {
    const literals = readRect(sheet.values, rect, null);
    const formulas = readRect(sheet.formulas, rect, null);
    return literals.map((row, r) => row.map((literal, c) => ({ literal, formula: formulas[r][c] })));
  }

  /** Writes raw cell contents read with readCells. */
  writeCells(
    sheet: SheetData,
    rect: GridRect,
    cells: ReadonlyArray<ReadonlyArray<{ literal: CellLiteral | null; formula: string | null }>>,
  ): void {
    this.writeStored(sheet, rect, (r, c) => ({ literal: cells[r][c].literal, formula: cells[r][c].formula }));
  }

  private writeStored(
    sheet: SheetData,
    rect: GridRect,
    input: (r: number, c: number, currentFormat: string | null) => StoredInput,
  ): void {
    let count = this.formulaCount(sheet);
    for (let r = 0; r < rect.numRows; r++) {
      const r0 = rect.row - 1 + r;
      const formatLine = sheet.numberFormats[r0];
      for (let c = 0; c < rect.numColumns; c++) {
        const c0 = rect.column - 1 + c;
        const current = formatLine ? (formatLine[c0] ?? null) : null;
        const stored = input(r, c, current);
        if (getCell(sheet.formulas, r0, c0) !== null) {
          count--;
          setCell(sheet.formulas, r0, c0, null);
        }
        if (stored.formula !== null) {
          count++;
          if (this.engine && !this.engineStale && !this.engineCovers(sheet, c0, stored.formula)) {
            this.engineStale = true;
          }
          setCell(sheet.formulas, r0, c0, stored.formula);
          setCell(sheet.values, r0, c0, null);
        } else {
          setCell(sheet.values, r0, c0, stored.literal);
        }
        if (stored.numberFormat !== undefined && (current === null || /^general$/i.test(current))) {
          setCell(sheet.numberFormats, r0, c0, stored.numberFormat);
        }
      }
    }
    this.contentsWritten(sheet, rect, count);
  }

  /** After values or formulas of `rect` changed: the sheet's formula count, the engine told (or due a build). */
  private contentsWritten(sheet: SheetData, rect: GridRect, formulaCount: number): void {
    this.formulaCounts.set(sheet.id, formulaCount);
    if (formulaCount > 0 && !this.engine) this.engineStale = true;
    this.pushToEngine(sheet, rect);
  }

  /** Writes formulas (Range.setFormulas): empty strings clear the cell. */
  writeFormulas(sheet: SheetData, rect: GridRect, rows: ReadonlyArray<ReadonlyArray<string>>): void {
    const normalised = rows.map((row) =>
      row.map((f) => {
        const text = String(f ?? '');
        if (text === '') return null;
        return text.startsWith('=') ? text : text;
      }),
    );
    this.writeValues(sheet, rect, normalised);
  }

  /**
   * Clears values and formulas (Range.clearContent, Sheet.clearContents), leaving number formats as they are. Only
   * the part of `rect` that holds stored cells is visited and pushed to the engine: clearing a 50 000-row sheet
   * with 10 rows of data touches 10 rows. Cells outside that part are empty in the store and in the engine alike.
   */
  clearContents(sheet: SheetData, rect: GridRect): void {
    const clipped = storedPart(sheet, rect);
    let count = this.formulaCount(sheet);
    if (count > 0) {
      const end = clipped.column - 1 + clipped.numColumns;
      for (let r = clipped.row - 1; r < clipped.row - 1 + clipped.numRows; r++) {
        const line = sheet.formulas[r];
        if (!line) continue;
        for (let c = clipped.column - 1; c < end && c < line.length; c++) {
          const f = line[c];
          if (f !== null && f !== undefined) count--;
        }
      }
    }
    fillRect(sheet.formulas, clipped, null);
    fillRect(sheet.values, clipped, null);
    // Even an empty part suspends the engine as a write does (volatile formulas recompute on the next read).
    this.contentsWritten(sheet, clipped, count);
  }

  clearAttributes(sheet: SheetData, rect: GridRect, keys: readonly AttributeGridKey[]): void {
    for (const key of keys) fillRect(sheet[key] as Grid<unknown>, rect, null);
  }

  readAttribute<K extends AttributeGridKey>(
    sheet: SheetData,
    key: K,
    rect: GridRect,
  ): (AttributeValue<K> | null)[][] {
    return readRect(sheet[key] as Grid<unknown>, rect, null) as (AttributeValue<K> | null)[][];
  }

  writeAttribute<K extends AttributeGridKey>(
    sheet: SheetData,
    key: K,
    rect: GridRect,
    values: ReadonlyArray<ReadonlyArray<AttributeValue<K> | null>>,
  ): void {
    writeGrid(sheet[key] as Grid<unknown>, rect, values);
  }

  fillAttribute<K extends AttributeGridKey>(
    sheet: SheetData,
    key: K,
    rect: GridRect,
    value: AttributeValue<K> | null,
  ): void {
    fillRect(sheet[key] as Grid<unknown>, rect, value);
  }

  // ---- reading -------------------------------------------------------------------------------------

  /** Computed value and whether it denotes a date, before conversion to Apps Script types. */
  private computedCell(
    sheet: SheetData,
    engine: SpreadsheetFormulaEngine | null,
    r0: number,
    c0: number,
  ): { value: CellLiteral | null; engineDate: boolean } {
    const literal = getCell(sheet.values, r0, c0);
    if (literal !== null || !engine) return { value: literal, engineDate: false };
    const computed: FormulaCellValue = engine.value(sheet.name, r0, c0);
    if (computed === null || computed === undefined) return { value: null, engineDate: false };
    if (typeof computed === 'object') return { value: errorText(computed.type), engineDate: false };
    if (typeof computed === 'number') {
      const sheetId = engine.sheetId(sheet.name);
      const engineDate =
        engine.isDateTyped(sheet.name, r0, c0) ||
        (sheetId !== undefined && this.context.dateResults.has(addressKey(sheetId, r0, c0)));
      return { value: computed, engineDate };
    }
    return { value: computed, engineDate: false };
  }

  private engineFor(sheet: SheetData): SpreadsheetFormulaEngine | null {
    const engine = this.liveEngine();
    // Only a sheet with formulas can show computed values (formula results and their spills).
    return engine && this.formulaCount(sheet) > 0 ? engine : null;
  }

  /**
   * Values as Range.getValues returns them: '' for empty, numbers, booleans, strings, Dates for date-formatted
   * numbers (in the spreadsheet time zone), error text ('#DIV/0!') for formula errors.
   */
  readValues(
    sheet: SheetData,
    rect: GridRect,
    makeDate: (ms: number) => Date = (ms) => new Date(ms),
  ): unknown[][] {
    const engine = this.engineFor(sheet);
    const tz = this.data.timeZone;
    const out: unknown[][] = new Array(rect.numRows);
    for (let r = 0; r < rect.numRows; r++) {
      const r0 = rect.row - 1 + r;
      const valueLine = sheet.values[r0];
      const formatLine = sheet.numberFormats[r0];
      const row: unknown[] = new Array(rect.numColumns);
      for (let c = 0; c < rect.numColumns; c++) {
        const c0 = rect.column - 1 + c;
        let value: CellLiteral | null | undefined = valueLine ? valueLine[c0] : undefined;
        let engineDate = false;
        if ((value === undefined || value === null) && engine) {
          const computed = this.computedCell(sheet, engine, r0, c0);
          value = computed.value;
          engineDate = computed.engineDate;
        }
        if (value === undefined || value === null) row[c] = '';
        else if (typeof value === 'number') {
          const format = formatLine ? formatLine[c0] : undefined;
          const isDate = format ? isDateTimeFormat(format) : engineDate;
          row[c] = isDate ? makeDate(serialToDate(value, tz).getTime()) : value;
        } else row[c] = value;
      }
      out[r] = row;
    }
    return out;
  }

  /** Text as shown in the cell (Range.getDisplayValues). */
  readDisplayValues(sheet: SheetData, rect: GridRect): string[][] {
    const engine = this.engineFor(sheet);
    const out: string[][] = [];
    for (let r = 0; r < rect.numRows; r++) {
      const r0 = rect.row - 1 + r;
      const row: string[] = [];
      for (let c = 0; c < rect.numColumns; c++) {
        const c0 = rect.column - 1 + c;
        const { value, engineDate } = this.computedCell(sheet, engine, r0, c0);
        let format = getCell(sheet.numberFormats, r0, c0);
        if (!format && engineDate && typeof value === 'number') {
          format = defaultDateFormat(this.data.locale, Math.abs(value - Math.round(value)) > 1e-9);
        }
        row.push(formatForDisplay(value, format, engineDate));
      }
      out.push(row);
    }
    return out;
  }

  readFormulas(sheet: SheetData, rect: GridRect): string[][] {
    return readRect(sheet.formulas, rect, '');
  }

  /** Value of one cell as a custom function receives it (Dates for date cells, '' for empty). */
  private argumentValue(sheetName: string, row0: number, column0: number, value: unknown): unknown {
    if (typeof value !== 'number') return value ?? '';
    const sheet = this.sheetByName(sheetName);
    const format = sheet ? getCell(sheet.numberFormats, row0, column0) : null;
    return format && isDateTimeFormat(format) ? serialToDate(value, this.data.timeZone) : value;
  }

  /** Last row with content (1-based; 0 when empty), counting formula results that spill. */
  lastRow(sheet: SheetData): number {
    let last = Math.max(lastUsedRow(sheet.values), lastUsedRow(sheet.formulas)) + 1;
    const engine = this.engineFor(sheet);
    if (engine) last = Math.max(last, engine.sheetDimensions(sheet.name).height);
    return Math.min(last, sheet.maxRows);
  }

  lastColumn(sheet: SheetData): number {
    let last = Math.max(lastUsedColumn(sheet.values), lastUsedColumn(sheet.formulas)) + 1;
    const engine = this.engineFor(sheet);
    if (engine) last = Math.max(last, engine.sheetDimensions(sheet.name).width);
    return Math.min(last, sheet.maxColumns);
  }

  // ---- structure ------------------------------------------------------------------------------------

  /** Grows the sheet (appendRow past the last row, or an explicit insert at the end). */
  growRows(sheet: SheetData, rows: number): void {
    if (rows <= sheet.maxRows) return;
    sheet.maxRows = rows;
    if (this.sheetHasOpenRangeFormulas()) this.engineStale = true;
  }

  private sheetHasOpenRangeFormulas(): boolean {
    return this.data.sheets.some((s) => s.formulas.some((line) => line?.some((f) => f && hasOpenRange(f))));
  }

  /**
   * Inserts (count > 0) lines before 1-based `at`, or deletes (count < 0) |count| lines from `at`, shifting
   * cells, formats, validations, formulas that refer to them, named ranges, protections, rules and charts.
   */
  shiftLines(sheet: SheetData, dimension: 'ROWS' | 'COLUMNS', at: number, count: number): void {
    const grids = [
      sheet.values,
      sheet.formulas,
      ...ATTRIBUTE_GRID_KEYS.map((k) => sheet[k]),
      ...Object.values(sheet.styles ?? {}),
    ];
    if (dimension === 'ROWS' && sheet.rowHeights && at - 1 < sheet.rowHeights.length) {
      if (count > 0) sheet.rowHeights.splice(at - 1, 0, ...new Array<null>(count).fill(null));
      else sheet.rowHeights.splice(at - 1, -count);
    }
    const shiftIndexes = (list: number[] | undefined): number[] | undefined =>
      list?.flatMap((i) => (i < at ? [i] : count < 0 && i < at - count ? [] : [i + count]));
    if (dimension === 'ROWS') sheet.hiddenRows = shiftIndexes(sheet.hiddenRows);
    else sheet.hiddenColumns = shiftIndexes(sheet.hiddenColumns);
    if (sheet.merges) sheet.merges = sheet.merges.flatMap((r) => shiftRect(r, dimension, at, count) ?? []);
    for (const grid of grids) {
      if (dimension === 'ROWS') spliceRows(grid as never, at - 1, count);
      else spliceColumns(grid as never, at - 1, count);
    }
    if (dimension === 'ROWS') sheet.maxRows += count;
    else {
      sheet.maxColumns += count;
      if (at - 1 < sheet.columnWidths.length) {
        if (count > 0) sheet.columnWidths.splice(at - 1, 0, ...new Array<null>(count).fill(null));
        else sheet.columnWidths.splice(at - 1, -count);
      }
    }
    this.rewriteAllFormulas((formula, owner) =>
      shiftFormula(formula, owner.name, sheet.name, dimension, at, count),
    );
    const move = (rect: GridRect): GridRect | undefined => shiftRect(rect, dimension, at, count);
    this.data.namedRanges = this.data.namedRanges.flatMap((n) => {
      if (n.sheetId !== sheet.id) return [n];
      const rect = move(n.rect);
      return rect ? [{ ...n, rect }] : [];
    });
    this.data.protections = this.data.protections.flatMap((p) => {
      if (p.sheetId !== sheet.id) return [p];
      const unprotectedRanges = p.unprotectedRanges.flatMap((r) => move(r) ?? []);
      if (!p.rect) return [{ ...p, unprotectedRanges }];
      const rect = move(p.rect);
      return rect ? [{ ...p, rect, unprotectedRanges }] : [];
    });
    for (const s of this.data.sheets) {
      for (const rule of s.conditionalFormats) {
        if (s.id === sheet.id) rule.ranges = rule.ranges.flatMap((r) => move(r) ?? []);
      }
      for (const chart of s.charts) {
        chart.ranges = chart.ranges.flatMap((r) => {
          if (r.sheetId !== sheet.id) return [r];
          const rect = move(r.rect);
          return rect ? [{ ...r, rect }] : [];
        });
      }
    }
    for (const rule of Object.values(this.data.validationRules)) {
      rule.values = rule.values.map((v) => {
        if (v && typeof v === 'object' && 'sheetId' in v && v.sheetId === sheet.id) {
          return { ...v, rect: move(v.rect) ?? v.rect };
        }
        return v;
      });
    }
    if (dimension === 'ROWS' && count < 0 && sheet.frozenRows >= at) {
      sheet.frozenRows = Math.max(at - 1, sheet.frozenRows + count);
    }
    this.formulaCounts.clear();
    this.engineStale = true;
  }

  // ---- validation rules -----------------------------------------------------------------------------

  addValidationRule(rule: DataValidationSpec): number {
    const id = this.nextId();
    this.data.validationRules[String(id)] = rule;
    return id;
  }

  validationRule(id: number | null): DataValidationSpec | null {
    return id === null ? null : (this.data.validationRules[String(id)] ?? null);
  }

  /** Drops rules no cell refers to any more (keeps snapshots small). */
  pruneValidationRules(): void {
    const used = new Set<number>();
    for (const sheet of this.data.sheets)
      for (const line of sheet.validations)
        if (line) for (const id of line) if (id !== null && id !== undefined) used.add(id);
    for (const key of Object.keys(this.data.validationRules))
      if (!used.has(Number(key))) delete this.data.validationRules[key];
  }

  /** Serial number of an instant in the spreadsheet time zone. */
  serialOfInstant(date: Date): number {
    return dateToSerial(date, this.data.timeZone);
  }

  /** Computed values before conversion (numbers stay serials), with whether each denotes a date. */
  rawComputed(sheet: SheetData, rect: GridRect): { value: CellLiteral | null; isDate: boolean }[][] {
    const engine = this.engineFor(sheet);
    const out: { value: CellLiteral | null; isDate: boolean }[][] = [];
    for (let r = 0; r < rect.numRows; r++) {
      const row: { value: CellLiteral | null; isDate: boolean }[] = [];
      for (let c = 0; c < rect.numColumns; c++) {
        const { value, engineDate } = this.computedCell(sheet, engine, rect.row - 1 + r, rect.column - 1 + c);
        row.push({ value, isDate: engineDate });
      }
      out.push(row);
    }
    return out;
  }

  /**
   * Cells whose value breaks their data-validation rule, evaluated as Sheets would (list, range, number,
   * date, e-mail, URL, checkbox, text and custom-formula rules). Script writes are never rejected, as in
   * Sheets; this tells tests which cells Sheets would flag (red corner) or reject on typing.
   */
  validationFailures(sheetName: string): ValidationFailure[] {
    const sheet = this.requireSheet(sheetName);
    const failures: ValidationFailure[] = [];
    const env: ValidationEnvironment = {
      rangeDisplayValues: (sheetId, rect) => {
        const target = this.sheetById(sheetId);
        return target ? this.readDisplayValues(target, rect).flat() : [];
      },
      evaluate: (formula, row, column) => this.evaluateFormulaAt(sheet, formula, row, column),
      timeZoneDay: (date) => Math.floor(dateToSerial(date, this.data.timeZone)),
    };
    sheet.validations.forEach((line, r0) => {
      line?.forEach((id, c0) => {
        if (id === null || id === undefined) return;
        const rule = this.validationRule(id);
        if (!rule) return;
        const rect = { row: r0 + 1, column: c0 + 1, numRows: 1, numColumns: 1 };
        const value = this.readValues(sheet, rect)[0][0];
        const display = this.readDisplayValues(sheet, rect)[0][0];
        if (!cellSatisfies(rule, { value, display, row: r0 + 1, column: c0 + 1 }, env)) {
          failures.push({
            sheet: sheet.name,
            a1: rectToA1(r0 + 1, c0 + 1, 1, 1),
            row: r0 + 1,
            column: c0 + 1,
            value,
            criteria: rule.criteria,
            helpText: rule.helpText,
          });
        }
      });
    });
    return failures;
  }

  /**
   * Which cells a sheet's conditional format rules colour, evaluated as Sheets does (rules in order, the first
   * matching rule wins; custom formulas relative to the rule's first range). Only rows and columns with content
   * are evaluated.
   */
  conditionalFormatMatches(sheetName: string): ConditionalFormatMatch[] {
    const sheet = this.requireSheet(sheetName);
    const lastRow = this.lastRow(sheet);
    const lastColumn = this.lastColumn(sheet);
    const seen = new Set<string>();
    const matches: ConditionalFormatMatch[] = [];
    const now = this.context.now();
    const today = Math.floor(dateToSerial(now, this.data.timeZone));
    sheet.conditionalFormats.forEach((rule, ruleIndex) => {
      const anchor = rule.ranges[0];
      if (!anchor) return;
      for (const rect of rule.ranges) {
        const rowEnd = Math.min(rect.row + rect.numRows - 1, lastRow);
        const columnEnd = Math.min(rect.column + rect.numColumns - 1, lastColumn);
        for (let row = rect.row; row <= rowEnd; row++) {
          for (let column = rect.column; column <= columnEnd; column++) {
            const key = `${row}:${column}`;
            if (seen.has(key)) continue;
            const cell = { row, column, numRows: 1, numColumns: 1 };
            const [{ value, isDate }] = this.rawComputed(sheet, cell)[0];
            const dateCell = isDate || isDateTimeFormat(getCell(sheet.numberFormats, row - 1, column - 1));
            if (this.ruleMatches(sheet, rule, anchor, row, column, value, dateCell, today)) {
              seen.add(key);
              matches.push({
                a1: rectToA1(row, column, 1, 1),
                row,
                column,
                ruleIndex,
                format: { ...rule.format },
              });
            }
          }
        }
      }
    });
    return matches.sort((a, b) => a.row - b.row || a.column - b.column);
  }

  private ruleMatches(
    sheet: SheetData,
    rule: ConditionalFormatSpec,
    anchor: GridRect,
    row: number,
    column: number,
    value: CellLiteral | null,
    dateCell: boolean,
    today: number,
  ): boolean {
    const v = rule.values;
    const empty = value === null || value === '';
    const num = typeof value === 'number' ? value : undefined;
    const text = value === null ? '' : String(value);
    const relativeDay = (x: StoredCriteriaValue): number | [number, number] => {
      if (x && typeof x === 'object' && 'date' in x)
        return Math.floor(dateToSerial(new Date(x.date), this.data.timeZone));
      switch (String(x)) {
        case 'TOMORROW':
          return today + 1;
        case 'YESTERDAY':
          return today - 1;
        case 'PAST_WEEK':
          return [today - 7, today];
        case 'PAST_MONTH':
          return [today - 30, today];
        case 'PAST_YEAR':
          return [today - 365, today];
        default:
          return today;
      }
    };
    switch (rule.criteria) {
      case 'CUSTOM_FORMULA': {
        const formula = offsetRelativeRefs(String(v[0]), row - anchor.row, column - anchor.column);
        const result = this.evaluateFormulaAt(sheet, formula, row, column);
        return result === true || (typeof result === 'number' && result !== 0);
      }
      case 'CELL_EMPTY':
        return empty;
      case 'CELL_NOT_EMPTY':
        return !empty;
      case 'TEXT_CONTAINS':
        return !empty && text.toLowerCase().includes(String(v[0]).toLowerCase());
      case 'TEXT_DOES_NOT_CONTAIN':
        return !text.toLowerCase().includes(String(v[0]).toLowerCase());
      case 'TEXT_STARTS_WITH':
        return !empty && text.toLowerCase().startsWith(String(v[0]).toLowerCase());
      case 'TEXT_ENDS_WITH':
        return !empty && text.toLowerCase().endsWith(String(v[0]).toLowerCase());
      case 'TEXT_EQUAL_TO':
        return text.toLowerCase() === String(v[0]).toLowerCase();
      case 'NUMBER_GREATER_THAN':
        return num !== undefined && num > Number(v[0]);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
        return num !== undefined && num >= Number(v[0]);
      case 'NUMBER_LESS_THAN':
        return num !== undefined && num < Number(v[0]);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
        return num !== undefined && num <= Number(v[0]);
      case 'NUMBER_EQUAL_TO':
        return num !== undefined && num === Number(v[0]);
      case 'NUMBER_NOT_EQUAL_TO':
        return num !== undefined && num !== Number(v[0]);
      case 'NUMBER_BETWEEN':
        return num !== undefined && num >= Number(v[0]) && num <= Number(v[1]);
      case 'NUMBER_NOT_BETWEEN':
        return num !== undefined && (num < Number(v[0]) || num > Number(v[1]));
      case 'DATE_BEFORE':
      case 'DATE_AFTER':
      case 'DATE_EQUAL_TO': {
        if (num === undefined || !dateCell) return false;
        const day = Math.floor(num);
        const target = relativeDay(v[0]);
        const [from, to] = Array.isArray(target) ? target : [target, target];
        if (rule.criteria === 'DATE_BEFORE') return day < from;
        if (rule.criteria === 'DATE_AFTER') return day > to;
        return day >= from && day <= to;
      }
      default:
        return false;
    }
  }

  // ---- test conveniences ----------------------------------------------------------------------------

  /** Computed values of a sheet from A1 to its last row/column, as getDataRange().getValues() gives them. */
  sheetValues(name: string): unknown[][] {
    const sheet = this.requireSheet(name);
    const rows = this.lastRow(sheet);
    const columns = this.lastColumn(sheet);
    if (rows === 0 || columns === 0) return [];
    return this.readValues(sheet, { row: 1, column: 1, numRows: rows, numColumns: columns });
  }

  sheetDisplayValues(name: string): string[][] {
    const sheet = this.requireSheet(name);
    const rows = this.lastRow(sheet);
    const columns = this.lastColumn(sheet);
    if (rows === 0 || columns === 0) return [];
    return this.readDisplayValues(sheet, { row: 1, column: 1, numRows: rows, numColumns: columns });
  }

  sheetFormulas(name: string): string[][] {
    const sheet = this.requireSheet(name);
    const rows = this.lastRow(sheet);
    const columns = this.lastColumn(sheet);
    if (rows === 0 || columns === 0) return [];
    return this.readFormulas(sheet, { row: 1, column: 1, numRows: rows, numColumns: columns });
  }

  /** Computes one formula in the context of a sheet cell, without leaving a trace (used for rules). */
  evaluateFormulaAt(sheet: SheetData, formula: string, row: number, column: number): unknown {
    if (this.engine && !this.engineStale && !this.engineCoversRefs(sheet, formula)) this.engineStale = true;
    const engine = this.liveEngineForScratch();
    const scratch = '__apps_script_local_scratch__';
    if (!engine.sheetId(scratch)) engine.addSheet(scratch);
    const bounded = boundOpenRanges(formula, sheet.name, this.sizeOf);
    // Relative references in a rule are relative to the rule's top-left cell; callers pass them already
    // translated to this cell, and qualified with the sheet so the scratch sheet reads the right cells.
    const qualified = qualifyReferences(bounded, sheet.name);
    const value = this.evaluate(() => {
      engine.setCells(scratch, row - 1, column - 1, [[qualified]]);
      const result = engine.value(scratch, row - 1, column - 1);
      engine.setCells(scratch, row - 1, column - 1, [[null]]);
      return result;
    });
    if (value !== null && typeof value === 'object') return errorText(value.type);
    return value ?? '';
  }

  private liveEngineForScratch(): SpreadsheetFormulaEngine {
    const engine = this.liveEngine();
    if (engine) return engine;
    // No formulas yet: build an engine anyway (a rule's custom formula needs one).
    this.registerCustomFunctions();
    this.engine = this.engineFactory.create(
      this.data.sheets.map((sheet) => ({
        name: sheet.name,
        content: sheet.values.map((line) =>
          (line ?? []).map((v) => this.engineContent(sheet, v ?? null, null)),
        ),
      })),
      [],
      this.context,
    );
    this.fedColumns = new Map(this.data.sheets.map((s) => [s.name, 'all']));
    this.engineStale = false;
    return this.engine;
  }
}

/**
 * The part of `rect` within the stored extent of a sheet's values and formulas: rows up to the last stored line,
 * columns up to the longest stored line among those rows (possibly 0×0).
 */
export function storedPart(sheet: SheetData, rect: GridRect): GridRect {
  const first = rect.row - 1;
  const rowEnd = Math.min(first + rect.numRows, Math.max(sheet.values.length, sheet.formulas.length));
  let width = 0;
  for (let r = first; r < rowEnd; r++) {
    const values = sheet.values[r];
    const formulas = sheet.formulas[r];
    if (values && values.length > width) width = values.length;
    if (formulas && formulas.length > width) width = formulas.length;
  }
  const columnEnd = Math.min(rect.column - 1 + rect.numColumns, width);
  const numRows = Math.max(0, rowEnd - first);
  const numColumns = Math.max(0, columnEnd - (rect.column - 1));
  if (numRows === 0 || numColumns === 0)
    return { row: rect.row, column: rect.column, numRows: 0, numColumns: 0 };
  return { row: rect.row, column: rect.column, numRows, numColumns };
}

/** Prefixes unqualified references with the sheet name (so a formula can be evaluated elsewhere). */
function qualifyReferences(formula: string, sheetName: string): string {
  return mapFormulaRefs(formula, (ref) =>
    ref.sheetName === undefined ? formatRef({ ...ref, sheetName }) : undefined,
  );
}

export { FORMAT_GRID_KEYS, ATTRIBUTE_GRID_KEYS };

/** The cell grids of a sheet, whose lines copies of a workbook share until one changes them (grid.ts). */
const GRID_KEYS = new Set<string>(['values', 'formulas', ...ATTRIBUTE_GRID_KEYS]);

/** A copy of a sheet: grids by shared lines (shareGrid), everything else deep-copied. */
function copySheet(sheet: SheetData): SheetData {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(sheet)) {
    const value = (sheet as unknown as Record<string, unknown>)[key];
    if (GRID_KEYS.has(key)) out[key] = shareGrid(value as Grid<unknown>);
    else if (key === 'styles' && value) {
      const styles: Record<string, unknown> = {};
      for (const [name, grid] of Object.entries(value as Record<string, Grid<unknown>>))
        styles[name] = grid ? shareGrid(grid) : grid;
      out[key] = styles;
    } else out[key] = plainCopy(value);
  }
  return out as unknown as SheetData;
}

/**
 * A deep copy of plain workbook data (arrays, plain objects, primitives): several times faster than
 * structuredClone on a sample workbook, which matters to tests that fork one workbook per injected fault. Empty
 * array slots stay empty; anything else (a Date, a Map) falls back to structuredClone.
 */
function plainCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const length = value.length;
    const out: unknown[] = new Array(length);
    for (let i = 0; i < length; i++) {
      const item: unknown = value[i];
      if (item === undefined) continue;
      out[i] = typeof item === 'object' && item !== null ? plainCopy(item) : item;
    }
    return out as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = plainCopy((value as Record<string, unknown>)[key]);
  return out as T;
}
