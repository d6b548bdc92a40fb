/**
 * Load sample data: fills an empty, set-up workbook with the deterministic sample of templates/sample.ts, one
 * setValues per sheet. Refuses when Customers, Deals or Follow-ups already hold data: sample rows must never mix
 * with a team's real customers.
 *
 * The sample is not generated here: the build encodes the default sample once into the project file
 * `sample-data.html` (templates/sample-data.ts), read with one HtmlService call and materialised for today in the
 * spreadsheet's zone and the workbook's language — the very rows generateSample gives — so the generator is not in
 * Code.js, which every execution compiles.
 */
import type { Translate } from '../../core/i18n';
import { isBlankRow, type Table } from '../../core/table';
import { parseLocalDateTime, todayIn } from '../../core/dates';
import { parseEmailList } from '../../core/roles';
import { SHEETS, type SheetKey } from '../../../templates/workbook';
import {
  SAMPLE_DATA_FILE,
  materialiseSample,
  parseSampleDataHtml,
  type MaterialisedSample,
  type SampleRecord,
} from '../../../templates/sample-data';
import { readProjectFile } from '../adapters/project-file';
import { appendRows, tryOpenSheet, type SheetTable } from '../adapters/workbook';
import { executionContext, refreshExecutionContext } from '../context';
import { requireWritable, syncProtectionEditors } from '../protections';
import { performSetup, withSetupLock } from './run';

export interface SampleLoadResult {
  ok: boolean;
  counts: { customers: number; deals: number; followups: number; reps: number; service?: number };
  lines: string[];
}

function hasData(table: Table<string>): boolean {
  return table.rows.some((row) => !isBlankRow(row));
}

/** Date and time columns get real dates (local midnight / wall time in the spreadsheet's zone), not text. */
function toCells(
  key: SheetKey,
  records: readonly SampleRecord[],
  timeZone: string,
): Record<string, unknown>[] {
  const timed = SHEETS[key].columns.filter((column) => column.type === 'date' || column.type === 'datetime');
  return records.map((record) => {
    const out: Record<string, unknown> = { ...record };
    for (const column of timed) {
      const value = record[column.key];
      if (typeof value === 'string' && value !== '') out[column.key] = parseLocalDateTime(value, timeZone);
    }
    return out;
  });
}

function open(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, key: SheetKey): SheetTable | null {
  return tryOpenSheet(spreadsheet, key);
}

function emptyCounts(): SampleLoadResult['counts'] {
  return { customers: 0, deals: 0, followups: 0, reps: 0 };
}

function load(t: Translate): SampleLoadResult {
  const spreadsheet = SpreadsheetApp.getActive();
  const lines: string[] = [];
  const needsSetup = (
    [
      'customers',
      'deals',
      'followups',
      'service',
      'reps',
      'settings',
      'lists',
      'opportunities',
      'stageHistory',
    ] as const
  ).some((key) => open(spreadsheet, key) === null);
  if (needsSetup) {
    const report = performSetup();
    if (!report.ok) return { ok: false, counts: emptyCounts(), lines: report.lines };
    lines.push(t('sample.setupFirst'));
  }
  const customers = open(spreadsheet, 'customers') as SheetTable;
  const deals = open(spreadsheet, 'deals') as SheetTable;
  const followups = open(spreadsheet, 'followups') as SheetTable;
  const service = open(spreadsheet, 'service');
  if ([customers, deals, followups, service].some((opened) => opened !== null && hasData(opened.table))) {
    return {
      ok: false,
      counts: emptyCounts(),
      lines: [t('sample.notEmpty', { sheet: customers.sheet.getName() })],
    };
  }
  const reps = open(spreadsheet, 'reps') as SheetTable;
  const context = executionContext();
  const { settings, timeZone, workbookLocale: language } = context;
  // Five sheets are written: a protection in the way must stop the load before the first of them.
  requireWritable(context, [
    'reps',
    'customers',
    'deals',
    'followups',
    'settings',
    'opportunities',
    'stageHistory',
    'service',
  ]);
  const sample: MaterialisedSample = materialiseSample(
    parseSampleDataHtml(readProjectFile(SAMPLE_DATA_FILE)),
    todayIn(timeZone, new Date()),
    language,
  );

  // Reps already listed (a real team trying the sample) are kept; sample reps are added beside them.
  const emailColumn = reps.table.columns.email;
  const knownReps = new Set(
    reps.table.rows.map((row) =>
      String(emailColumn === undefined ? '' : row[emailColumn])
        .trim()
        .toLowerCase(),
    ),
  );
  const newReps = sample.reps.filter((rep) => !knownReps.has(String(rep.email).toLowerCase()));
  appendRows(reps.sheet, reps.table, toCells('reps', newReps, timeZone));
  appendRows(customers.sheet, customers.table, toCells('customers', sample.customers, timeZone));
  appendRows(deals.sheet, deals.table, toCells('deals', sample.deals, timeZone));
  appendRows(followups.sheet, followups.table, toCells('followups', sample.followups, timeZone));
  // Opportunities and their stage history (issue 14), when the sheets are empty (set-up has just made them).
  for (const [key, rows] of [
    ['opportunities', sample.opportunities],
    ['stageHistory', sample.stageHistory],
  ] as const) {
    const opened = open(spreadsheet, key);
    if (opened && !hasData(opened.table))
      appendRows(opened.sheet, opened.table, toCells(key, rows, timeZone));
  }
  if (service) appendRows(service.sheet, service.table, toCells('service', sample.service, timeZone));
  if (addSampleManagers(spreadsheet, sample.managers, settings.managers)) {
    // The sample's manager is a manager now: make them an editor of the protected sheets at once.
    syncProtectionEditors(refreshExecutionContext(), true);
  }

  const counts = {
    customers: sample.customers.length,
    deals: sample.deals.length,
    followups: sample.followups.length,
    reps: newReps.length,
    service: service ? sample.service.length : 0,
  };
  lines.push(t('sample.loaded', counts));
  if (service) lines.push(t('service.sampleLoaded', { count: sample.service.length }));
  return { ok: true, counts, lines };
}

/** The sample's manager joins Settings → managers, so trying Assign leads as them works. One cell written. */
function addSampleManagers(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sampleManagers: readonly string[],
  current: readonly string[],
): boolean {
  const missing = sampleManagers.filter((email) => !current.includes(email));
  if (missing.length === 0) return false;
  const opened = open(spreadsheet, 'settings');
  if (!opened) return false;
  const keyColumn = opened.table.columns.key ?? 0;
  const valueColumn = opened.table.columns.value ?? 1;
  const index = opened.table.rows.findIndex((row) => String(row[keyColumn] ?? '').trim() === 'managers');
  if (index < 0) return false;
  const value = parseEmailList([...current, ...missing]).join(', ');
  opened.sheet.getRange(opened.table.firstRow + index, valueColumn + 1).setValue(value);
  return true;
}

/** Load sample data (the default sample: templates/sample.ts's SAMPLE_DEFAULTS) under the document lock, without UI. */
export function loadSampleData(): SampleLoadResult {
  const { t } = executionContext();
  return withSetupLock(
    () => ({ ok: false, counts: emptyCounts(), lines: [t('common.busy')] }),
    () => load(t),
  );
}
