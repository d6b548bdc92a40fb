/** Data validation: the builder, the built rule, and evaluating rules against cell values. */
import type { SpreadsheetContext } from './context';
import { loadCriteriaValue, storeCriteriaValue } from './criteria';
import { isDateLike } from './dates';
import { offsetRelativeRefs } from './formula-refs';
import type { DataValidationSpec } from './types';

type DV = GoogleAppsScript.Spreadsheet.DataValidation;
type DVBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export class DataValidationImpl implements Pick<
  DV,
  'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues'
> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly spec: DataValidationSpec,
  ) {}

  copy(): DVBuilder {
    return new DataValidationBuilderImpl(this.ctx, structuredClone(this.spec)) as unknown as DVBuilder;
  }

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  getCriteriaType(): Criteria {
    return this.spec.criteria as unknown as Criteria;
  }

  getCriteriaValues(): unknown[] {
    return this.spec.values.map((v) => loadCriteriaValue(this.ctx, v));
  }

  /** The help text, or null when none is set (reference/spreadsheet/data-validation#getHelpText()). */
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  /** Apps Script objects print their class name. */
  toString(): string {
    return 'DataValidation';
  }
}

export class DataValidationBuilderImpl implements Pick<
  DVBuilder,
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaValues'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateEqualTo'
  | 'requireDateNotBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberNotBetween'
  | 'requireNumberNotEqualTo'
  | 'requireTextContains'
  | 'requireTextDoesNotContain'
  | 'requireTextEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria'
> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private spec: DataValidationSpec = { criteria: '', values: [], allowInvalid: true, helpText: null },
  ) {}

  private set(criteria: string, values: unknown[]): DVBuilder {
    this.spec = { ...this.spec, criteria, values: values.map(storeCriteriaValue) };
    return this as unknown as DVBuilder;
  }

  build(): DV {
    if (!this.spec.criteria) throw new Error('You must set a criteria for the data validation rule.');
    return new DataValidationImpl(this.ctx, structuredClone(this.spec)) as unknown as DV;
  }
  copy(): DVBuilder {
    return new DataValidationBuilderImpl(this.ctx, structuredClone(this.spec)) as unknown as DVBuilder;
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  /** The criteria, or null before one is set (reference/spreadsheet/data-validation-builder#getCriteriaType()). */
  getCriteriaType(): Criteria | null {
    return this.spec.criteria ? (this.spec.criteria as unknown as Criteria) : null;
  }
  getCriteriaValues(): unknown[] {
    return this.spec.values.map((v) => loadCriteriaValue(this.ctx, v));
  }
  /** The help text, or null when none is set (reference/spreadsheet/data-validation-builder#getHelpText()). */
  getHelpText(): string | null {
    return this.spec.helpText;
  }
  /** Apps Script objects print their class name. */
  toString(): string {
    return 'DataValidationBuilder';
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): DVBuilder {
    const values = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this.set('CHECKBOX', values);
  }
  requireDate(): DVBuilder {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): DVBuilder {
    return this.set('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): DVBuilder {
    return this.set('DATE_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date): DVBuilder {
    return this.set('DATE_BETWEEN', [start, end]);
  }
  requireDateEqualTo(date: Date): DVBuilder {
    return this.set('DATE_EQUAL_TO', [date]);
  }
  requireDateNotBetween(start: Date, end: Date): DVBuilder {
    return this.set('DATE_NOT_BETWEEN', [start, end]);
  }
  requireDateOnOrAfter(date: Date): DVBuilder {
    return this.set('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): DVBuilder {
    return this.set('DATE_ON_OR_BEFORE', [date]);
  }
  requireFormulaSatisfied(formula: string): DVBuilder {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): DVBuilder {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number): DVBuilder {
    return this.set('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number): DVBuilder {
    return this.set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): DVBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number): DVBuilder {
    return this.set('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): DVBuilder {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberNotBetween(start: number, end: number): DVBuilder {
    return this.set('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberNotEqualTo(n: number): DVBuilder {
    return this.set('NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireTextContains(text: string): DVBuilder {
    return this.set('TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string): DVBuilder {
    return this.set('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string): DVBuilder {
    return this.set('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): DVBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): DVBuilder {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown?: boolean): DVBuilder {
    if (!Array.isArray(values) || values.length === 0) {
      throw new Error(
        "The parameters (number[]) don't match the method signature for DataValidationBuilder.requireValueInList.",
      );
    }
    return this.set('VALUE_IN_LIST', [values.map(String), showDropdown ?? true]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): DVBuilder {
    return this.set('VALUE_IN_RANGE', [range, showDropdown ?? true]);
  }
  setAllowInvalid(allowInvalidData: boolean): DVBuilder {
    this.spec = { ...this.spec, allowInvalid: Boolean(allowInvalidData) };
    return this as unknown as DVBuilder;
  }
  setHelpText(helpText: string): DVBuilder {
    this.spec = {
      ...this.spec,
      helpText: helpText === null || helpText === undefined ? null : String(helpText),
    };
    return this as unknown as DVBuilder;
  }
  withCriteria(criteria: Criteria, args: unknown[]): DVBuilder {
    return this.set(String(criteria), args);
  }
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const URL_RE = /^(?:(?:https?|ftp):\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

/** Everything rule evaluation needs to know about one cell. */
export interface CellForValidation {
  /** Computed value as getValues gives it (Date for date cells). */
  value: unknown;
  /** Text as displayed. */
  display: string;
  row: number;
  column: number;
}

export interface ValidationEnvironment {
  /** Display texts of a stored range (VALUE_IN_RANGE). */
  rangeDisplayValues(
    sheetId: number,
    rect: { row: number; column: number; numRows: number; numColumns: number },
  ): string[];
  /** Evaluates a custom formula at a cell; truthy passes. */
  evaluate(formula: string, row: number, column: number): unknown;
  timeZoneDay(date: Date): number;
}

function dayOf(env: ValidationEnvironment, value: unknown): number | undefined {
  if (isDateLike(value)) return env.timeZoneDay(value);
  return undefined;
}

function storedDay(env: ValidationEnvironment, v: unknown): number {
  const ms = v && typeof v === 'object' && 'date' in v ? (v as { date: number }).date : Number(v);
  return env.timeZoneDay(new Date(ms));
}

/** True when the cell satisfies the rule. Empty cells always pass, as in Sheets. */
export function cellSatisfies(
  rule: DataValidationSpec,
  cell: CellForValidation,
  env: ValidationEnvironment,
): boolean {
  const { value } = cell;
  if (value === '' || value === null || value === undefined) return true;
  const v = rule.values;
  const num = typeof value === 'number' ? value : undefined;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (v[0] as string[]).some((item) => item === cell.display || item === String(value));
    case 'VALUE_IN_RANGE': {
      const ref = v[0] as {
        sheetId: number;
        rect: { row: number; column: number; numRows: number; numColumns: number };
      };
      const allowed = env.rangeDisplayValues(ref.sheetId, ref.rect).filter((s) => s !== '');
      return allowed.includes(cell.display);
    }
    case 'NUMBER_BETWEEN':
      return num !== undefined && num >= Number(v[0]) && num <= Number(v[1]);
    case 'NUMBER_NOT_BETWEEN':
      return num !== undefined && (num < Number(v[0]) || num > Number(v[1]));
    case 'NUMBER_EQUAL_TO':
      return num === Number(v[0]);
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== undefined && num !== Number(v[0]);
    case 'NUMBER_GREATER_THAN':
      return num !== undefined && num > Number(v[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== undefined && num >= Number(v[0]);
    case 'NUMBER_LESS_THAN':
      return num !== undefined && num < Number(v[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== undefined && num <= Number(v[0]);
    case 'DATE_IS_VALID_DATE':
      return isDateLike(value);
    case 'DATE_AFTER':
    case 'DATE_BEFORE':
    case 'DATE_EQUAL_TO':
    case 'DATE_ON_OR_AFTER':
    case 'DATE_ON_OR_BEFORE':
    case 'DATE_BETWEEN':
    case 'DATE_NOT_BETWEEN': {
      const day = dayOf(env, value);
      if (day === undefined) return false;
      const a = storedDay(env, v[0]);
      if (rule.criteria === 'DATE_AFTER') return day > a;
      if (rule.criteria === 'DATE_BEFORE') return day < a;
      if (rule.criteria === 'DATE_EQUAL_TO') return day === a;
      if (rule.criteria === 'DATE_ON_OR_AFTER') return day >= a;
      if (rule.criteria === 'DATE_ON_OR_BEFORE') return day <= a;
      const b = storedDay(env, v[1]);
      return rule.criteria === 'DATE_BETWEEN' ? day >= a && day <= b : day < a || day > b;
    }
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && EMAIL.test(value.trim());
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && URL_RE.test(value.trim());
    case 'TEXT_CONTAINS':
      return cell.display.includes(String(v[0]));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !cell.display.includes(String(v[0]));
    case 'TEXT_EQUAL_TO':
      return cell.display === String(v[0]);
    case 'CHECKBOX':
      if (v.length === 0) return value === true || value === false;
      return (
        value === v[0] ||
        value === v[1] ||
        cell.display === String(v[0]) ||
        cell.display === String(v[1] ?? '')
      );
    case 'CUSTOM_FORMULA': {
      const anchor = rule.anchor ?? { row: cell.row, column: cell.column };
      const formula = offsetRelativeRefs(String(v[0]), cell.row - anchor.row, cell.column - anchor.column);
      const result = env.evaluate(formula, cell.row, cell.column);
      return result === true || (typeof result === 'number' && result !== 0);
    }
    default:
      return true;
  }
}
