/** Conditional format rules: builder, built rule and its boolean condition. */
import type { SpreadsheetContext } from './context';
import { loadCriteriaValue, storeCriteriaValue } from './criteria';
import type { ConditionalFormatSpec, GridRect } from './types';
import { normaliseColor } from './colors';

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Condition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface StoredRuleSpec extends Omit<ConditionalFormatSpec, 'id' | 'ranges'> {
  ranges: Array<{ sheetId: number; rect: GridRect }>;
}

function emptySpec(): StoredRuleSpec {
  return { ranges: [], criteria: '', values: [], format: {} };
}

export class BooleanConditionImpl implements Pick<
  Condition,
  | 'getBackground'
  | 'getBold'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getFontColor'
  | 'getItalic'
  | 'getStrikethrough'
  | 'getUnderline'
> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly spec: StoredRuleSpec,
  ) {}
  getBackground(): string | null {
    return this.spec.format.background ?? null;
  }
  getBold(): boolean | null {
    return this.spec.format.bold ?? null;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return this.spec.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }
  getCriteriaValues(): unknown[] {
    return this.spec.values.map((v) => loadCriteriaValue(this.ctx, v));
  }
  getFontColor(): string | null {
    return this.spec.format.fontColor ?? null;
  }
  getItalic(): boolean | null {
    return this.spec.format.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this.spec.format.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this.spec.format.underline ?? null;
  }
}

export class ConditionalFormatRuleImpl implements Pick<
  Rule,
  'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'
> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly spec: StoredRuleSpec,
  ) {}
  copy(): Builder {
    return new ConditionalFormatRuleBuilderImpl(this.ctx, structuredClone(this.spec)) as unknown as Builder;
  }
  getBooleanCondition(): Condition | null {
    return this.spec.criteria
      ? (new BooleanConditionImpl(this.ctx, this.spec) as unknown as Condition)
      : null;
  }
  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return null;
  }
  getRanges(): Range[] {
    return this.spec.ranges.map((r) => this.ctx.range(r.sheetId, r.rect));
  }
}

export class ConditionalFormatRuleBuilderImpl implements Pick<
  Builder,
  | 'build'
  | 'copy'
  | 'getBooleanCondition'
  | 'getRanges'
  | 'setBackground'
  | 'setBold'
  | 'setFontColor'
  | 'setItalic'
  | 'setRanges'
  | 'setStrikethrough'
  | 'setUnderline'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenDateAfter'
  | 'whenDateBefore'
  | 'whenDateEqualTo'
  | 'whenFormulaSatisfied'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenNumberNotBetween'
  | 'whenNumberNotEqualTo'
  | 'whenTextContains'
  | 'whenTextDoesNotContain'
  | 'whenTextEndsWith'
  | 'whenTextEqualTo'
  | 'whenTextStartsWith'
  | 'withCriteria'
> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private spec: StoredRuleSpec = emptySpec(),
  ) {}

  private self(): Builder {
    return this as unknown as Builder;
  }
  private when(criteria: string, values: unknown[]): Builder {
    this.spec = { ...this.spec, criteria, values: values.map(storeCriteriaValue) };
    return this.self();
  }
  private fmt(patch: StoredRuleSpec['format']): Builder {
    this.spec = { ...this.spec, format: { ...this.spec.format, ...patch } };
    return this.self();
  }

  build(): Rule {
    return new ConditionalFormatRuleImpl(this.ctx, structuredClone(this.spec)) as unknown as Rule;
  }
  copy(): Builder {
    return new ConditionalFormatRuleBuilderImpl(this.ctx, structuredClone(this.spec)) as unknown as Builder;
  }
  getBooleanCondition(): Condition | null {
    return this.spec.criteria
      ? (new BooleanConditionImpl(this.ctx, this.spec) as unknown as Condition)
      : null;
  }
  getRanges(): Range[] {
    return this.spec.ranges.map((r) => this.ctx.range(r.sheetId, r.rect));
  }
  setBackground(color: string | null): Builder {
    return this.fmt({ background: normaliseColor(color) });
  }
  setFontColor(color: string | null): Builder {
    return this.fmt({ fontColor: normaliseColor(color) });
  }
  setBold(bold: boolean | null): Builder {
    return this.fmt({ bold });
  }
  setItalic(italic: boolean | null): Builder {
    return this.fmt({ italic });
  }
  setStrikethrough(strikethrough: boolean | null): Builder {
    return this.fmt({ strikethrough });
  }
  setUnderline(underline: boolean | null): Builder {
    return this.fmt({ underline });
  }
  setRanges(ranges: Range[]): Builder {
    this.spec = {
      ...this.spec,
      ranges: ranges.map((r) => ({
        sheetId: r.getGridId(),
        rect: {
          row: r.getRow(),
          column: r.getColumn(),
          numRows: r.getNumRows(),
          numColumns: r.getNumColumns(),
        },
      })),
    };
    return this.self();
  }
  whenCellEmpty(): Builder {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): Builder {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenDateAfter(date: Date): Builder;
  whenDateAfter(date: GoogleAppsScript.Spreadsheet.RelativeDate): Builder;
  whenDateAfter(date: Date | GoogleAppsScript.Spreadsheet.RelativeDate): Builder {
    return this.when('DATE_AFTER', [date]);
  }
  whenDateBefore(date: Date): Builder;
  whenDateBefore(date: GoogleAppsScript.Spreadsheet.RelativeDate): Builder;
  whenDateBefore(date: Date | GoogleAppsScript.Spreadsheet.RelativeDate): Builder {
    return this.when('DATE_BEFORE', [date]);
  }
  whenDateEqualTo(date: Date): Builder;
  whenDateEqualTo(date: GoogleAppsScript.Spreadsheet.RelativeDate): Builder;
  whenDateEqualTo(date: Date | GoogleAppsScript.Spreadsheet.RelativeDate): Builder {
    return this.when('DATE_EQUAL_TO', [date]);
  }
  whenFormulaSatisfied(formula: string): Builder {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberBetween(start: number, end: number): Builder {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(n: number): Builder {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number): Builder {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): Builder {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): Builder {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): Builder {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberNotBetween(start: number, end: number): Builder {
    return this.when('NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberNotEqualTo(n: number): Builder {
    return this.when('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenTextContains(text: string): Builder {
    return this.when('TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): Builder {
    return this.when('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextEndsWith(text: string): Builder {
    return this.when('TEXT_ENDS_WITH', [text]);
  }
  whenTextEqualTo(text: string): Builder {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  whenTextStartsWith(text: string): Builder {
    return this.when('TEXT_STARTS_WITH', [text]);
  }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria, args: unknown[]): Builder {
    return this.when(String(criteria), args);
  }
}
