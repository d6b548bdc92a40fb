/**
 * TextFinder (developers.google.com/apps-script/reference/spreadsheet/text-finder): finds and replaces text in a
 * range, sheet or spreadsheet, row by row, in the order Sheets searches.
 */
import type { SpreadsheetContext } from './context';
import type { GridRect } from './types';

type Range = GoogleAppsScript.Spreadsheet.Range;

interface Scope {
  sheetId: number;
  rect: GridRect;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const stripDiacritics = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

export class TextFinderImpl {
  private matchCaseFlag = false;
  private entireCell = false;
  private regex = false;
  private formulaText = false;
  private diacritics = false;
  private startAfter: { sheetId: number; row: number; column: number } | null = null;
  private current: { sheetId: number; row: number; column: number } | null = null;

  constructor(
    private readonly ctx: SpreadsheetContext,
    private findText: string,
    private readonly scopes: () => Scope[],
  ) {}

  private self(): GoogleAppsScript.Spreadsheet.TextFinder {
    return this as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }

  private pattern(global: boolean): RegExp {
    let source = this.regex
      ? this.findText
      : escapeRegExp(this.diacritics ? stripDiacritics(this.findText) : this.findText);
    if (this.entireCell) source = `^(?:${source})$`;
    return new RegExp(source, `${global ? 'g' : ''}${this.matchCaseFlag ? '' : 'i'}u`);
  }

  /** Text of a cell as searched: its displayed text, or its formula when matchFormulaText is set. */
  private cellText(sheetId: number, row: number, column: number): { text: string; formula: boolean } {
    const sheet = this.ctx.sheetData(sheetId);
    const rect = { row, column, numRows: 1, numColumns: 1 };
    const formula = this.ctx.store.readFormulas(sheet, rect)[0][0];
    if (this.formulaText && formula) return { text: formula, formula: true };
    return { text: this.ctx.store.readDisplayValues(sheet, rect)[0][0], formula: false };
  }

  private matches(text: string): boolean {
    return this.pattern(false).test(this.diacritics ? stripDiacritics(text) : text);
  }

  private cells(): { sheetId: number; row: number; column: number }[] {
    const out: { sheetId: number; row: number; column: number }[] = [];
    for (const scope of this.scopes()) {
      const sheet = this.ctx.sheetData(scope.sheetId);
      const lastRow = Math.min(scope.rect.row + scope.rect.numRows - 1, this.ctx.store.lastRow(sheet));
      const lastColumn = Math.min(
        scope.rect.column + scope.rect.numColumns - 1,
        this.ctx.store.lastColumn(sheet),
      );
      for (let row = scope.rect.row; row <= lastRow; row++)
        for (let column = scope.rect.column; column <= lastColumn; column++) {
          if (this.matches(this.cellText(scope.sheetId, row, column).text))
            out.push({ sheetId: scope.sheetId, row, column });
        }
    }
    return out;
  }

  private range(cell: { sheetId: number; row: number; column: number }): Range {
    return this.ctx.range(cell.sheetId, { row: cell.row, column: cell.column, numRows: 1, numColumns: 1 });
  }

  findAll(): Range[] {
    return this.cells().map((c) => this.range(c));
  }
  findNext(): Range | null {
    const cells = this.cells();
    const from = this.current ?? this.startAfter;
    const index = from
      ? cells.findIndex(
          (c) =>
            c.sheetId === from.sheetId &&
            (c.row > from.row || (c.row === from.row && c.column > from.column)),
        )
      : 0;
    const next = index >= 0 ? cells[index] : undefined;
    if (!next) return null;
    this.current = next;
    return this.range(next);
  }
  findPrevious(): Range | null {
    const cells = this.cells();
    const from = this.current;
    const before = from
      ? cells.filter(
          (c) =>
            c.sheetId === from.sheetId &&
            (c.row < from.row || (c.row === from.row && c.column < from.column)),
        )
      : cells;
    const previous = before[before.length - 1];
    if (!previous) return null;
    this.current = previous;
    return this.range(previous);
  }
  getCurrentMatch(): Range | null {
    return this.current ? this.range(this.current) : null;
  }
  ignoreDiacritics(ignore: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.diacritics = Boolean(ignore);
    return this.self();
  }
  matchCase(matchCase: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.matchCaseFlag = Boolean(matchCase);
    return this.self();
  }
  matchEntireCell(entire: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.entireCell = Boolean(entire);
    return this.self();
  }
  matchFormulaText(formulaText: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.formulaText = Boolean(formulaText);
    return this.self();
  }
  useRegularExpression(useRegEx: boolean): GoogleAppsScript.Spreadsheet.TextFinder {
    this.regex = Boolean(useRegEx);
    return this.self();
  }
  startFrom(startRange: Range): GoogleAppsScript.Spreadsheet.TextFinder {
    this.startAfter = {
      sheetId: startRange.getGridId(),
      row: startRange.getRow(),
      column: startRange.getColumn(),
    };
    this.current = null;
    return this.self();
  }

  private replaceIn(cell: { sheetId: number; row: number; column: number }, replaceText: string): void {
    const { text, formula } = this.cellText(cell.sheetId, cell.row, cell.column);
    const pattern = this.pattern(true);
    const replaced = this.regex
      ? text.replace(pattern, replaceText)
      : text.replace(pattern, () => replaceText);
    const range = this.range(cell);
    if (formula) range.setFormula(replaced);
    else range.setValue(replaced);
  }
  /** Replaces every match; returns the number of cells changed (reference: replaceAllWith). */
  replaceAllWith(replaceText: string): number {
    const cells = this.cells();
    for (const cell of cells) this.replaceIn(cell, String(replaceText));
    return cells.length;
  }
  /** Replaces the current match (findNext/findPrevious); returns 1, or 0 when there is none. */
  replaceWith(replaceText: string): number {
    if (!this.current) return 0;
    this.replaceIn(this.current, String(replaceText));
    return 1;
  }
  toString(): string {
    return 'TextFinder';
  }
}
