/**
 * Set-up, the Sheets half: read what the workbook holds (names, header rows, Settings and Lists), let the pure
 * planner (src/core/setup) decide, then apply the plan with batched calls: one setValues per run of header
 * cells, one setDataValidations per run of validated columns, one setConditionalFormatRules per sheet.
 * The number of calls depends on the template, never on how many rows the sheets hold.
 */
import type { Locale } from '../../core/i18n';
import { normaliseHeader, readTable } from '../../core/table';
import { parseEmailList } from '../../core/roles';
import {
  adjacentRuns,
  planSetup,
  type ExistingSheet,
  type SetupChange,
  type SetupPlan,
  type SheetLayout,
} from '../../core/setup/plan';
import {
  isOwnConditionalFormula,
  isOwnProtection,
  planSettingsRules,
  planSheetFormats,
  type ResolvedRule,
  type SheetFormatPlan,
} from '../../core/setup/formats';
import {
  SHEET_KEYS,
  SHEETS,
  columnHeaders,
  parseSettings,
  sheetNames,
  type SheetKey,
} from '../../../templates';
import { columnLetter } from '../../../templates/formulas';
import { restrictEditors } from '../protections';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = '#e8f0fe';
const HEADER_FONT = '#174ea6';
const DEFAULT_TAB = /^(sheet|工作表|表)\s*\d+$/i;

export interface SetupResult {
  language: Locale;
  changes: SetupChange[];
  /** Sheets whose rules, formats and protections were (re-)applied. */
  formattedSheets: number;
  /** True when the workbook had SalesDesk sheets before this run. */
  rerun: boolean;
  /** True when a re-run was refused: the workbook has managers and the user is not one of them. */
  refused: boolean;
}

interface ReadState {
  input: Parameters<typeof planSetup>[0];
  sheetsByName: Map<string, Sheet>;
  managers: string[];
  settingsPresent: boolean;
}

function isTemplateName(name: string): boolean {
  const text = normaliseHeader(name);
  return SHEET_KEYS.some((key) => sheetNames(key).some((candidate) => normaliseHeader(candidate) === text));
}

/** Reads only what the planner needs: header rows, sizes, and the two small sheets in full. */
function readWorkbook(spreadsheet: Spreadsheet, userLanguage: Locale): ReadState {
  const sheets: ExistingSheet[] = [];
  const sheetsByName = new Map<string, Sheet>();
  let settingsValues: unknown[][] | undefined;
  let listsValues: unknown[][] | undefined;
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    sheetsByName.set(name, sheet);
    const template = isTemplateName(name);
    if (!template && !DEFAULT_TAB.test(name.trim())) {
      sheets.push({ name, header: [], lastRow: 1, lastColumn: 1, maxRows: 1, maxColumns: 1 });
      continue;
    }
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const existing: ExistingSheet = {
      name,
      header: lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [],
      lastRow,
      lastColumn,
      maxRows: sheet.getMaxRows(),
      maxColumns: sheet.getMaxColumns(),
    };
    sheets.push(existing);
    const text = normaliseHeader(name);
    const isKey = (key: SheetKey) => sheetNames(key).some((candidate) => normaliseHeader(candidate) === text);
    // Settings and Lists are small: read whole, once, to find missing keys and empty lists.
    if (isKey('settings') && !settingsValues && lastRow > 0)
      settingsValues = sheet.getRange(1, 1, lastRow, Math.max(lastColumn, 1)).getValues();
    if (isKey('lists') && !listsValues && lastRow > 0)
      listsValues = sheet.getRange(1, 1, lastRow, Math.max(lastColumn, 1)).getValues();
  }
  const settingsPresent = settingsValues !== undefined;
  const settingsTable = readTable(settingsValues ?? [], columnHeaders('settings'));
  const keyIndex = settingsTable.columns.key ?? 0;
  const valueIndex = settingsTable.columns.value ?? 1;
  const parsed = parseSettings(settingsTable.rows.map((row) => [row[keyIndex], row[valueIndex]] as const));
  return {
    input: { sheets, userLanguage, settingsValues, listsValues },
    sheetsByName,
    managers: parsed.settings.managers,
    settingsPresent,
  };
}

function applyStructure(
  spreadsheet: Spreadsheet,
  plan: SetupPlan,
  sheetsByName: Map<string, Sheet>,
): Record<SheetKey, Sheet> {
  // New tabs go after every existing one (counted before renames add a second name for an adopted tab).
  let tabs = sheetsByName.size;
  for (const adopt of plan.adopt) {
    const sheet = sheetsByName.get(adopt.from) as Sheet;
    sheet.setName(adopt.name);
    sheetsByName.set(adopt.name, sheet);
  }
  for (const create of plan.create) {
    const sheet = spreadsheet.insertSheet(create.name, tabs++);
    sheetsByName.set(create.name, sheet);
  }
  const sheets = {} as Record<SheetKey, Sheet>;
  for (const key of SHEET_KEYS) {
    const layout = plan.layouts[key];
    const sheet = sheetsByName.get(layout.name) as Sheet;
    sheets[key] = sheet;
    const maxColumns = sheet.getMaxColumns();
    if (layout.neededColumns > maxColumns)
      sheet.insertColumnsAfter(maxColumns, layout.neededColumns - maxColumns);
    if (layout.created) layout.maxRows = sheet.getMaxRows();
  }
  return sheets;
}

function applyValues(plan: SetupPlan, sheets: Record<SheetKey, Sheet>, settingsRows: unknown[][]): void {
  for (const write of plan.headerWrites) {
    sheets[write.sheet].getRange(1, write.column, 1, write.values.length).setValues([write.values]);
  }
  if (settingsRows.length > 0) {
    // Place key | value | description under their headers wherever they stand, in one write.
    const columns = plan.layouts.settings.columns;
    const first = Math.min(columns.key, columns.value, columns.description);
    const last = Math.max(columns.key, columns.value, columns.description);
    const rows = settingsRows.map((values) => {
      const row: unknown[] = new Array(last - first + 1).fill('');
      row[columns.key - first] = values[0];
      row[columns.value - first] = values[1];
      row[columns.description - first] = values[2];
      return row;
    });
    const sheet = sheets.settings;
    const needed = plan.settingsFirstRow + rows.length - 1;
    const maxRows = sheet.getMaxRows();
    if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
    sheet.getRange(plan.settingsFirstRow, first, rows.length, rows[0].length).setValues(rows);
  }
  // Adjacent empty list columns are filled as one block.
  const fills = [...plan.listFills].sort((a, b) => a.column - b.column);
  let start = 0;
  while (start < fills.length) {
    let end = start;
    while (end + 1 < fills.length && fills[end + 1].column === fills[end].column + 1) end++;
    const run = fills.slice(start, end + 1);
    const height = Math.max(...run.map((fill) => fill.values.length));
    const block = Array.from({ length: height }, (_, row) => run.map((fill) => fill.values[row] ?? ''));
    sheets.lists.getRange(2, run[0].column, height, run.length).setValues(block);
    start = end + 1;
  }
}

function buildRule(
  rule: ResolvedRule,
  sheets: Record<SheetKey, Sheet>,
  layouts: Record<SheetKey, SheetLayout>,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation()
    .setAllowInvalid(rule.allowInvalid)
    .setHelpText(rule.helpText);
  const criteria = rule.criteria;
  switch (criteria.kind) {
    case 'valueInRange': {
      const rows = Math.max(layouts[criteria.sheet].maxRows - 1, 1);
      return builder
        .requireValueInRange(sheets[criteria.sheet].getRange(2, criteria.column, rows, 1), true)
        .build();
    }
    case 'valueInList':
      return builder.requireValueInList(criteria.values, true).build();
    case 'email':
      return builder.requireTextIsEmail().build();
    case 'url':
      return builder.requireTextIsUrl().build();
    case 'date':
      return builder.requireDate().build();
    case 'numberAtLeast':
      return builder.requireNumberGreaterThanOrEqualTo(criteria.min).build();
    case 'numberBetween':
      return builder.requireNumberBetween(criteria.min, criteria.max).build();
    case 'checkbox':
      return builder.requireCheckbox().build();
    case 'formula':
      return builder.requireFormulaSatisfied(criteria.formula).build();
  }
}

interface ProtectionContext {
  editors: string[];
  /**
   * The sheet was made by this set-up or by a stopped one: a protection without a description there is one of
   * ours cut short between `protect()` and `setDescription()` (no user has protected anything on it yet).
   */
  ownBlank?: boolean;
}

/** Whole columns `first`..`first+count-1` (1-based) in A1 notation, e.g. "S:W": no row limit. */
function columnsA1(first: number, count: number): string {
  return `${columnLetter(first - 1)}:${columnLetter(first + count - 2)}`;
}

function applyProtections(sheet: Sheet, format: SheetFormatPlan, context: ProtectionContext): void {
  const isOwn = (description: string) =>
    isOwnProtection(description) || (context.ownBlank === true && description === '');
  const sheetProtection = format.protections.find((protection) => protection.columns === undefined);
  const rangeProtections = format.protections.filter((protection) => protection.columns !== undefined);
  if (sheetProtection) {
    const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
    // A sheet protection the user set up stays as it is; SalesDesk's own is refreshed.
    if (!existing || isOwn(existing.getDescription())) {
      const protection = existing ?? sheet.protect();
      protection.setDescription(sheetProtection.description);
      protection.setWarningOnly(sheetProtection.warningOnly);
      if (!sheetProtection.warningOnly) restrictEditors(protection, context.editors);
    }
  }
  if (rangeProtections.length === 0) return;
  // Columns may have moved since last time: SalesDesk's range protections are replaced, a user's are kept.
  for (const existing of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (isOwn(existing.getDescription())) existing.remove();
  }
  for (const spec of rangeProtections) {
    for (const run of adjacentRuns(spec.columns ?? [])) {
      // Whole columns in A1 notation ("S:W"): the protection covers rows added later, not just today's rows.
      const protection = sheet.getRange(columnsA1(run[0], run.length)).protect();
      protection.setDescription(spec.description);
      if (spec.warningOnly) protection.setWarningOnly(true);
      else restrictEditors(protection, context.editors);
    }
  }
}

function applyFormats(
  sheet: Sheet,
  layout: SheetLayout,
  format: SheetFormatPlan,
  sheets: Record<SheetKey, Sheet>,
  layouts: Record<SheetKey, SheetLayout>,
  context: ProtectionContext,
): void {
  const dataRows = Math.max(layout.maxRows - 1, 1);
  if (layout.created) sheet.setTabColor(format.tabColor);
  if (layout.created && SHEETS[layout.key].hidden) sheet.hideSheet();
  if (format.frozenRows > 0 && sheet.getFrozenRows() < format.frozenRows)
    sheet.setFrozenRows(format.frozenRows);
  if (layout.created && format.frozenColumns > 0) sheet.setFrozenColumns(format.frozenColumns);
  if (SHEETS[layout.key].layout === 'free') return;

  sheet
    .getRange(1, 1, 1, format.headerWidth)
    .setFontWeight('bold')
    .setBackground(HEADER_BACKGROUND)
    .setFontColor(HEADER_FONT);
  for (const run of format.notes) sheet.getRange(1, run.column, 1, run.notes.length).setNotes([run.notes]);
  for (const { column, format: pattern } of format.numberFormats) {
    sheet.getRange(2, column, dataRows, 1).setNumberFormat(pattern);
  }
  for (const run of format.validations) {
    const rules = run.rules.map((rule) => buildRule(rule, sheets, layouts));
    // One row repeated down the column (a native fill: set-up code runs cold, once per execution).
    const matrix = new Array<typeof rules>(dataRows).fill(rules);
    sheet.getRange(2, run.column, dataRows, rules.length).setDataValidations(matrix);
  }
  // Equal widths of adjacent new columns go in one call.
  let index = 0;
  const widths = [...format.widths].sort((a, b) => a.column - b.column);
  while (index < widths.length) {
    let end = index;
    while (
      end + 1 < widths.length &&
      widths[end + 1].column === widths[end].column + 1 &&
      widths[end + 1].width === widths[index].width
    )
      end++;
    if (end === index) sheet.setColumnWidth(widths[index].column, widths[index].width);
    else sheet.setColumnWidths(widths[index].column, end - index + 1, widths[index].width);
    index = end + 1;
  }
  if (format.conditionalFormats.length > 0) {
    const kept = sheet.getConditionalFormatRules().filter((rule) => {
      const condition = rule.getBooleanCondition();
      if (!condition || condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA)
        return true;
      return !isOwnConditionalFormula(String(condition.getCriteriaValues()[0] ?? ''));
    });
    const ours = format.conditionalFormats.map((spec) => {
      const builder = SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(spec.formula)
        .setBackground(spec.background)
        .setRanges(spec.columns.map((column) => sheet.getRange(2, column, dataRows, 1)));
      if (spec.fontColor) builder.setFontColor(spec.fontColor);
      return builder.build();
    });
    sheet.setConditionalFormatRules([...kept, ...ours]);
  }
  if (format.protections.length > 0) applyProtections(sheet, format, context);
}

/** One setDataValidations over the Settings value column: checkbox, dropdowns and ranges per setting. */
function applySettingsRules(
  existing: readonly unknown[][] | undefined,
  plan: SetupPlan,
  sheets: Record<SheetKey, Sheet>,
  appended: readonly unknown[][],
): void {
  const columns = plan.layouts.settings.columns;
  const keys: string[] = (existing ?? []).slice(1).map((row) => String(row[columns.key - 1] ?? ''));
  // Rows between the existing content and the appended block (none in practice) keep no rule.
  while (keys.length < plan.settingsFirstRow - 2) keys.push('');
  for (const row of appended) keys.push(String(row[0]));
  if (keys.length === 0) return;
  const rules = planSettingsRules(keys, plan.language, plan.layouts.lists.columns.currency);
  const built = rules.map((rule) => [rule ? buildRule(rule, sheets, plan.layouts) : null]);
  sheets.settings.getRange(2, columns.value, built.length, 1).setDataValidations(built);
}

/** Document property: the sheets a set-up made and has not finished formatting (JSON list of sheet keys). */
export const UNFINISHED_PROPERTY = 'salesdesk.setup.unfinished';

function unfinishedSheets(text: string | null): SheetKey[] {
  try {
    const keys: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(keys) ? SHEET_KEYS.filter((key) => keys.includes(key)) : [];
  } catch {
    return [];
  }
}

export interface SetupOptions {
  userLanguage: Locale;
  /** The running user's e-mail: listed as manager when Settings is created (they set the workbook up). */
  userEmail: string;
  ownerEmail: string;
  /** Decides whether the user may re-run set-up on a workbook whose Settings lists these managers. */
  isManager(managers: string[]): boolean;
}

/**
 * Brings the active workbook to the template: idempotent and non-destructive (see src/core/setup/plan.ts).
 * The caller holds the document lock.
 */
export function runSetup(spreadsheet: Spreadsheet, options: SetupOptions): SetupResult {
  const state = readWorkbook(spreadsheet, options.userLanguage);
  const rerun = state.input.sheets.some((sheet) => isTemplateName(sheet.name));
  const plan = planSetup(state.input);
  if (rerun && state.managers.length > 0 && !options.isManager(state.managers)) {
    return { language: plan.language, changes: [], formattedSheets: 0, rerun, refused: true };
  }

  // Sheets a stopped set-up made (a service error, the 6-minute limit) are formatted as new ones by the next run:
  // they are listed in a document property from before the first one is made until the last format is applied.
  const properties = PropertiesService.getDocumentProperties();
  const unfinished = unfinishedSheets(properties.getProperty(UNFINISHED_PROPERTY));
  for (const key of unfinished) plan.layouts[key].created = true;
  const made = SHEET_KEYS.filter((key) => plan.layouts[key].created);
  if (made.length > 0 && made.join() !== unfinished.join())
    properties.setProperty(UNFINISHED_PROPERTY, JSON.stringify(made));

  // Whoever sets up a new workbook is its first manager, so protections do not lock them out.
  let managers = state.managers;
  const settingsRows = plan.settingsRows.map((row) => [...row]);
  const managersRow = settingsRows.find((row) => row[0] === 'managers');
  if (managersRow && options.userEmail && managers.length === 0) {
    managersRow[1] = options.userEmail;
    managers = [options.userEmail];
    plan.changes.push({ kind: 'managerAdded', email: options.userEmail });
  }

  const sheets = applyStructure(spreadsheet, plan, state.sheetsByName);
  applyValues(plan, sheets, settingsRows);

  const editors = [...new Set([...parseEmailList(managers), options.ownerEmail, options.userEmail])].filter(
    (email) => email !== '',
  );
  applySettingsRules(state.input.settingsValues, plan, sheets, settingsRows);
  let formattedSheets = 0;
  for (const key of SHEET_KEYS) {
    const layout = plan.layouts[key];
    const format = planSheetFormats(layout, plan.layouts, plan.language);
    applyFormats(sheets[key], layout, format, sheets, plan.layouts, { editors, ownBlank: layout.created });
    formattedSheets++;
  }
  if (made.length > 0) properties.deleteProperty(UNFINISHED_PROPERTY);
  return { language: plan.language, changes: plan.changes, formattedSheets, rerun, refused: false };
}
