/**
 * A SalesDesk workbook for reminder tests and the reminders bench: the template's sheets with their headers (either
 * language), written straight into a WorkbookStore (set-up is not what is tested). Date cells hold the instant of
 * local midnight in the spreadsheet's zone, as Sheets does.
 */
import { LocalRuntime, type RuntimeOptions } from '../../runtime';
import { WorkbookStore } from '../../runtime/spreadsheet/store';
import { LISTS, LIST_KEYS, SHEETS, type SheetKey } from '../../templates';
import { ZoneDays, dayNumberOfIso } from '../../src/core/dates';

export type Row = Record<string, unknown>;

export interface FixtureData {
  customers: Row[];
  followups: Row[];
  reps: Row[];
  settings: Record<string, unknown>;
}

/** A calendar day, stored as a date cell of the spreadsheet's zone. */
export class Day {
  constructor(readonly iso: string) {}
}
export const day = (iso: string): Day => new Day(iso);

export interface WorkbookOptions {
  timeZone: string;
  language?: 'en' | 'zh-CN';
  locale?: string;
  owner?: string;
}

export function workbookWith(data: FixtureData, options: WorkbookOptions): WorkbookStore {
  const language = options.language ?? 'en';
  const zone = new ZoneDays(options.timeZone);
  const cellValue = (value: unknown): unknown =>
    value instanceof Day ? zone.midnightOf(dayNumberOfIso(value.iso)) : (value ?? '');
  const store = WorkbookStore.empty({
    name: 'Reminders test',
    timeZone: options.timeZone,
    locale: options.locale ?? (language === 'zh-CN' ? 'zh_CN' : 'en_US'),
    owner: options.owner ?? 'owner@example.com',
    firstSheetName: SHEETS.customers.names[language],
  });
  const put = (key: SheetKey, records: Row[]): void => {
    const columns = SHEETS[key].columns;
    const rows = [
      columns.map((column) => column.headers[language]),
      ...records.map((record) => columns.map((column) => cellValue(record[column.key]))),
    ];
    const name = SHEETS[key].names[language];
    const sheet =
      key === 'customers'
        ? store.sheetByName(name)!
        : store.insertSheet(name, undefined, rows.length + 50, 26);
    store.growRows(sheet, rows.length + 50);
    store.writeValues(sheet, { row: 1, column: 1, numRows: rows.length, numColumns: columns.length }, rows);
  };
  put('customers', data.customers);
  put('followups', data.followups);
  put('reps', data.reps);
  put(
    'settings',
    Object.entries(data.settings).map(([key, value]) => ({ key, value })),
  );
  const longest = Math.max(...LIST_KEYS.map((key) => LISTS[key].items.length));
  put(
    'lists',
    Array.from({ length: longest }, (_, i) =>
      Object.fromEntries(LIST_KEYS.map((key) => [key, LISTS[key].items[i]?.[language] ?? ''])),
    ),
  );
  return store;
}

export async function runtimeWith(
  data: FixtureData,
  options: RuntimeOptions & { timeZone: string },
  language: 'en' | 'zh-CN' = 'en',
): Promise<LocalRuntime> {
  const owner = options.owner ?? 'owner@example.com';
  const workbook = workbookWith(data, {
    timeZone: options.timeZone,
    language,
    owner,
    locale: options.spreadsheetLocale,
  });
  // SALESDESK_BUNDLE_DIR: a private copy of dist/ while others rebuild the shared one.
  const bundleDir = options.bundleDir ?? process.env.SALESDESK_BUNDLE_DIR;
  return LocalRuntime.create({ ...options, owner, workbook, ...(bundleDir ? { bundleDir } : {}) });
}

export const MANAGER = 'boss@example.com';

/** n active reps rep01@example.com … */
export function reps(n: number, extra: (i: number) => Row = () => ({})): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `Rep ${i + 1}`,
    email: `rep${String(i + 1).padStart(2, '0')}@example.com`,
    active: true,
    role: 'Rep',
    weight: 1,
    capacity: 100,
    ...extra(i),
  }));
}
