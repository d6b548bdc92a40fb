/** Selection (developers.google.com/apps-script/reference/spreadsheet/selection): the active sheet, range and cell. */
import type { SpreadsheetContext } from './context';
import { RangeListImpl } from './range-list';

type Range = GoogleAppsScript.Spreadsheet.Range;

export class SelectionImpl {
  constructor(private readonly ctx: SpreadsheetContext) {}
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.ctx.spreadsheet().getActiveSheet();
  }
  getActiveRange(): Range | null {
    return this.ctx.spreadsheet().getActiveRange();
  }
  getActiveRangeList(): RangeListImpl | null {
    const range = this.getActiveRange();
    return range ? new RangeListImpl([range]) : null;
  }
  getCurrentCell(): Range | null {
    return this.ctx.spreadsheet().getActiveCell();
  }
  /** From the current cell, the edge of its data in a direction (reference/spreadsheet/selection#getNextDataRange). */
  getNextDataRange(direction: GoogleAppsScript.Spreadsheet.Direction): Range | null {
    const cell = this.getCurrentCell();
    return cell ? cell.getNextDataCell(direction) : null;
  }
  toString(): string {
    return 'Selection';
  }
}
