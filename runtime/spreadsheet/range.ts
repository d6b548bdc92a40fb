/** Range: a rectangle of a sheet, with Apps Script's value semantics and error messages. */
import { columnToLetters, rectToA1 } from './a1';
import { notSupported } from '../errors';
import { signatureError } from '../services/utilities';
import { fillRect, getCell, readRect, setCell } from './grid';
import { a1ToR1C1, r1c1ToA1 } from './r1c1';
import { TextFinderImpl } from './text-finder';
import { TextStyleImpl } from './text-style';
import { normaliseColor } from './colors';
import { is2dArray, SpreadsheetContext } from './context';
import { offsetRelativeRefs } from './formula-refs';
import { ProtectionImpl } from './protection';
import { ATTRIBUTE_GRID_KEYS, FORMAT_GRID_KEYS } from './store';
import type { CellLiteral } from './formats';
import type { AttributeGridKey, Grid, GridRect, SheetData, StyleKey } from './types';
import { DataValidationImpl } from './validation';

type Range = GoogleAppsScript.Spreadsheet.Range;

type SupportedRangeMember =
  | 'activate'
  | 'check'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFilter'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'getWrap'
  | 'getWraps'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isChecked'
  | 'offset'
  | 'protect'
  | 'removeCheckboxes'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap'
  | 'setWraps'
  | 'uncheck';

/** Apps Script's message when the data given to setValues/setFormulas/... does not fit the range. */
export function assertShape(data: unknown, rect: GridRect): asserts data is unknown[][] {
  if (!is2dArray(data)) {
    throw new Error(
      `The parameters (${Array.isArray(data) ? 'number[]' : typeof data}) don't match the method signature for SpreadsheetApp.Range.setValues.`,
    );
  }
  if (data.length !== rect.numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rect.numRows}.`,
    );
  }
  for (const row of data) {
    if (row.length !== rect.numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numColumns}.`,
      );
    }
  }
}

/** Apps Script's checks for a rectangle requested from a sheet. */
export function checkRect(sheet: SheetData, rect: GridRect): void {
  if (!Number.isFinite(rect.row) || !Number.isFinite(rect.column)) throw new Error('Range not found');
  if (rect.row < 1) throw new Error('The starting row of the range is too small.');
  if (rect.column < 1) throw new Error('The starting column of the range is too small.');
  if (rect.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (rect.numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.column + rect.numColumns - 1 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** A cell's rotation as Range.getTextRotation returns it. */
export interface TextRotationValue {
  getDegrees(): number;
  isVertical(): boolean;
  toString(): string;
}

/** Stored form of a rotation: degrees (-90..90), 'vertical', or null for none. */
function rotationValue(rotation: number | TextRotationValue | null | undefined): number | string | null {
  if (rotation === null || rotation === undefined) return null;
  if (typeof rotation === 'number') {
    if (rotation < -90 || rotation > 90)
      throw new Error('Invalid argument: degrees must be between -90 and 90.');
    return rotation === 0 ? null : rotation;
  }
  return rotation.isVertical() ? 'vertical' : rotationValue(rotation.getDegrees());
}

const overlaps = (a: GridRect, b: GridRect): boolean =>
  a.row < b.row + b.numRows &&
  b.row < a.row + a.numRows &&
  a.column < b.column + b.numColumns &&
  b.column < a.column + a.numColumns;

/** Sheets' sort order: numbers (and dates) before text before booleans; text without regard to case. */
function compareCells(x: unknown, y: unknown): number {
  const rank = (v: unknown): number =>
    typeof v === 'number' || v instanceof Date || Object.prototype.toString.call(v) === '[object Date]'
      ? 0
      : typeof v === 'boolean'
        ? 2
        : 1;
  const rx = rank(x);
  const ry = rank(y);
  if (rx !== ry) return rx - ry;
  if (rx === 0) return Number(x) - Number(y);
  if (rx === 2) return Number(x) - Number(y);
  return String(x).localeCompare(String(y), undefined, { sensitivity: 'accent', numeric: false });
}

interface PasteParts {
  contents: boolean;
  formats: boolean;
  validations: boolean;
}

interface Snapshot {
  from: GridRect;
  cells: { literal: CellLiteral | null; formula: string | null }[][];
  attributes: (readonly [AttributeGridKey, unknown[][]])[];
  styles: (readonly [StyleKey, (string | number | null)[][]])[];
}

const fill = <T>(rect: GridRect, value: T): T[][] =>
  Array.from({ length: rect.numRows }, () => new Array<T>(rect.numColumns).fill(value));

export class RangeImpl implements Pick<Range, SupportedRangeMember> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly sheetId: number,
    readonly rect: GridRect,
    /** Whole columns from A1 notation ("A:C"): the range has no last row. */
    readonly openRows = false,
  ) {}

  private get sheetData(): SheetData {
    return this.ctx.sheetData(this.sheetId);
  }

  private self(): Range {
    return this as unknown as Range;
  }

  private write(method: string): SheetData {
    this.ctx.assertWritable(method);
    this.ctx.assertEditable(this.sheetId, this.rect);
    return this.sheetData;
  }

  // ---- geometry ----
  getRow(): number {
    return this.rect.row;
  }
  getRowIndex(): number {
    return this.rect.row;
  }
  getColumn(): number {
    return this.rect.column;
  }
  getNumRows(): number {
    return this.rect.numRows;
  }
  getNumColumns(): number {
    return this.rect.numColumns;
  }
  getHeight(): number {
    return this.rect.numRows;
  }
  getWidth(): number {
    return this.rect.numColumns;
  }
  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn(): number {
    return this.rect.column + this.rect.numColumns - 1;
  }
  getGridId(): number {
    return this.sheetId;
  }
  getA1Notation(): string {
    // An unbounded column range keeps its notation: sheet.getRange('A:C').getA1Notation() is "A:C".
    if (this.openRows && this.rect.row === 1)
      return `${columnToLetters(this.rect.column)}:${columnToLetters(this.rect.column + this.rect.numColumns - 1)}`;
    return rectToA1(this.rect.row, this.rect.column, this.rect.numRows, this.rect.numColumns);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.ctx.sheet(this.sheetId);
  }
  getCell(row: number, column: number): Range {
    if (row < 1 || row > this.rect.numRows || column < 1 || column > this.rect.numColumns) {
      throw new Error('Cell reference out of range');
    }
    return this.ctx.range(this.sheetId, {
      row: this.rect.row + row - 1,
      column: this.rect.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const rect: GridRect = {
      row: this.rect.row + rowOffset,
      column: this.rect.column + columnOffset,
      numRows: numRows ?? this.rect.numRows,
      numColumns: numColumns ?? (numRows !== undefined ? 1 : this.rect.numColumns),
    };
    if (numRows !== undefined && numColumns === undefined) rect.numColumns = 1;
    checkRect(this.sheetData, rect);
    return this.ctx.range(this.sheetId, rect);
  }
  /** The local runtime has no filters (createFilter is not supported). */
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return null;
  }
  activate(): Range {
    this.ctx.store.data.activeSheetId = this.sheetId;
    this.ctx.store.data.activeRange = { sheetId: this.sheetId, rect: { ...this.rect } };
    return this.self();
  }

  // ---- values ----
  getValues(): unknown[][] {
    return this.ctx.store.readValues(this.sheetData, this.rect, this.ctx.makeDate);
  }
  getValue(): unknown {
    return this.ctx.store.readValues(
      this.sheetData,
      { ...this.rect, numRows: 1, numColumns: 1 },
      this.ctx.makeDate,
    )[0][0];
  }
  setValues(values: unknown[][]): Range {
    const sheet = this.write('setValues');
    assertShape(values, this.rect);
    this.ctx.store.writeValues(sheet, this.rect, values);
    return this.self();
  }
  setValue(value: unknown): Range {
    const sheet = this.write('setValue');
    this.ctx.store.writeValues(sheet, this.rect, fill(this.rect, value));
    return this.self();
  }
  getDisplayValues(): string[][] {
    return this.ctx.store.readDisplayValues(this.sheetData, this.rect);
  }
  getDisplayValue(): string {
    return this.ctx.store.readDisplayValues(this.sheetData, {
      ...this.rect,
      numRows: 1,
      numColumns: 1,
    })[0][0];
  }
  getFormulas(): string[][] {
    return this.ctx.store.readFormulas(this.sheetData, this.rect);
  }
  getFormula(): string {
    return this.ctx.store.readFormulas(this.sheetData, { ...this.rect, numRows: 1, numColumns: 1 })[0][0];
  }
  setFormulas(formulas: string[][]): Range {
    const sheet = this.write('setFormulas');
    assertShape(formulas, this.rect);
    this.ctx.store.writeFormulas(
      sheet,
      this.rect,
      formulas.map((row) => row.map((f) => asFormula(f))),
    );
    return this.self();
  }
  setFormula(formula: string): Range {
    const sheet = this.write('setFormula');
    const text = asFormula(formula);
    // Like filling the formula down/right: relative references move with each cell.
    const rows = Array.from({ length: this.rect.numRows }, (_, r) =>
      Array.from({ length: this.rect.numColumns }, (_c, c) => (text ? offsetRelativeRefs(text, r, c) : '')),
    );
    this.ctx.store.writeFormulas(sheet, this.rect, rows);
    return this.self();
  }
  isBlank(): boolean {
    return (
      this.getValues().every((row) => row.every((v) => v === '')) &&
      this.getFormulas().every((row) => row.every((f) => f === ''))
    );
  }

  // ---- clearing ----
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): Range {
    const sheet = this.write('clear');
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    if (!any || o.contentsOnly) this.ctx.store.clearContents(sheet, this.rect);
    if (!any || o.formatOnly) this.ctx.store.clearAttributes(sheet, this.rect, FORMAT_GRID_KEYS);
    if (o.validationsOnly) this.ctx.store.clearAttributes(sheet, this.rect, ['validations']);
    if (o.commentsOnly) this.ctx.store.clearAttributes(sheet, this.rect, ['notes']);
    return this.self();
  }
  clearContent(): Range {
    this.ctx.store.clearContents(this.write('clearContent'), this.rect);
    return this.self();
  }
  clearFormat(): Range {
    this.ctx.store.clearAttributes(this.write('clearFormat'), this.rect, FORMAT_GRID_KEYS);
    return this.self();
  }
  clearNote(): Range {
    this.ctx.store.clearAttributes(this.write('clearNote'), this.rect, ['notes']);
    return this.self();
  }
  clearDataValidations(): Range {
    this.ctx.store.clearAttributes(this.write('clearDataValidations'), this.rect, ['validations']);
    return this.self();
  }

  // ---- attributes ----
  private readAttr<K extends AttributeGridKey>(key: K): ReturnType<typeof this.ctx.store.readAttribute<K>> {
    return this.ctx.store.readAttribute(this.sheetData, key, this.rect);
  }
  private first<T>(grid: T[][]): T {
    return grid[0][0];
  }
  private topLeft(): GridRect {
    return { ...this.rect, numRows: 1, numColumns: 1 };
  }

  getNotes(): string[][] {
    return this.readAttr('notes').map((row) => row.map((n) => n ?? ''));
  }
  getNote(): string {
    return this.ctx.store.readAttribute(this.sheetData, 'notes', this.topLeft())[0][0] ?? '';
  }
  setNote(note: string | null): Range {
    const sheet = this.write('setNote');
    this.ctx.store.fillAttribute(
      sheet,
      'notes',
      this.rect,
      note === null || note === undefined || note === '' ? null : String(note),
    );
    return this.self();
  }
  setNotes(notes: (string | null)[][]): Range {
    const sheet = this.write('setNotes');
    assertShape(notes, this.rect);
    this.ctx.store.writeAttribute(
      sheet,
      'notes',
      this.rect,
      notes.map((row) => row.map((n) => (n === null || n === '' ? null : String(n)))),
    );
    return this.self();
  }

  getNumberFormats(): string[][] {
    return this.readAttr('numberFormats').map((row) => row.map((f) => f ?? '0.###############'));
  }
  getNumberFormat(): string {
    return (
      this.first(this.ctx.store.readAttribute(this.sheetData, 'numberFormats', this.topLeft())) ??
      '0.###############'
    );
  }
  setNumberFormat(numberFormat: string): Range {
    const sheet = this.write('setNumberFormat');
    this.ctx.store.fillAttribute(
      sheet,
      'numberFormats',
      this.rect,
      numberFormat ? String(numberFormat) : null,
    );
    return this.self();
  }
  setNumberFormats(numberFormats: string[][]): Range {
    const sheet = this.write('setNumberFormats');
    assertShape(numberFormats, this.rect);
    this.ctx.store.writeAttribute(
      sheet,
      'numberFormats',
      this.rect,
      numberFormats.map((row) => row.map((f) => (f ? String(f) : null))),
    );
    return this.self();
  }

  getBackgrounds(): string[][] {
    return this.readAttr('backgrounds').map((row) => row.map((b) => b ?? '#ffffff'));
  }
  getBackground(): string {
    return (
      this.first(this.ctx.store.readAttribute(this.sheetData, 'backgrounds', this.topLeft())) ?? '#ffffff'
    );
  }
  setBackground(color: string | null): Range {
    const sheet = this.write('setBackground');
    const c = normaliseColor(color);
    this.ctx.store.fillAttribute(sheet, 'backgrounds', this.rect, c === '#ffffff' ? null : c);
    return this.self();
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    const sheet = this.write('setBackgrounds');
    assertShape(colors, this.rect);
    this.ctx.store.writeAttribute(
      sheet,
      'backgrounds',
      this.rect,
      colors.map((row) =>
        row.map((c) => {
          const n = normaliseColor(c);
          return n === '#ffffff' ? null : n;
        }),
      ),
    );
    return this.self();
  }
  setFontColor(color: string | null): Range {
    const sheet = this.write('setFontColor');
    this.ctx.store.fillAttribute(sheet, 'fontColors', this.rect, normaliseColor(color));
    return this.self();
  }
  setFontColors(colors: (string | null)[][]): Range {
    const sheet = this.write('setFontColors');
    assertShape(colors, this.rect);
    this.ctx.store.writeAttribute(
      sheet,
      'fontColors',
      this.rect,
      colors.map((row) => row.map((c) => normaliseColor(c))),
    );
    return this.self();
  }
  /** Font colour of the top-left cell (deprecated in Apps Script but still used). */
  getFontColor(): string {
    return (
      this.first(this.ctx.store.readAttribute(this.sheetData, 'fontColors', this.topLeft())) ?? '#000000'
    );
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.readAttr('fontWeights').map((row) => row.map((w) => (w === 'bold' ? 'bold' : 'normal')));
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.first(this.ctx.store.readAttribute(this.sheetData, 'fontWeights', this.topLeft())) === 'bold'
      ? 'bold'
      : 'normal';
  }
  setFontWeight(fontWeight: string | null): Range {
    const sheet = this.write('setFontWeight');
    this.ctx.store.fillAttribute(sheet, 'fontWeights', this.rect, fontWeight === 'bold' ? 'bold' : null);
    return this.self();
  }
  setFontWeights(fontWeights: (string | null)[][]): Range {
    const sheet = this.write('setFontWeights');
    assertShape(fontWeights, this.rect);
    this.ctx.store.writeAttribute(
      sheet,
      'fontWeights',
      this.rect,
      fontWeights.map((row) => row.map((w) => (w === 'bold' ? 'bold' : null))),
    );
    return this.self();
  }

  getHorizontalAlignments(): string[][] {
    return this.readAttr('horizontalAlignments').map((row) => row.map((a) => a ?? 'general'));
  }
  getHorizontalAlignment(): string {
    return (
      this.first(this.ctx.store.readAttribute(this.sheetData, 'horizontalAlignments', this.topLeft())) ??
      'general'
    );
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): Range {
    const sheet = this.write('setHorizontalAlignment');
    this.ctx.store.fillAttribute(
      sheet,
      'horizontalAlignments',
      this.rect,
      alignment && alignment !== 'normal' ? alignment : null,
    );
    return this.self();
  }
  setHorizontalAlignments(alignments: (string | null)[][]): Range {
    const sheet = this.write('setHorizontalAlignments');
    assertShape(alignments, this.rect);
    this.ctx.store.writeAttribute(
      sheet,
      'horizontalAlignments',
      this.rect,
      alignments.map((row) => row.map((a) => (a && a !== 'normal' ? a : null))),
    );
    return this.self();
  }
  getWraps(): boolean[][] {
    return this.readAttr('wraps').map((row) => row.map((w) => w ?? false));
  }
  getWrap(): boolean {
    return this.first(this.ctx.store.readAttribute(this.sheetData, 'wraps', this.topLeft())) ?? false;
  }
  setWrap(isWrapEnabled: boolean): Range {
    const sheet = this.write('setWrap');
    this.ctx.store.fillAttribute(sheet, 'wraps', this.rect, isWrapEnabled ? true : null);
    return this.self();
  }
  setWraps(isWrapEnabled: boolean[][]): Range {
    const sheet = this.write('setWraps');
    assertShape(isWrapEnabled, this.rect);
    this.ctx.store.writeAttribute(
      sheet,
      'wraps',
      this.rect,
      isWrapEnabled.map((row) => row.map((w) => (w ? true : null))),
    );
    return this.self();
  }

  // ---- data validation ----
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.readAttr('validations').map((row) =>
      row.map((id) => {
        const spec = this.ctx.store.validationRule(id);
        return spec
          ? (new DataValidationImpl(this.ctx, spec) as unknown as GoogleAppsScript.Spreadsheet.DataValidation)
          : null;
      }),
    );
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const id = this.first(this.ctx.store.readAttribute(this.sheetData, 'validations', this.topLeft()));
    const spec = this.ctx.store.validationRule(id);
    return spec
      ? (new DataValidationImpl(this.ctx, spec) as unknown as GoogleAppsScript.Spreadsheet.DataValidation)
      : null;
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    const sheet = this.write('setDataValidation');
    if (rule === null || rule === undefined) {
      this.ctx.store.fillAttribute(sheet, 'validations', this.rect, null);
      return this.self();
    }
    const spec = { ...specOf(rule), anchor: { row: this.rect.row, column: this.rect.column } };
    const id = this.ctx.store.addValidationRule(spec);
    this.ctx.store.fillAttribute(sheet, 'validations', this.rect, id);
    return this.self();
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): Range {
    const sheet = this.write('setDataValidations');
    assertShape(rules, this.rect);
    const ids = new Map<unknown, number>();
    // A column of one rule is one row array repeated (the membrane passes a repeated row once): its ids are those
    // of the row before, every rule in it having had its id (and anchor) from its first cell already.
    let previousRow: unknown;
    let previousIds: (number | null)[] = [];
    let lastRule: unknown;
    let lastId = 0;
    const grid = rules.map((row, r) => {
      if (r > 0 && row === previousRow) return previousIds;
      const line = row.map((rule, c) => {
        if (!rule) return null;
        if (rule === lastRule) return lastId;
        let id = ids.get(rule);
        if (id === undefined) {
          id = this.ctx.store.addValidationRule({
            ...specOf(rule),
            anchor: { row: this.rect.row + r, column: this.rect.column + c },
          });
          ids.set(rule, id);
        }
        lastRule = rule;
        lastId = id;
        return id;
      });
      previousRow = row;
      previousIds = line;
      return line;
    });
    this.ctx.store.writeAttribute(sheet, 'validations', this.rect, grid);
    return this.self();
  }

  // ---- checkboxes ----
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): Range {
    const sheet = this.write('insertCheckboxes');
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    const id = this.ctx.store.addValidationRule({
      criteria: 'CHECKBOX',
      values: values.map((v) =>
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v),
      ),
      allowInvalid: false,
      helpText: null,
      anchor: { row: this.rect.row, column: this.rect.column },
    });
    this.ctx.store.fillAttribute(sheet, 'validations', this.rect, id);
    this.ctx.store.writeValues(
      sheet,
      this.rect,
      fill(this.rect, checkedValue === undefined ? false : (uncheckedValue ?? '')),
    );
    return this.self();
  }
  removeCheckboxes(): Range {
    const sheet = this.write('removeCheckboxes');
    this.ctx.store.clearAttributes(sheet, this.rect, ['validations']);
    this.ctx.store.clearContents(sheet, this.rect);
    return this.self();
  }
  /** Checked/unchecked values of each cell's checkbox rule (null: the cell is not a checkbox). */
  private checkboxStates(): ({ checked: unknown; unchecked: unknown } | null)[][] {
    return this.readAttr('validations').map((row) =>
      row.map((id) => {
        const spec = this.ctx.store.validationRule(id);
        if (!spec || spec.criteria !== 'CHECKBOX') return null;
        return {
          checked: spec.values.length > 0 ? spec.values[0] : true,
          unchecked: spec.values.length > 1 ? spec.values[1] : spec.values.length > 0 ? '' : false,
        };
      }),
    );
  }
  /**
   * Sets every checkbox of the range to its checked (or unchecked) value; cells holding neither configured value
   * are left alone (developers.google.com/apps-script/reference/spreadsheet/range#check()).
   */
  private setChecked(method: string, checked: boolean): Range {
    const sheet = this.write(method);
    const states = this.checkboxStates();
    const values = this.getValues();
    const same = (a: unknown, b: unknown): boolean => a === b || (a === '' && b === null);
    states.forEach((row, r) =>
      row.forEach((state, c) => {
        if (!state) return;
        const current = values[r][c];
        if (!same(current, state.checked) && !same(current, state.unchecked)) return;
        const cell = { row: this.rect.row + r, column: this.rect.column + c, numRows: 1, numColumns: 1 };
        this.ctx.store.writeValues(sheet, cell, [[checked ? state.checked : state.unchecked]]);
      }),
    );
    return this.self();
  }
  check(): Range {
    return this.setChecked('check', true);
  }
  uncheck(): Range {
    return this.setChecked('uncheck', false);
  }
  /**
   * True when every cell is a checked checkbox, false when every cell is an unchecked one, null otherwise
   * (developers.google.com/apps-script/reference/spreadsheet/range#isChecked()).
   */
  isChecked(): boolean | null {
    const states = this.checkboxStates().flat();
    const values = this.getValues().flat();
    if (states.some((s) => s === null)) return null;
    if (states.every((s, i) => values[i] === s?.checked)) return true;
    if (states.every((s, i) => values[i] === s?.unchecked || (values[i] === '' && s?.unchecked === '')))
      return false;
    return null;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.ctx.assertWritable('protect');
    return ProtectionImpl.create(this.ctx, 'RANGE', this.sheetId, { ...this.rect }, this.openRows);
  }

  // ---- further formats (font, alignment, text direction/rotation, wrap strategy, borders) ----
  private styleGrid(key: StyleKey, sheet = this.sheetData): Grid<string | number> {
    sheet.styles ??= {};
    return (sheet.styles[key] ??= []);
  }
  private readStyle<T>(key: StyleKey, fallback: T): (string | number | T)[][] {
    return readRect(this.styleGrid(key), this.rect, fallback);
  }
  private writeStyle(method: string, key: StyleKey, value: string | number | null): Range {
    const sheet = this.write(method);
    fillRect(this.styleGrid(key, sheet), this.rect, value);
    return this.self();
  }
  private writeStyles(
    method: string,
    key: StyleKey,
    values: unknown[][],
    map: (v: unknown) => string | number | null,
  ): Range {
    const sheet = this.write(method);
    assertShape(values, this.rect);
    const grid = this.styleGrid(key, sheet);
    values.forEach((row, r) =>
      row.forEach((v, c) => setCell(grid, this.rect.row - 1 + r, this.rect.column - 1 + c, map(v))),
    );
    return this.self();
  }

  getFontFamilies(): string[][] {
    return this.readStyle('fontFamilies', 'Arial') as string[][];
  }
  getFontFamily(): string {
    return this.getFontFamilies()[0][0];
  }
  setFontFamily(fontFamily: string | null): Range {
    return this.writeStyle('setFontFamily', 'fontFamilies', fontFamily ? String(fontFamily) : null);
  }
  setFontFamilies(fontFamilies: (string | null)[][]): Range {
    return this.writeStyles('setFontFamilies', 'fontFamilies', fontFamilies, (v) => (v ? String(v) : null));
  }
  getFontSizes(): number[][] {
    return this.readStyle('fontSizes', 10) as number[][];
  }
  getFontSize(): number {
    return this.getFontSizes()[0][0];
  }
  setFontSize(size: number): Range {
    return this.writeStyle('setFontSize', 'fontSizes', size === 10 || size === null ? null : Number(size));
  }
  setFontSizes(sizes: (number | null)[][]): Range {
    return this.writeStyles('setFontSizes', 'fontSizes', sizes, (v) =>
      v === null || v === 10 ? null : Number(v),
    );
  }
  getFontStyles(): string[][] {
    return this.readStyle('fontStyles', 'normal') as string[][];
  }
  getFontStyle(): string {
    return this.getFontStyles()[0][0];
  }
  setFontStyle(fontStyle: string | null): Range {
    return this.writeStyle('setFontStyle', 'fontStyles', fontStyle === 'italic' ? 'italic' : null);
  }
  setFontStyles(fontStyles: (string | null)[][]): Range {
    return this.writeStyles('setFontStyles', 'fontStyles', fontStyles, (v) =>
      v === 'italic' ? 'italic' : null,
    );
  }
  getFontLines(): string[][] {
    return this.readStyle('fontLines', 'none') as string[][];
  }
  getFontLine(): string {
    return this.getFontLines()[0][0];
  }
  setFontLine(fontLine: string | null): Range {
    return this.writeStyle(
      'setFontLine',
      'fontLines',
      fontLine && fontLine !== 'none' ? String(fontLine) : null,
    );
  }
  setFontLines(fontLines: (string | null)[][]): Range {
    return this.writeStyles('setFontLines', 'fontLines', fontLines, (v) =>
      v && v !== 'none' ? String(v) : null,
    );
  }
  getVerticalAlignments(): string[][] {
    return this.readStyle('verticalAlignments', 'bottom') as string[][];
  }
  getVerticalAlignment(): string {
    return this.getVerticalAlignments()[0][0];
  }
  setVerticalAlignment(alignment: string | null): Range {
    return this.writeStyle(
      'setVerticalAlignment',
      'verticalAlignments',
      alignment && alignment !== 'bottom' ? String(alignment).toLowerCase() : null,
    );
  }
  setVerticalAlignments(alignments: (string | null)[][]): Range {
    return this.writeStyles('setVerticalAlignments', 'verticalAlignments', alignments, (v) =>
      v && v !== 'bottom' ? String(v).toLowerCase() : null,
    );
  }
  /** Text direction of each cell; null where not set (reference/spreadsheet/range#getTextDirections()). */
  getTextDirections(): (string | null)[][] {
    return this.readStyle('textDirections', null) as (string | null)[][];
  }
  getTextDirection(): string | null {
    return this.getTextDirections()[0][0];
  }
  setTextDirection(direction: unknown): Range {
    return this.writeStyle('setTextDirection', 'textDirections', direction ? String(direction) : null);
  }
  setTextDirections(directions: unknown[][]): Range {
    return this.writeStyles('setTextDirections', 'textDirections', directions, (v) => (v ? String(v) : null));
  }
  private rotationOf(value: string | number | null): TextRotationValue {
    const vertical = value === 'vertical';
    const degrees = typeof value === 'number' ? value : 0;
    return { getDegrees: () => degrees, isVertical: () => vertical, toString: () => 'TextRotation' };
  }
  getTextRotations(): TextRotationValue[][] {
    return this.readStyle('textRotations', null).map((row) => row.map((v) => this.rotationOf(v)));
  }
  getTextRotation(): TextRotationValue {
    return this.getTextRotations()[0][0];
  }
  /** An angle from -90 to 90 degrees, or a TextRotation (reference/spreadsheet/range#setTextRotation(Integer)). */
  setTextRotation(rotation: number | TextRotationValue): Range {
    const value = rotationValue(rotation);
    return this.writeStyle('setTextRotation', 'textRotations', value);
  }
  setTextRotations(rotations: TextRotationValue[][]): Range {
    return this.writeStyles('setTextRotations', 'textRotations', rotations, (v) =>
      rotationValue(v as number | TextRotationValue),
    );
  }
  setVerticalText(isVertical: boolean): Range {
    return this.writeStyle('setVerticalText', 'textRotations', isVertical ? 'vertical' : null);
  }
  /** OVERFLOW unless set; setWrap(true) is WRAP (reference/spreadsheet/range#getWrapStrategies()). */
  getWrapStrategies(): string[][] {
    const wraps = this.getWraps();
    return this.readStyle('wrapStrategies', 'OVERFLOW').map((row, r) =>
      row.map((v, c) => (wraps[r][c] ? 'WRAP' : String(v))),
    );
  }
  getWrapStrategy(): string {
    return this.getWrapStrategies()[0][0];
  }
  setWrapStrategy(strategy: unknown): Range {
    const name = String(strategy);
    this.setWrap(name === 'WRAP');
    return this.writeStyle(
      'setWrapStrategy',
      'wrapStrategies',
      name === 'WRAP' || name === 'OVERFLOW' ? null : name,
    );
  }
  setWrapStrategies(strategies: unknown[][]): Range {
    assertShape(strategies, this.rect);
    this.setWraps(strategies.map((row) => row.map((s) => String(s) === 'WRAP')));
    return this.writeStyles('setWrapStrategies', 'wrapStrategies', strategies, (v) =>
      String(v) === 'WRAP' || String(v) === 'OVERFLOW' ? null : String(v),
    );
  }
  setShowHyperlink(showHyperlink: boolean): Range {
    return this.writeStyle('setShowHyperlink', 'showHyperlinks', showHyperlink === false ? 'false' : null);
  }
  /** A colour from red, green and blue 0-255 (reference/spreadsheet/range#setBackgroundRGB(Integer,Integer,Integer)). */
  setBackgroundRGB(red: number, green: number, blue: number): Range {
    const hex = [red, green, blue].map((v) =>
      Math.max(0, Math.min(255, Math.round(Number(v))))
        .toString(16)
        .padStart(2, '0'),
    );
    return this.setBackground(`#${hex.join('')}`);
  }
  /**
   * Borders: true sets a side, false clears it, null leaves it (reference/spreadsheet/range#setBorder). Kept per
   * cell as "top,left,bottom,right,vertical,horizontal|color|style"; nothing reads borders back in Apps Script.
   */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: unknown,
  ): Range {
    const sheet = this.write('setBorder');
    const grid = this.styleGrid('borders', sheet);
    const flags = [top, left, bottom, right, vertical, horizontal];
    for (let r = 0; r < this.rect.numRows; r++)
      for (let c = 0; c < this.rect.numColumns; c++) {
        const [row0, column0] = [this.rect.row - 1 + r, this.rect.column - 1 + c];
        const old = String(getCell(grid, row0, column0) ?? '0,0,0,0,0,0||').split('|');
        const sides = old[0].split(',');
        flags.forEach((f, i) => {
          if (f !== null && f !== undefined) sides[i] = f ? '1' : '0';
        });
        const next = `${sides.join(',')}|${color ?? old[1] ?? ''}|${style ? String(style) : (old[2] ?? '')}`;
        setCell(grid, row0, column0, sides.every((s) => s === '0') ? null : next);
      }
    return this.self();
  }
  /** The cells' text style: font family, size, colour, bold, italic, underline, strikethrough. */
  getTextStyles(): TextStyleImpl[][] {
    const families = this.getFontFamilies();
    const sizes = this.getFontSizes();
    const colors = this.readAttr('fontColors');
    const weights = this.readAttr('fontWeights');
    const styles = this.getFontStyles();
    const lines = this.getFontLines();
    return families.map((row, r) =>
      row.map(
        (family, c) =>
          new TextStyleImpl({
            fontFamily: family,
            fontSize: sizes[r][c],
            foregroundColor: colors[r][c] ?? '#000000',
            bold: weights[r][c] === 'bold',
            italic: styles[r][c] === 'italic',
            underline: lines[r][c] === 'underline',
            strikethrough: lines[r][c] === 'line-through',
          }),
      ),
    );
  }
  getTextStyle(): TextStyleImpl {
    return this.getTextStyles()[0][0];
  }
  /** Applies the set attributes of a TextStyle to every cell (reference/spreadsheet/range#setTextStyle(TextStyle)). */
  setTextStyle(style: TextStyleImpl): Range {
    const s = style.spec;
    if (s.fontFamily !== null) this.setFontFamily(s.fontFamily);
    if (s.fontSize !== null) this.setFontSize(s.fontSize);
    if (s.foregroundColor !== null) this.setFontColor(s.foregroundColor);
    if (s.bold !== null) this.setFontWeight(s.bold ? 'bold' : 'normal');
    if (s.italic !== null) this.setFontStyle(s.italic ? 'italic' : 'normal');
    if (s.underline !== null || s.strikethrough !== null)
      this.setFontLine(s.underline ? 'underline' : s.strikethrough ? 'line-through' : 'none');
    return this.self();
  }
  setTextStyles(styles: TextStyleImpl[][]): Range {
    assertShape(styles, this.rect);
    styles.forEach((row, r) =>
      row.forEach((style, c) => (this.getCell(r + 1, c + 1) as unknown as RangeImpl).setTextStyle(style)),
    );
    return this.self();
  }

  // ---- R1C1 formulas ----
  getFormulasR1C1(): string[][] {
    return this.getFormulas().map((row, r) =>
      row.map((f, c) => a1ToR1C1(f, this.rect.row + r, this.rect.column + c)),
    );
  }
  getFormulaR1C1(): string {
    return this.getFormulasR1C1()[0][0];
  }
  /** One R1C1 formula for every cell: relative references stay relative to each cell. */
  setFormulaR1C1(formula: string): Range {
    const rows = Array.from({ length: this.rect.numRows }, (_, r) =>
      Array.from({ length: this.rect.numColumns }, (_c, c) =>
        r1c1ToA1(asFormula(formula), this.rect.row + r, this.rect.column + c),
      ),
    );
    return this.setFormulas(rows);
  }
  setFormulasR1C1(formulas: string[][]): Range {
    assertShape(formulas, this.rect);
    return this.setFormulas(
      formulas.map((row, r) =>
        row.map((f, c) => r1c1ToA1(asFormula(f), this.rect.row + r, this.rect.column + c)),
      ),
    );
  }

  // ---- merges ----
  private merges(sheet = this.sheetData): GridRect[] {
    return (sheet.merges ??= []);
  }
  private mergeRects(method: string, rects: GridRect[]): Range {
    const sheet = this.write(method);
    for (const rect of rects) {
      if (rect.numRows === 1 && rect.numColumns === 1) continue;
      // Sheets keeps the top-left value of a merged block and clears the others.
      const values = this.ctx.store.readCells(sheet, rect);
      const cleared = values.map((row, r) =>
        row.map((cell, c) => (r === 0 && c === 0 ? cell : { literal: null, formula: null })),
      );
      this.ctx.store.writeCells(sheet, rect, cleared);
      sheet.merges = this.merges(sheet).filter((m) => !overlaps(m, rect));
      sheet.merges.push({ ...rect });
    }
    return this.self();
  }
  merge(): Range {
    return this.mergeRects('merge', [this.rect]);
  }
  mergeAcross(): Range {
    return this.mergeRects(
      'mergeAcross',
      Array.from({ length: this.rect.numRows }, (_, r) => ({
        ...this.rect,
        row: this.rect.row + r,
        numRows: 1,
      })),
    );
  }
  mergeVertically(): Range {
    return this.mergeRects(
      'mergeVertically',
      Array.from({ length: this.rect.numColumns }, (_, c) => ({
        ...this.rect,
        column: this.rect.column + c,
        numColumns: 1,
      })),
    );
  }
  /** Splits every merged block that overlaps the range (reference/spreadsheet/range#breakApart()). */
  breakApart(): Range {
    const sheet = this.write('breakApart');
    sheet.merges = this.merges(sheet).filter((m) => !overlaps(m, this.rect));
    return this.self();
  }
  isPartOfMerge(): boolean {
    return this.merges().some((m) => overlaps(m, this.rect));
  }
  getMergedRanges(): Range[] {
    return this.merges()
      .filter((m) => overlaps(m, this.rect))
      .map((m) => this.ctx.range(this.sheetId, m));
  }

  // ---- copying and moving ----
  /** What a copy carries: raw contents (or computed values), formats and styles, validations. */
  private snapshot(valuesOnly: boolean): Snapshot {
    const source = this.sheetData;
    return {
      from: { ...this.rect },
      cells: valuesOnly
        ? this.ctx.store
            .rawComputed(source, this.rect)
            .map((row) => row.map((v) => ({ literal: v.value, formula: null })))
        : this.ctx.store.readCells(source, this.rect),
      attributes: ATTRIBUTE_GRID_KEYS.filter((k) => k !== 'notes').map(
        (k) => [k, this.ctx.store.readAttribute(source, k, this.rect)] as const,
      ),
      styles: Object.entries(source.styles ?? {}).map(
        ([k, grid]) => [k as StyleKey, readRect(grid ?? [], this.rect, null)] as const,
      ),
    };
  }
  /** Writes a snapshot at the target's top-left, repeated when the target is a whole multiple of it. */
  private paste(snap: Snapshot, target: RangeImpl, what: PasteParts, moveFormulas: boolean): void {
    const sheet = target.sheetData;
    const numRows = snap.from.numRows;
    const numColumns = snap.from.numColumns;
    const repeatRows = Math.max(1, Math.floor(target.rect.numRows / numRows));
    const repeatColumns = Math.max(1, Math.floor(target.rect.numColumns / numColumns));
    for (let i = 0; i < repeatRows; i++)
      for (let j = 0; j < repeatColumns; j++) {
        const at: GridRect = {
          row: target.rect.row + i * numRows,
          column: target.rect.column + j * numColumns,
          numRows,
          numColumns,
        };
        checkRect(sheet, at);
        const dr = moveFormulas ? at.row - snap.from.row : 0;
        const dc = moveFormulas ? at.column - snap.from.column : 0;
        if (what.contents)
          this.ctx.store.writeCells(
            sheet,
            at,
            snap.cells.map((row) =>
              row.map((cell) => ({
                literal: cell.literal,
                formula: cell.formula ? offsetRelativeRefs(cell.formula, dr, dc) : null,
              })),
            ),
          );
        for (const [key, grid] of snap.attributes) {
          if (key === 'validations' ? !what.validations : !what.formats) continue;
          this.ctx.store.writeAttribute(sheet, key, at, grid as never);
        }
        if (!what.formats) continue;
        for (const [key, grid] of snap.styles) {
          sheet.styles ??= {};
          const out = (sheet.styles[key] ??= []);
          grid.forEach((row, r) => row.forEach((v, c) => setCell(out, at.row - 1 + r, at.column - 1 + c, v)));
        }
      }
  }
  /**
   * Copies contents and formats (or what options / the CopyPasteType say) to a destination's top-left cell
   * (reference/spreadsheet/range#copyTo(Range,CopyPasteType,Boolean)). Relative references move with the copy.
   */
  copyTo(destination: Range, optionsOrType?: unknown, transposed?: boolean): void {
    this.ctx.assertWritable('copyTo');
    const target = destination as unknown as RangeImpl;
    if (!(target instanceof RangeImpl))
      throw new Error('The destination range was not made by this runtime.');
    this.ctx.assertEditable(target.sheetId, target.rect);
    if (transposed) notSupported('Range.copyTo (transposed)');
    let what: PasteParts = { contents: true, formats: true, validations: true };
    let valuesOnly = false;
    if (optionsOrType && typeof optionsOrType === 'object') {
      const o = optionsOrType as { formatOnly?: boolean; contentsOnly?: boolean };
      if (o.formatOnly) what = { contents: false, formats: true, validations: true };
      if (o.contentsOnly) what = { contents: true, formats: false, validations: false };
    } else if (optionsOrType !== undefined) {
      switch (String(optionsOrType)) {
        case 'PASTE_VALUES':
          what = { contents: true, formats: false, validations: false };
          valuesOnly = true;
          break;
        case 'PASTE_FORMAT':
          what = { contents: false, formats: true, validations: false };
          break;
        case 'PASTE_FORMULA':
          what = { contents: true, formats: false, validations: false };
          break;
        case 'PASTE_DATA_VALIDATION':
          what = { contents: false, formats: false, validations: true };
          break;
        case 'PASTE_NORMAL':
        case 'PASTE_NO_BORDERS':
          break;
        default:
          notSupported(`Range.copyTo(${String(optionsOrType)})`);
      }
    }
    this.paste(this.snapshot(valuesOnly), target, what, true);
  }
  private gridTarget(
    gridIdOrSheet: unknown,
    column: number,
    columnEnd: number,
    row: number,
    rowEnd: number,
  ): Range {
    const sheetId =
      typeof gridIdOrSheet === 'number'
        ? gridIdOrSheet
        : (gridIdOrSheet as GoogleAppsScript.Spreadsheet.Sheet).getSheetId();
    return this.ctx.range(sheetId, {
      row,
      column,
      numRows: rowEnd - row + 1,
      numColumns: columnEnd - column + 1,
    });
  }
  /** reference/spreadsheet/range#copyValuesToRange(Sheet,Integer,Integer,Integer,Integer) */
  copyValuesToRange(
    gridIdOrSheet: unknown,
    column: number,
    columnEnd: number,
    row: number,
    rowEnd: number,
  ): void {
    this.copyTo(this.gridTarget(gridIdOrSheet, column, columnEnd, row, rowEnd), 'PASTE_VALUES');
  }
  /** reference/spreadsheet/range#copyFormatToRange(Sheet,Integer,Integer,Integer,Integer) */
  copyFormatToRange(
    gridIdOrSheet: unknown,
    column: number,
    columnEnd: number,
    row: number,
    rowEnd: number,
  ): void {
    this.copyTo(this.gridTarget(gridIdOrSheet, column, columnEnd, row, rowEnd), 'PASTE_FORMAT');
  }
  /**
   * Cuts and pastes contents and formats to the target's top-left cell; formulas keep pointing where they did
   * (reference/spreadsheet/range#moveTo(Range)). Formulas elsewhere that referred to the moved cells are not
   * rewritten (Sheets follows them): a known difference.
   */
  moveTo(target: Range): void {
    const destination = target as unknown as RangeImpl;
    this.ctx.assertWritable('moveTo');
    this.ctx.assertEditable(destination.sheetId, destination.rect);
    const snap = this.snapshot(false);
    this.clear();
    this.clearDataValidations();
    const to = new RangeImpl(this.ctx, destination.sheetId, {
      ...destination.rect,
      numRows: this.rect.numRows,
      numColumns: this.rect.numColumns,
    });
    this.paste(snap, to, { contents: true, formats: true, validations: true }, false);
  }

  // ---- data regions ----
  private hasContent(sheet: SheetData, row: number, column: number): boolean {
    if (row < 1 || column < 1 || row > sheet.maxRows || column > sheet.maxColumns) return false;
    const cell = { row, column, numRows: 1, numColumns: 1 };
    return this.ctx.store.readValues(sheet, cell)[0][0] !== '';
  }
  /**
   * The block of data around the range, as Ctrl+A finds it; with a Dimension, only that way
   * (reference/spreadsheet/range#getDataRegion()).
   */
  getDataRegion(dimension?: unknown): Range {
    const sheet = this.sheetData;
    let { row, column } = this.rect;
    let lastRow = this.getLastRow();
    let lastColumn = this.getLastColumn();
    const rows = dimension === undefined || String(dimension) === 'ROWS';
    const columns = dimension === undefined || String(dimension) === 'COLUMNS';
    const any = (r0: number, r1: number, c0: number, c1: number): boolean => {
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++) if (this.hasContent(sheet, r, c)) return true;
      return false;
    };
    for (let changed = true; changed;) {
      changed = false;
      const c0 = Math.max(1, column - 1);
      const c1 = Math.min(sheet.maxColumns, lastColumn + 1);
      const r0 = Math.max(1, row - 1);
      const r1 = Math.min(sheet.maxRows, lastRow + 1);
      if (rows && row > 1 && any(row - 1, row - 1, columns ? c0 : column, columns ? c1 : lastColumn))
        [row, changed] = [row - 1, true];
      if (
        rows &&
        lastRow < sheet.maxRows &&
        any(lastRow + 1, lastRow + 1, columns ? c0 : column, columns ? c1 : lastColumn)
      )
        [lastRow, changed] = [lastRow + 1, true];
      if (columns && column > 1 && any(rows ? r0 : row, rows ? r1 : lastRow, column - 1, column - 1))
        [column, changed] = [column - 1, true];
      if (
        columns &&
        lastColumn < sheet.maxColumns &&
        any(rows ? r0 : row, rows ? r1 : lastRow, lastColumn + 1, lastColumn + 1)
      )
        [lastColumn, changed] = [lastColumn + 1, true];
    }
    return this.ctx.range(this.sheetId, {
      row,
      column,
      numRows: lastRow - row + 1,
      numColumns: lastColumn - column + 1,
    });
  }
  /**
   * From the top-left cell, the edge of its block of data in a direction, as Ctrl+arrow moves
   * (reference/spreadsheet/range#getNextDataCell(Direction)).
   */
  getNextDataCell(direction: unknown): Range {
    const sheet = this.sheetData;
    const [dr, dc] = (
      { UP: [-1, 0], DOWN: [1, 0], PREVIOUS: [0, -1], NEXT: [0, 1] } as Record<string, [number, number]>
    )[String(direction)] ?? [0, 0];
    if (dr === 0 && dc === 0) throw signatureError('Range.getNextDataCell', [direction]);
    const inGrid = (r: number, c: number): boolean =>
      r >= 1 && c >= 1 && r <= sheet.maxRows && c <= sheet.maxColumns;
    let { row, column } = this.rect;
    const here = this.hasContent(sheet, row, column);
    const next = this.hasContent(sheet, row + dr, column + dc);
    if (here && next) {
      while (inGrid(row + dr, column + dc) && this.hasContent(sheet, row + dr, column + dc))
        [row, column] = [row + dr, column + dc];
    } else {
      row += dr;
      column += dc;
      while (inGrid(row, column) && !this.hasContent(sheet, row, column) && inGrid(row + dr, column + dc))
        [row, column] = [row + dr, column + dc];
      if (!inGrid(row, column)) [row, column] = [row - dr, column - dc];
    }
    return this.ctx.range(this.sheetId, { row, column, numRows: 1, numColumns: 1 });
  }

  // ---- cleaning data ----
  /**
   * Removes rows whose values in the compared columns repeat an earlier row; remaining rows move up and the rows
   * freed at the bottom are cleared (reference/spreadsheet/range#removeDuplicates(Integer)).
   */
  removeDuplicates(columnsToCompare?: number[]): Range {
    const sheet = this.write('removeDuplicates');
    const values = this.getValues();
    const columns = (
      columnsToCompare ?? Array.from({ length: this.rect.numColumns }, (_, i) => this.rect.column + i)
    ).map((c) => {
      const index = Number(c) - this.rect.column;
      if (index < 0 || index >= this.rect.numColumns)
        throw new Error('The column to compare is outside the range.');
      return index;
    });
    const seen = new Set<string>();
    const keep: number[] = [];
    values.forEach((row, r) => {
      const key = JSON.stringify(
        columns.map((c) => (row[c] instanceof Date ? (row[c] as Date).getTime() : row[c])),
      );
      if (seen.has(key)) return;
      seen.add(key);
      keep.push(r);
    });
    this.permuteRows(sheet, keep);
    return this.ctx.range(this.sheetId, { ...this.rect, numRows: Math.max(1, keep.length) });
  }
  /** Moves the listed rows (indexes into the range) to the top, in order, clearing the rest. */
  private permuteRows(sheet: SheetData, order: number[]): void {
    const cells = this.ctx.store.readCells(sheet, this.rect);
    const attributes = ATTRIBUTE_GRID_KEYS.map(
      (k) => [k, this.ctx.store.readAttribute(sheet, k, this.rect)] as const,
    );
    const styles = Object.entries(sheet.styles ?? {}).map(
      ([k, grid]) => [k, grid ?? [], readRect(grid ?? [], this.rect, null)] as const,
    );
    const empty = { literal: null, formula: null };
    const pick = <T>(rows: T[][], blank: T): T[][] =>
      Array.from({ length: this.rect.numRows }, (_, r) =>
        r < order.length ? rows[order[r]] : rows[0].map(() => blank),
      );
    this.ctx.store.writeCells(
      sheet,
      this.rect,
      pick(cells, empty).map((row, r) =>
        row.map((cell) =>
          cell.formula && r < order.length
            ? { ...cell, formula: offsetRelativeRefs(cell.formula, r - order[r], 0) }
            : cell,
        ),
      ),
    );
    for (const [key, grid] of attributes)
      this.ctx.store.writeAttribute(sheet, key, this.rect, pick(grid as unknown[][], null) as never);
    for (const [, target, grid] of styles) {
      pick(grid, null).forEach((row, r) =>
        row.forEach((v, c) => setCell(target, this.rect.row - 1 + r, this.rect.column - 1 + c, v)),
      );
    }
  }
  /**
   * Trims leading and trailing whitespace and turns every other run of whitespace into one space, in every text
   * cell (reference/spreadsheet/range#trimWhitespace()). Formulas are left alone.
   */
  trimWhitespace(): Range {
    const sheet = this.write('trimWhitespace');
    const cells = this.ctx.store.readCells(sheet, this.rect);
    const trimmed = cells.map((row) =>
      row.map((cell) =>
        typeof cell.literal === 'string' && !cell.formula
          ? { ...cell, literal: cell.literal.trim().replace(/\s+/g, ' ') || null }
          : cell,
      ),
    );
    this.ctx.store.writeCells(sheet, this.rect, trimmed);
    return this.self();
  }
  /**
   * Sorts the rows of the range by one or more columns (a column number, {column, ascending}, or a list of them):
   * numbers before text before booleans, text without regard to case, empty cells last
   * (reference/spreadsheet/range#sort(Object)).
   */
  sort(sortSpecObj: unknown): Range {
    const sheet = this.write('sort');
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((s) => {
      const spec =
        typeof s === 'number'
          ? { column: s, ascending: true }
          : (s as { column: number; ascending?: boolean });
      const index = Number(spec.column) - this.rect.column;
      if (!Number.isInteger(index) || index < 0 || index >= this.rect.numColumns)
        throw new Error(`The column to sort by (${String(spec.column)}) is outside the range.`);
      return { index, ascending: spec.ascending !== false };
    });
    const values = this.getValues();
    const order = values.map((_, r) => r);
    order.sort((a, b) => {
      for (const { index, ascending } of specs) {
        const x = values[a][index];
        const y = values[b][index];
        if (x === '' || y === '') {
          if (x === y) continue;
          return x === '' ? 1 : -1;
        }
        const diff = compareCells(x, y);
        if (diff !== 0) return ascending ? diff : -diff;
      }
      return a - b;
    });
    this.permuteRows(sheet, order);
    return this.self();
  }
  /** Shuffles the rows (reference/spreadsheet/range#randomize()). */
  randomize(): Range {
    const sheet = this.write('randomize');
    const order = Array.from({ length: this.rect.numRows }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    this.permuteRows(sheet, order);
    return this.self();
  }
  /**
   * Splits a column of text into columns at a delimiter (a string or a TextToColumnsDelimiter; by default the one
   * found in the text among comma, semicolon, period, space) (reference/spreadsheet/range#splitTextToColumns()).
   */
  splitTextToColumns(delimiter?: unknown): void {
    const sheet = this.write('splitTextToColumns');
    const named: Record<string, string> = { COMMA: ',', SEMICOLON: ';', PERIOD: '.', SPACE: ' ' };
    const texts = this.getDisplayValues().map((row) => row[0]);
    const sep =
      delimiter === undefined
        ? ([',', ';', '.', ' '].find((d) => texts.some((t) => t.includes(d))) ?? ',')
        : (named[String(delimiter)] ?? String(delimiter));
    const parts = texts.map((t) => (t === '' ? [''] : t.split(sep)));
    const width = Math.max(1, ...parts.map((p) => p.length));
    const rect = { ...this.rect, numColumns: width };
    if (rect.column + width - 1 > sheet.maxColumns) sheet.maxColumns = rect.column + width - 1;
    this.ctx.store.writeValues(
      sheet,
      rect,
      parts.map((p) => Array.from({ length: width }, (_, i) => p[i] ?? '')),
    );
  }

  // ---- finding, lists, editing rights ----
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return new TextFinderImpl(this.ctx, String(findText), () => [
      { sheetId: this.sheetId, rect: this.rect },
    ]) as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }
  /** Whether the user may edit every cell of the range (reference/spreadsheet/range#canEdit()). */
  canEdit(): boolean {
    if (this.ctx.env.readOnly) return false;
    try {
      this.ctx.assertEditable(this.sheetId, this.rect);
      return true;
    } catch {
      return false;
    }
  }
  /** Makes the top-left cell the current cell (reference/spreadsheet/range#activateAsCurrentCell()). */
  activateAsCurrentCell(): Range {
    const cell = { ...this.rect, numRows: 1, numColumns: 1 };
    this.ctx.store.data.activeSheetId = this.sheetId;
    this.ctx.store.data.activeRange = { sheetId: this.sheetId, rect: cell };
    return this.ctx.range(this.sheetId, cell);
  }
  // The runtime has no bandings, data-source objects or developer metadata: the lists are empty.
  getBandings(): [] {
    return [];
  }
  getDataSourceTables(): [] {
    return [];
  }
  getDataSourcePivotTables(): [] {
    return [];
  }
  getDataSourceFormulas(): [] {
    return [];
  }
  getDataSourceFormula(): null {
    return null;
  }
  getDeveloperMetadata(): [] {
    return [];
  }
  toString(): string {
    return 'Range';
  }
}

function asFormula(formula: unknown): string {
  if (formula === null || formula === undefined) return '';
  const text = String(formula);
  if (text === '') return '';
  return text;
}

function specOf(rule: GoogleAppsScript.Spreadsheet.DataValidation): DataValidationImpl['spec'] {
  if (rule instanceof DataValidationImpl) return structuredClone(rule.spec);
  throw new Error('The data validation rule was not built by this spreadsheet runtime.');
}

SpreadsheetContext.makeRange = (ctx, sheetId, rect, openRows) =>
  new RangeImpl(ctx, sheetId, rect, openRows) as unknown as Range;
