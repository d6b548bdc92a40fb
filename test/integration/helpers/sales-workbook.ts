/**
 * A deterministic sales workbook for the dashboard / data tests and bench: the template's sheets with English
 * headers, reps, customers, deals and follow-ups drawn from a seeded generator, written straight into a
 * WorkbookStore (set-up is not what is measured).
 */
import { WorkbookStore } from '../../../runtime/spreadsheet/store';
import { SHEETS, listLabels, type ListKey, type SheetKey } from '../../../templates';

export interface SalesWorkbookOptions {
  customers: number;
  deals: number;
  followups: number;
  seed?: number;
  /** "Today" for the data: dates fall in the 15 months before it. */
  now: Date;
  timeZone?: string;
  owner?: string;
  managers?: string[];
}

export const REPS = [
  { name: 'Ann Zhang', email: 'ann@example.com', active: true, role: 'Senior rep' },
  { name: 'Bob Li', email: 'bob@example.com', active: true, role: 'Rep' },
  { name: 'Cui Wang', email: 'cui@example.com', active: true, role: 'Rep' },
  { name: 'Dan Zhou', email: 'dan@example.com', active: false, role: 'Rep' },
  { name: 'Eve Sun', email: 'eve@example.com', active: true, role: 'Rep' },
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function headerRow(key: SheetKey): string[] {
  return SHEETS[key].columns.map((column) => column.headers.en);
}

function put(store: WorkbookStore, key: SheetKey, records: Record<string, unknown>[]): void {
  const columns = SHEETS[key].columns.map((column) => column.key);
  const rows = [headerRow(key), ...records.map((record) => columns.map((column) => record[column] ?? ''))];
  const sheet = store.insertSheet(
    SHEETS[key].names.en,
    undefined,
    rows.length + 50,
    Math.max(columns.length, 26),
  );
  store.writeValues(sheet, { row: 1, column: 1, numRows: rows.length, numColumns: columns.length }, rows);
}

export function salesWorkbook(options: SalesWorkbookOptions): WorkbookStore {
  const rnd = random(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const label = (list: ListKey) => pick(listLabels(list, 'en'));
  const day = 86_400_000;
  const now = options.now.getTime();
  // Midnight in Asia/Shanghai (UTC+8, no DST) so dates read back as whole days.
  const midnight = (ms: number) => new Date(Math.floor((ms + 8 * 3_600_000) / day) * day - 8 * 3_600_000);

  const store = WorkbookStore.empty({
    name: 'Sales',
    timeZone: options.timeZone ?? 'Asia/Shanghai',
    owner: options.owner ?? 'owner@example.com',
    firstSheetName: 'Dashboard',
  });

  put(
    store,
    'reps',
    REPS.map((rep) => ({ ...rep, weight: 1, capacity: 500, regions: '', industries: '', language: 'en' })),
  );
  put(store, 'settings', [
    { key: 'managers', value: (options.managers ?? ['boss@example.com']).join(', ') },
    { key: 'currency', value: 'CNY' },
    { key: 'backupKeep', value: 3 },
  ]);
  const lists = SHEETS.lists.columns.map((column) => listLabels(column.key as ListKey, 'en'));
  const height = Math.max(...lists.map((values) => values.length));
  const listRecords: Record<string, unknown>[] = [];
  for (let i = 0; i < height; i++) {
    const record: Record<string, unknown> = {};
    SHEETS.lists.columns.forEach((column, index) => (record[column.key] = lists[index][i] ?? ''));
    listRecords.push(record);
  }
  put(store, 'lists', listRecords);

  const customers: Record<string, unknown>[] = [];
  for (let i = 1; i <= options.customers; i++) {
    const owner = rnd() < 0.1 ? '' : pick(REPS).email;
    const created = midnight(now - Math.floor(rnd() * 450) * day);
    const next = rnd() < 0.6 ? midnight(now + Math.floor(rnd() * 40 - 20) * day) : '';
    customers.push({
      id: `C-${String(i).padStart(5, '0')}`,
      company: `Company ${i}`,
      contact: `Contact ${i}`,
      phone: `+86 138 ${String(10000000 + i).slice(0, 4)} ${String(10000000 + i).slice(4)}`,
      email: `c${i}@example.cn`,
      industry: label('industry'),
      region: rnd() < 0.05 ? '' : label('region'),
      stage: label('stage'),
      customerType: label('customerType'),
      tier: rnd() < 0.1 ? '' : label('tier'),
      level: 1 + Math.floor(rnd() * 5),
      potentialValue: Math.round(rnd() * 100000),
      owner,
      created,
      nextFollowUp: next,
    });
  }
  put(store, 'customers', customers);

  const deals: Record<string, unknown>[] = [];
  for (let i = 1; i <= options.deals; i++) {
    const customer = customers[Math.floor(rnd() * customers.length)];
    const createdMs = (customer.created as Date).getTime();
    const date = midnight(createdMs + Math.floor(rnd() * Math.max(1, (now - createdMs) / day)) * day);
    deals.push({
      id: `D-${String(i).padStart(6, '0')}`,
      customerId: customer.id,
      date,
      product: label('product'),
      amount: Math.round(rnd() * 5000000) / 100,
      currency: 'CNY',
      status: rnd() < 0.6 ? 'Won' : label('dealStatus'),
      rep: rnd() < 0.2 ? pick(REPS).email : '',
    });
  }
  put(store, 'deals', deals);

  const followups: Record<string, unknown>[] = [];
  for (let i = 1; i <= options.followups; i++) {
    const customer = customers[Math.floor(rnd() * customers.length)];
    followups.push({
      id: `F-${String(i).padStart(6, '0')}`,
      customerId: customer.id,
      time: new Date(now - Math.floor(rnd() * 90 * day)),
      channel: label('channel'),
      content: `Call ${i}`,
      rep: customer.owner || pick(REPS).email,
      done: rnd() < 0.5,
    });
  }
  put(store, 'followups', followups);
  return store;
}
