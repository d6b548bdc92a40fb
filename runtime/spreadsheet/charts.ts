/** Embedded charts: built with sheet.newChart(), stored in the workbook as specs, listed and updated. */
import type { SpreadsheetContext } from './context';
import { CHART_ENUMS } from './generated-members';
import type { ChartSpec } from './types';
import { notSupported } from '../errors';

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Range = GoogleAppsScript.Spreadsheet.Range;

export function chartEnums(): {
  ChartType: Record<string, string>;
  Position: Record<string, string>;
  LegendPosition: Record<string, string>;
} {
  const toEnum = (names: readonly string[] | undefined): Record<string, string> =>
    Object.fromEntries((names ?? []).map((n) => [n, n]));
  return {
    ChartType: toEnum(CHART_ENUMS.ChartType),
    Position: toEnum(CHART_ENUMS.Position),
    LegendPosition: toEnum(CHART_ENUMS.LegendPosition ?? CHART_ENUMS.Position),
  };
}

export function newChartSpec(sheetId: number): Omit<ChartSpec, 'id'> & { id: number } {
  return {
    id: 0,
    chartType: 'COLUMN',
    ranges: [],
    position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    options: { sheetId },
  };
}

export class EmbeddedChartBuilderImpl {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly spec: ChartSpec,
  ) {}

  private self(): Builder {
    return this as unknown as Builder;
  }

  addRange(range: Range): Builder {
    this.spec.ranges.push({
      sheetId: range.getGridId(),
      rect: {
        row: range.getRow(),
        column: range.getColumn(),
        numRows: range.getNumRows(),
        numColumns: range.getNumColumns(),
      },
    });
    return this.self();
  }
  removeRange(range: Range): Builder {
    this.spec.ranges = this.spec.ranges.filter(
      (r) =>
        !(
          r.sheetId === range.getGridId() &&
          r.rect.row === range.getRow() &&
          r.rect.column === range.getColumn() &&
          r.rect.numRows === range.getNumRows() &&
          r.rect.numColumns === range.getNumColumns()
        ),
    );
    return this.self();
  }
  clearRanges(): Builder {
    this.spec.ranges = [];
    return this.self();
  }
  getRanges(): Range[] {
    return this.spec.ranges.map((r) => this.ctx.range(r.sheetId, r.rect));
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): Builder {
    this.spec.chartType = String(type);
    return this.self();
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.spec.chartType as unknown as GoogleAppsScript.Charts.ChartType;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): Builder {
    this.spec.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this.self();
  }
  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.spec);
  }
  setOption(option: string, value: unknown): Builder {
    this.spec.options[option] = value;
    return this.self();
  }
  setNumHeaders(headers: number): Builder {
    this.spec.options.numHeaders = headers;
    return this.self();
  }
  setTransposeRowsAndColumns(transpose: boolean): Builder {
    this.spec.options.transposeRowsAndColumns = transpose;
    return this.self();
  }
  setHiddenDimensionStrategy(strategy: unknown): Builder {
    this.spec.options.hiddenDimensionStrategy = String(strategy);
    return this.self();
  }
  setMergeStrategy(strategy: unknown): Builder {
    this.spec.options.mergeStrategy = String(strategy);
    return this.self();
  }
  // Typed builders (asColumnChart() etc.) share this object; their common setters are options.
  setTitle(title: string): Builder {
    return this.setOption('title', title);
  }
  setXAxisTitle(title: string): Builder {
    return this.setOption('hAxis.title', title);
  }
  setYAxisTitle(title: string): Builder {
    return this.setOption('vAxis.title', title);
  }
  setLegendPosition(position: unknown): Builder {
    return this.setOption('legend.position', String(position).toLowerCase());
  }
  setStacked(): Builder {
    return this.setOption('isStacked', true);
  }
  setColors(colors: string[]): Builder {
    return this.setOption('colors', [...colors]);
  }
  set3D(): Builder {
    return this.setOption('is3D', true);
  }
  asAreaChart(): Builder {
    return this.setChartType('AREA' as unknown as GoogleAppsScript.Charts.ChartType);
  }
  asBarChart(): Builder {
    return this.setChartType('BAR' as unknown as GoogleAppsScript.Charts.ChartType);
  }
  asColumnChart(): Builder {
    return this.setChartType('COLUMN' as unknown as GoogleAppsScript.Charts.ChartType);
  }
  asComboChart(): Builder {
    return this.setChartType('COMBO' as unknown as GoogleAppsScript.Charts.ChartType);
  }
  asHistogramChart(): Builder {
    return this.setChartType('HISTOGRAM' as unknown as GoogleAppsScript.Charts.ChartType);
  }
  asLineChart(): Builder {
    return this.setChartType('LINE' as unknown as GoogleAppsScript.Charts.ChartType);
  }
  asPieChart(): Builder {
    return this.setChartType('PIE' as unknown as GoogleAppsScript.Charts.ChartType);
  }
  asScatterChart(): Builder {
    return this.setChartType('SCATTER' as unknown as GoogleAppsScript.Charts.ChartType);
  }
  asTableChart(): Builder {
    return this.setChartType('TABLE' as unknown as GoogleAppsScript.Charts.ChartType);
  }
  build(): Chart {
    return new EmbeddedChartImpl(this.ctx, structuredClone(this.spec)) as unknown as Chart;
  }
}

function containerInfo(spec: ChartSpec): GoogleAppsScript.Spreadsheet.ContainerInfo {
  const info = {
    getAnchorColumn: (): number => spec.position.anchorColumn,
    getAnchorRow: (): number => spec.position.anchorRow,
    getOffsetX: (): number => spec.position.offsetX,
    getOffsetY: (): number => spec.position.offsetY,
  };
  return info as GoogleAppsScript.Spreadsheet.ContainerInfo;
}

export class EmbeddedChartImpl implements Pick<
  Chart,
  | 'getChartId'
  | 'getContainerInfo'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'getTransposeRowsAndColumns'
  | 'modify'
> {
  constructor(
    private readonly ctx: SpreadsheetContext,
    readonly spec: ChartSpec,
  ) {}
  getChartId(): number | null {
    return this.spec.id || null;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return containerInfo(this.spec);
  }
  getNumHeaders(): number {
    return typeof this.spec.options.numHeaders === 'number' ? this.spec.options.numHeaders : -1;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = this.spec.options;
    return {
      get: (option: string): unknown => options[option] ?? null,
    } as unknown as GoogleAppsScript.Charts.ChartOptions;
  }
  getRanges(): Range[] {
    return this.spec.ranges.map((r) => this.ctx.range(r.sheetId, r.rect));
  }
  getTransposeRowsAndColumns(): boolean {
    return this.spec.options.transposeRowsAndColumns === true;
  }
  modify(): Builder {
    return new EmbeddedChartBuilderImpl(this.ctx, structuredClone(this.spec)) as unknown as Builder;
  }
  /** The chart type (not in the Apps Script interface, handy for tests). */
  getChartType(): string {
    return this.spec.chartType;
  }
}

export function chartSpecOf(chart: Chart): ChartSpec {
  if (chart instanceof EmbeddedChartImpl) return chart.spec;
  return notSupported('Sheet.insertChart (a chart not built by this runtime)');
}
