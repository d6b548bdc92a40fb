/**
 * .xlsx load/save through exceljs, so a workbook can be opened in any spreadsheet program or uploaded to Drive.
 * Carried natively: values (dates as dates), formulas with cached results, number formats, data validations,
 * conditional formats, frozen panes, column widths, tab colours, hidden sheets, notes, backgrounds, bold,
 * sheet protection, named ranges. What xlsx cannot carry (range protections' editors, charts, exact rule
 * criteria, sheet ids, locale/time zone) goes into a very hidden metadata sheet (`__apps_script_local_meta__`
 * unless the caller names another) read back on load, together with the document state the runtime asks to keep
 * with the file (document/user properties, installed triggers: see `SaveOptions.documentState`).
 */
import type ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { lettersToColumn, quoteSheetName, rectToA1 } from './a1';
import { isDateTimeFormat } from './formats';
import { getCell } from './grid';
import { newSheetData, WorkbookStore } from './store';
import type { FormulaEngineFactory } from './formula-engine';
import { addNativeCharts, FAST_DEFLATE, nativeChartsOf } from './xlsx-charts';
import type {
  ChartSpec,
  ConditionalFormatSpec,
  DataValidationSpec,
  GridRect,
  ProtectionSpec,
  SheetData,
  StoredCriteriaValue,
  WorkbookData,
} from './types';

/** The very hidden sheet holding what xlsx cannot carry; callers may name their own (`metaSheetName`). */
/**
 * ExcelJS, required on first use: loading it costs ~0.5 s of CPU, and most runtimes (each test file has its own)
 * never read or write an .xlsx.
 */
function excel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}

export const DEFAULT_META_SHEET = '__apps_script_local_meta__';
const MS_PER_DAY = 86_400_000;
const EPOCH_OFFSET_DAYS = 25_569;
/**
 * Pixels per xlsx width unit: the maximum digit width of Calibri 11 at 96 dpi. An xlsx `width` already includes
 * the cell padding (ECMA-376 §18.3.1.13), so pixels = width × 7 (Excel shows 14.29 as "100 pixels").
 */
const PX_PER_CHAR = 7;

interface Meta {
  version: 1;
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  owner: string;
  editors: string[];
  nextId: number;
  sheets: Array<{
    name: string;
    id: number;
    maxRows: number;
    maxColumns: number;
    charts: ChartSpec[];
    conditionalFormats: ConditionalFormatSpec[];
  }>;
  protections: Array<Omit<ProtectionSpec, 'sheetId'> & { sheetName: string }>;
  validationRules: Record<string, DataValidationSpec>;
  /** Per sheet: A1 ranges → rule id, to restore the exact criteria (helpText, anchors, Apps Script names). */
  validationRanges: Record<string, Array<{ a1: string; rule: string }>>;
  /** Per sheet: formulas written as their values because other programs cannot compute them. */
  googleOnlyFormulas?: Record<string, GoogleOnlyFormula[]>;
  /** What the runtime keeps with the document beyond its cells (opaque here): properties, triggers. */
  documentState?: unknown;
}

interface GoogleOnlyFormula {
  /** The formula's cell, its text, and the cells its result covered (spill included). */
  a1: string;
  formula: string;
  spill: string;
}

/** Options of saving a workbook as .xlsx. */
export interface SaveOptions {
  /** Name of the very hidden metadata sheet (default `__apps_script_local_meta__`). */
  metaSheetName?: string;
  /** JSON-safe state that belongs to the document but not to its cells, stored in the metadata sheet. */
  documentState?: unknown;
  /** The file's "creator" property (default `Apps Script local runtime`). */
  creator?: string;
}

/** Serial (wall-clock days) → the Date exceljs writes as that same serial (it uses UTC). */
const serialToExcelDate = (serial: number): Date =>
  new Date(Math.round((serial - EPOCH_OFFSET_DAYS) * MS_PER_DAY));
const excelDateToSerial = (date: Date): number => date.getTime() / MS_PER_DAY + EPOCH_OFFSET_DAYS;

const argb = (hex: string): string => 'FF' + hex.replace('#', '').toUpperCase().padStart(6, '0').slice(-6);
const fromArgb = (value: string | undefined): string | null =>
  value && /^[0-9A-Fa-f]{8}$/.test(value) ? `#${value.slice(2).toLowerCase()}` : null;

// ---- saving ----------------------------------------------------------------------------------------------

/** Rectangles covering the cells of each validation rule: vertical runs merged across equal columns. */
function validationRanges(sheet: SheetData): Map<number, GridRect[]> {
  const runs = new Map<number, GridRect[]>();
  const maxColumn = Math.max(0, ...sheet.validations.map((line) => line?.length ?? 0));
  for (let c = 0; c < maxColumn; c++) {
    let start = -1;
    let current: number | null = null;
    const flush = (end: number): void => {
      if (current === null || start < 0) return;
      const list = runs.get(current) ?? [];
      const previous = list[list.length - 1];
      const rect = { row: start + 1, column: c + 1, numRows: end - start, numColumns: 1 };
      if (
        previous &&
        previous.row === rect.row &&
        previous.numRows === rect.numRows &&
        previous.column + previous.numColumns === rect.column
      ) {
        previous.numColumns++;
      } else list.push(rect);
      runs.set(current, list);
    };
    for (let r = 0; r <= sheet.validations.length; r++) {
      const id = r < sheet.validations.length ? getCell(sheet.validations, r, c) : null;
      if (id !== current) {
        flush(r);
        current = id;
        start = r;
      }
    }
  }
  return runs;
}

function dateOf(value: StoredCriteriaValue, timeZone: string, store: WorkbookStore): Date {
  void timeZone;
  const ms = value && typeof value === 'object' && 'date' in value ? value.date : Number(value);
  // Validation dates compare by day in the spreadsheet's zone: write that wall-clock day.
  const serial = Math.floor(store.serialOfInstant(new Date(ms)));
  return serialToExcelDate(serial);
}

const NUMBER_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};
const DATE_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  DATE_AFTER: 'greaterThan',
  DATE_ON_OR_AFTER: 'greaterThanOrEqual',
  DATE_BEFORE: 'lessThan',
  DATE_ON_OR_BEFORE: 'lessThanOrEqual',
  DATE_EQUAL_TO: 'equal',
  DATE_BETWEEN: 'between',
  DATE_NOT_BETWEEN: 'notBetween',
};

/** The xlsx form of a rule; `cell` is the top-left A1 of the range it is written for. */
function nativeValidation(
  rule: DataValidationSpec,
  cell: string,
  store: WorkbookStore,
): ExcelJS.DataValidation | undefined {
  const common = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    showInputMessage: Boolean(rule.helpText),
    prompt: rule.helpText ?? undefined,
    error: rule.helpText ?? undefined,
  };
  const v = rule.values;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return {
        ...common,
        type: 'list',
        formulae: [`"${(v[0] as string[]).map((s) => s.replace(/"/g, '""')).join(',')}"`],
      };
    case 'VALUE_IN_RANGE': {
      const ref = v[0] as { sheetId: number; rect: GridRect };
      const sheet = store.sheetById(ref.sheetId);
      if (!sheet) return undefined;
      const a1 = rectToA1(ref.rect.row, ref.rect.column, ref.rect.numRows, ref.rect.numColumns).replace(
        /([A-Z]+)(\d+)/g,
        '$$$1$$$2',
      );
      return { ...common, type: 'list', formulae: [`${quoteSheetName(sheet.name)}!${a1}`] };
    }
    case 'CHECKBOX':
      return {
        ...common,
        type: 'list',
        formulae: [v.length ? `"${String(v[0])},${String(v[1] ?? '')}"` : '"TRUE,FALSE"'],
      };
    case 'DATE_IS_VALID_DATE':
      return { ...common, type: 'date', operator: 'greaterThanOrEqual', formulae: [serialToExcelDate(1)] };
    case 'TEXT_IS_VALID_EMAIL':
      return { ...common, type: 'custom', formulae: [`ISNUMBER(MATCH("*@*.?*",${cell},0))`] };
    case 'TEXT_IS_VALID_URL':
      return {
        ...common,
        type: 'custom',
        formulae: [`OR(LEFT(${cell},7)="http://",LEFT(${cell},8)="https://")`],
      };
    case 'CUSTOM_FORMULA':
      return { ...common, type: 'custom', formulae: [String(v[0]).replace(/^=/, '')] };
    case 'TEXT_CONTAINS':
      return { ...common, type: 'custom', formulae: [`ISNUMBER(SEARCH("${String(v[0])}",${cell}))`] };
    default:
      if (NUMBER_OPERATORS[rule.criteria]) {
        return {
          ...common,
          type: 'decimal',
          operator: NUMBER_OPERATORS[rule.criteria],
          formulae: v.map(Number),
        };
      }
      if (DATE_OPERATORS[rule.criteria]) {
        return {
          ...common,
          type: 'date',
          operator: DATE_OPERATORS[rule.criteria],
          formulae: v.map((d) => dateOf(d, store.timeZone, store)),
        };
      }
      return undefined;
  }
}

const CELL_IS: Record<string, string> = {
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_BETWEEN: 'between',
};

function nativeConditionalRule(
  spec: ConditionalFormatSpec,
  topLeft: string,
): ExcelJS.ConditionalFormattingRule | undefined {
  const style: Partial<ExcelJS.Style> = {};
  if (spec.format.background)
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(spec.format.background) } };
  if (spec.format.fontColor || spec.format.bold || spec.format.italic) {
    style.font = {
      ...(spec.format.fontColor ? { color: { argb: argb(spec.format.fontColor) } } : {}),
      ...(spec.format.bold ? { bold: true } : {}),
      ...(spec.format.italic ? { italic: true } : {}),
    };
  }
  const base = { priority: 1, style };
  if (spec.criteria === 'CUSTOM_FORMULA')
    return { ...base, type: 'expression', formulae: [String(spec.values[0]).replace(/^=/, '')] };
  if (CELL_IS[spec.criteria]) {
    return {
      ...base,
      type: 'cellIs',
      operator: CELL_IS[spec.criteria] as never,
      formulae: spec.values.map(Number),
    };
  }
  if (spec.criteria === 'TEXT_CONTAINS')
    return { ...base, type: 'containsText', operator: 'containsText', text: String(spec.values[0]) };
  if (spec.criteria === 'TEXT_EQUAL_TO')
    return {
      ...base,
      type: 'expression',
      formulae: [`${topLeft}="${String(spec.values[0]).replace(/"/g, '""')}"`],
    };
  if (spec.criteria === 'CELL_EMPTY')
    return { ...base, type: 'expression', formulae: [`ISBLANK(${topLeft})`] };
  if (spec.criteria === 'CELL_NOT_EMPTY')
    return { ...base, type: 'expression', formulae: [`NOT(ISBLANK(${topLeft}))`] };
  return undefined;
}

// ---- formulas only Google Sheets computes ------------------------------------------------------------------

/**
 * Sheets-only functions, the project's custom functions (Apps Script code) and open-ended ranges such as `A2:A`:
 * Excel and LibreOffice show #NAME? or a parse error for these instead of the result, even with the cached value
 * in the file. Such formulas are written as their values and kept in the metadata sheet.
 */
const GOOGLE_ONLY_FUNCTION =
  /\b(ARRAYFORMULA|QUERY|IMPORTRANGE|IMPORTDATA|IMPORTHTML|IMPORTXML|IMPORTFEED|GOOGLEFINANCE|GOOGLETRANSLATE|DETECTLANGUAGE|SPARKLINE|IMAGE|REGEXMATCH|REGEXEXTRACT|REGEXREPLACE|SPLIT|JOIN|FLATTEN)\s*\(/i;
const OPEN_RANGE = /(^|[^\w$])\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}(?![\w$(])/i;

/**
 * Whether only Google Sheets computes a formula.
 * @param customFunctions names of the project's custom functions (calls to them are Apps Script code)
 */
export function isGoogleOnlyFormula(formula: string, customFunctions: readonly string[] = []): boolean {
  // String literals cannot hold either; drop them so "A2:A" in a text does not count.
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  if (GOOGLE_ONLY_FUNCTION.test(code) || OPEN_RANGE.test(code)) return true;
  const calls = code.match(/[A-Za-z_][\w.]*(?=\s*\()/g) ?? [];
  const custom = new Set(customFunctions.map((name) => name.toUpperCase()));
  return calls.some((name) => custom.has(name.toUpperCase()));
}

type Cached = { value: string | number | boolean | null; isDate: boolean };

/**
 * The Google-only formulas of a sheet with the values they show: the formula cell and, for an array result,
 * every cell it spills into (cells below and to the right that hold neither a value nor a formula but show one).
 */
function googleOnlyFormulaCells(
  store: WorkbookStore,
  sheet: SheetData,
): { entries: GoogleOnlyFormula[]; cells: Map<number, Map<number, Cached>> } {
  const entries: GoogleOnlyFormula[] = [];
  const cells = new Map<number, Map<number, Cached>>();
  // The custom functions the runtime wired to this workbook (none for a bare store).
  const customFunctions = (store.context.customFunctions()?.list() ?? []).map((f) => f.name);
  const put = (r: number, c: number, cached: Cached): void => {
    const line = cells.get(r) ?? new Map<number, Cached>();
    line.set(c, cached);
    cells.set(r, line);
  };
  const isSpill = (r: number, c: number, cached: Cached | undefined): boolean =>
    cached !== undefined &&
    cached.value !== null &&
    getCell(sheet.values, r, c) === null &&
    !getCell(sheet.formulas, r, c) &&
    !cells.get(r)?.has(c);
  sheet.formulas.forEach((line, r) => {
    line?.forEach((formula, c) => {
      if (!formula || !isGoogleOnlyFormula(formula, customFunctions)) return;
      // Cells that hold neither a value nor a formula are the only candidates; counting them first is a grid
      // lookup, so a column of one formula per row never asks the engine for the cells below it.
      const emptyRun = (dr: number, dc: number, limit: number): number => {
        let n = 0;
        while (n < limit && getCell(sheet.values, r + dr * (n + 1), c + dc * (n + 1)) === null) {
          if (getCell(sheet.formulas, r + dr * (n + 1), c + dc * (n + 1))) break;
          n++;
        }
        return n;
      };
      const below = emptyRun(1, 0, sheet.maxRows - r - 1);
      const beside = emptyRun(0, 1, sheet.maxColumns - c - 1);
      const down = below
        ? store.rawComputed(sheet, { row: r + 2, column: c + 1, numRows: below, numColumns: 1 })
        : [];
      const right = beside
        ? store.rawComputed(sheet, { row: r + 1, column: c + 2, numRows: 1, numColumns: beside })[0]
        : [];
      let numRows = 1;
      while (numRows <= down.length && isSpill(r + numRows, c, down[numRows - 1][0])) numRows++;
      let numColumns = 1;
      while (numColumns <= right.length && isSpill(r, c + numColumns, right[numColumns - 1])) numColumns++;
      const block = store.rawComputed(sheet, { row: r + 1, column: c + 1, numRows, numColumns });
      block.forEach((values, dr) =>
        values.forEach((cached, dc) => {
          if (dr === 0 && dc === 0) put(r, c, cached);
          else if (isSpill(r + dr, c + dc, cached)) put(r + dr, c + dc, cached);
        }),
      );
      entries.push({
        a1: rectToA1(r + 1, c + 1, 1, 1),
        formula,
        spill: rectToA1(r + 1, c + 1, numRows, numColumns),
      });
    });
  });
  return { entries, cells };
}

/** A computed value as exceljs writes it: dates as dates, '#N/A'-style text as an error. */
function cachedCellValue(cached: Cached | undefined, isDateFormat: boolean): ExcelJS.CellValue | undefined {
  const value = cached?.value;
  if (typeof value === 'number' && (isDateFormat || cached?.isDate)) return serialToExcelDate(value);
  if (typeof value === 'string' && value.startsWith('#') && /^#[A-Z/0!?]+[!?A]?$/.test(value))
    return { error: value as ExcelJS.ErrorValue };
  return value ?? undefined;
}

/** On load: the formulas back in their cells, and the values their results were written as cleared. */
function restoreGoogleOnlyFormulas(sheet: SheetData, entries: GoogleOnlyFormula[] | undefined): void {
  for (const entry of entries ?? []) {
    const anchor = parseRange(entry.a1);
    const spill = parseRange(entry.spill);
    if (!anchor || !spill) continue;
    for (let r = spill.row - 1; r < spill.row - 1 + spill.numRows; r++) {
      const line = sheet.values[r];
      if (!line) continue;
      for (let c = spill.column - 1; c < spill.column - 1 + spill.numColumns && c < line.length; c++)
        line[c] = null;
    }
    const r0 = anchor.row - 1;
    while (sheet.formulas.length <= r0) sheet.formulas.push(undefined);
    const line = sheet.formulas[r0] ?? [];
    while (line.length < anchor.column - 1) line.push(null);
    line[anchor.column - 1] = entry.formula;
    sheet.formulas[r0] = line;
  }
}

/** Google Sheets' width of a column nobody resized. */
const DEFAULT_COLUMN_PX = 100;

/**
 * Column widths. Columns left at Sheets' default get it through the sheet's defaultColWidth, not one <col>
 * each: without it other programs fall back to their own 8.43 characters (~64 px) and cut the headers, and
 * written per column a round trip would turn "never resized" into "resized to 100".
 */
function writeColumnWidths(ws: ExcelJS.Worksheet, sheet: SheetData): void {
  ws.properties.defaultColWidth = DEFAULT_COLUMN_PX / PX_PER_CHAR;
  sheet.columnWidths.forEach((px, c) => {
    if (px) ws.getColumn(c + 1).width = px / PX_PER_CHAR;
  });
}

/** Builds the exceljs workbook for a store. */
export function workbookToExcel(store: WorkbookStore, options: SaveOptions = {}): ExcelJS.Workbook {
  const data = store.data;
  const wb = new (excel().Workbook)();
  wb.creator = options.creator ?? 'Apps Script local runtime';
  wb.calcProperties.fullCalcOnLoad = true;
  const meta: Meta = {
    version: 1,
    id: data.id,
    name: data.name,
    locale: data.locale,
    timeZone: data.timeZone,
    owner: data.owner,
    editors: data.editors,
    nextId: data.nextId,
    sheets: [],
    protections: [],
    validationRules: data.validationRules,
    validationRanges: {},
    googleOnlyFormulas: {},
    ...(options.documentState === undefined ? {} : { documentState: options.documentState }),
  };
  const activeIndex = Math.max(
    0,
    data.sheets.findIndex((s) => s.id === data.activeSheetId),
  );
  for (const sheet of data.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
      views: [
        sheet.frozenRows || sheet.frozenColumns
          ? { state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }
          : { state: 'normal' },
      ],
    });
    meta.sheets.push({
      name: sheet.name,
      id: sheet.id,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      charts: sheet.charts,
      conditionalFormats: sheet.conditionalFormats,
    });
    writeColumnWidths(ws, sheet);
    const googleOnly = googleOnlyFormulaCells(store, sheet);
    if (googleOnly.entries.length) meta.googleOnlyFormulas![sheet.name] = googleOnly.entries;
    const rows = Math.max(
      googleOnly.cells.size ? Math.max(...googleOnly.cells.keys()) + 1 : 0,
      sheet.values.length,
      sheet.formulas.length,
      sheet.numberFormats.length,
      sheet.backgrounds.length,
      sheet.fontWeights.length,
      sheet.notes.length,
    );
    const columns = Math.max(1, store.lastColumn(sheet));
    const computed =
      sheet.formulas.length > 0 && rows > 0
        ? store.rawComputed(sheet, { row: 1, column: 1, numRows: sheet.formulas.length, numColumns: columns })
        : [];
    for (let r = 0; r < rows; r++) {
      const width = Math.max(
        sheet.values[r]?.length ?? 0,
        sheet.formulas[r]?.length ?? 0,
        sheet.numberFormats[r]?.length ?? 0,
        sheet.backgrounds[r]?.length ?? 0,
        sheet.fontWeights[r]?.length ?? 0,
        sheet.fontColors[r]?.length ?? 0,
        sheet.notes[r]?.length ?? 0,
        sheet.horizontalAlignments[r]?.length ?? 0,
        sheet.wraps[r]?.length ?? 0,
        googleOnly.cells.get(r)?.size ? Math.max(...googleOnly.cells.get(r)!.keys()) + 1 : 0,
      );
      if (width === 0) continue;
      const row = ws.getRow(r + 1);
      for (let c = 0; c < width; c++) {
        // A Google-only formula and its spill are written as the values they show (see isGoogleOnlyFormula).
        const cached = googleOnly.cells.get(r)?.get(c);
        const literal = cached ? null : getCell(sheet.values, r, c);
        const formula = cached ? null : getCell(sheet.formulas, r, c);
        const numFmt = getCell(sheet.numberFormats, r, c);
        const isDate = isDateTimeFormat(numFmt);
        const background = getCell(sheet.backgrounds, r, c);
        const bold = getCell(sheet.fontWeights, r, c) === 'bold';
        const fontColor = getCell(sheet.fontColors, r, c);
        const note = getCell(sheet.notes, r, c);
        const align = getCell(sheet.horizontalAlignments, r, c);
        const wrap = getCell(sheet.wraps, r, c);
        if (
          (cached?.value ?? '') === '' &&
          literal === null &&
          !formula &&
          !numFmt &&
          !background &&
          !bold &&
          !fontColor &&
          !note &&
          !align &&
          !wrap
        )
          continue;
        const cell = row.getCell(c + 1);
        if (cached && cached.value !== '') {
          cell.value = cachedCellValue(cached, isDate) as ExcelJS.CellValue;
        } else if (formula) {
          cell.value = {
            formula: formula.slice(1),
            result: cachedCellValue(computed[r]?.[c], isDate),
          } as ExcelJS.CellFormulaValue;
        } else if (literal !== null) {
          cell.value = typeof literal === 'number' && isDate ? serialToExcelDate(literal) : literal;
        }
        if (numFmt) cell.numFmt = numFmt;
        if (background)
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(background) } };
        if (bold || fontColor)
          cell.font = {
            ...(bold ? { bold: true } : {}),
            ...(fontColor ? { color: { argb: argb(fontColor) } } : {}),
          };
        if (note) cell.note = note;
        if (align || wrap)
          cell.alignment = {
            ...(align ? { horizontal: align as ExcelJS.Alignment['horizontal'] } : {}),
            ...(wrap ? { wrapText: true } : {}),
          };
      }
    }
    // Data validations, one entry per rectangle.
    const ranges: Meta['validationRanges'][string] = [];
    for (const [ruleId, rects] of validationRanges(sheet)) {
      const rule = store.validationRule(ruleId);
      if (!rule) continue;
      for (const rect of rects) {
        const a1 = rectToA1(rect.row, rect.column, rect.numRows, rect.numColumns);
        ranges.push({ a1, rule: String(ruleId) });
        const native = nativeValidation(rule, rectToA1(rect.row, rect.column, 1, 1), store);
        if (native)
          (
            ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
          ).dataValidations.add(a1, native);
      }
    }
    meta.validationRanges[sheet.name] = ranges;
    for (const spec of sheet.conditionalFormats) {
      if (spec.ranges.length === 0) continue;
      const first = spec.ranges[0];
      const native = nativeConditionalRule(spec, rectToA1(first.row, first.column, 1, 1));
      if (!native) continue;
      ws.addConditionalFormatting({
        ref: spec.ranges.map((r) => rectToA1(r.row, r.column, r.numRows, r.numColumns)).join(' '),
        rules: [native],
      });
    }
    const sheetProtection = data.protections.find(
      (p) => p.sheetId === sheet.id && p.type === 'SHEET' && !p.warningOnly,
    );
    if (sheetProtection) {
      for (const rect of sheetProtection.unprotectedRanges) {
        for (let r = rect.row; r < rect.row + rect.numRows && r <= rows + 1; r++) {
          for (let c = rect.column; c < rect.column + rect.numColumns; c++)
            ws.getCell(r, c).protection = { locked: false };
        }
      }
      void ws.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
      });
    }
  }
  for (const p of data.protections) {
    const sheet = store.sheetById(p.sheetId);
    if (sheet) meta.protections.push({ ...p, sheetName: sheet.name });
  }
  for (const n of data.namedRanges) {
    const sheet = store.sheetById(n.sheetId);
    if (!sheet) continue;
    const a1 = rectToA1(n.rect.row, n.rect.column, n.rect.numRows, n.rect.numColumns).replace(
      /([A-Z]+)(\d+)/g,
      '$$$1$$$2',
    );
    wb.definedNames.add(`${quoteSheetName(sheet.name)}!${a1}`, n.name);
  }
  writeMetaSheet(wb, options.metaSheetName ?? DEFAULT_META_SHEET, meta);
  wb.views = [
    { activeTab: activeIndex, x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: 'visible' },
  ];
  return wb;
}

/** The metadata as JSON in column A of a very hidden sheet, in chunks (a cell holds at most 32 767 characters). */
function writeMetaSheet(wb: ExcelJS.Workbook, name: string, meta: Meta): void {
  const metaSheet = wb.addWorksheet(name, { state: 'veryHidden' });
  const json = JSON.stringify(meta);
  for (let i = 0, row = 1; i < json.length; i += 30_000, row++)
    metaSheet.getCell(row, 1).value = json.slice(i, i + 30_000);
}

/** The metadata sheet's JSON, or undefined when the file has none (or it does not parse). */
function readMetaSheet(wb: ExcelJS.Workbook, name: string): Meta | undefined {
  const metaSheet = wb.getWorksheet(name);
  if (!metaSheet) return undefined;
  let json = '';
  for (let r = 1; r <= metaSheet.rowCount; r++) json += String(metaSheet.getCell(r, 1).value ?? '');
  try {
    return JSON.parse(json) as Meta;
  } catch {
    return undefined;
  }
}

/** Writes the workbook as .xlsx. */
export async function saveWorkbookXlsx(
  store: WorkbookStore,
  file: string,
  options: SaveOptions = {},
): Promise<void> {
  await fs.promises.writeFile(file, await workbookXlsxBuffer(store, options));
}

/** The .xlsx bytes of the workbook: exceljs's package, then the charts it cannot write (xlsx-charts.ts). */
export async function workbookXlsxBuffer(store: WorkbookStore, options: SaveOptions = {}): Promise<Buffer> {
  const written = Buffer.from(await workbookToExcel(store, options).xlsx.writeBuffer({ zip: FAST_DEFLATE }));
  return addNativeCharts(written, nativeChartsOf(store));
}

// ---- loading ----------------------------------------------------------------------------------------------

function parseRange(a1: string): GridRect | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!m) return undefined;
  const row = Number(m[2]);
  const column = lettersToColumn(m[1]);
  const endRow = m[4] ? Number(m[4]) : row;
  const endColumn = m[3] ? lettersToColumn(m[3]) : column;
  return { row, column, numRows: endRow - row + 1, numColumns: endColumn - column + 1 };
}

function splitQualified(ref: string): { sheetName: string; a1: string } | undefined {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return undefined;
  let sheetName = ref.slice(0, bang);
  if (sheetName.startsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  return { sheetName, a1: ref.slice(bang + 1) };
}

function cellText(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('hyperlink' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** Maps an xlsx validation back to Apps Script criteria. */
function validationFromNative(
  dv: ExcelJS.DataValidation,
  findRange: (ref: string) => { sheetId: number; rect: GridRect } | undefined,
): DataValidationSpec | undefined {
  const allowInvalid =
    dv.showErrorMessage !== true || dv.errorStyle === 'warning' || dv.errorStyle === 'information';
  const helpText = dv.prompt ?? dv.error ?? null;
  const base = { allowInvalid, helpText };
  const f = dv.formulae ?? [];
  switch (dv.type) {
    case 'list': {
      const text = String(f[0] ?? '');
      if (text.startsWith('"')) {
        const items = text
          .slice(1, -1)
          .split(',')
          .map((s) => s.replace(/""/g, '"'));
        if (items.length === 2 && items[0] === 'TRUE' && items[1] === 'FALSE')
          return { ...base, criteria: 'CHECKBOX', values: [] };
        return { ...base, criteria: 'VALUE_IN_LIST', values: [items, true] };
      }
      const ref = findRange(text.replace(/^=/, ''));
      return ref ? { ...base, criteria: 'VALUE_IN_RANGE', values: [ref, true] } : undefined;
    }
    case 'whole':
    case 'decimal': {
      const entry = Object.entries(NUMBER_OPERATORS).find(([, op]) => op === (dv.operator ?? 'between'));
      return entry ? { ...base, criteria: entry[0], values: f.map(Number) } : undefined;
    }
    case 'date': {
      const days = f.map((d) => (d instanceof Date ? excelDateToSerial(d) : Number(d)));
      if (dv.operator === 'greaterThanOrEqual' && days[0] !== undefined && days[0] <= 1)
        return { ...base, criteria: 'DATE_IS_VALID_DATE', values: [] };
      const entry = Object.entries(DATE_OPERATORS).find(([, op]) => op === (dv.operator ?? 'between'));
      return entry
        ? {
            ...base,
            criteria: entry[0],
            values: days.map((s) => ({ date: Math.round((s - EPOCH_OFFSET_DAYS) * MS_PER_DAY) })),
          }
        : undefined;
    }
    case 'custom': {
      const formula = String(f[0] ?? '');
      if (/^ISNUMBER\(MATCH\("\*@\*\.\?\*",/i.test(formula))
        return { ...base, criteria: 'TEXT_IS_VALID_EMAIL', values: [] };
      if (/^OR\(LEFT\(\w+,7\)="http:\/\/"/i.test(formula))
        return { ...base, criteria: 'TEXT_IS_VALID_URL', values: [] };
      return { ...base, criteria: 'CUSTOM_FORMULA', values: ['=' + formula] };
    }
    default:
      return undefined;
  }
}

export interface LoadOptions {
  /** Used when the file carries no metadata sheet (a workbook made elsewhere). */
  timeZone?: string;
  locale?: string;
  owner?: string;
  name?: string;
  /** Name of the very hidden metadata sheet (default `__apps_script_local_meta__`). */
  metaSheetName?: string;
  /** The formula engine the loaded store computes with (default: HyperFormula, loaded on first use). */
  formulaEngine?: FormulaEngineFactory;
}

/** A loaded workbook and the document state saved with it (undefined when the file carries none). */
export interface LoadedDocument {
  store: WorkbookStore;
  documentState: unknown;
}

/** Reads an .xlsx file (path or bytes) into a WorkbookStore. */
export async function loadWorkbookXlsx(
  source: string | Buffer | ArrayBuffer,
  options: LoadOptions = {},
): Promise<WorkbookStore> {
  return (await loadWorkbookXlsxDocument(source, options)).store;
}

/**
 * Files this process has read, by their bytes and the load options: reading the same unchanged .xlsx again (a
 * command line run after run on one file, a test's several commands) gives a copy of what the first read built
 * instead of unzipping and parsing it again. Only files the runtime saved (with their metadata sheet) are kept,
 * as only their reading is fully determined by their bytes; a few, the most recent. A file whose metadata names
 * its time zone, locale, owner and name does not read those options (they stand in for missing metadata): it is
 * kept by its bytes and metadata sheet name alone, so commands run as different users share one read.
 */
const loadedFiles = new Map<string, LoadedDocument>();
const LOADED_FILES_KEPT = 12;

function loadedKeys(
  bytes: Buffer,
  options: LoadOptions,
): { complete: string; withOptions: string } | undefined {
  if (options.formulaEngine) return undefined;
  const { timeZone, locale, owner, name, metaSheetName } = options;
  const hash = createHash('sha256').update(bytes).digest('hex');
  return {
    complete: `${hash} ${JSON.stringify([metaSheetName])}`,
    withOptions: `${hash} ${JSON.stringify([timeZone, locale, owner, name, metaSheetName])}`,
  };
}

function copyOfLoaded(loaded: LoadedDocument): LoadedDocument {
  return {
    store: loaded.store.clone(),
    documentState: loaded.documentState === undefined ? undefined : structuredClone(loaded.documentState),
  };
}

/** Reads an .xlsx file (path or bytes) into a WorkbookStore, with the document state saved beside it. */
export async function loadWorkbookXlsxDocument(
  source: string | Buffer | ArrayBuffer,
  options: LoadOptions = {},
): Promise<LoadedDocument> {
  const bytes =
    typeof source === 'string'
      ? fs.readFileSync(source)
      : Buffer.isBuffer(source)
        ? source
        : Buffer.from(source as ArrayBuffer);
  const keys = loadedKeys(bytes, options);
  const known = keys && (loadedFiles.get(keys.complete) ?? loadedFiles.get(keys.withOptions));
  if (known) return copyOfLoaded(known);
  const loaded = await parseWorkbookXlsx(bytes, options);
  if (keys !== undefined && loaded.fromMeta) {
    loadedFiles.set(loaded.metaComplete ? keys.complete : keys.withOptions, copyOfLoaded(loaded.document));
    if (loadedFiles.size > LOADED_FILES_KEPT) loadedFiles.delete(loadedFiles.keys().next().value as string);
  }
  return loaded.document;
}

async function parseWorkbookXlsx(
  bytes: Buffer,
  options: LoadOptions,
): Promise<{ document: LoadedDocument; fromMeta: boolean; metaComplete: boolean }> {
  const wb = new (excel().Workbook)();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let metaSheetName = options.metaSheetName ?? DEFAULT_META_SHEET;
  let meta = readMetaSheet(wb, metaSheetName);
  if (!meta) {
    // A metadata sheet written under another name (an earlier version's): very hidden, holding our JSON.
    const other = wb.worksheets.find(
      (ws) => ws.state === 'veryHidden' && /^\{"version":1,"id":/.test(String(ws.getCell(1, 1).value ?? '')),
    );
    if (other) {
      metaSheetName = other.name;
      meta = readMetaSheet(wb, other.name);
    }
  }
  return {
    document: {
      store: workbookFromExcel(wb, meta, metaSheetName, options),
      documentState: meta?.documentState,
    },
    fromMeta: meta !== undefined,
    // workbookFromExcel reads these options only for what the metadata lacks.
    metaComplete:
      meta !== undefined &&
      meta.name != null &&
      meta.locale != null &&
      meta.timeZone != null &&
      meta.owner != null,
  };
}

/** Builds the store from the exceljs workbook and its metadata (when the file has a metadata sheet). */
function workbookFromExcel(
  wb: ExcelJS.Workbook,
  meta: Meta | undefined,
  metaSheetName: string,
  options: LoadOptions,
): WorkbookStore {
  const data: WorkbookData = {
    id: meta?.id ?? `local-${Math.random().toString(36).slice(2, 12)}`,
    name: meta?.name ?? options.name ?? 'Imported workbook',
    locale: meta?.locale ?? options.locale ?? 'en_US',
    timeZone: meta?.timeZone ?? options.timeZone ?? 'Etc/UTC',
    owner: meta?.owner ?? options.owner ?? 'owner@example.com',
    editors: meta?.editors ?? [],
    sheets: [],
    activeSheetId: null,
    activeRange: null,
    namedRanges: [],
    protections: [],
    validationRules: {},
    nextId: meta?.nextId ?? 1,
  };
  const store = new WorkbookStore(data, { formulaEngine: options.formulaEngine });
  const sheetsByName = new Map<string, SheetData>();
  const worksheets = wb.worksheets.filter((ws) => ws.name !== metaSheetName);
  for (const ws of worksheets) {
    const m = meta?.sheets.find((s) => s.name === ws.name);
    const sheet = newSheetData(
      m?.id ?? store.nextId(),
      ws.name,
      Math.max(m?.maxRows ?? 1000, ws.rowCount),
      Math.max(m?.maxColumns ?? 26, ws.columnCount),
    );
    if (data.sheets.some((s) => s.id === sheet.id)) sheet.id = store.nextId();
    sheet.hidden = ws.state !== 'visible';
    sheet.tabColor = fromArgb((ws.properties.tabColor as { argb?: string } | undefined)?.argb);
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === 'frozen') {
      sheet.frozenRows = view.ySplit ?? 0;
      sheet.frozenColumns = view.xSplit ?? 0;
    }
    data.sheets.push(sheet);
    sheetsByName.set(ws.name, sheet);
  }
  data.nextId = Math.max(data.nextId, ...data.sheets.map((s) => s.id + 1));
  const findRange = (ref: string): { sheetId: number; rect: GridRect } | undefined => {
    const q = splitQualified(ref);
    if (!q) return undefined;
    const sheet = sheetsByName.get(q.sheetName);
    const rect = parseRange(q.a1);
    return sheet && rect ? { sheetId: sheet.id, rect } : undefined;
  };
  for (const ws of worksheets) {
    const sheet = sheetsByName.get(ws.name) as SheetData;
    ws.columns?.forEach((column, index) => {
      if (column.width) sheet.columnWidths[index] = Math.round(column.width * PX_PER_CHAR);
    });
    const set = <T>(
      grid: SheetData['values'] | SheetData['numberFormats'] | SheetData['wraps'] | SheetData['validations'],
      r: number,
      c: number,
      v: T,
    ): void => {
      let line = grid[r];
      if (!line) {
        while (grid.length < r) grid.push(undefined);
        line = [];
        grid[r] = line;
      }
      while (line.length < c) line.push(null);
      (line as T[])[c] = v;
    };
    const ruleIds = new Map<string, number>();
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const r = rowNumber - 1;
        const c = colNumber - 1;
        const numFmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null;
        const value = cell.value;
        const formula =
          cell.formula ??
          (value && typeof value === 'object' && 'formula' in value ? value.formula : undefined);
        if (formula) set(sheet.formulas, r, c, '=' + formula);
        else {
          const literal = cellText(value);
          if (literal instanceof Date) {
            set(sheet.values, r, c, excelDateToSerial(literal));
            set(sheet.numberFormats, r, c, numFmt ?? 'yyyy-mm-dd');
          } else if (literal !== null && literal !== '') set(sheet.values, r, c, literal);
        }
        if (numFmt) set(sheet.numberFormats, r, c, numFmt);
        const fill = cell.fill as { type?: string; fgColor?: { argb?: string } } | undefined;
        const background = fill?.type === 'pattern' ? fromArgb(fill.fgColor?.argb) : null;
        if (background && background !== '#ffffff') set(sheet.backgrounds, r, c, background);
        if (cell.font?.bold) set(sheet.fontWeights, r, c, 'bold');
        const fontColor = fromArgb(cell.font?.color?.argb);
        if (fontColor && fontColor !== '#000000') set(sheet.fontColors, r, c, fontColor);
        const note = cell.note;
        const noteText = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('');
        if (noteText) set(sheet.notes, r, c, noteText);
        if (cell.alignment?.horizontal) set(sheet.horizontalAlignments, r, c, cell.alignment.horizontal);
        if (cell.alignment?.wrapText) set(sheet.wraps, r, c, true);
      });
    });
    restoreGoogleOnlyFormulas(sheet, meta?.googleOnlyFormulas?.[ws.name]);
    // Validations: exact rules from the metadata when present, else mapped from the xlsx rules.
    const metaRanges = meta?.validationRanges[ws.name];
    if (metaRanges) {
      for (const { a1, rule } of metaRanges) {
        const spec = meta?.validationRules[rule];
        const rect = parseRange(a1);
        if (!spec || !rect) continue;
        data.validationRules[rule] = spec;
        for (let r = rect.row; r < rect.row + rect.numRows; r++)
          for (let c = rect.column; c < rect.column + rect.numColumns; c++)
            set(sheet.validations, r - 1, c - 1, Number(rule));
      }
    } else {
      const model = (
        ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }
      ).dataValidations.model;
      for (const [address, dv] of Object.entries(model)) {
        if (!dv) continue;
        const rect = parseRange(address);
        if (!rect) continue;
        const key = JSON.stringify(dv);
        let id = ruleIds.get(key);
        if (id === undefined) {
          const spec = validationFromNative(dv, findRange);
          if (!spec) continue;
          id = store.addValidationRule({ ...spec, anchor: { row: rect.row, column: rect.column } });
          ruleIds.set(key, id);
        }
        for (let r = rect.row; r < rect.row + rect.numRows; r++)
          for (let c = rect.column; c < rect.column + rect.numColumns; c++)
            set(sheet.validations, r - 1, c - 1, id);
      }
    }
    const m = meta?.sheets.find((s) => s.name === ws.name);
    if (m) {
      sheet.charts = m.charts;
      sheet.conditionalFormats = m.conditionalFormats;
    } else {
      for (const cf of (
        ws as unknown as {
          conditionalFormattings?: Array<{ ref: string; rules: ExcelJS.ConditionalFormattingRule[] }>;
        }
      ).conditionalFormattings ?? []) {
        const ranges = cf.ref.split(/\s+/).flatMap((a1) => parseRange(a1) ?? []);
        for (const rule of cf.rules) {
          const style = (
            rule as {
              style?: {
                fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } };
                font?: { color?: { argb?: string }; bold?: boolean };
              };
            }
          ).style;
          const format = {
            background: fromArgb(style?.fill?.bgColor?.argb ?? style?.fill?.fgColor?.argb),
            fontColor: fromArgb(style?.font?.color?.argb),
            bold: style?.font?.bold ?? null,
          };
          let criteria: string | undefined;
          let values: StoredCriteriaValue[] = [];
          if (rule.type === 'expression') {
            criteria = 'CUSTOM_FORMULA';
            values = ['=' + String(rule.formulae?.[0] ?? '')];
          } else if (rule.type === 'cellIs') {
            criteria = Object.entries(CELL_IS).find(([, op]) => op === rule.operator)?.[0];
            values = (rule.formulae ?? []).map(Number);
          } else if (rule.type === 'containsText') {
            criteria = 'TEXT_CONTAINS';
            values = [String(rule.text ?? '')];
          }
          if (criteria)
            sheet.conditionalFormats.push({ id: store.nextId(), ranges, criteria, values, format });
        }
      }
    }
    if (!meta && (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) {
      data.protections.push({
        id: store.nextId(),
        type: 'SHEET',
        sheetId: sheet.id,
        rect: null,
        description: '',
        warningOnly: false,
        editors: [data.owner],
        domainEdit: false,
        unprotectedRanges: [],
      });
    }
  }
  if (meta) {
    for (const p of meta.protections) {
      const sheet = sheetsByName.get(p.sheetName);
      if (!sheet) continue;
      const { sheetName: _sheetName, ...rest } = p;
      data.protections.push({ ...rest, sheetId: sheet.id });
    }
  }
  for (const entry of (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> })
    .model ?? []) {
    const ref = entry.ranges?.[0] ? findRange(entry.ranges[0]) : undefined;
    if (ref && !entry.name.startsWith('_xlnm'))
      data.namedRanges.push({ name: entry.name, sheetId: ref.sheetId, rect: ref.rect });
  }
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  data.activeSheetId = data.sheets[Math.min(activeTab, data.sheets.length - 1)]?.id ?? null;
  if (data.sheets.length === 0) {
    const empty = WorkbookStore.empty({
      name: data.name,
      timeZone: data.timeZone,
      locale: data.locale,
      owner: data.owner,
      formulaEngine: options.formulaEngine,
    });
    return empty;
  }
  return store;
}
