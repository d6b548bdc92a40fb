/** Spreadsheet: the workbook as Apps Script sees it. */
import { SpreadsheetContext } from './context';
import { assertValidRangeName, NamedRangeImpl } from './named-range';
import { makeUser, ProtectionImpl } from './protection';
import type { SheetImpl } from './sheet';
import { TextFinderImpl } from './text-finder';
import { REMOVE_MENU } from '../services/ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

type SupportedSpreadsheetMember =
  | 'copy'
  | 'addEditor'
  | 'addEditors'
  | 'appendRow'
  | 'deleteActiveSheet'
  | 'deleteSheet'
  | 'getActiveCell'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getDataRange'
  | 'getEditors'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getId'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getOwner'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'getViewers'
  | 'insertSheet'
  | 'moveActiveSheet'
  | 'removeEditor'
  | 'removeNamedRange'
  | 'rename'
  | 'renameActiveSheet'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setActiveSheet'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setNamedRange'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

interface UserLike {
  getEmail(): string;
}

export class SpreadsheetImpl implements Pick<Spreadsheet, SupportedSpreadsheetMember> {
  constructor(private readonly ctx: SpreadsheetContext) {}

  private self(): Spreadsheet {
    return this as unknown as Spreadsheet;
  }
  private get store(): SpreadsheetContext['store'] {
    return this.ctx.store;
  }

  /**
   * Copies the spreadsheet as Drive would (new id, given name, same content). The copy is kept on the store
   * (`store.copies`) and can be opened with SpreadsheetApp.openById.
   */
  copy(name: string): Spreadsheet {
    const copy = this.store.clone();
    copy.data.id = `local-${Math.random().toString(36).slice(2, 12)}`;
    copy.data.name = String(name);
    copy.data.protections = [];
    this.store.copies.push(copy);
    return new SpreadsheetContext({ ...this.ctx.env, store: copy }).spreadsheet();
  }

  getId(): string {
    return this.store.data.id;
  }
  getName(): string {
    return this.store.data.name;
  }
  rename(newName: string): void {
    this.ctx.assertWritable('rename');
    this.store.data.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.store.data.id}/edit`;
  }
  getOwner(): GoogleAppsScript.Base.User {
    return makeUser(this.store.data.owner);
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return [this.store.data.owner, ...this.store.data.editors.filter((e) => e !== this.store.data.owner)].map(
      makeUser,
    );
  }
  /** Editors can view too; then the viewers added (reference/spreadsheet/spreadsheet#getViewers()). */
  getViewers(): GoogleAppsScript.Base.User[] {
    return [...this.getEditors(), ...(this.store.data.viewers ?? []).map(makeUser)];
  }
  addEditor(user: string | UserLike): Spreadsheet {
    this.ctx.assertWritable('addEditor');
    const email = typeof user === 'string' ? user : user.getEmail();
    if (!this.store.data.editors.includes(email)) this.store.data.editors.push(email);
    return this.self();
  }
  addEditors(emailAddresses: string[]): Spreadsheet {
    for (const e of emailAddresses) this.addEditor(e);
    return this.self();
  }
  removeEditor(user: string | UserLike): Spreadsheet {
    this.ctx.assertWritable('removeEditor');
    const email = typeof user === 'string' ? user : user.getEmail();
    this.store.data.editors = this.store.data.editors.filter((e) => e !== email);
    return this.self();
  }

  getSpreadsheetLocale(): string {
    return this.store.data.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.ctx.assertWritable('setSpreadsheetLocale');
    this.store.data.locale = String(locale);
  }
  getSpreadsheetTimeZone(): string {
    return this.store.data.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.ctx.assertWritable('setSpreadsheetTimeZone');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      throw new Error(`Invalid argument: ${timezone}`);
    }
    this.store.data.timeZone = timezone;
    this.store.invalidateEngine();
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.env.toast(
      String(msg),
      title === undefined ? undefined : String(title),
      timeoutSeconds ?? undefined,
    );
  }

  // ---- sheets ----
  getSheets(): Sheet[] {
    return this.store.sheets().map((s) => this.ctx.sheet(s.id));
  }
  getNumSheets(): number {
    return this.store.sheets().length;
  }
  getSheetByName(name: string): Sheet | null {
    const sheet = this.store.sheetByName(String(name));
    return sheet ? this.ctx.sheet(sheet.id) : null;
  }
  getSheetById(id: number): Sheet | null {
    const sheet = this.store.sheetById(id);
    return sheet ? this.ctx.sheet(sheet.id) : null;
  }
  getActiveSheet(): Sheet {
    const data = this.store.data;
    const active = data.activeSheetId !== null ? this.store.sheetById(data.activeSheetId) : undefined;
    return this.ctx.sheet((active ?? this.store.sheets()[0]).id);
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return sheet.activate();
  }
  getSheetId(): number {
    return this.getActiveSheet().getSheetId();
  }
  getSheetName(): string {
    return this.getActiveSheet().getName();
  }
  insertSheet(): Sheet;
  insertSheet(sheetIndex: number): Sheet;
  insertSheet(sheetName: string): Sheet;
  insertSheet(sheetName: string, sheetIndex: number): Sheet;
  insertSheet(a?: string | number | object, b?: number | object): Sheet {
    this.ctx.assertWritable('insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    if (typeof b === 'number') index = b;
    if (name === undefined) {
      let n = this.store.sheets().length + 1;
      while (this.store.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = this.store.insertSheet(name, index);
    // Sheets makes a newly inserted sheet the active one.
    this.store.data.activeSheetId = sheet.id;
    this.store.data.activeRange = null;
    return this.ctx.sheet(sheet.id);
  }
  deleteSheet(sheet: Sheet): void {
    this.ctx.assertWritable('deleteSheet');
    this.store.deleteSheet(sheet.getSheetId());
  }
  deleteActiveSheet(): Sheet {
    const active = this.getActiveSheet();
    this.deleteSheet(active);
    return this.getActiveSheet();
  }
  renameActiveSheet(newName: string): void {
    this.getActiveSheet().setName(newName);
  }
  moveActiveSheet(pos: number): void {
    this.ctx.assertWritable('moveActiveSheet');
    this.store.moveSheet(this.getActiveSheet().getSheetId(), pos - 1);
  }

  // ---- ranges ----
  getRange(a1Notation: string): Range {
    return (this.getActiveSheet() as unknown as SheetImpl).rangeFromA1(a1Notation);
  }
  getDataRange(): Range {
    return this.getActiveSheet().getDataRange();
  }
  getLastRow(): number {
    return this.getActiveSheet().getLastRow();
  }
  getLastColumn(): number {
    return this.getActiveSheet().getLastColumn();
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    return this.getActiveSheet().getSheetValues(startRow, startColumn, numRows, numColumns);
  }
  appendRow(rowContents: unknown[]): Sheet {
    return this.getActiveSheet().appendRow(rowContents);
  }
  getFrozenRows(): number {
    return this.getActiveSheet().getFrozenRows();
  }
  setFrozenRows(rows: number): void {
    this.getActiveSheet().setFrozenRows(rows);
  }
  getFrozenColumns(): number {
    return this.getActiveSheet().getFrozenColumns();
  }
  setFrozenColumns(columns: number): void {
    this.getActiveSheet().setFrozenColumns(columns);
  }
  getActiveRange(): Range | null {
    return this.getActiveSheet().getActiveRange();
  }
  getActiveCell(): Range {
    return this.getActiveSheet().getActiveCell();
  }
  setActiveRange(range: Range): Range {
    return range.activate();
  }
  setActiveSelection(range: Range | string): Range {
    return this.getActiveSheet().setActiveSelection(range as Range);
  }

  // ---- named ranges, protections ----
  getRangeByName(name: string): Range | null {
    const found = this.store.data.namedRanges.find((n) => n.name === name);
    return found ? this.ctx.range(found.sheetId, found.rect) : null;
  }
  setNamedRange(name: string, range: Range): void {
    this.ctx.assertWritable('setNamedRange');
    assertValidRangeName(name);
    const rect = {
      row: range.getRow(),
      column: range.getColumn(),
      numRows: range.getNumRows(),
      numColumns: range.getNumColumns(),
    };
    const existing = this.store.data.namedRanges.find((n) => n.name === name);
    if (existing) {
      existing.sheetId = range.getGridId();
      existing.rect = rect;
    } else this.store.data.namedRanges.push({ name, sheetId: range.getGridId(), rect });
    this.store.invalidateEngine();
  }
  removeNamedRange(name: string): void {
    this.ctx.assertWritable('removeNamedRange');
    this.store.data.namedRanges = this.store.data.namedRanges.filter((n) => n.name !== name);
    this.store.invalidateEngine();
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return this.store.data.namedRanges.map(
      (n) => new NamedRangeImpl(this.ctx, n.name) as unknown as GoogleAppsScript.Spreadsheet.NamedRange,
    );
  }
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.store.data.protections
      .filter((p) => p.type === String(type))
      .map((p) => new ProtectionImpl(this.ctx, p.id) as unknown as GoogleAppsScript.Spreadsheet.Protection);
  }

  // ---- menus (reference/spreadsheet/spreadsheet#addMenu(String,Object)) ----
  /** A menu from [{name, functionName}] entries; a null entry is a separator. Replaces a menu of that name. */
  addMenu(name: string, subMenus: ({ name: string; functionName: string } | null)[]): void {
    const ui = this.ctx.env.ui as GoogleAppsScript.Base.Ui & { [REMOVE_MENU]?: (title: string) => void };
    ui[REMOVE_MENU]?.(String(name));
    const menu = ui.createMenu(String(name));
    for (const entry of subMenus ?? []) {
      if (entry === null || entry === undefined) menu.addSeparator();
      else menu.addItem(String(entry.name), String(entry.functionName));
    }
    menu.addToUi();
  }
  updateMenu(name: string, subMenus: ({ name: string; functionName: string } | null)[]): void {
    this.addMenu(name, subMenus);
  }
  removeMenu(name: string): void {
    const ui = this.ctx.env.ui as GoogleAppsScript.Base.Ui & { [REMOVE_MENU]?: (title: string) => void };
    ui[REMOVE_MENU]?.(String(name));
  }
  /** Shows an HtmlOutput in a dialog (reference/spreadsheet/spreadsheet#show(Object)). */
  show(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const title = typeof userInterface.getTitle === 'function' ? userInterface.getTitle() : '';
    this.ctx.env.ui.showModalDialog(userInterface, title);
  }

  // ---- the active sheet's members, as the reference says for each of these Spreadsheet methods ----
  private active(): SheetImpl {
    return this.getActiveSheet() as unknown as SheetImpl;
  }
  autoResizeColumn(columnPosition: number): Sheet {
    return this.active().autoResizeColumn(columnPosition);
  }
  deleteColumn(columnPosition: number): Sheet {
    return this.active().deleteColumn(columnPosition);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.active().deleteColumns(columnPosition, howMany);
  }
  deleteRow(rowPosition: number): Sheet {
    return this.active().deleteRow(rowPosition);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.active().deleteRows(rowPosition, howMany);
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this.active().insertColumnAfter(afterPosition);
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this.active().insertColumnBefore(beforePosition);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this.active().insertColumnsAfter(afterPosition, howMany);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return this.active().insertColumnsBefore(beforePosition, howMany);
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.active().insertRowAfter(afterPosition);
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this.active().insertRowBefore(beforePosition);
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this.active().insertRowsAfter(afterPosition, howMany);
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this.active().insertRowsBefore(beforePosition, howMany);
  }
  getColumnWidth(columnPosition: number): number {
    return this.active().getColumnWidth(columnPosition);
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    return this.active().setColumnWidth(columnPosition, width);
  }
  getRowHeight(rowPosition: number): number {
    return this.active().getRowHeight(rowPosition);
  }
  setRowHeight(rowPosition: number, height: number): Sheet {
    return this.active().setRowHeight(rowPosition, height);
  }
  hideColumn(column: Range): void {
    this.active().hideColumn(column);
  }
  hideRow(row: Range): void {
    this.active().hideRow(row);
  }
  unhideColumn(column: Range): void {
    this.active().unhideColumn(column);
  }
  unhideRow(row: Range): void {
    this.active().unhideRow(row);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.active().isColumnHiddenByUser(columnPosition);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this.active().isRowHiddenByUser(rowPosition);
  }
  isRowHiddenByFilter(rowPosition: number): boolean {
    return this.active().isRowHiddenByFilter(rowPosition);
  }
  sort(columnPosition: number, ascending?: boolean): Sheet {
    return this.active().sort(columnPosition, ascending);
  }
  getCurrentCell(): Range {
    return this.active().getCurrentCell();
  }
  setCurrentCell(cell: Range): Range {
    return this.active().setCurrentCell(cell);
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    return this.active().getRangeList(a1Notations);
  }
  getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList {
    return this.active().getActiveRangeList();
  }
  setActiveRangeList(
    rangeList: GoogleAppsScript.Spreadsheet.RangeList,
  ): GoogleAppsScript.Spreadsheet.RangeList {
    return this.active().setActiveRangeList(rangeList);
  }
  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return this.active().getSelection();
  }
  /** Finds text in every sheet (reference/spreadsheet/spreadsheet#createTextFinder(String)). */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return new TextFinderImpl(this.ctx, String(findText), () =>
      this.store.sheets().map((s) => ({
        sheetId: s.id,
        rect: { row: 1, column: 1, numRows: s.maxRows, numColumns: s.maxColumns },
      })),
    ) as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }
  /** Copies the active sheet ("Copy of …") and activates the copy (reference: duplicateActiveSheet()). */
  duplicateActiveSheet(): Sheet {
    const source = this.active();
    const copy = source.copyTo(this.self());
    this.store.moveSheet(copy.getSheetId(), source.getIndex());
    return copy.activate();
  }

  // ---- sharing and calculation settings ----
  addViewer(user: string | UserLike): Spreadsheet {
    this.ctx.assertWritable('addViewer');
    const email = typeof user === 'string' ? user : user.getEmail();
    const viewers = (this.store.data.viewers ??= []);
    if (!viewers.includes(email)) viewers.push(email);
    return this.self();
  }
  addViewers(emailAddresses: string[]): Spreadsheet {
    for (const e of emailAddresses) this.addViewer(e);
    return this.self();
  }
  removeViewer(user: string | UserLike): Spreadsheet {
    this.ctx.assertWritable('removeViewer');
    const email = typeof user === 'string' ? user : user.getEmail();
    this.store.data.viewers = (this.store.data.viewers ?? []).filter((e) => e !== email);
    return this.self();
  }
  isIterativeCalculationEnabled(): boolean {
    return this.store.data.calculation?.iterative ?? false;
  }
  setIterativeCalculationEnabled(isEnabled: boolean): Spreadsheet {
    this.calculation('setIterativeCalculationEnabled').iterative = Boolean(isEnabled);
    return this.self();
  }
  getMaxIterativeCalculationCycles(): number {
    return this.store.data.calculation?.maxCycles ?? 50;
  }
  setMaxIterativeCalculationCycles(maxIterations: number): Spreadsheet {
    if (!Number.isInteger(maxIterations) || maxIterations < 1 || maxIterations > 10000)
      throw new Error('Max iterative calculation cycles must be between 1 and 10000.');
    this.calculation('setMaxIterativeCalculationCycles').maxCycles = maxIterations;
    return this.self();
  }
  getIterativeCalculationConvergenceThreshold(): number {
    return this.store.data.calculation?.threshold ?? 0.05;
  }
  setIterativeCalculationConvergenceThreshold(minThreshold: number): Spreadsheet {
    if (!(Number(minThreshold) >= 0))
      throw new Error('The convergence threshold must be a non-negative number.');
    this.calculation('setIterativeCalculationConvergenceThreshold').threshold = Number(minThreshold);
    return this.self();
  }
  getRecalculationInterval(): GoogleAppsScript.Spreadsheet.RecalculationInterval {
    return (this.store.data.calculation?.interval ??
      'ON_CHANGE') as unknown as GoogleAppsScript.Spreadsheet.RecalculationInterval;
  }
  setRecalculationInterval(
    recalculationInterval: GoogleAppsScript.Spreadsheet.RecalculationInterval,
  ): Spreadsheet {
    this.calculation('setRecalculationInterval').interval = String(recalculationInterval);
    return this.self();
  }
  private calculation(method: string): NonNullable<typeof this.store.data.calculation> {
    this.ctx.assertWritable(method);
    return (this.store.data.calculation ??= {});
  }
  // The runtime never holds these objects: the lists are empty and lookups null.
  getBandings(): [] {
    return [];
  }
  getImages(): [] {
    return [];
  }
  getDataSourceTables(): [] {
    return [];
  }
  getDeveloperMetadata(): [] {
    return [];
  }
  /** No form is linked to a local workbook (reference/spreadsheet/spreadsheet#getFormUrl()). */
  getFormUrl(): null {
    return null;
  }
  toString(): string {
    return 'Spreadsheet';
  }
}

SpreadsheetContext.makeSpreadsheet = (ctx) => new SpreadsheetImpl(ctx) as unknown as Spreadsheet;
