/**
 * Rules and formats of the template resolved against where columns actually stand: data-validation rules,
 * number formats, header notes, widths, conditional formats and protections, each with concrete column numbers
 * and formulas. Pure; the adapter turns each entry into Sheets builder calls.
 */
import type { Locale } from '../i18n';
import {
  CONDITIONAL_FORMATS,
  PROTECTIONS,
  PROTECTION_TAG,
  SETTINGS,
  SHEETS,
  type ColumnSpec,
  type SheetKey,
} from '../../../templates';
import { adjacentRuns, type SheetLayout } from './plan';

/** Sheets' default column width in pixels, and how far off a template width may be before it is set. */
const DEFAULT_COLUMN_WIDTH = 100;
const WIDTH_TOLERANCE = 25;

/** 'A' for 1, 'Z' for 26, 'AA' for 27. */
export function columnLetter(column: number): string {
  let letters = '';
  let rest = column;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

export type ResolvedCriteria =
  /** Dropdown of a column of another sheet, rows 2..lastRow. */
  | { kind: 'valueInRange'; sheet: SheetKey; column: number }
  | { kind: 'valueInList'; values: string[] }
  | { kind: 'email' }
  | { kind: 'url' }
  | { kind: 'date' }
  | { kind: 'numberAtLeast'; min: number }
  | { kind: 'numberBetween'; min: number; max: number }
  | { kind: 'checkbox' }
  | { kind: 'formula'; formula: string };

export interface ResolvedRule {
  criteria: ResolvedCriteria;
  allowInvalid: boolean;
  helpText: string;
}

/** A run of adjacent columns receiving rules in one setDataValidations call (rows 2..maxRows). */
export interface ValidationRun {
  column: number;
  rules: ResolvedRule[];
}

export interface ResolvedConditionalFormat {
  id: string;
  columns: number[];
  formula: string;
  background: string;
  fontColor?: string;
}

export interface ResolvedProtection {
  id: string;
  /** 1-based columns; undefined protects the sheet. */
  columns?: number[];
  warningOnly: boolean;
  description: string;
}

export interface SheetFormatPlan {
  key: SheetKey;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string;
  /** Columns (1-based) of the header to style: 1..headerWidth. */
  headerWidth: number;
  numberFormats: { column: number; format: string }[];
  validations: ValidationRun[];
  /** Header notes (help texts), one call per run of adjacent template columns. */
  notes: { column: number; notes: string[] }[];
  /** Widths for columns this run created only: a user's resizing is kept. */
  widths: { column: number; width: number }[];
  conditionalFormats: ResolvedConditionalFormat[];
  protections: ResolvedProtection[];
}

function fillCell(formula: string, column: number): string {
  return formula.split('{cell}').join(`${columnLetter(column)}2`);
}

function integerFormula(column: number, min?: number, max?: number): string {
  const cell = `${columnLetter(column)}2`;
  const parts = [`ISNUMBER(${cell})`, `${cell}=INT(${cell})`];
  if (min !== undefined) parts.push(`${cell}>=${min}`);
  if (max !== undefined) parts.push(`${cell}<=${max}`);
  return `=AND(${parts.join(',')})`;
}

function resolveCriteria(
  spec: ColumnSpec,
  column: number,
  layouts: Record<SheetKey, SheetLayout>,
): ResolvedCriteria | null {
  const rule = spec.validation;
  if (!rule) return null;
  switch (rule.kind) {
    case 'list':
      return { kind: 'valueInRange', sheet: 'lists', column: layouts.lists.columns[rule.list] };
    case 'sheetColumn':
      return { kind: 'valueInRange', sheet: rule.sheet, column: layouts[rule.sheet].columns[rule.column] };
    case 'values':
      return { kind: 'valueInList', values: [...rule.values] };
    case 'email':
    case 'url':
    case 'date':
    case 'checkbox':
      return { kind: rule.kind };
    case 'number':
      if (rule.max !== undefined)
        return { kind: 'numberBetween', min: rule.min ?? -Number.MAX_VALUE, max: rule.max };
      return { kind: 'numberAtLeast', min: rule.min ?? 0 };
    case 'integer':
      return { kind: 'formula', formula: integerFormula(column, rule.min, rule.max) };
    case 'custom':
      return { kind: 'formula', formula: fillCell(rule.formula, column) };
    default:
      return null;
  }
}

/** `{columnKey}` → `$R2` (column-absolute, row-relative from the first data row). */
export function resolveConditionalFormula(formula: string, columns: Record<string, number>): string {
  return formula.replace(/\{(\w+)\}/g, (whole, key: string) =>
    columns[key] ? `$${columnLetter(columns[key])}2` : whole,
  );
}

/**
 * Whether a conditional-format formula is one SalesDesk wrote, wherever the columns stood then: the template's
 * formulas with any column letters. Set-up replaces its own rules and keeps every rule a user added.
 */
export function isOwnConditionalFormula(formula: string): boolean {
  const normalised = formula.replace(/\s+/g, '').toUpperCase();
  return CONDITIONAL_FORMATS.some((spec) => {
    const pattern = spec.formula
      .toUpperCase()
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\$?[A-Z]{1,3}\\$?\\d+');
    return new RegExp(`^${pattern}$`).test(normalised);
  });
}

/** Whether a protection's description marks it as SalesDesk's own. */
export function isOwnProtection(description: string): boolean {
  return description.startsWith(PROTECTION_TAG);
}

export function planSheetFormats(
  layout: SheetLayout,
  layouts: Record<SheetKey, SheetLayout>,
  language: Locale,
): SheetFormatPlan {
  const spec = SHEETS[layout.key];
  const numberFormats: SheetFormatPlan['numberFormats'] = [];
  const rulesByColumn = new Map<number, ResolvedRule>();
  const noteByColumn = new Map<number, string>();
  const widths: SheetFormatPlan['widths'] = [];
  const added = new Set(layout.addedColumns);
  const required = language === 'zh-CN' ? '（必填）' : ' (required)';

  for (const column of spec.columns) {
    const at = layout.columns[column.key];
    if (column.numberFormat) numberFormats.push({ column: at, format: column.numberFormat });
    const criteria = resolveCriteria(column, at, layouts);
    if (criteria) {
      rulesByColumn.set(at, {
        criteria,
        allowInvalid: column.strict === false,
        helpText: column.help[language],
      });
    }
    const help = column.help[language];
    noteByColumn.set(at, column.required && !help.includes(required.trim()) ? `${help}${required}` : help);
    // Only columns this run created get a width, and only when the default would visibly misfit: each width is
    // a round trip to Sheets, and a width the user chose is never reset.
    const misfit = Math.abs(column.width - DEFAULT_COLUMN_WIDTH) > WIDTH_TOLERANCE;
    if ((added.has(at) || layout.created) && misfit) widths.push({ column: at, width: column.width });
  }

  const validations = adjacentRuns([...rulesByColumn.keys()]).map((run) => ({
    column: run[0],
    rules: run.map((column) => rulesByColumn.get(column) as ResolvedRule),
  }));
  const notes = adjacentRuns([...noteByColumn.keys()]).map((run) => ({
    column: run[0],
    notes: run.map((column) => noteByColumn.get(column) as string),
  }));

  const conditionalFormats = CONDITIONAL_FORMATS.filter((format) => format.sheet === layout.key).map(
    (format): ResolvedConditionalFormat => ({
      id: format.id,
      columns: format.columns.map((key) => layout.columns[key]),
      formula: resolveConditionalFormula(format.formula, layout.columns),
      background: format.background,
      fontColor: format.fontColor,
    }),
  );
  const protections = PROTECTIONS.filter((protection) => protection.sheet === layout.key).map(
    (protection): ResolvedProtection => ({
      id: protection.id,
      columns: protection.columns?.map((key) => layout.columns[key]),
      warningOnly: protection.mode === 'warning',
      description: `${PROTECTION_TAG} ${protection.description[language]}`,
    }),
  );

  return {
    key: layout.key,
    frozenRows: spec.frozenRows,
    frozenColumns: spec.frozenColumns ?? 0,
    tabColor: spec.tabColor,
    headerWidth: Math.max(layout.neededColumns, ...Object.values(layout.columns)),
    numberFormats,
    validations,
    notes,
    widths,
    conditionalFormats,
    protections,
  };
}

/**
 * Rules for the Settings value cells, one per row from row 2: a checkbox for yes/no settings, a dropdown for the
 * language and the currency, number ranges for thresholds. Warnings only, so a value typed another way
 * ("yes", "是") is flagged, never refused; `parseSettings` decides what it means.
 * @param keys the setting key standing in each row from row 2 ('' for rows without one).
 */
export function planSettingsRules(
  keys: readonly string[],
  language: Locale,
  listsCurrencyColumn: number | undefined,
): (ResolvedRule | null)[] {
  return keys.map((key) => {
    const spec = SETTINGS.find((candidate) => candidate.key.toLowerCase() === key.trim().toLowerCase());
    if (!spec) return null;
    let criteria: ResolvedCriteria | null = null;
    if (spec.type === 'boolean') criteria = { kind: 'checkbox' };
    else if (spec.type === 'locale') criteria = { kind: 'valueInList', values: ['auto', 'en', 'zh-CN'] };
    else if (spec.type === 'currency' && listsCurrencyColumn)
      criteria = { kind: 'valueInRange', sheet: 'lists', column: listsCurrencyColumn };
    else if (spec.type === 'number' || spec.type === 'integer') {
      if (spec.max !== undefined) criteria = { kind: 'numberBetween', min: spec.min ?? 0, max: spec.max };
      else criteria = { kind: 'numberAtLeast', min: spec.min ?? 0 };
    }
    return criteria ? { criteria, allowInvalid: true, helpText: spec.description[language] } : null;
  });
}
