/** Sheet: one tab of the workbook. */
import { parseA1 } from './a1';
import { chartSpecOf, EmbeddedChartBuilderImpl, EmbeddedChartImpl, newChartSpec } from './charts';
import { ConditionalFormatRuleImpl } from './conditional-format';
import { SpreadsheetContext } from './context';
import { NamedRangeImpl } from './named-range';
import { ProtectionImpl } from './protection';
import { RangeListImpl } from './range-list';
import { SelectionImpl } from './selection';
import { TextFinderImpl } from './text-finder';
import { checkRect } from './range';
import { FORMAT_GRID_KEYS } from './store';
import type { GridRect, SheetData } from './types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

type SupportedSheetMember =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumn'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearConditionalFormatRules'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getActiveCell'
  | 'getActiveRange'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getFilter'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getNamedRanges'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'getType'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showSheet'
  | 'updateChart';

const DEFAULT_COLUMN_WIDTH = 100;
/** Sheets' default row height in pixels. */
const DEFAULT_ROW_HEIGHT = 21;

export class SheetImpl implements Pick<Sheet, SupportedSheetMember> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly sheetId: number,
  ) {}

  private get data(): SheetData {
    return this.ctx.sheetData(this.sheetId);
  }
  private self(): Sheet {
    return this as unknown as Sheet;
  }
  private write(method: string): SheetData {
    this.ctx.assertWritable(method);
    return this.data;
  }
  private whole(sheet = this.data): GridRect {
    return { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
  }

  // ---- identity ----
  getName(): string {
    return this.data.name;
  }
  getSheetName(): string {
    return this.data.name;
  }
  setName(name: string): Sheet {
    this.write('setName');
    const trimmed = String(name ?? '');
    if (trimmed.trim() === '') throw new Error('Sheet names cannot be empty.');
    this.ctx.store.renameSheet(this.sheetId, trimmed);
    return this.self();
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getIndex(): number {
    return this.ctx.store.sheets().findIndex((s) => s.id === this.sheetId) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.ctx.spreadsheet();
  }
  getType(): GoogleAppsScript.Spreadsheet.SheetType {
    return 'GRID' as unknown as GoogleAppsScript.Spreadsheet.SheetType;
  }
  activate(): Sheet {
    this.ctx.store.data.activeSheetId = this.sheetId;
    if (this.ctx.store.data.activeRange?.sheetId !== this.sheetId) this.ctx.store.data.activeRange = null;
    return this.self();
  }

  // ---- ranges ----
  getRange(a1Notation: string): Range;
  getRange(row: number, column: number): Range;
  getRange(row: number, column: number, numRows: number): Range;
  getRange(row: number, column: number, numRows: number, numColumns: number): Range;
  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a === 'string') return this.rangeFromA1(a);
    if (typeof a !== 'number' || typeof column !== 'number') {
      throw new Error(
        `The parameters (${typeof a}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    const rect: GridRect = { row: a, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 };
    checkRect(this.data, rect);
    return this.ctx.range(this.sheetId, rect);
  }

  /** A1 forms Sheets accepts: `B2`, `A1:C9`, `A2:A`, `A:C`, `2:5`, and `'Other sheet'!A1`. */
  rangeFromA1(a1: string): Range {
    const ref = parseA1(String(a1));
    if (!ref) throw new Error('Range not found');
    let sheet = this.data;
    // A leading '!' with no sheet name means this sheet (Apps Script accepts `!C2:E5`).
    if (ref.sheetName !== undefined && ref.sheetName !== '') {
      const named = this.ctx.store.sheetByName(ref.sheetName);
      if (!named) throw new Error('Range not found');
      sheet = named;
    }
    const startRow = ref.startRow ?? 1;
    const startColumn = ref.startColumn ?? 1;
    const endRow = ref.endRow ?? sheet.maxRows;
    const endColumn = ref.endColumn ?? sheet.maxColumns;
    const rect: GridRect = {
      row: startRow,
      column: startColumn,
      numRows: endRow - startRow + 1,
      numColumns: endColumn - startColumn + 1,
    };
    checkRect(sheet, rect);
    return this.ctx.range(sheet.id, rect, ref.startRow === undefined && ref.endRow === undefined);
  }

  getDataRange(): Range {
    const rows = Math.max(1, this.getLastRow());
    const columns = Math.max(1, this.getLastColumn());
    return this.ctx.range(this.sheetId, { row: 1, column: 1, numRows: rows, numColumns: columns });
  }
  getLastRow(): number {
    return this.ctx.store.lastRow(this.data);
  }
  getLastColumn(): number {
    return this.ctx.store.lastColumn(this.data);
  }
  getMaxRows(): number {
    return this.data.maxRows;
  }
  getMaxColumns(): number {
    return this.data.maxColumns;
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const rows = numRows === -1 ? this.getLastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.getLastColumn() - startColumn + 1 : numColumns;
    return this.getRange(startRow, startColumn, rows, columns).getValues();
  }
  getActiveRange(): Range | null {
    const active = this.ctx.store.data.activeRange;
    if (active && active.sheetId === this.sheetId) return this.ctx.range(this.sheetId, active.rect);
    return this.ctx.range(this.sheetId, { row: 1, column: 1, numRows: 1, numColumns: 1 });
  }
  getActiveCell(): Range {
    const active = this.getActiveRange() as Range;
    return this.ctx.range(this.sheetId, {
      row: active.getRow(),
      column: active.getColumn(),
      numRows: 1,
      numColumns: 1,
    });
  }
  setActiveRange(range: Range): Range {
    return range.activate();
  }
  setActiveSelection(range: Range | string): Range {
    const r = typeof range === 'string' ? this.rangeFromA1(range) : range;
    return r.activate();
  }

  // ---- writing rows ----
  appendRow(rowContents: unknown[]): Sheet {
    const sheet = this.write('appendRow');
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw new Error(
        "The parameters () don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    const row = this.getLastRow() + 1;
    this.ctx.assertEditable(this.sheetId, { row, column: 1, numRows: 1, numColumns: rowContents.length });
    // Sheets grows the grid when a row is appended past its end.
    if (row > sheet.maxRows) this.ctx.store.growRows(sheet, row);
    if (rowContents.length > sheet.maxColumns) sheet.maxColumns = rowContents.length;
    this.ctx.store.writeValues(sheet, { row, column: 1, numRows: 1, numColumns: rowContents.length }, [
      rowContents,
    ]);
    return this.self();
  }

  // ---- structure ----
  private insertLines(dimension: 'ROWS' | 'COLUMNS', at: number, count: number, method: string): Sheet {
    const sheet = this.write(method);
    const max = dimension === 'ROWS' ? sheet.maxRows : sheet.maxColumns;
    if (!Number.isInteger(at) || at < 1 || at > max + 1) {
      throw new Error(
        dimension === 'ROWS' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.',
      );
    }
    if (!Number.isInteger(count) || count < 1)
      throw new Error(
        `The number of ${dimension === 'ROWS' ? 'rows' : 'columns'} to insert must be at least 1.`,
      );
    this.ctx.store.shiftLines(sheet, dimension, at, count);
    return this.self();
  }
  private deleteLines(dimension: 'ROWS' | 'COLUMNS', at: number, count: number, method: string): Sheet {
    const sheet = this.write(method);
    const max = dimension === 'ROWS' ? sheet.maxRows : sheet.maxColumns;
    if (!Number.isInteger(at) || !Number.isInteger(count) || at < 1 || count < 1 || at + count - 1 > max) {
      throw new Error(
        dimension === 'ROWS' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.',
      );
    }
    const frozen = dimension === 'ROWS' ? sheet.frozenRows : sheet.frozenColumns;
    if (at > frozen && at <= frozen + 1 && count >= max - frozen) {
      throw new Error(
        dimension === 'ROWS'
          ? 'Sorry, it is not possible to delete all non-frozen rows.'
          : 'Sorry, it is not possible to delete all non-frozen columns.',
      );
    }
    this.ctx.store.shiftLines(sheet, dimension, at, -count);
    return this.self();
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertLines('ROWS', afterPosition + 1, 1, 'insertRowAfter');
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this.insertLines('ROWS', beforePosition, 1, 'insertRowBefore');
  }
  insertRows(rowIndex: number, numRows?: number): void {
    this.insertLines('ROWS', rowIndex, numRows ?? 1, 'insertRows');
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insertLines('ROWS', afterPosition + 1, howMany, 'insertRowsAfter');
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insertLines('ROWS', beforePosition, howMany, 'insertRowsBefore');
  }
  deleteRow(rowPosition: number): Sheet {
    return this.deleteLines('ROWS', rowPosition, 1, 'deleteRow');
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.deleteLines('ROWS', rowPosition, howMany, 'deleteRows');
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertLines('COLUMNS', afterPosition + 1, 1, 'insertColumnAfter');
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertLines('COLUMNS', beforePosition, 1, 'insertColumnBefore');
  }
  insertColumns(columnIndex: number, numColumns?: number): void {
    this.insertLines('COLUMNS', columnIndex, numColumns ?? 1, 'insertColumns');
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insertLines('COLUMNS', afterPosition + 1, howMany, 'insertColumnsAfter');
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insertLines('COLUMNS', beforePosition, howMany, 'insertColumnsBefore');
  }
  deleteColumn(columnPosition: number): Sheet {
    return this.deleteLines('COLUMNS', columnPosition, 1, 'deleteColumn');
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.deleteLines('COLUMNS', columnPosition, howMany, 'deleteColumns');
  }

  // ---- clearing ----
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    const sheet = this.write('clear');
    const rect = this.whole(sheet);
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly;
    if (!any || o.contentsOnly) this.ctx.store.clearContents(sheet, rect);
    if (!any || o.formatOnly) this.ctx.store.clearAttributes(sheet, rect, FORMAT_GRID_KEYS);
    return this.self();
  }
  clearContents(): Sheet {
    const sheet = this.write('clearContents');
    this.ctx.store.clearContents(sheet, this.whole(sheet));
    return this.self();
  }
  clearFormats(): Sheet {
    const sheet = this.write('clearFormats');
    this.ctx.store.clearAttributes(sheet, this.whole(sheet), FORMAT_GRID_KEYS);
    return this.self();
  }
  clearNotes(): Sheet {
    const sheet = this.write('clearNotes');
    this.ctx.store.clearAttributes(sheet, this.whole(sheet), ['notes']);
    return this.self();
  }

  /** The local runtime has no filters (createFilter is not supported), so no sheet has one. */
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return null;
  }

  // ---- view ----
  getFrozenRows(): number {
    return this.data.frozenRows;
  }
  setFrozenRows(rows: number): void {
    const sheet = this.write('setFrozenRows');
    if (rows < 0 || rows > sheet.maxRows) throw new Error('The number of frozen rows is out of bounds.');
    sheet.frozenRows = rows;
  }
  getFrozenColumns(): number {
    return this.data.frozenColumns;
  }
  setFrozenColumns(columns: number): void {
    const sheet = this.write('setFrozenColumns');
    if (columns < 0 || columns > sheet.maxColumns)
      throw new Error('The number of frozen columns is out of bounds.');
    sheet.frozenColumns = columns;
  }
  getColumnWidth(columnPosition: number): number {
    return this.data.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    const sheet = this.write('setColumnWidths');
    if (startColumn < 1 || startColumn + numColumns - 1 > sheet.maxColumns)
      throw new Error('Those columns are out of bounds.');
    for (let c = startColumn; c < startColumn + numColumns; c++) sheet.columnWidths[c - 1] = width;
    return this.self();
  }
  /** No fonts to measure offline: estimates the width from the longest displayed text (7 px a character). */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    const sheet = this.write('autoResizeColumns');
    const rows = this.getLastRow();
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      if (rows > 0) {
        const display = this.ctx.store.readDisplayValues(sheet, {
          row: 1,
          column: c,
          numRows: rows,
          numColumns: 1,
        });
        for (const [text] of display)
          longest = Math.max(
            longest,
            [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0),
          );
      }
      sheet.columnWidths[c - 1] = Math.max(30, Math.min(600, longest * 7 + 12));
    }
    return this.self();
  }
  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  getTabColor(): string | null {
    return this.data.tabColor;
  }
  setTabColor(color: string | null): Sheet {
    this.write('setTabColor').tabColor = color ? String(color).toLowerCase() : null;
    return this.self();
  }
  hideSheet(): Sheet {
    this.write('hideSheet');
    const visible = this.ctx.store.sheets().filter((s) => !s.hidden && s.id !== this.sheetId);
    if (visible.length === 0) throw new Error("You can't hide all the sheets in a document.");
    this.data.hidden = true;
    return this.self();
  }
  showSheet(): Sheet {
    this.write('showSheet').hidden = false;
    return this.self();
  }
  isSheetHidden(): boolean {
    return this.data.hidden;
  }

  // ---- rules, protections, named ranges ----
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.data.conditionalFormats.map(
      (spec) =>
        new ConditionalFormatRuleImpl(this.ctx, {
          criteria: spec.criteria,
          values: spec.values,
          format: spec.format,
          ranges: spec.ranges.map((rect) => ({ sheetId: this.sheetId, rect })),
        }) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
    );
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    const sheet = this.write('setConditionalFormatRules');
    sheet.conditionalFormats = rules.map((rule) => {
      if (!(rule instanceof ConditionalFormatRuleImpl))
        throw new Error('The conditional format rule was not built by this runtime.');
      const spec = structuredClone(rule.spec);
      return {
        id: this.ctx.store.nextId(),
        criteria: spec.criteria,
        values: spec.values,
        format: spec.format,
        ranges: spec.ranges.filter((r) => r.sheetId === this.sheetId).map((r) => r.rect),
      };
    });
  }
  clearConditionalFormatRules(): void {
    this.write('clearConditionalFormatRules').conditionalFormats = [];
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.ctx.assertWritable('protect');
    return ProtectionImpl.create(this.ctx, 'SHEET', this.sheetId, null);
  }
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.ctx.store.data.protections
      .filter((p) => p.sheetId === this.sheetId && p.type === String(type))
      .map((p) => new ProtectionImpl(this.ctx, p.id) as unknown as GoogleAppsScript.Spreadsheet.Protection);
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return this.ctx.store.data.namedRanges
      .filter((n) => n.sheetId === this.sheetId)
      .map((n) => new NamedRangeImpl(this.ctx, n.name) as unknown as GoogleAppsScript.Spreadsheet.NamedRange);
  }

  // ---- charts ----
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return new EmbeddedChartBuilderImpl(
      this.ctx,
      newChartSpec(this.sheetId),
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const sheet = this.write('insertChart');
    const spec = structuredClone(chartSpecOf(chart));
    spec.id = this.ctx.store.nextId();
    chartSpecOf(chart).id = spec.id;
    sheet.charts.push(spec);
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const sheet = this.write('updateChart');
    const spec = chartSpecOf(chart);
    const index = sheet.charts.findIndex((c) => c.id === spec.id);
    if (index < 0) throw new Error('The chart is not on this sheet.');
    sheet.charts[index] = structuredClone(spec);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const sheet = this.write('removeChart');
    const spec = chartSpecOf(chart);
    sheet.charts = sheet.charts.filter((c) => c.id !== spec.id);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.data.charts.map(
      (spec) =>
        new EmbeddedChartImpl(
          this.ctx,
          structuredClone(spec),
        ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart,
    );
  }

  // ---- hidden rows and columns, row heights (reference/spreadsheet/sheet#hideRows(Integer,Integer)) ----
  private setHidden(
    method: string,
    dimension: 'ROWS' | 'COLUMNS',
    start: number,
    count: number,
    hidden: boolean,
  ): void {
    const sheet = this.write(method);
    const max = dimension === 'ROWS' ? sheet.maxRows : sheet.maxColumns;
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(count) ||
      start < 1 ||
      count < 1 ||
      start + count - 1 > max
    )
      throw new Error(
        dimension === 'ROWS' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.',
      );
    const set = new Set(dimension === 'ROWS' ? (sheet.hiddenRows ?? []) : (sheet.hiddenColumns ?? []));
    for (let i = start; i < start + count; i++) {
      if (hidden) set.add(i);
      else set.delete(i);
    }
    const list = [...set].sort((a, b) => a - b);
    if (dimension === 'ROWS') sheet.hiddenRows = list;
    else sheet.hiddenColumns = list;
  }
  hideRows(rowIndex: number, numRows = 1): void {
    this.setHidden('hideRows', 'ROWS', rowIndex, numRows, true);
  }
  hideRow(row: Range): void {
    this.setHidden('hideRow', 'ROWS', row.getRow(), row.getNumRows(), true);
  }
  showRows(rowIndex: number, numRows = 1): void {
    this.setHidden('showRows', 'ROWS', rowIndex, numRows, false);
  }
  unhideRow(row: Range): void {
    this.setHidden('unhideRow', 'ROWS', row.getRow(), row.getNumRows(), false);
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.setHidden('hideColumns', 'COLUMNS', columnIndex, numColumns, true);
  }
  hideColumn(column: Range): void {
    this.setHidden('hideColumn', 'COLUMNS', column.getColumn(), column.getNumColumns(), true);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.setHidden('showColumns', 'COLUMNS', columnIndex, numColumns, false);
  }
  unhideColumn(column: Range): void {
    this.setHidden('unhideColumn', 'COLUMNS', column.getColumn(), column.getNumColumns(), false);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return (this.data.hiddenRows ?? []).includes(rowPosition);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return (this.data.hiddenColumns ?? []).includes(columnPosition);
  }
  /** The runtime has no filters, so no row is hidden by one. */
  isRowHiddenByFilter(_rowPosition: number): boolean {
    return false;
  }
  /** Height in pixels; 21 unless set (reference/spreadsheet/sheet#getRowHeight(Integer)). */
  getRowHeight(rowPosition: number): number {
    return this.data.rowHeights?.[rowPosition - 1] ?? DEFAULT_ROW_HEIGHT;
  }
  setRowHeights(startRow: number, numRows: number, height: number): Sheet {
    const sheet = this.write('setRowHeights');
    if (startRow < 1 || numRows < 1 || startRow + numRows - 1 > sheet.maxRows)
      throw new Error('Those rows are out of bounds.');
    sheet.rowHeights ??= [];
    for (let r = startRow; r < startRow + numRows; r++) sheet.rowHeights[r - 1] = Number(height);
    return this.self();
  }
  setRowHeight(rowPosition: number, height: number): Sheet {
    return this.setRowHeights(rowPosition, 1, height);
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number): Sheet {
    return this.setRowHeights(startRow, numRows, height);
  }
  /** No fonts offline: 21 px a line of the tallest cell (reference/spreadsheet/sheet#autoResizeRows(Integer,Integer)). */
  autoResizeRows(startRow: number, numRows: number): Sheet {
    const sheet = this.write('autoResizeRows');
    const lastColumn = this.getLastColumn();
    sheet.rowHeights ??= [];
    for (let r = startRow; r < startRow + numRows; r++) {
      const texts =
        lastColumn > 0
          ? this.ctx.store.readDisplayValues(sheet, {
              row: r,
              column: 1,
              numRows: 1,
              numColumns: lastColumn,
            })[0]
          : [];
      const lines = Math.max(1, ...texts.map((t) => t.split('\n').length));
      sheet.rowHeights[r - 1] = lines * DEFAULT_ROW_HEIGHT;
    }
    return this.self();
  }
  hasHiddenGridlines(): boolean {
    return this.data.hiddenGridlines === true;
  }
  setHiddenGridlines(hideGridlines: boolean): Sheet {
    this.write('setHiddenGridlines').hiddenGridlines = Boolean(hideGridlines);
    return this.self();
  }
  isRightToLeft(): boolean {
    return this.data.rightToLeft === true;
  }
  setRightToLeft(rightToLeft: boolean): Sheet {
    this.write('setRightToLeft').rightToLeft = Boolean(rightToLeft);
    return this.self();
  }

  // ---- sorting, copying, finding ----
  /** Sorts the rows below the frozen rows by a column (reference/spreadsheet/sheet#sort(Integer,Boolean)). */
  sort(columnPosition: number, ascending = true): Sheet {
    const sheet = this.write('sort');
    const first = sheet.frozenRows + 1;
    const last = this.getLastRow();
    const columns = this.getLastColumn();
    if (last >= first && columns > 0) {
      this.getRange(first, 1, last - first + 1, Math.max(columns, columnPosition)).sort({
        column: columnPosition,
        ascending,
      });
    }
    return this.self();
  }
  /**
   * Copies the sheet (contents, formats, validations, rules, view settings) into a spreadsheet, named
   * "Copy of <name>" (reference/spreadsheet/sheet#copyTo(Spreadsheet)).
   */
  copyTo(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
    this.ctx.assertWritable('copyTo');
    const target = spreadsheet as unknown as { ctx?: SpreadsheetContext };
    const ctx = target.ctx ?? this.ctx;
    const store = ctx.store;
    const copy = structuredClone(this.data);
    let name = `Copy of ${copy.name}`;
    for (let n = 2; store.sheetByName(name); n++) name = `Copy of ${copy.name} ${n}`;
    const created = store.insertSheet(name, undefined, copy.maxRows, copy.maxColumns);
    Object.assign(created, { ...copy, id: created.id, name, hidden: false, charts: [] });
    created.conditionalFormats = copy.conditionalFormats.map((rule) => ({ ...rule, id: store.nextId() }));
    // Validation rules live in the workbook: give the copy its own where it goes to another spreadsheet.
    if (store !== this.ctx.store) {
      const ids = new Map<number, number>();
      created.validations = created.validations.map((line) =>
        line?.map((id) => {
          if (id === null || id === undefined) return id;
          if (!ids.has(id)) {
            const rule = this.ctx.store.validationRule(id);
            if (rule) ids.set(id, store.addValidationRule(structuredClone(rule)));
          }
          return ids.get(id) ?? null;
        }),
      );
    }
    store.invalidateEngine();
    return ctx.sheet(created.id);
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return new TextFinderImpl(this.ctx, String(findText), () => [
      { sheetId: this.sheetId, rect: this.whole() },
    ]) as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }
  getCurrentCell(): Range {
    return this.getActiveCell();
  }
  setCurrentCell(cell: Range): Range {
    return (cell as unknown as { activateAsCurrentCell(): Range }).activateAsCurrentCell();
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    return new RangeListImpl(
      a1Notations.map((a1) => this.rangeFromA1(a1)),
    ) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }
  getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList {
    return new RangeListImpl([
      this.getActiveRange() as Range,
    ]) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }
  /** Selects the ranges; the last one becomes the active range (reference/spreadsheet/sheet#setActiveRangeList). */
  setActiveRangeList(
    rangeList: GoogleAppsScript.Spreadsheet.RangeList,
  ): GoogleAppsScript.Spreadsheet.RangeList {
    const ranges = rangeList.getRanges();
    ranges[ranges.length - 1]?.activate();
    return rangeList;
  }
  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return new SelectionImpl(this.ctx) as unknown as GoogleAppsScript.Spreadsheet.Selection;
  }
  // The runtime never holds these objects (nothing can create them), so the lists are empty and lookups null.
  getSlicers(): [] {
    return [];
  }
  getImages(): [] {
    return [];
  }
  getDrawings(): [] {
    return [];
  }
  getBandings(): [] {
    return [];
  }
  getPivotTables(): [] {
    return [];
  }
  getDataSourceTables(): [] {
    return [];
  }
  getDeveloperMetadata(): [] {
    return [];
  }
  /** No form is linked to a sheet of a local workbook (reference/spreadsheet/sheet#getFormUrl()). */
  getFormUrl(): null {
    return null;
  }
  /** A grid sheet is not a data source sheet (reference/spreadsheet/sheet#asDataSourceSheet()). */
  asDataSourceSheet(): null {
    return null;
  }
  getRowGroupDepth(_rowIndex: number): number {
    return 0;
  }
  getColumnGroupDepth(_columnIndex: number): number {
    return 0;
  }
  getRowGroup(_rowIndex: number, _groupDepth: number): null {
    return null;
  }
  getColumnGroup(_columnIndex: number, _groupDepth: number): null {
    return null;
  }
  toString(): string {
    return 'Sheet';
  }
}

SpreadsheetContext.makeSheet = (ctx, sheetId) => new SheetImpl(ctx, sheetId) as unknown as Sheet;
