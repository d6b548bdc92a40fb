/** Range: a rectangle of a sheet, with Apps Script's value semantics and error messages. */
import { columnToLetters, rectToA1 } from './a1';
import { normaliseColor } from './colors';
import { is2dArray, SpreadsheetContext } from './context';
import { offsetRelativeRefs } from './formula-refs';
import { ProtectionImpl } from './protection';
import { FORMAT_GRID_KEYS } from './store';
import type { AttributeGridKey, GridRect, SheetData } from './types';
import { installUnsupportedMembers } from './unsupported';
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
    const grid = rules.map((row, r) =>
      row.map((rule, c) => {
        if (!rule) return null;
        let id = ids.get(rule);
        if (id === undefined) {
          id = this.ctx.store.addValidationRule({
            ...specOf(rule),
            anchor: { row: this.rect.row + r, column: this.rect.column + c },
          });
          ids.set(rule, id);
        }
        return id;
      }),
    );
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
  check(): Range {
    return this.setValue(true);
  }
  uncheck(): Range {
    return this.setValue(false);
  }
  isChecked(): boolean | null {
    const values = this.getValues().flat();
    if (values.every((v) => v === true)) return true;
    if (values.every((v) => v === false)) return false;
    return null;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.ctx.assertWritable('protect');
    return ProtectionImpl.create(this.ctx, 'RANGE', this.sheetId, { ...this.rect }, this.openRows);
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

installUnsupportedMembers(RangeImpl, 'Range');

SpreadsheetContext.makeRange = (ctx, sheetId, rect, openRows) =>
  new RangeImpl(ctx, sheetId, rect, openRows) as unknown as Range;
