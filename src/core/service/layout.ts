/**
 * The after-sales block of the Dashboard: three sections (satisfaction by rep, satisfaction by month, open
 * complaints with their age) as rows for src/core/dashboard/layout.ts, which stacks them below its own sections in
 * the same one-write block. Headings come from the workbook-language translator the layout is given.
 */
import type { Translate } from '../i18n';
import type { RepServiceLine, SatisfactionFigures, ServiceDashboard } from './dashboard';

export interface ServiceSection {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  formats: string[];
}

/** Open complaints listed on the Dashboard; the rest are counted in a last line (all are in the rep table). */
export const MAX_COMPLAINT_ROWS = 50;

/** Typed text written as a value, never as a formula (a leading = + - @ would make Sheets parse it). */
function plain(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

const average = (figures: SatisfactionFigures): number | string =>
  figures.average === null ? '' : Math.round(figures.average * 100) / 100;

/** The block's sections, in order. */
export function serviceDashboardSections(data: ServiceDashboard, t: Translate): ServiceSection[] {
  const repRow = (line: RepServiceLine, name: string): (string | number)[] => [
    plain(name),
    line.email,
    line.records,
    line.rated,
    average(line),
    line.openComplaints,
    line.oldestComplaintDays ?? '',
  ];
  const reps: ServiceSection = {
    title: t('service.dash.reps'),
    columns: [
      t('dashboard.col.rep'),
      t('dashboard.col.email'),
      t('service.dash.col.records'),
      t('service.dash.col.rated'),
      t('service.dash.col.satisfaction'),
      t('service.dash.col.openComplaints'),
      t('service.dash.col.oldestDays'),
    ],
    rows: [
      ...data.reps.map((line) => repRow(line, line.email === '' ? t('dashboard.unassigned') : line.name)),
      repRow(data.total, t('dashboard.total')),
    ],
    formats: ['@', '@', '0', '0', '0.00', '0', '0'],
  };
  const months: ServiceSection = {
    title: t('service.dash.months'),
    columns: [
      t('dashboard.col.month'),
      t('service.dash.col.records'),
      t('service.dash.col.rated'),
      t('service.dash.col.satisfaction'),
    ],
    rows: data.months.map((line) => [line.month, line.records, line.rated, average(line)]),
    formats: ['@', '0', '0', '0.00'],
  };
  const shown = data.openComplaints.slice(0, MAX_COMPLAINT_ROWS);
  const rest = data.openComplaints.length - shown.length;
  const complaints: ServiceSection = {
    title: t('service.dash.complaints', { count: data.openComplaints.length }),
    columns: [
      t('service.dash.col.id'),
      t('service.dash.col.customerId'),
      t('service.dash.col.customer'),
      t('dashboard.col.rep'),
      t('service.dash.col.opened'),
      t('service.dash.col.ageDays'),
      t('service.dash.col.content'),
      t('service.dash.col.nextDate'),
    ],
    rows: [
      ...shown.map((item) => [
        plain(item.id),
        plain(item.customerId),
        plain(item.customer),
        item.owner || t('dashboard.unassigned'),
        item.opened,
        item.ageDays ?? '',
        plain(item.content),
        item.nextDate,
      ]),
      ...(rest > 0 ? [[t('service.dash.moreComplaints', { count: rest })]] : []),
      ...(data.openComplaints.length === 0 ? [[t('service.dash.noComplaints')]] : []),
    ],
    formats: ['@', '@', '@', '@', '@', '0', '@', '@'],
  };
  return [reps, months, complaints];
}
