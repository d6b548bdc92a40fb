/**
 * The formula-engine seam: what the workbook store needs from whatever computes its formulas
 * (SpreadsheetFormulaEngine), how it builds one (FormulaEngineFactory), and the engine-neutral helpers both
 * sides share. HyperFormula (engine.ts, GPL-3.0) is the default implementation, loaded only when it is used.
 */

/** The bundle's @customfunction functions, called the way Sheets calls them. */
export interface CustomFunctionHost {
  list(): { name: string; params: string[] }[];
  call(name: string, args: unknown[]): unknown;
}

/** What formula evaluation needs from the runtime (clock, custom functions, cell conventions). */
export interface FormulaContext {
  now(): Date;
  timeZone(): string;
  customFunctions(): CustomFunctionHost | undefined;
  /** Converts a cell value read as a custom-function argument (dates become Date, empty becomes ''). */
  argumentValue(sheetName: string, row0: number, column0: number, value: unknown): unknown;
  /** Serial number for a Date a custom function returned. */
  serialOf(date: Date): number;
  /** Result sizes of custom-function calls seen so far, keyed by formula address (addressKey). */
  resultSizes: Map<string, { width: number; height: number }>;
  /** Formula addresses whose declared result size was wrong and must be re-entered. */
  pendingResize: Set<string>;
  /** Cells that hold a Date returned by a custom function (so they read back as Date), keyed by addressKey. */
  dateResults: Set<string>;
  /** The name of the sheet the engine numbers `engineSheetId`. */
  sheetNameOf(engineSheetId: number): string | undefined;
}

/**
 * What the store feeds an engine for one cell: a formula (text starting with `=`), text (always prefixed with an
 * apostrophe, so `'=x` and `'12` stay text), a number, a boolean, or null for an empty cell.
 */
export type FormulaCellContent = string | number | boolean | null;

/** A formula error; `type` is one of FORMULA_ERROR_TYPES (errorText gives Sheets' spelling). */
export interface FormulaError {
  readonly type: string;
}

/** A computed cell: a plain value, null when empty, or an error. */
export type FormulaCellValue = string | number | boolean | null | FormulaError;

/** Error types an engine reports (anything else reads as #REF!, like circular references in Sheets). */
export const FORMULA_ERROR_TYPES = ['DIV_BY_ZERO', 'NAME', 'VALUE', 'NUM', 'NA', 'ERROR', 'REF'] as const;

/** One sheet's initial contents: rows of cells from A1. */
export interface FormulaEngineSheet {
  name: string;
  content: FormulaCellContent[][];
}

/** A workbook named range, as an absolute formula expression (`='Sheet 1'!$A$1:$B$3`). */
export interface FormulaNamedExpression {
  name: string;
  expression: string;
}

/**
 * A formula engine holding a mirror of the workbook's contents, kept in step by the store. Rows and columns are
 * 0-based. The store re-builds the engine (through the factory) after structural changes (row/column
 * insert/delete, sheet rename/removal, named-range changes), so an engine needs no structural editing beyond
 * adding a sheet.
 */
export interface SpreadsheetFormulaEngine {
  /** The engine's number for a sheet (used in addressKey and FormulaContext.sheetNameOf). */
  sheetId(name: string): number | undefined;
  sheetName(id: number): string | undefined;
  /** Adds an empty sheet (the store's scratch sheet for rule formulas and recalculation). */
  addSheet(name: string): void;
  /** Writes a block of cells with its top-left corner at (row0, column0) and recomputes what depends on it. */
  setCells(sheetName: string, row0: number, column0: number, content: FormulaCellContent[][]): void;
  /** The computed value of a cell (formula result, spilled array element, or the literal fed). */
  value(sheetName: string, row0: number, column0: number): FormulaCellValue;
  /** True when the computed number is a date or time (the result of DATE(), TODAY(), A2+1, ...). */
  isDateTyped(sheetName: string, row0: number, column0: number): boolean;
  /** Used height and width of a sheet, counting spilled array results. */
  sheetDimensions(sheetName: string): { height: number; width: number };
  /** Runs several setCells with one recomputation at the end. */
  batch(work: () => void): void;
  /**
   * Re-enters formulas listed in context.pendingResize (custom functions whose result size was learned late).
   * An engine without spilling custom functions may just clear the set.
   */
  settleResizes(context: FormulaContext): void;
  /**
   * Optional lazy recomputation: true while writes since the last read are not yet computed. The store then calls
   * `settle` (inside its re-entry guard) before it reads, so ten writes in a row cost one recomputation.
   */
  pending?(): boolean;
  /** Computes what the writes since the last read changed (see `pending`). */
  settle?(): void;
  /** Frees the engine; the store never uses it again. */
  destroy(): void;
}

/** Builds formula engines for a workbook store; pass one to LocalRuntime as `formulaEngine` to swap engines. */
export interface FormulaEngineFactory {
  /** Short name for messages and docs (e.g. 'hyperformula'). */
  readonly name: string;
  /** An engine holding these sheets and named ranges, its formulas computed; may call custom functions. */
  create(
    sheets: FormulaEngineSheet[],
    namedExpressions: FormulaNamedExpression[],
    context: FormulaContext,
  ): SpreadsheetFormulaEngine;
  /** Makes these custom function names known to engines built from now on (optional; names are upper case). */
  registerCustomFunctionNames?(names: string[]): void;
}

/** Key of a cell in FormulaContext maps: engine sheet number, 0-based row and column. */
export const addressKey = (sheet: number, row: number, col: number): string => `${sheet}:${row}:${col}`;

/** Sheets' spelling of an engine error type. */
export function errorText(type: string): string {
  switch (type) {
    case 'DIV_BY_ZERO':
      return '#DIV/0!';
    case 'NAME':
      return '#NAME?';
    case 'VALUE':
      return '#VALUE!';
    case 'NUM':
      return '#NUM!';
    case 'NA':
      return '#N/A';
    case 'ERROR':
      return '#ERROR!';
    // Sheets reports circular references and blocked array results as #REF!.
    default:
      return '#REF!';
  }
}

let hyperFormulaFactory: FormulaEngineFactory | undefined;

/**
 * The default engine: HyperFormula (GPL-3.0), required on first use only, so a runtime given another factory
 * never loads it.
 */
export const defaultFormulaEngine: FormulaEngineFactory = {
  name: 'hyperformula',
  create(sheets, namedExpressions, context) {
    return loadHyperFormula().create(sheets, namedExpressions, context);
  },
  registerCustomFunctionNames(names) {
    loadHyperFormula().registerCustomFunctionNames?.(names);
  },
};

function loadHyperFormula(): FormulaEngineFactory {
  if (!hyperFormulaFactory) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const engine = require('./engine') as typeof import('./engine');
    hyperFormulaFactory = engine.hyperFormulaEngine;
  }
  return hyperFormulaFactory;
}
