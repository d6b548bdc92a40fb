/**
 * Charts: the enums sheet charts are built with (`sheet.newChart().setChartType(Charts.ChartType.PIE)`).
 * Standalone chart builders (Charts.newPieChart() …) render images in Apps Script and are not supported.
 */
import { enumOf } from './enums';

export class LocalCharts {
  readonly ChartType = enumOf<typeof GoogleAppsScript.Charts.ChartType>([
    'TIMELINE',
    'AREA',
    'BAR',
    'BUBBLE',
    'CANDLESTICK',
    'COLUMN',
    'COMBO',
    'GAUGE',
    'GEO',
    'HISTOGRAM',
    'RADAR',
    'LINE',
    'ORG',
    'PIE',
    'SCATTER',
    'SPARKLINE',
    'STEPPED_AREA',
    'TABLE',
    'TREEMAP',
    'WATERFALL',
  ]);
  readonly ChartHiddenDimensionStrategy = enumOf<typeof GoogleAppsScript.Charts.ChartHiddenDimensionStrategy>(
    ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'],
  );
  readonly ChartMergeStrategy = enumOf<typeof GoogleAppsScript.Charts.ChartMergeStrategy>([
    'MERGE_COLUMNS',
    'MERGE_ROWS',
  ]);
  readonly ColumnType = enumOf<typeof GoogleAppsScript.Charts.ColumnType>(['DATE', 'NUMBER', 'STRING']);
  readonly CurveStyle = enumOf<typeof GoogleAppsScript.Charts.CurveStyle>(['NORMAL', 'SMOOTH']);
  readonly PointStyle = enumOf<typeof GoogleAppsScript.Charts.PointStyle>([
    'NONE',
    'TINY',
    'MEDIUM',
    'LARGE',
    'HUGE',
  ]);
  readonly Position = enumOf<typeof GoogleAppsScript.Charts.Position>(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);
}
