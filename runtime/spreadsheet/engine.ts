/**
 * The default formula engine (SpreadsheetFormulaEngine, see formula-engine.ts): HyperFormula holding a mirror of the workbook's contents, plus the Sheets functions it
 * lacks (REGEXMATCH/EXTRACT/REPLACE with RE2-like rules), TODAY/NOW on the runtime's clock, and the bundle's
 * custom functions. HyperFormula is GPL-3.0: it lives only here, in the local runtime, never in the bundle, and
 * is required lazily by formula-engine.ts's defaultFormulaEngine (a runtime given another engine never loads it).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type CellValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
  type RawCellContent,
  type SerializedNamedExpression,
} from 'hyperformula';
import { dateToSerial, isDateLike } from './dates';
import {
  addressKey,
  errorText,
  type CustomFunctionHost,
  type FormulaCellContent,
  type FormulaContext,
  type FormulaEngineFactory,
  type FormulaEngineSheet,
  type FormulaNamedExpression,
  type SpreadsheetFormulaEngine,
} from './formula-engine';

export type { CustomFunctionHost, FormulaContext };

type EvaluateArgs = Parameters<FunctionPlugin['evaluateAst']>;
type AstNode = EvaluateArgs[0];
type InterpreterStateLike = EvaluateArgs[1];
type InterpreterResult = ReturnType<FunctionPlugin['evaluateAst']>;

interface ProcedureAstLike {
  procedureName: string;
  args: AstNode[];
}

function contextOf(plugin: FunctionPlugin): FormulaContext {
  return (plugin as unknown as { config: { context: FormulaContext } }).config.context;
}

/** Sheets' regular expressions are RE2: no look-around or back-references; `(?i)` flags allowed. */
function compileRe2(pattern: string, global = false): RegExp | CellError {
  let source = pattern;
  let flags = global ? 'gu' : 'u';
  const inline = /^\(\?([imsU]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    if (inline[1].includes('i')) flags += 'i';
    if (inline[1].includes('m')) flags += 'm';
    if (inline[1].includes('s')) flags += 's';
  }
  if (/\(\?<?[=!]|\\[1-9]/.test(source)) {
    return new CellError(
      ErrorType.REF,
      `Function REGEX parameter 2 value ${pattern} is not a valid regular expression.`,
    );
  }
  try {
    return new RegExp(source, flags);
  } catch {
    return new CellError(
      ErrorType.REF,
      `Function REGEX parameter 2 value ${pattern} is not a valid regular expression.`,
    );
  }
}

/** TODAY/NOW on the runtime clock in the spreadsheet time zone; REGEX* functions. */
class SheetsExtrasPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    TODAY: { method: 'today', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATE' as never },
    NOW: { method: 'now', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATETIME' as never },
    REGEXMATCH: {
      method: 'regexmatch',
      parameters: [
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.STRING },
      ],
    },
    REGEXEXTRACT: {
      method: 'regexextract',
      parameters: [
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.STRING },
      ],
    },
    REGEXREPLACE: {
      method: 'regexreplace',
      parameters: [
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.STRING },
      ],
    },
  };

  today(ast: ProcedureAstLike, state: InterpreterStateLike): InterpreterResult {
    return this.runFunction(ast.args, state, this.metadata('TODAY'), () => {
      const ctx = contextOf(this);
      return Math.floor(dateToSerial(ctx.now(), ctx.timeZone()));
    });
  }

  now(ast: ProcedureAstLike, state: InterpreterStateLike): InterpreterResult {
    return this.runFunction(ast.args, state, this.metadata('NOW'), () => {
      const ctx = contextOf(this);
      return dateToSerial(ctx.now(), ctx.timeZone());
    });
  }

  regexmatch(ast: ProcedureAstLike, state: InterpreterStateLike): InterpreterResult {
    return this.runFunction(ast.args, state, this.metadata('REGEXMATCH'), (text: string, pattern: string) => {
      const re = compileRe2(pattern);
      return re instanceof CellError ? re : re.test(text);
    });
  }

  regexextract(ast: ProcedureAstLike, state: InterpreterStateLike): InterpreterResult {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('REGEXEXTRACT'),
      (text: string, pattern: string) => {
        const re = compileRe2(pattern);
        if (re instanceof CellError) return re;
        const m = re.exec(text);
        if (!m)
          return new CellError(ErrorType.NA, 'Function REGEXEXTRACT parameter 2 value should match text.');
        return m.length > 1 ? (m[1] ?? '') : m[0];
      },
    );
  }

  regexreplace(ast: ProcedureAstLike, state: InterpreterStateLike): InterpreterResult {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('REGEXREPLACE'),
      (text: string, pattern: string, replacement: string) => {
        const re = compileRe2(pattern, true);
        return re instanceof CellError ? re : text.replace(re, replacement.replace(/\\(\d)/g, '$$$1'));
      },
    );
  }
}

let extrasRegistered = false;
function registerExtras(): void {
  if (extrasRegistered) return;
  for (const name of Object.keys(SheetsExtrasPlugin.implementedFunctions)) {
    // HyperFormula only recognises a function name that has a translation in the engine's language (enGB).
    HyperFormula.registerFunction(name, SheetsExtrasPlugin as unknown as FunctionPluginDefinition, {
      enGB: { [name]: name },
    });
  }
  extrasRegistered = true;
}

/** Calls the bundle's custom functions with Sheets' argument and result conventions. */
class CustomFunctionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  private convertArgument(value: InterpreterResult, ast: AstNode, state: InterpreterStateLike): unknown {
    const ctx = contextOf(this);
    if (value instanceof SimpleRangeValue) {
      const start = value.range?.start;
      const sheetName = start ? ctx.sheetNameOf(start.sheet) : undefined;
      return value.data.map((row, r) =>
        row.map((cell, c) =>
          sheetName && start
            ? ctx.argumentValue(sheetName, start.row + r, start.col + c, plainScalar(cell))
            : plainScalar(cell),
        ),
      );
    }
    const type = (ast as { type?: string }).type;
    if (type === 'CELL_REFERENCE') {
      const reference = (
        ast as unknown as {
          reference: { toSimpleCellAddress(a: unknown): { sheet: number; row: number; col: number } };
        }
      ).reference;
      const address = reference.toSimpleCellAddress(
        (state as unknown as { formulaAddress: unknown }).formulaAddress,
      );
      const sheetName = ctx.sheetNameOf(address.sheet);
      if (sheetName) return ctx.argumentValue(sheetName, address.row, address.col, plainScalar(value));
    }
    return plainScalar(value, true);
  }

  call(ast: ProcedureAstLike, state: InterpreterStateLike): InterpreterResult {
    const ctx = contextOf(this);
    const host = ctx.customFunctions();
    const name = ast.procedureName.toUpperCase();
    const known = host?.list().find((f) => f.name.toUpperCase() === name);
    if (!host || !known) return new CellError(ErrorType.NAME, `Unknown function: '${ast.procedureName}'.`);
    const args: unknown[] = [];
    for (const argAst of ast.args) {
      const value = this.evaluateAst(argAst, state);
      if (value instanceof CellError) return value;
      args.push(this.convertArgument(value, argAst, state));
    }
    let result: unknown;
    try {
      result = host.call(known.name, args);
    } catch (error) {
      return new CellError(ErrorType.ERROR, error instanceof Error ? error.message : String(error));
    }
    const address = (state as unknown as { formulaAddress: { sheet: number; row: number; col: number } })
      .formulaAddress;
    const key = addressKey(address.sheet, address.row, address.col);
    const rows: unknown[][] = Array.isArray(result)
      ? (result as unknown[]).map((row) => (Array.isArray(row) ? (row as unknown[]) : [row]))
      : [[result]];
    const height = Math.max(rows.length, 1);
    const width = Math.max(1, ...rows.map((r) => r.length));
    const declared = ctx.resultSizes.get(key) ?? this.guessSize();
    if (declared.width !== width || declared.height !== height) {
      ctx.resultSizes.set(key, { width, height });
      ctx.pendingResize.add(key);
    }
    const toScalar = (v: unknown, r: number, c: number): RawResult => {
      const cellKey = addressKey(address.sheet, address.row + r, address.col + c);
      if (isDateLike(v)) {
        ctx.dateResults.add(cellKey);
        return ctx.serialOf(v);
      }
      ctx.dateResults.delete(cellKey);
      if (v === null || v === undefined || v === '') return v === '' ? '' : EmptyValue;
      if (typeof v === 'number') return Number.isFinite(v) ? v : new CellError(ErrorType.NUM);
      if (typeof v === 'string' || typeof v === 'boolean') return v;
      return String(v);
    };
    if (declared.width === 1 && declared.height === 1 && width === 1 && height === 1) {
      const scalar = toScalar(rows[0][0], 0, 0);
      return scalar === EmptyValue ? '' : scalar;
    }
    const out: RawResult[][] = [];
    for (let r = 0; r < declared.height; r++) {
      const line: RawResult[] = [];
      for (let c = 0; c < declared.width; c++)
        line.push(r < rows.length && c < rows[r].length ? toScalar(rows[r][c], r, c) : EmptyValue);
      out.push(line);
    }
    return SimpleRangeValue.onlyValues(out as never);
  }

  /**
   * Before its first call, a custom function is taken to return one value: only a 2-D result spills
   * (developers.google.com/apps-script/guides/sheets/functions), so guessing a spill from an argument's height
   * would turn =CORNER_SUM(A1:B3) into #REF! whenever the cell below is taken. A bigger result is learned from
   * the first call and the formula entered again (settleResizes).
   */
  private guessSize(): { width: number; height: number } {
    return { width: 1, height: 1 };
  }

  callSize(_ast: ProcedureAstLike, state: InterpreterStateLike): ArraySize {
    const ctx = contextOf(this);
    const address = (state as unknown as { formulaAddress: { sheet: number; row: number; col: number } })
      .formulaAddress;
    const known = ctx.resultSizes.get(addressKey(address.sheet, address.row, address.col));
    const size = known ?? this.guessSize();
    return size.width === 1 && size.height === 1
      ? ArraySize.scalar()
      : new ArraySize(size.width, size.height);
  }
}

type RawResult = number | string | boolean | typeof EmptyValue | CellError;

function plainScalar(value: unknown, emptyAsString = true): unknown {
  if (value === EmptyValue || value === undefined || value === null) return emptyAsString ? '' : null;
  if (value instanceof CellError) return errorText(value.type);
  if (typeof value === 'object' && value !== null && 'val' in value) return (value as { val: number }).val;
  return value;
}

const registeredCustomNames = new Set<string>();

/** Registers custom function names into HyperFormula's (process-wide) function registry. */
export function registerCustomFunctionNames(names: string[]): boolean {
  let added = false;
  for (const raw of names) {
    const name = raw.toUpperCase();
    if (registeredCustomNames.has(name)) continue;
    CustomFunctionPlugin.implementedFunctions[name] = {
      method: 'call',
      sizeOfResultArrayMethod: 'callSize',
      doesNotNeedArgumentsToBeComputed: true,
      vectorizationForbidden: true,
      parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
      repeatLastArgs: 1,
    };
    HyperFormula.registerFunction(name, CustomFunctionPlugin as unknown as FunctionPluginDefinition, {
      enGB: { [name]: name },
    });
    registeredCustomNames.add(name);
    added = true;
  }
  return added;
}

/** A sheet's initial contents (the engine-neutral FormulaEngineSheet). */
export type EngineSheet = FormulaEngineSheet;

/** A HyperFormula instance built from the workbook, kept in step with it by the store. */
export class FormulaEngine implements SpreadsheetFormulaEngine {
  readonly hf: HyperFormula;
  private readonly ids = new Map<string, number>();
  /**
   * Writes are taken with evaluation suspended and computed on the next read (HyperFormula's
   * suspendEvaluation/resumeEvaluation): a script's run of setValues calls then costs one recomputation of the
   * formulas depending on them instead of one per call. What a read sees is the same.
   */
  private suspended = false;
  private readonly context: FormulaContext;

  constructor(sheets: EngineSheet[], namedRanges: FormulaNamedExpression[], context: FormulaContext) {
    registerExtras();
    this.context = context;
    const named: SerializedNamedExpression[] = [
      { name: 'TRUE', expression: '=TRUE()' },
      { name: 'FALSE', expression: '=FALSE()' },
      ...namedRanges,
    ];
    const input: Record<string, RawCellContent[][]> = {};
    for (const s of sheets) input[s.name] = s.content;
    this.hf = HyperFormula.buildFromSheets(
      input,
      {
        licenseKey: 'gpl-v3',
        context,
        maxRows: 10_000_000,
        maxColumns: 18_278,
        useArrayArithmetic: true,
        useColumnIndex: false,
        // Sheets compares text case-insensitively in = and lookups, like this default.
        caseSensitive: false,
        // Range.getValues returns the full double Sheets computed (=1/3 is 0.3333333333333333); HyperFormula's
        // default "smart rounding" would cut results to 10 significant digits
        // (developers.google.com/apps-script/reference/spreadsheet/range#getValues).
        smartRounding: false,
      },
      named,
    );
    for (const s of sheets) this.ids.set(s.name, this.hf.getSheetId(s.name) as number);
  }

  sheetId(name: string): number | undefined {
    return this.ids.get(name);
  }

  sheetName(id: number): string | undefined {
    return this.hf.getSheetName(id);
  }

  addSheet(name: string): void {
    const actual = this.hf.addSheet(name);
    this.ids.set(name, this.hf.getSheetId(actual) as number);
  }

  removeSheet(name: string): void {
    const id = this.ids.get(name);
    if (id === undefined) return;
    this.hf.removeSheet(id);
    this.ids.delete(name);
  }

  renameSheet(oldName: string, newName: string): void {
    const id = this.ids.get(oldName);
    if (id === undefined) return;
    this.hf.renameSheet(id, newName);
    this.ids.delete(oldName);
    this.ids.set(newName, id);
  }

  setCells(sheetName: string, row0: number, column0: number, content: FormulaCellContent[][]): void {
    const sheet = this.ids.get(sheetName);
    if (sheet === undefined || content.length === 0) return;
    this.suspend();
    this.hf.setCellContents({ sheet, row: row0, col: column0 }, content);
  }

  pending(): boolean {
    return this.suspended;
  }

  private suspend(): void {
    if (this.suspended) return;
    this.hf.suspendEvaluation();
    this.suspended = true;
  }

  /** Computes the writes taken while suspended, then re-enters custom functions whose result size changed. */
  settle(): void {
    if (!this.suspended) return;
    this.suspended = false;
    this.hf.resumeEvaluation();
    this.settleResizes(this.context);
  }

  value(sheetName: string, row0: number, column0: number): CellValue {
    const sheet = this.ids.get(sheetName);
    if (sheet === undefined) return null;
    this.settle();
    return this.hf.getCellValue({ sheet, row: row0, col: column0 });
  }

  /** Used height and width of a sheet, counting spilled array results. */
  sheetDimensions(sheetName: string): { height: number; width: number } {
    const sheet = this.ids.get(sheetName);
    if (sheet === undefined) return { height: 0, width: 0 };
    this.settle();
    return this.hf.getSheetDimensions(sheet);
  }

  /** True when the engine says the value is a date or time (e.g. the result of DATE(), TODAY(), A2+1). */
  isDateTyped(sheetName: string, row0: number, column0: number): boolean {
    const sheet = this.ids.get(sheetName);
    if (sheet === undefined) return false;
    this.settle();
    const type = this.hf.getCellValueDetailedType({ sheet, row: row0, col: column0 });
    return type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' || type === 'NUMBER_TIME';
  }

  /** Formula text the engine holds at a cell (after its own reference rewriting). */
  formula(sheetName: string, row0: number, column0: number): string | undefined {
    const sheet = this.ids.get(sheetName);
    if (sheet === undefined) return undefined;
    this.settle();
    return this.hf.getCellFormula({ sheet, row: row0, col: column0 });
  }

  batch(work: () => void): void {
    this.suspend();
    work();
  }

  /** Re-enters custom-function formulas whose result size changed, so their spill area is right. */
  settleResizes(context: FormulaContext): void {
    // While suspended nothing was computed, so nothing can be pending yet; settle() comes back here.
    if (this.suspended) return;
    for (let round = 0; round < 5 && context.pendingResize.size > 0; round++) {
      const keys = [...context.pendingResize];
      context.pendingResize.clear();
      this.hf.batch(() => {
        for (const key of keys) {
          const [sheet, row, col] = key.split(':').map(Number);
          const formula = this.hf.getCellFormula({ sheet, row, col });
          if (formula !== undefined) {
            this.hf.setCellContents({ sheet, row, col }, null);
            this.hf.setCellContents({ sheet, row, col }, formula);
          }
        }
      });
    }
  }

  destroy(): void {
    this.hf.destroy();
  }
}

/** The HyperFormula engine factory (what defaultFormulaEngine loads on first use). */
export const hyperFormulaEngine: FormulaEngineFactory = {
  name: 'hyperformula',
  create: (sheets, namedExpressions, context) => new FormulaEngine(sheets, namedExpressions, context),
  registerCustomFunctionNames: (names) => {
    registerCustomFunctionNames(names);
  },
};
