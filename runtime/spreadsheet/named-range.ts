/** Named ranges of the spreadsheet. */
import type { SpreadsheetContext } from './context';

type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Sheets' rule for names: letters, digits, underscores; not starting with a digit; not like A1 or R1C1. */
export function assertValidRangeName(name: string): void {
  if (
    !/^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^R\d+C\d+$/i.test(name) ||
    /^(true|false)$/i.test(name) ||
    name.length > 250
  ) {
    throw new Error(`The name "${name}" is not a valid name for a named range.`);
  }
}

export class NamedRangeImpl implements Pick<
  NamedRange,
  'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'
> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private name: string,
  ) {}

  private spec(): {
    name: string;
    sheetId: number;
    rect: { row: number; column: number; numRows: number; numColumns: number };
  } {
    const found = this.ctx.store.data.namedRanges.find((n) => n.name === this.name);
    if (!found) throw new Error(`The named range "${this.name}" has been removed.`);
    return found;
  }

  getName(): string {
    return this.name;
  }
  getRange(): Range {
    const spec = this.spec();
    return this.ctx.range(spec.sheetId, spec.rect);
  }
  remove(): void {
    this.ctx.assertWritable('remove');
    this.ctx.store.data.namedRanges = this.ctx.store.data.namedRanges.filter((n) => n.name !== this.name);
    this.ctx.store.invalidateEngine();
  }
  setName(name: string): NamedRange {
    this.ctx.assertWritable('setName');
    assertValidRangeName(name);
    this.spec().name = name;
    this.name = name;
    this.ctx.store.invalidateEngine();
    return this as unknown as NamedRange;
  }
  setRange(range: Range): NamedRange {
    this.ctx.assertWritable('setRange');
    const spec = this.spec();
    spec.sheetId = range.getGridId();
    spec.rect = {
      row: range.getRow(),
      column: range.getColumn(),
      numRows: range.getNumRows(),
      numColumns: range.getNumColumns(),
    };
    this.ctx.store.invalidateEngine();
    return this as unknown as NamedRange;
  }
}
