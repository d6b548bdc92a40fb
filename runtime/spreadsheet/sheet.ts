/** Sheet: one tab of the workbook. */
import { parseA1 } from './a1';
import { chartSpecOf, EmbeddedChartBuilderImpl, EmbeddedChartImpl, newChartSpec } from './charts';
import { ConditionalFormatRuleImpl } from './conditional-format';
import { SpreadsheetContext } from './context';
import { NamedRangeImpl } from './named-range';
import { ProtectionImpl } from './protection';
import { checkRect } from './range';
import { FORMAT_GRID_KEYS } from './store';
import type { GridRect, SheetData } from './types';
import { installUnsupportedMembers } from './unsupported';

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
    if (ref.sheetName !== undefined) {
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
}

installUnsupportedMembers(SheetImpl, 'Sheet');

SpreadsheetContext.makeSheet = (ctx, sheetId) => new SheetImpl(ctx, sheetId) as unknown as Sheet;
