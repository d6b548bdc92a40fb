/** Shared state of one SpreadsheetApp instance: the store, the env and helpers the objects use. */
import type { SpreadsheetEnv } from './env';
import type { WorkbookStore } from './store';
import type { GridRect, SheetData } from './types';

export class SpreadsheetContext {
  constructor(readonly env: SpreadsheetEnv) {}

  get store(): WorkbookStore {
    return this.env.store;
  }

  makeDate = (ms: number): Date => {
    const Ctor = this.env.dateConstructor ?? Date;
    return new Ctor(ms);
  };

  /** Custom functions may only read: Apps Script refuses writes with this message. */
  assertWritable(method: string): void {
    if (this.env.readOnly) throw new Error(`You do not have permission to call ${method}`);
  }

  /**
   * Apps Script refuses a write to a protected cell unless the user may edit it (owner, listed editor, or a
   * warning-only protection), with this message.
   */
  assertEditable(sheetId: number, rect: GridRect): void {
    const data = this.store.data;
    if (data.protections.length === 0) return;
    const user = this.env.activeUserEmail();
    if (user === data.owner) return;
    const overlaps = (a: GridRect, b: GridRect): boolean =>
      a.row < b.row + b.numRows &&
      b.row < a.row + a.numRows &&
      a.column < b.column + b.numColumns &&
      b.column < a.column + a.numColumns;
    const inside = (a: GridRect, b: GridRect): boolean =>
      a.row >= b.row &&
      a.row + a.numRows <= b.row + b.numRows &&
      a.column >= b.column &&
      a.column + a.numColumns <= b.column + b.numColumns;
    for (const p of data.protections) {
      if (p.sheetId !== sheetId || p.warningOnly || p.editors.includes(user)) continue;
      const protectedRect = p.rect && p.openRows ? { ...p.rect, numRows: Number.POSITIVE_INFINITY } : p.rect;
      const blocked = protectedRect
        ? overlaps(protectedRect, rect)
        : !p.unprotectedRanges.some((u) => inside(rect, u));
      if (blocked) {
        throw new Error(
          'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
        );
      }
    }
  }

  sheetData(id: number): SheetData {
    const sheet = this.store.sheetById(id);
    if (!sheet) throw new Error('The sheet has been deleted.');
    return sheet;
  }

  /** Range objects for a rectangle, created by range.ts (set there to avoid an import cycle). */
  static makeRange: (
    ctx: SpreadsheetContext,
    sheetId: number,
    rect: GridRect,
    openRows?: boolean,
  ) => GoogleAppsScript.Spreadsheet.Range;
  static makeSheet: (ctx: SpreadsheetContext, sheetId: number) => GoogleAppsScript.Spreadsheet.Sheet;
  static makeSpreadsheet: (ctx: SpreadsheetContext) => GoogleAppsScript.Spreadsheet.Spreadsheet;

  /** @param openRows the range came from whole-column A1 notation ("A:C"): no last row. */
  range(sheetId: number, rect: GridRect, openRows = false): GoogleAppsScript.Spreadsheet.Range {
    return SpreadsheetContext.makeRange(this, sheetId, rect, openRows);
  }

  sheet(sheetId: number): GoogleAppsScript.Spreadsheet.Sheet {
    return SpreadsheetContext.makeSheet(this, sheetId);
  }

  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return SpreadsheetContext.makeSpreadsheet(this);
  }
}

/** Cross-realm-safe 2-D array check (arrays made inside the vm context fail `instanceof Array`). */
export function is2dArray(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}
