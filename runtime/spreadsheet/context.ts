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
  ) => GoogleAppsScript.Spreadsheet.Range;
  static makeSheet: (ctx: SpreadsheetContext, sheetId: number) => GoogleAppsScript.Spreadsheet.Sheet;
  static makeSpreadsheet: (ctx: SpreadsheetContext) => GoogleAppsScript.Spreadsheet.Spreadsheet;

  range(sheetId: number, rect: GridRect): GoogleAppsScript.Spreadsheet.Range {
    return SpreadsheetContext.makeRange(this, sheetId, rect);
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
