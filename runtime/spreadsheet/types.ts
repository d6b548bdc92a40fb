/** Plain, serialisable data of a workbook (structuredClone- and JSON-safe). */
import type { CellLiteral } from './formats';

export type { CellLiteral };

/** A rectangle on a sheet, 1-based like Apps Script. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** Row-major sparse grid: a missing row or cell is empty. */
export type Grid<T> = Array<Array<T | null | undefined> | null | undefined>;

/** A criteria value as stored: Dates as `{ date: ms }`, ranges as sheet id + rectangle. */
export type StoredCriteriaValue =
  string | number | boolean | null | string[] | { date: number } | { sheetId: number; rect: GridRect };

export interface DataValidationSpec {
  /** A SpreadsheetApp.DataValidationCriteria name, e.g. VALUE_IN_LIST. */
  criteria: string;
  values: StoredCriteriaValue[];
  allowInvalid: boolean;
  helpText: string | null;
  /** Top-left cell of the range the rule was set on: relative references in a custom formula start there. */
  anchor?: { row: number; column: number };
}

export interface ConditionalFormatSpec {
  id: number;
  ranges: GridRect[];
  /** A SpreadsheetApp.BooleanCriteria name, e.g. CUSTOM_FORMULA. */
  criteria: string;
  values: StoredCriteriaValue[];
  format: {
    background?: string | null;
    fontColor?: string | null;
    bold?: boolean | null;
    italic?: boolean | null;
    strikethrough?: boolean | null;
    underline?: boolean | null;
  };
}

export interface ProtectionSpec {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** Protected rectangle for RANGE protections. */
  rect: GridRect | null;
  /**
   * The range was given as whole columns ("S:W"): it has no last row, so rows added below later are protected too
   * (a range read from A1 notation without row numbers stays unbounded in Sheets).
   */
  openRows?: boolean;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotectedRanges: GridRect[];
  /** Named range given with setRangeName. */
  rangeName?: string;
}

export interface ChartSpec {
  id: number;
  /** A Charts.ChartType name, e.g. COLUMN. */
  chartType: string;
  ranges: Array<{ sheetId: number; rect: GridRect }>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface NamedRangeSpec {
  name: string;
  sheetId: number;
  rect: GridRect;
}

export interface SheetData {
  id: number;
  name: string;
  hidden: boolean;
  tabColor: string | null;
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  /** Column widths in pixels by 0-based column; missing means the default 100. */
  columnWidths: Array<number | null | undefined>;
  /** Literal contents (formula cells hold null here). */
  values: Grid<CellLiteral>;
  /** Formula text with its leading '='. */
  formulas: Grid<string>;
  numberFormats: Grid<string>;
  backgrounds: Grid<string>;
  fontWeights: Grid<string>;
  fontColors: Grid<string>;
  notes: Grid<string>;
  horizontalAlignments: Grid<string>;
  wraps: Grid<boolean>;
  /** Ids into WorkbookData.validationRules. */
  validations: Grid<number>;
  conditionalFormats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  /**
   * Further per-cell formats (font family/size/style/line, vertical alignment, text direction/rotation, wrap
   * strategy, borders), by name; absent in workbooks made before they existed. Not carried by .xlsx yet.
   */
  styles?: Partial<Record<StyleKey, Grid<string | number>>>;
  /** Merged blocks. */
  merges?: GridRect[];
  /** Rows and columns hidden by the user (1-based). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Row heights in pixels by 0-based row; missing means the default 21. */
  rowHeights?: Array<number | null | undefined>;
  /** View flags: gridlines hidden, right-to-left. */
  hiddenGridlines?: boolean;
  rightToLeft?: boolean;
}

/** Names of the further per-cell formats kept in SheetData.styles. */
export type StyleKey =
  | 'fontFamilies'
  | 'fontSizes'
  | 'fontStyles'
  | 'fontLines'
  | 'verticalAlignments'
  | 'textDirections'
  | 'textRotations'
  | 'wrapStrategies'
  | 'borders'
  | 'showHyperlinks';

export const STYLE_KEYS: readonly StyleKey[] = [
  'fontFamilies',
  'fontSizes',
  'fontStyles',
  'fontLines',
  'verticalAlignments',
  'textDirections',
  'textRotations',
  'wrapStrategies',
  'borders',
  'showHyperlinks',
];

/** Per-cell attribute grids, addressable by name. */
export type AttributeGridKey =
  | 'numberFormats'
  | 'backgrounds'
  | 'fontWeights'
  | 'fontColors'
  | 'notes'
  | 'horizontalAlignments'
  | 'wraps'
  | 'validations';

export const ATTRIBUTE_GRID_KEYS: readonly AttributeGridKey[] = [
  'numberFormats',
  'backgrounds',
  'fontWeights',
  'fontColors',
  'notes',
  'horizontalAlignments',
  'wraps',
  'validations',
];

/** Attributes cleared by Range.clearFormat (Sheets keeps notes and validations). */
export const FORMAT_GRID_KEYS: readonly AttributeGridKey[] = [
  'numberFormats',
  'backgrounds',
  'fontWeights',
  'fontColors',
  'horizontalAlignments',
  'wraps',
];

export interface WorkbookData {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  owner: string;
  editors: string[];
  sheets: SheetData[];
  activeSheetId: number | null;
  activeRange: { sheetId: number; rect: GridRect } | null;
  namedRanges: NamedRangeSpec[];
  protections: ProtectionSpec[];
  validationRules: Record<string, DataValidationSpec>;
  nextId: number;
  /** People who may view (Spreadsheet.addViewer); absent in older workbooks. */
  viewers?: string[];
  /** Calculation settings (File → Settings → Calculation); absent means Sheets' defaults. */
  calculation?: { iterative?: boolean; maxCycles?: number; threshold?: number; interval?: string };
}
