/**
 * Dashboard refresh: one getValues per source sheet, figures computed in src/core/dashboard, the Dashboard
 * written with one setNumberFormats + one setValues, and three EmbeddedCharts kept one per anchor cell: a chart
 * already anchored there is updated in place, extra copies there are removed, charts elsewhere are left alone.
 */
import { chainCodeOf, builtInCodeOf } from '../../core/dashboard/codes';
import { computeDashboard, type DashboardInput } from '../../core/dashboard/compute';
import { formatZoned, DayClock } from '../../core/dashboard/days';
import { layoutDashboard, type ChartSpec, type DashboardLayout } from '../../core/dashboard/layout';
import { translator, type Locale, type Translate } from '../../core/i18n';
import { isListKey, listLabel, listValueCode } from '../../../templates/lists';
import { findSheet, openSheet, readSettings, workbookLanguage } from '../adapters/workbook';
import { SHEETS } from '../../../templates/workbook';
import { readListsAndPipeline } from '../opportunities/workbook';
import { readOpportunityFigures } from '../opportunities/dashboard';
import { serviceDashboard } from '../service/dashboard';

export interface RefreshSummary {
  customers: number;
  deals: number;
  rows: number;
  charts: { created: number; updated: number; removed: number };
}

function dashboardSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  locale: Locale,
): GoogleAppsScript.Spreadsheet.Sheet {
  return findSheet(spreadsheet, 'dashboard') ?? spreadsheet.insertSheet(SHEETS.dashboard.names[locale]);
}

function chartType(type: ChartSpec['type']): GoogleAppsScript.Charts.ChartType {
  if (type === 'pie') return Charts.ChartType.PIE;
  if (type === 'bar') return Charts.ChartType.BAR;
  return Charts.ChartType.COLUMN;
}

interface PlacedChart {
  chart: GoogleAppsScript.Spreadsheet.EmbeddedChart;
  row: number;
  column: number;
}

/**
 * The sheet's charts and their anchors. Read before the Dashboard is written: a read after a write waits for the
 * write to reach Sheets (a round trip), a read among the other reads does not.
 */
function placedCharts(sheet: GoogleAppsScript.Spreadsheet.Sheet): PlacedChart[] {
  return sheet.getCharts().map((chart) => {
    const info = chart.getContainerInfo();
    return { chart, row: info.getAnchorRow(), column: info.getAnchorColumn() };
  });
}

/** Creates or updates the layout's charts; one chart per anchor cell. */
function syncCharts(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  existing: readonly PlacedChart[],
  specs: readonly ChartSpec[],
): RefreshSummary['charts'] {
  const counts = { created: 0, updated: 0, removed: 0 };
  for (const spec of specs) {
    const here = existing.filter(
      (entry) => entry.row === spec.anchorRow && entry.column === spec.anchorColumn,
    );
    for (const extra of here.slice(1)) {
      sheet.removeChart(extra.chart);
      counts.removed++;
    }
    let builder = here[0] ? here[0].chart.modify().clearRanges() : sheet.newChart();
    builder = builder.setChartType(chartType(spec.type));
    for (const a1 of spec.ranges) builder = builder.addRange(sheet.getRange(a1));
    builder = builder
      .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
      .setNumHeaders(1)
      .setOption('title', spec.title)
      .setOption('legend', { position: spec.type === 'pie' ? 'right' : 'none' })
      .setOption('width', 480)
      .setOption('height', 300);
    if (here[0]) {
      sheet.updateChart(builder.build());
      counts.updated++;
    } else {
      sheet.insertChart(builder.build());
      counts.created++;
    }
  }
  return counts;
}

function writeLayout(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: DashboardLayout): void {
  // Clear what an earlier, longer dashboard left (contents and formats; charts are kept and updated).
  sheet.clear();
  const rows = layout.values.length;
  const width = layout.values[0].length;
  const range = sheet.getRange(1, 1, rows, width);
  range.setNumberFormats(layout.formats);
  range.setValues(layout.values);
  // Bold titles and header rows: one call for the whole block.
  const bold = new Set(layout.headerRows);
  range.setFontWeights(
    layout.values.map((_, index) => new Array(width).fill(bold.has(index + 1) ? 'bold' : 'normal')),
  );
}

/**
 * Recomputes and rewrites the Dashboard. No role check here: callers check (menu) or run as the installer
 * (trigger).
 * @param user who refreshed, shown in the title line.
 * @param workbookLocale the workbook's language: the sheet's headings and labels are in it (messages use `t`).
 */
export function refreshDashboard(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  t: Translate,
  locale: Locale,
  user: string,
  now: Date = new Date(),
  workbookLocale: Locale = locale,
): RefreshSummary {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const customers = openSheet(spreadsheet, 'customers', t, locale, ['id', 'owner']);
  const deals = openSheet(spreadsheet, 'deals', t, locale, ['customerId', 'amount', 'status']);
  const followups = openSheet(spreadsheet, 'followups', t, locale, ['rep']);
  const reps = openSheet(spreadsheet, 'reps', t, locale, ['email']);
  // One read of Lists: the dropdown labels and the opportunity pipeline (stages with their probabilities).
  const { lists, pipeline } = readListsAndPipeline(spreadsheet, workbookLocale);
  const { settings } = readSettings(spreadsheet);
  const codeOf = chainCodeOf(listValueCode, builtInCodeOf);
  const stageOrder = (lists.stage ?? []).map((label) => codeOf('stage', label) ?? label);
  const input: DashboardInput = {
    customers: customers.table as DashboardInput['customers'],
    deals: deals.table as DashboardInput['deals'],
    followups: followups.table as DashboardInput['followups'],
    reps: reps.table as DashboardInput['reps'],
    now,
    timeZone,
    codeOf,
    stageOrder,
  };
  const data = computeDashboard(input);
  const opportunities = readOpportunityFigures(spreadsheet, {
    pipeline,
    settings,
    timeZone,
    now,
    reps: reps.table,
    customers: customers.table,
  });
  if (opportunities) data.opportunities = opportunities;
  // After-sales block: the Service sheet read once, written in the same block (undefined: no Service sheet).
  const service = serviceDashboard(spreadsheet, customers.table, reps.table, timeZone, now);
  if (service) data.service = service;
  const currency = String(settings.currency ?? '').trim();
  // The Dashboard is the team's: headings, tier and list labels in the workbook's language, whoever refreshes.
  const layout = layoutDashboard(data, {
    t: translator(workbookLocale),
    labelOf: (listKey, code) => (isListKey(listKey) ? listLabel(listKey, code, workbookLocale) : undefined),
    updatedAt: formatZoned(now, new DayClock(timeZone)),
    updatedBy: user || '—',
    currencyFormat: currency ? `#,##0.00 "${currency.replace(/"/g, '')}"` : '#,##0.00',
  });
  const sheet = dashboardSheet(spreadsheet, workbookLocale);
  const existing = placedCharts(sheet);
  writeLayout(sheet, layout);
  const charts = syncCharts(sheet, existing, layout.charts);
  return {
    customers: data.total.customers,
    deals: data.total.dealsWon,
    rows: layout.values.length,
    charts,
  };
}

/**
 * The daily refresh, for trigger handlers (onDailyDashboard, and F4's daily reminders). Never throws: a failed
 * refresh is logged and must not stop the reminders that share the trigger.
 * @returns true when the Dashboard was written.
 */
export function dailyDashboardRefresh(): boolean {
  try {
    const spreadsheet = SpreadsheetApp.getActive();
    const locale = workbookLanguage(spreadsheet);
    refreshDashboard(spreadsheet, translator(locale), locale, 'SalesDesk (daily)');
    return true;
  } catch (error) {
    console.error(`SalesDesk daily dashboard: ${(error as Error).message}`);
    return false;
  }
}
