/**
 * Check data's plausibility of a date against another date of the same row, as the template declares it on the
 * column (`datePlausible` in templates/workbook.ts: an expected close or next step against the opportunity's
 * created date, a service's next plan against the service time). Only cells that are real dates on both sides are
 * compared: text and non-dates are the field checks' business. Pure.
 */
import type { SheetKey } from '../../../templates/workbook';
import { SHEETS } from '../../../templates/workbook';
import type { ZoneDays } from '../dates';
import { isBlankRow, type Table } from '../table';
import type { FieldIssue } from './fields';

const MS_PER_DAY = 86_400_000;
/** A year as the window counts it (the window's edge is a rough bound, not a calendar date). */
const MS_PER_YEAR = 365.25 * MS_PER_DAY;

export interface DateRule {
  /** Column key of the checked date and its index in the table. */
  key: string;
  index: number;
  /** Index of the reference date and its header as it stands in the sheet. */
  afterIndex: number;
  afterHeader: string;
  graceMs: number;
  withinYears: number;
  withinMs: number;
  /** The spreadsheet's zone: a message shows each date as its day there. */
  zone: ZoneDays;
}

/** The rules of a sheet whose two columns are both present (none for a sheet that declares none). */
export function dateRulesOf(sheetKey: SheetKey, table: Table<string>, zone: ZoneDays): DateRule[] {
  const rules: DateRule[] = [];
  for (const spec of SHEETS[sheetKey].columns) {
    const plausible = spec.datePlausible;
    if (!plausible) continue;
    const index = table.columns[spec.key];
    const afterIndex = table.columns[plausible.after];
    if (index === undefined || afterIndex === undefined) continue;
    rules.push({
      key: spec.key,
      index,
      afterIndex,
      afterHeader: String(table.header[afterIndex] ?? ''),
      graceMs: plausible.graceDays * MS_PER_DAY,
      withinYears: plausible.withinYears,
      withinMs: plausible.withinYears * MS_PER_YEAR,
      zone,
    });
  }
  return rules;
}

function timeOf(value: unknown): number | null {
  if (!(value instanceof Date)) return null;
  const ms = value.getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** The issue of one row's date under `rule`, or null when it is plausible (or either side is not a date). */
export function datePlausibility(row: readonly unknown[], rule: DateRule): FieldIssue | null {
  const date = timeOf(row[rule.index]);
  if (date === null) return null;
  const reference = timeOf(row[rule.afterIndex]);
  if (reference === null) return null;
  if (date < reference - rule.graceMs) {
    return {
      code: 'dateBefore',
      params: {
        value: rule.zone.isoOfInstant(date),
        other: rule.afterHeader,
        reference: rule.zone.isoOfInstant(reference),
        days: Math.round((reference - date) / MS_PER_DAY),
      },
    };
  }
  if (date > reference + rule.withinMs) {
    return {
      code: 'dateFar',
      params: {
        value: rule.zone.isoOfInstant(date),
        other: rule.afterHeader,
        reference: rule.zone.isoOfInstant(reference),
        years: rule.withinYears,
      },
    };
  }
  return null;
}

/** Checks every non-blank row of `table` under `rules`, reporting each issue with its sheet row and column key. */
export function checkDates(
  table: Table<string>,
  rules: readonly DateRule[],
  report: (rowNumber: number, columnKey: string, issue: FieldIssue) => void,
): void {
  table.rows.forEach((row, offset) => {
    if (isBlankRow(row)) return;
    for (const rule of rules) {
      const issue = datePlausibility(row, rule);
      if (issue) report(table.firstRow + offset, rule.key, issue);
    }
  });
}
