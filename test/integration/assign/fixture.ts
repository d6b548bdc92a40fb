/**
 * Workbooks for the assignment tests, bench and CLI examples: the template's sheets (English or Chinese headers)
 * with reps, customers and settings written straight into a WorkbookStore, opened by the local runtime.
 */
import { WorkbookStore } from '../../../runtime/spreadsheet/store';
import { LocalRuntime, type RuntimeOptions } from '../../../runtime';
import { SHEETS, type SheetKey } from '../../../templates';
import { decodeState, emptyState, type AssignState } from '../../../src/core/assign/state';

export type Row = Record<string, unknown>;

export const MANAGER = 'boss@example.com';
export const OWNER = 'owner@example.com';
export const NOW = '2026-11-23T10:00:00+08:00';

export interface AssignData {
  reps: Row[];
  customers: Row[];
  settings?: Row;
  /** Headers and sheet names in this language. */
  language?: 'en' | 'zh-CN';
  /** Extra empty rows below the data (room the sheet has). */
  spareRows?: number;
  /** Follow-ups rows (issue 14: the SLA reads them); the sheet is made only when given. */
  followups?: Row[];
}

export const DEFAULT_REPS: Row[] = [
  {
    name: 'Ann',
    email: 'ann@example.com',
    active: true,
    role: 'Senior rep',
    weight: 2,
    capacity: '',
    regions: 'East China',
  },
  {
    name: 'Bob',
    email: 'bob@example.com',
    active: true,
    role: 'Rep',
    weight: 1,
    capacity: '',
    regions: 'East China',
  },
  {
    name: 'Cui',
    email: 'cui@example.com',
    active: true,
    role: 'Rep',
    weight: 1,
    capacity: '',
    regions: 'North China',
    language: 'zh-CN',
  },
  { name: 'Dan', email: 'dan@example.com', active: false, role: 'Rep', weight: 1, capacity: '' },
  {
    name: 'Eve',
    email: 'eve@example.com',
    active: true,
    role: 'Rep',
    weight: 1,
    capacity: '',
    outOfOfficeUntil: new Date('2026-11-30T00:00:00+08:00'),
  },
];

export const BASE_SETTINGS: Row = {
  managers: MANAGER,
  locale: 'en',
  assignMatchRegion: false,
  assignMatchIndustry: false,
  seniorMinPotentialValue: 0,
  assignFallbackToTeam: true,
};

/** `count` new leads (no owner), regions and values varying, ids C-0001… */
export function leads(count: number, start = 1, extra: (i: number) => Row = () => ({})): Row[] {
  const regions = ['East China', 'North China', 'South China'];
  return Array.from({ length: count }, (_, k) => {
    const i = start + k;
    return {
      id: `C-${String(i).padStart(4, '0')}`,
      company: `Company ${i}`,
      contact: `Contact ${i}`,
      region: regions[i % regions.length],
      industry: 'Retail',
      customerType: 'Potential',
      stage: 'First contact',
      potentialValue: (i % 10) * 10_000,
      owner: '',
      reassign: false,
      ...extra(i),
    };
  });
}

function put(
  store: WorkbookStore,
  key: SheetKey,
  records: Row[],
  language: 'en' | 'zh-CN',
  spare: number,
): void {
  const columns = SHEETS[key].columns.map((column) => column.key);
  const header = SHEETS[key].columns.map((column) => column.headers[language]);
  const rows = [header, ...records.map((record) => columns.map((column) => record[column] ?? ''))];
  const sheet = store.insertSheet(
    SHEETS[key].names[language],
    undefined,
    rows.length + spare,
    columns.length,
  );
  store.writeValues(sheet, { row: 1, column: 1, numRows: rows.length, numColumns: columns.length }, rows);
}

export function assignWorkbook(data: AssignData): WorkbookStore {
  const language = data.language ?? 'en';
  const store = WorkbookStore.empty({
    name: 'Sales',
    timeZone: 'Asia/Shanghai',
    owner: OWNER,
    locale: language === 'zh-CN' ? 'zh_CN' : 'en_US',
    firstSheetName: 'Dashboard',
  });
  const settings = { ...BASE_SETTINGS, ...(data.settings ?? {}) };
  put(store, 'customers', data.customers, language, data.spareRows ?? 20);
  put(store, 'reps', data.reps, language, 5);
  put(store, 'assignmentLog', [], language, 20);
  if (data.followups) put(store, 'followups', data.followups, language, 20);
  put(
    store,
    'settings',
    Object.entries(settings).map(([key, value]) => ({ key, value })),
    language,
    5,
  );
  return store;
}

export async function assignRuntime(data: AssignData, options: RuntimeOptions = {}): Promise<LocalRuntime> {
  return LocalRuntime.create({
    // A private copy of the build can be named while others rebuild dist/ on a shared machine.
    bundleDir: process.env.SALESDESK_BUNDLE_DIR || undefined,
    workbook: assignWorkbook(data),
    timeZone: 'Asia/Shanghai',
    now: NOW,
    owner: OWNER,
    spreadsheetLocale: data.language === 'zh-CN' ? 'zh_CN' : 'en_US',
    ...options,
  });
}

/** A sheet as records keyed by template column key (header row dropped), for assertions. */
export function records(rt: LocalRuntime, key: SheetKey, language: 'en' | 'zh-CN' = 'en'): Row[] {
  const values = rt.workbook.sheetValues(SHEETS[key].names[language]);
  const header = values[0] ?? [];
  const keys = header.map(
    (text) => SHEETS[key].columns.find((c) => c.headers[language] === text)?.key ?? String(text),
  );
  return values
    .slice(1)
    .filter((row) => row.some((v) => v !== '' && v !== null))
    .map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i]])));
}

/** The assignment state sheet's name (src/server/assign/state.ts). */
export const STATE_SHEET = 'SalesDesk state';

/** The assignment state (rotation, undo data, journal, pending notices) as the bundle left it. */
export function assignState(rt: LocalRuntime): AssignState {
  if (!rt.workbook.data.sheets.some((sheet) => sheet.name === STATE_SHEET)) return emptyState();
  const state = decodeState(rt.workbook.sheetValues(STATE_SHEET).map((row) => row[0]));
  if (!state) throw new Error('the state sheet does not read');
  return state;
}

/** A pool's rotation weights (undefined when the pool has none yet). */
export function weights(rt: LocalRuntime, pool = 'team'): Record<string, number> | undefined {
  return assignState(rt).rotation[pool];
}

/**
 * A new runtime over a copy of `rt`'s workbook (the assignment state travels in it): a test sets up once and
 * forks per case. Properties, triggers and mail start empty.
 */
export async function forkRuntime(rt: LocalRuntime, options: RuntimeOptions = {}): Promise<LocalRuntime> {
  return LocalRuntime.create({
    bundleDir: process.env.SALESDESK_BUNDLE_DIR || undefined,
    workbook: rt.workbook.clone(),
    timeZone: 'Asia/Shanghai',
    now: NOW,
    owner: OWNER,
    ...options,
  });
}

/** Appends customer rows below the last filled row of Customers, as a person typing them would (no script). */
export function appendCustomers(rt: LocalRuntime, rows: Row[]): void {
  const sheet = rt.workbook.requireSheet(SHEETS.customers.names.en);
  const keys = SHEETS.customers.columns.map((c) => c.key);
  const values = rows.map((row) => keys.map((key) => row[key] ?? ''));
  const first =
    rt.workbook.sheetValues(SHEETS.customers.names.en).filter((r) => r.some((v) => v !== '')).length + 1;
  rt.workbook.writeValues(
    sheet,
    { row: first, column: 1, numRows: values.length, numColumns: keys.length },
    values,
  );
}

/** Appends rows below the last filled row of a sheet (English names), as a person typing them would. */
export function appendRecords(rt: LocalRuntime, key: SheetKey, rows: Row[]): void {
  const sheet = rt.workbook.requireSheet(SHEETS[key].names.en);
  const keys = SHEETS[key].columns.map((c) => c.key);
  const values = rows.map((row) => keys.map((column) => row[column] ?? ''));
  const first =
    rt.workbook.sheetValues(SHEETS[key].names.en).filter((r) => r.some((v) => v !== '')).length + 1;
  rt.workbook.writeValues(
    sheet,
    { row: first, column: 1, numRows: values.length, numColumns: keys.length },
    values,
  );
}
