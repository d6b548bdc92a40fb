/**
 * SalesDesk → Check data, Clear check highlights, Refresh tiers, and the check-report sidebar's server calls.
 * Each sheet is read once; the checks and tiers are computed in src/core; writes are one call per sheet
 * (highlights) or per run of adjacent columns (tiers).
 */
import { requireWritable } from '../protections';
import { zoneDays } from '../../core/dates';
import { translator, type Locale } from '../../core/i18n';
import { isBlankRow } from '../../core/table';
import {
  computeTiers,
  exchangeRatesFrom,
  thresholdsFrom,
  TIER_COLUMNS,
  type TierCode,
} from '../../core/tiering';
import { checkWorkbook, CHECKED_SHEETS, type CheckProblem, type WorkbookSheets } from '../../core/validation';
import { LIST_KEYS, SHEETS, type SheetKey } from '../../../templates';
import { findSheets, readSheet, writeColumns } from '../adapters/workbook';
import { executionContext } from '../context';
import { withLock } from '../lock';
import { LANGUAGE_PROPERTY, TIME_ZONE_PROPERTY } from '../../functions';
import { applyHighlights } from './highlights';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** At most this many problems travel to the sidebar (every problem cell is highlighted regardless). */
export const REPORT_LIMIT = 500;
const REPORT_CACHE_KEY = 'salesdesk.check.report';

export interface CheckReport {
  locale: Locale;
  problems: CheckProblem[];
  total: number;
  errors: number;
  warnings: number;
  rows: number;
  highlighted: number;
  /** ISO time of the check. */
  checkedAt: string;
}

function readWorkbook(spreadsheet: Spreadsheet, keys: readonly SheetKey[]): WorkbookSheets {
  const found = findSheets(spreadsheet);
  const out: WorkbookSheets = {};
  for (const key of keys) {
    const sheet = found[key];
    if (sheet) out[key] = { name: sheet.getName(), table: readSheet(sheet, key) };
  }
  return out;
}

function listsOf(sheets: WorkbookSheets): Record<string, unknown[]> {
  const lists: Record<string, unknown[]> = {};
  const input = sheets.lists;
  if (!input) return lists;
  for (const key of LIST_KEYS) {
    const index = input.table.columns[key];
    if (index !== undefined) lists[key] = input.table.rows.map((row) => row[index]);
  }
  return lists;
}

/** Records the spreadsheet's zone and language so custom functions (which must not read the sheet) know them. */
function rememberForCustomFunctions(spreadsheet: Spreadsheet, language: Locale): void {
  const properties = PropertiesService.getDocumentProperties();
  properties.setProperties(
    { [TIME_ZONE_PROPERTY]: spreadsheet.getSpreadsheetTimeZone(), [LANGUAGE_PROPERTY]: language },
    false,
  );
}

/** Runs every check, highlights problem cells (replacing the previous highlights) and returns the report. */
export function runCheck(
  locale: Locale = executionContext().locale,
  options: { highlight?: boolean; limit?: number } = {},
): CheckReport {
  const highlight = options.highlight ?? true;
  const limit = options.limit ?? REPORT_LIMIT;
  const spreadsheet = SpreadsheetApp.getActive();
  return withLock(translator(locale), 'action', () => {
    const sheets = readWorkbook(spreadsheet, [...CHECKED_SHEETS, 'lists']);
    const result = checkWorkbook(sheets, listsOf(sheets), undefined, locale, {
      timeZone: executionContext().timeZone,
    });
    const { highlighted } = highlight ? applyHighlights(spreadsheet, result.problems) : { highlighted: 0 };
    const rows = Object.values(result.rowsChecked).reduce((sum, n) => sum + (n ?? 0), 0);
    const report: CheckReport = {
      locale,
      problems: result.problems.slice(0, limit),
      total: result.total,
      errors: result.errors,
      warnings: result.warnings,
      rows,
      highlighted,
      checkedAt: new Date().toISOString(),
    };
    if (!highlight) return report;
    try {
      const json = JSON.stringify(report);
      // Cache values are limited to 100 KB; a bigger report is simply recomputed when the sidebar asks.
      if (json.length < 90_000) CacheService.getDocumentCache()?.put(REPORT_CACHE_KEY, json, 600);
    } catch {
      // The cache is an optimisation only.
    }
    return report;
  });
}

/**
 * SalesDesk → Check data: checks, highlights and opens the report sidebar.
 * @returns the report (for the local runtime and tests).
 */
export function menuCheckData(): CheckReport {
  const locale = executionContext().locale;
  const t = translator(locale);
  const report = runCheck(locale);
  const spreadsheet = SpreadsheetApp.getActive();
  spreadsheet.toast(
    report.total === 0 ? t('checks.toast.clean') : t('checks.toast.problems', { total: report.total }),
    t('app.name'),
  );
  const html = HtmlService.createHtmlOutputFromFile('check-report').setTitle(t('checks.report.title'));
  SpreadsheetApp.getUi().showSidebar(html);
  return report;
}

/** Sidebar start-up: the report of the check that opened it, or a fresh check when it is gone from the cache. */
export function apiCheckReport(): CheckReport {
  const locale = executionContext().locale;
  try {
    const cached = CacheService.getDocumentCache()?.get(REPORT_CACHE_KEY);
    if (cached) {
      const report = JSON.parse(cached) as CheckReport;
      if (report.locale === locale) return report;
    }
  } catch {
    // fall through to a fresh check
  }
  return runCheck(locale);
}

/**
 * Every problem, without highlighting or opening anything (read-only): for the CLI and other scripts.
 * @param maxProblems how many problems to return in full (default: all).
 */
export function apiValidateWorkbook(maxProblems?: number): CheckReport {
  const limit = typeof maxProblems === 'number' && maxProblems >= 0 ? maxProblems : Number.POSITIVE_INFINITY;
  return runCheck(executionContext().locale, { highlight: false, limit });
}

/** Sidebar "Check again". */
export function apiRunCheck(): CheckReport {
  return runCheck(executionContext().locale);
}

/** Restores every highlighted cell's original background. */
export function apiClearHighlights(): { restored: number } {
  const { spreadsheet, t } = executionContext();
  return withLock(t, 'action', () => {
    const { restored } = applyHighlights(spreadsheet, []);
    try {
      CacheService.getDocumentCache()?.remove(REPORT_CACHE_KEY);
    } catch {
      // cache is optional
    }
    return { restored };
  });
}

/** SalesDesk → Clear check highlights. */
export function menuClearHighlights(): { restored: number } {
  const t = translator(executionContext().locale);
  const result = apiClearHighlights();
  SpreadsheetApp.getActive().toast(
    result.restored === 0
      ? t('checks.toast.nothingToClear')
      : t('checks.toast.cleared', { cells: result.restored }),
    t('app.name'),
  );
  return result;
}

/**
 * Selects a cell of the report: the sheet is activated and the cell selected.
 * @param sheetName the sheet's name as reported.
 * @param row 1-based row.
 * @param col 1-based column (0 selects the row's first cell).
 */
export function apiGoToCell(sheetName: string, row: number, col: number): { ok: true } {
  const spreadsheet = SpreadsheetApp.getActive();
  const sheet = spreadsheet.getSheetByName(String(sheetName));
  if (!sheet)
    throw new Error(
      translator(executionContext().locale)('checks.goTo.missingSheet', { sheet: String(sheetName) }),
    );
  const r = Math.max(1, Math.min(Math.floor(Number(row)) || 1, sheet.getMaxRows()));
  const c = Math.max(1, Math.min(Math.floor(Number(col)) || 1, sheet.getMaxColumns()));
  sheet.activate();
  sheet.getRange(r, c).activate();
  return { ok: true };
}

export interface TierRefreshResult {
  customers: number;
  counts: Record<TierCode, number>;
  language: Locale;
  today: string;
}

/**
 * Recomputes total purchases, order count, first/last purchase and tier of every customer: one read of
 * Customers, Deals and Settings each, one write per run of adjacent computed columns (one write in the template
 * layout). The computed columns then hold values; array formulas there (template formula mode) are replaced.
 */
export function refreshTiers(): TierRefreshResult {
  const { locale, t, spreadsheet, settings, settingsTable, workbookLocale: language } = executionContext();
  return withLock(t, 'action', () => {
    const found = findSheets(spreadsheet);
    const missing = (['customers', 'deals'] as const).find((key) => !found[key]);
    if (missing) throw new Error(t('common.missingSheet', { sheet: SHEETS[missing].names[locale] }));
    const customersSheet = found.customers as GoogleAppsScript.Spreadsheet.Sheet;
    // The computed columns are protected for managers: someone not (yet) an editor is told so before any write.
    requireWritable(executionContext(), ['customers']);
    const customers = readSheet(customersSheet, 'customers');
    const deals = readSheet(found.deals as GoogleAppsScript.Spreadsheet.Sheet, 'deals');
    for (const key of ['id', ...TIER_COLUMNS]) {
      if (customers.columns[key] === undefined) {
        const header = SHEETS.customers.columns.find((c) => c.key === key)?.headers[locale] ?? key;
        throw new Error(t('common.missingColumn', { sheet: customersSheet.getName(), column: header }));
      }
    }
    for (const key of ['customerId', 'amount', 'status']) {
      if (deals.columns[key] === undefined) {
        const header = SHEETS.deals.columns.find((c) => c.key === key)?.headers[locale] ?? key;
        throw new Error(t('common.missingColumn', { sheet: found.deals?.getName() ?? '', column: header }));
      }
    }
    const zone = zoneDays(spreadsheet.getSpreadsheetTimeZone());
    const today = zone.dayOfInstant(new Date());
    const run = computeTiers({
      customers,
      deals,
      rates: exchangeRatesFrom(settings, settingsTable),
      thresholds: thresholdsFrom(settings),
      zone,
      today,
      language,
    });
    // Drop trailing blank rows so the write covers only the customers (and never grows the sheet).
    let used = customers.rows.length;
    while (used > 0 && isBlankRow(customers.rows[used - 1])) used--;
    customers.rows.length = used;
    customers.rows.forEach((row, i) => {
      for (const key of TIER_COLUMNS) row[customers.columns[key] as number] = run.columns[key][i];
    });
    writeColumns(customersSheet, customers, TIER_COLUMNS);
    rememberForCustomFunctions(spreadsheet, language);
    return {
      customers: run.customers.length,
      counts: run.counts,
      language,
      today: zone.isoOfInstant(new Date()),
    };
  });
}

/** SalesDesk → Refresh tiers (managers and the owner: the computed columns are protected). */
export function menuRefreshTiers(): TierRefreshResult | null {
  const { t } = executionContext();
  const result = refreshTiers();
  SpreadsheetApp.getActive().toast(
    result.customers === 0
      ? t('tiers.toast.noCustomers')
      : t('tiers.toast.done', { customers: result.customers, ...result.counts }),
    t('app.name'),
  );
  return result;
}
export { apiInstallTierFormulas, menuUseLiveTierFormulas } from './formulas';
