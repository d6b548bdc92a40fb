/**
 * The Opportunities block of the Dashboard sheet: rows (values and number formats) that layoutDashboard stacks
 * under its other sections, so the whole Dashboard is still written with one setValues. Pure.
 */
import type { Translate } from '../i18n';
import { isoOfDay } from '../dashboard/days';
import type { OpportunityDashboard, PeriodForecast, RepPipeline } from './compute';

export interface BlockRow {
  cells: (string | number)[];
  formats?: string[];
  /** Bold (section headings' column headers and totals). */
  header?: boolean;
}

/** Slipped opportunities listed on the sheet; the rest are counted. */
export const MAX_SLIPPED_ROWS = 50;

/**
 * @param labelOf the workbook-language label of a stage key (catalogue stages), undefined for a team's own stage.
 * @param money the number format of amounts (the Settings currency).
 */
export function opportunityBlock(
  data: OpportunityDashboard,
  t: Translate,
  labelOf: (stageKey: string) => string | undefined,
  money: string,
): BlockRow[] {
  const rows: BlockRow[] = [];
  const title = (key: string, params?: Record<string, string | number>) =>
    rows.push({ cells: [t(key, params)] });
  const header = (cells: string[]) => rows.push({ cells, header: true });
  const blank = () => rows.push({ cells: [] });
  const stageName = (key: string, label: string) =>
    key === '' ? t('dashboard.none') : (labelOf(key) ?? (label || key));
  const periodName = (period: string) => (period === '' ? t('opps.dash.noDate') : period.replace('-Q', ' Q'));

  title('opps.dash.section.stages');
  header([
    t('dashboard.col.stage'),
    t('opps.dash.col.open'),
    t('opps.dash.col.value'),
    t('opps.dash.col.weighted'),
  ]);
  const valueFormats = ['@', '0', money, money];
  for (const stage of data.byStage)
    rows.push({
      cells: [stageName(stage.key, stage.label), stage.count, stage.value, stage.weighted],
      formats: valueFormats,
    });
  rows.push({
    cells: [t('dashboard.total'), data.total.open, data.total.value, data.total.weighted],
    formats: valueFormats,
    header: true,
  });
  if (data.unconverted > 0) rows.push({ cells: [t('opps.dash.unconverted', { count: data.unconverted })] });
  blank();

  const forecast = (key: string, column: string, list: PeriodForecast[]) => {
    title(key);
    header([column, t('opps.dash.col.open'), t('opps.dash.col.value'), t('opps.dash.col.weighted')]);
    for (const slot of list)
      rows.push({
        cells: [periodName(slot.period), slot.count, slot.value, slot.weighted],
        formats: valueFormats,
      });
    blank();
  };
  forecast('opps.dash.section.months', t('dashboard.col.month'), data.byMonth);
  forecast('opps.dash.section.quarters', t('opps.dash.col.quarter'), data.byQuarter);

  title('opps.dash.section.reps');
  header([
    t('dashboard.col.rep'),
    t('dashboard.col.email'),
    t('opps.dash.col.open'),
    t('opps.dash.col.value'),
    t('opps.dash.col.weighted'),
    t('opps.dash.col.won'),
    t('opps.dash.col.lost'),
    t('opps.dash.col.winRate'),
  ]);
  const repFormats = ['@', '@', '0', money, money, '0', '0', '0.0%'];
  const repRow = (rep: RepPipeline, name: string): (string | number)[] => [
    name,
    rep.email,
    rep.open,
    rep.value,
    rep.weighted,
    rep.won,
    rep.lost,
    rep.winRate ?? '',
  ];
  for (const rep of data.byRep)
    rows.push({
      cells: repRow(rep, rep.email === '' ? t('dashboard.unassigned') : rep.name),
      formats: repFormats,
    });
  rows.push({ cells: repRow(data.total, t('dashboard.total')), formats: repFormats, header: true });
  blank();

  title('opps.dash.section.durations');
  header([t('dashboard.col.stage'), t('opps.dash.col.avgDays'), t('opps.dash.col.stays')]);
  for (const duration of data.durations)
    rows.push({
      cells: [
        stageName(duration.key, duration.label),
        duration.averageDays === null ? '' : Math.round(duration.averageDays * 10) / 10,
        duration.stays,
      ],
      formats: ['@', '0.0', '0'],
    });
  blank();

  title('opps.dash.section.slipped', { count: data.slipped.length });
  header([
    t('opps.dash.col.id'),
    t('opps.dash.col.customer'),
    t('opps.dash.col.owner'),
    t('dashboard.col.stage'),
    t('opps.dash.col.expectedClose'),
    t('opps.dash.col.daysLate'),
    t('opps.dash.col.value'),
  ]);
  for (const opp of data.slipped.slice(0, MAX_SLIPPED_ROWS))
    rows.push({
      cells: [
        opp.id,
        opp.customer,
        opp.owner,
        opp.stageLabel,
        isoOfDay(opp.expectedCloseDay),
        opp.daysLate,
        opp.value ?? '',
      ],
      formats: ['@', '@', '@', '@', '@', '0', money],
    });
  const rest = data.slipped.length - MAX_SLIPPED_ROWS;
  if (rest > 0) rows.push({ cells: [t('opps.dash.more', { count: rest })] });
  return rows;
}
