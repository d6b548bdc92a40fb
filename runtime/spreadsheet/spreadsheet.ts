/** Spreadsheet: the workbook as Apps Script sees it. */
import { SpreadsheetContext } from './context';
import { assertValidRangeName, NamedRangeImpl } from './named-range';
import { makeUser, ProtectionImpl } from './protection';
import type { SheetImpl } from './sheet';

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
  getViewers(): GoogleAppsScript.Base.User[] {
    return this.getEditors();
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
}

SpreadsheetContext.makeSpreadsheet = (ctx) => new SpreadsheetImpl(ctx) as unknown as Spreadsheet;
