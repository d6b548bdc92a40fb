/**
 * The Dashboard sheet as one 2-D block (values plus number formats of the same shape), written with a single
 * setValues. Sections are stacked top to bottom in the first columns; charts sit to the right of the block,
 * anchored at fixed cells so a refresh finds and updates them instead of adding new ones.
 */
import type { Translate } from '../i18n';
import type { Bucket, DashboardData, RepPerformance } from './compute';
import { opportunityBlock } from '../opportunities/block';
import { serviceDashboardSections } from '../service/layout';

export const DASHBOARD_WIDTH = 11;
/** 1-based column where charts are anchored: one blank column after the block. */
export const CHART_COLUMN = DASHBOARD_WIDTH + 2;

export type SectionKey = 'reps' | 'tiers' | 'months' | 'products' | 'regions' | 'pipeline';

export interface SectionPosition {
  /** 1-based sheet row of the section's column headers. */
  headerRow: number;
  /** 1-based first and last data rows (last < first when empty). */
  firstDataRow: number;
  lastDataRow: number;
}

export interface ChartSpec {
  /** Stable identity of the chart; the server keeps one chart per slot. */
  slot: 'revenueByMonth' | 'tiers' | 'repRevenue';
  type: 'column' | 'pie' | 'bar';
  title: string;
  /** A1 ranges on the Dashboard sheet: the label column first, then the values. */
  ranges: string[];
  /** 1-based anchor cell. */
  anchorRow: number;
  anchorColumn: number;
}

export interface DashboardLayout {
  values: (string | number)[][];
  formats: string[][];
  sections: Record<SectionKey, SectionPosition>;
  charts: ChartSpec[];
  /** Rows of the title block; the server bolds header rows. */
  headerRows: number[];
  /** The after-sales block's sections (src/core/service/layout.ts), when the workbook has a Service sheet. */
  service?: SectionPosition[];
}

/** Localised label of a list code (templates/lists.ts), undefined when the code is not in the list. */
export type ListLabelOf = (listKey: string, code: string) => string | undefined;

export interface LayoutOptions {
  t: Translate;
  labelOf: ListLabelOf;
  /** When and by whom, already formatted for the title line. */
  updatedAt: string;
  updatedBy: string;
  currencyFormat?: string;
}

function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function a1(row1: number, col1: number, row2: number, col2: number): string {
  return `${columnLetter(col1)}${row1}:${columnLetter(col2)}${row2}`;
}

export function layoutDashboard(data: DashboardData, options: LayoutOptions): DashboardLayout {
  const { t, labelOf } = options;
  const money = options.currencyFormat ?? '#,##0.00';
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  const headerRows: number[] = [];
  const push = (row: (string | number | null)[], rowFormats: string[] = []): number => {
    const padded = Array.from({ length: DASHBOARD_WIDTH }, (_, i) => row[i] ?? '');
    values.push(padded);
    formats.push(Array.from({ length: DASHBOARD_WIDTH }, (_, i) => rowFormats[i] ?? '@'));
    return values.length; // 1-based row just written
  };
  const blank = (): number => push([]);
  const header = (cells: string[]): number => {
    const row = push(cells);
    headerRows.push(row);
    return row;
  };
  const bucketLabel = (listKey: string, bucket: Bucket): string =>
    bucket.key === '' ? t('dashboard.none') : (labelOf(listKey, bucket.key) ?? bucket.label ?? bucket.key);

  const title = push([
    t('dashboard.title'),
    t('dashboard.updated', { time: options.updatedAt, user: options.updatedBy }),
  ]);
  headerRows.push(title);
  push([t('dashboard.period', { month: data.monthKey, quarter: data.quarterKey.replace('-', ' ') })], ['@']);
  blank();

  // Per-rep performance.
  push([t('dashboard.section.reps')]);
  const repHeader = header([
    t('dashboard.col.rep'),
    t('dashboard.col.email'),
    t('dashboard.col.openLeads'),
    t('dashboard.col.customers'),
    t('dashboard.col.dealsWon'),
    t('dashboard.col.revenueMonth'),
    t('dashboard.col.revenueQuarter'),
    t('dashboard.col.conversion'),
    t('dashboard.col.salesCycle'),
    t('dashboard.col.followUps'),
    t('dashboard.col.overdue'),
  ]);
  const repFormats = ['@', '@', '0', '0', '0', money, money, '0.0%', '0.0', '0', '0'];
  const repRow = (perf: RepPerformance, name: string): (string | number)[] => [
    name,
    perf.email,
    perf.openLeads,
    perf.customers,
    perf.dealsWon,
    perf.revenueMonth,
    perf.revenueQuarter,
    perf.conversionRate ?? '',
    perf.avgSalesCycleDays === null ? '' : Math.round(perf.avgSalesCycleDays * 10) / 10,
    perf.followUpsLogged,
    perf.overdueFollowUps,
  ];
  for (const perf of data.reps)
    push(repRow(perf, perf.email === '' ? t('dashboard.unassigned') : perf.name), repFormats);
  const repLast = values.length;
  const totalRow = push(repRow(data.total, t('dashboard.total')), repFormats);
  headerRows.push(totalRow);
  const reps: SectionPosition = { headerRow: repHeader, firstDataRow: repHeader + 1, lastDataRow: repLast };
  blank();

  const bucketSection = (
    sectionTitle: string,
    columns: string[],
    rows: (string | number)[][],
    rowFormats: string[],
  ): SectionPosition => {
    push([sectionTitle]);
    const headerRow = header(columns);
    for (const row of rows) push(row, rowFormats);
    const position = { headerRow, firstDataRow: headerRow + 1, lastDataRow: values.length };
    blank();
    return position;
  };

  const tierTotal = data.tiers.reduce((sum, bucket) => sum + bucket.count, 0);
  const tiers = bucketSection(
    t('dashboard.section.tiers'),
    [t('dashboard.col.tier'), t('dashboard.col.customers'), t('dashboard.col.share')],
    data.tiers.map((bucket) => [
      bucketLabel('tier', bucket),
      bucket.count,
      tierTotal > 0 ? bucket.count / tierTotal : 0,
    ]),
    ['@', '0', '0.0%'],
  );
  const months = bucketSection(
    t('dashboard.section.months'),
    [t('dashboard.col.month'), t('dashboard.col.revenue'), t('dashboard.col.deals')],
    data.revenueByMonth.map((month) => [month.month, month.amount, month.deals]),
    ['@', money, '0'],
  );
  const products = bucketSection(
    t('dashboard.section.products'),
    [t('dashboard.col.product'), t('dashboard.col.revenue'), t('dashboard.col.deals')],
    data.revenueByProduct.map((bucket) => [bucketLabel('product', bucket), bucket.amount, bucket.count]),
    ['@', money, '0'],
  );
  const regions = bucketSection(
    t('dashboard.section.regions'),
    [t('dashboard.col.region'), t('dashboard.col.revenue'), t('dashboard.col.deals')],
    data.revenueByRegion.map((bucket) => [bucketLabel('region', bucket), bucket.amount, bucket.count]),
    ['@', money, '0'],
  );
  const pipeline = bucketSection(
    t('dashboard.section.pipeline'),
    [t('dashboard.col.stage'), t('dashboard.col.customers'), t('dashboard.col.potentialValue')],
    data.pipeline.map((bucket) => [bucketLabel('stage', bucket), bucket.count, bucket.amount]),
    ['@', '0', money],
  );

  // Opportunities (issue 14), when the workbook has the sheet: its own block under the others.
  if (data.opportunities) {
    for (const row of opportunityBlock(
      data.opportunities,
      t,
      (key) => labelOf('opportunityStage', key),
      money,
    )) {
      const at = push(row.cells, row.formats);
      if (row.header) headerRows.push(at);
    }
    blank();
  }
  // After-sales service (售后): satisfaction by rep and by month, open complaints and their age; same one write.
  const service = data.service
    ? serviceDashboardSections(data.service, t).map((section) =>
        bucketSection(section.title, section.columns, section.rows, section.formats),
      )
    : undefined;

  // Charts need at least one data row; an empty range still charts as empty, so ranges always cover the header.
  const last = (position: SectionPosition): number => Math.max(position.lastDataRow, position.headerRow);
  const charts: ChartSpec[] = [
    {
      slot: 'revenueByMonth',
      type: 'column',
      title: t('dashboard.chart.revenueByMonth'),
      ranges: [a1(months.headerRow, 1, last(months), 2)],
      anchorRow: 1,
      anchorColumn: CHART_COLUMN,
    },
    {
      slot: 'tiers',
      type: 'pie',
      title: t('dashboard.chart.tiers'),
      ranges: [a1(tiers.headerRow, 1, last(tiers), 2)],
      anchorRow: 21,
      anchorColumn: CHART_COLUMN,
    },
    {
      slot: 'repRevenue',
      type: 'bar',
      title: t('dashboard.chart.repRevenue'),
      ranges: [a1(reps.headerRow, 1, last(reps), 1), a1(reps.headerRow, 7, last(reps), 7)],
      anchorRow: 41,
      anchorColumn: CHART_COLUMN,
    },
  ];

  return {
    values,
    formats,
    sections: { reps, tiers, months, products, regions, pipeline },
    charts,
    headerRows,
    ...(service ? { service } : {}),
  };
}
