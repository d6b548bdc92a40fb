/**
 * Workbooks built through the bundle once and shared: set up (and usually filled with the sample data) by running
 * menu functions as a user would, then kept as plain data — in this process and in `.cache/workbooks/` for the
 * other test files — keyed by the built bundle's bytes and the steps. Each caller gets its own runtime over its
 * own copy, with the document state (properties, installed triggers) the steps left.
 *
 * Why: `menuSetupWorkbook` + `menuLoadSampleData` cost about a second of CPU, and a dozen test files need the
 * same sample workbook. The steps themselves stay tested where they are the subject (template, onboarding, demo
 * and set-up tests run them directly). A change to dist/ gives new keys, so a stale workbook is never served.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalRuntime, type RuntimeOptions } from '../../runtime';
import { WorkbookStore } from '../../runtime/spreadsheet/store';
import type { WorkbookData } from '../../runtime/spreadsheet/types';
import { SHEETS, type SheetKey } from '../../templates';

const ROOT = path.resolve(__dirname, '../..');
const CACHE_DIR = path.join(ROOT, '.cache', 'workbooks');

export interface BuildStep {
  fn: string;
  /** Who runs it (default: the runtime's owner). */
  user?: string;
  locale?: string;
}

export interface BuiltWorkbookSpec {
  /** The bundle folder (default dist/, or SALESDESK_BUNDLE_DIR / SALESDESK_DIST as the tests use). */
  bundleDir?: string;
  now?: string;
  owner?: string;
  addOnName?: string;
  /** The spreadsheet's locale (File → Settings), e.g. zh_CN. */
  spreadsheetLocale?: string;
  steps: BuildStep[];
  /**
   * After the steps, keep only the first N customers and the rows of other sheets that refer to them (deals,
   * follow-ups, opportunities and their stage history, service), as someone deleting rows would: for tests where the
   * sample's size is not the point and every execution reads whole sheets (fault loops run hundreds).
   */
  keepCustomers?: number;
}

interface Built {
  workbook: WorkbookData;
  documentState: unknown;
}

const memory = new Map<string, Built>();

/**
 * The built bundle the tests run: dist/, or a copy named by SALESDESK_BUNDLE_DIR or SALESDESK_DIST (another build may
 * be rewriting dist/ while tests run on a shared machine).
 */
export const DIST_DIR = path.resolve(
  process.env.SALESDESK_BUNDLE_DIR || process.env.SALESDESK_DIST || path.join(ROOT, 'dist'),
);

function bundleDirOf(spec: BuiltWorkbookSpec): string {
  return path.resolve(spec.bundleDir ?? DIST_DIR);
}

/** The key: every file of the bundle folder (code, manifest, sidebars) and the spec. */
function keyOf(spec: BuiltWorkbookSpec, dir: string): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, file);
    if (!fs.statSync(full).isFile()) continue;
    hash.update(file);
    hash.update(fs.readFileSync(full));
  }
  hash.update(JSON.stringify({ ...spec, bundleDir: undefined }));
  return hash.digest('hex').slice(0, 32);
}

function optionsOf(spec: BuiltWorkbookSpec, dir: string): RuntimeOptions {
  return {
    bundleDir: dir,
    ...(spec.now ? { now: spec.now } : {}),
    ...(spec.owner ? { owner: spec.owner } : {}),
    ...(spec.addOnName ? { addOnName: spec.addOnName } : {}),
    ...(spec.spreadsheetLocale ? { spreadsheetLocale: spec.spreadsheetLocale } : {}),
  };
}

async function build(spec: BuiltWorkbookSpec, dir: string): Promise<Built> {
  const rt = await LocalRuntime.create(optionsOf(spec, dir));
  for (const step of spec.steps) {
    const result = rt.execute(step.fn, [], {
      ...(step.user ? { user: step.user } : {}),
      ...(step.locale ? { locale: step.locale } : {}),
    });
    if (result.error) throw new Error(`${step.fn} failed: ${result.error.message}`);
  }
  if (spec.keepCustomers !== undefined) keepFirstCustomers(rt.workbook, spec.keepCustomers);
  // Serialised at once: the caller's runtime must not share objects with the cached copy.
  return JSON.parse(
    JSON.stringify({ workbook: rt.workbook.toJSON(), documentState: rt.documentState() }),
  ) as Built;
}

/** The template sheet `key` in whichever language the workbook has it, with its header row's column keys. */
function templateSheet(store: WorkbookStore, key: SheetKey) {
  const spec = SHEETS[key];
  const sheet = store.sheetByName(spec.names.en) ?? store.sheetByName(spec.names['zh-CN']);
  if (!sheet) return undefined;
  const values = store.sheetValues(sheet.name);
  const keys = (values[0] ?? []).map(
    (text) => spec.columns.find((c) => c.headers.en === text || c.headers['zh-CN'] === text)?.key ?? '',
  );
  return { sheet, values, keys };
}

/** Keeps the rows of `key` that `keep` accepts (cells moved up as they are, formulas too) and clears the rest. */
function keepRows(
  store: WorkbookStore,
  key: SheetKey,
  keep: (row: Record<string, unknown>, index: number) => boolean,
) {
  const found = templateSheet(store, key);
  if (!found || found.values.length <= 1) return [];
  const { sheet, values, keys } = found;
  const width = values[0].length;
  const rect = { row: 2, column: 1, numRows: values.length - 1, numColumns: width };
  const cells = store.readCells(sheet, rect);
  const kept: number[] = [];
  values.slice(1).forEach((row, index) => {
    if (keep(Object.fromEntries(keys.map((k, i) => [k, row[i]])), index)) kept.push(index);
  });
  store.clearContents(sheet, rect);
  if (kept.length > 0)
    store.writeCells(
      sheet,
      { ...rect, numRows: kept.length },
      kept.map((index) => cells[index]),
    );
  return kept.map((index) => Object.fromEntries(keys.map((k, i) => [k, values[index + 1][i]])));
}

function keepFirstCustomers(store: WorkbookStore, count: number): void {
  const customers = keepRows(store, 'customers', (_row, index) => index < count);
  const ids = new Set(customers.map((c) => String(c.id)));
  for (const key of ['deals', 'followups', 'service'] as const)
    keepRows(store, key, (row) => ids.has(String(row.customerId)));
  const opportunities = keepRows(store, 'opportunities', (row) => ids.has(String(row.customerId)));
  const opportunityIds = new Set(opportunities.map((o) => String(o.id)));
  keepRows(store, 'stageHistory', (row) => opportunityIds.has(String(row.opportunityId)));
}

function readDisk(file: string): Built | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Built;
  } catch {
    return undefined;
  }
}

/** A runtime over a fresh copy of the workbook `spec.steps` build (built once per bundle). */
export async function builtRuntime(spec: BuiltWorkbookSpec): Promise<LocalRuntime> {
  const dir = bundleDirOf(spec);
  const key = keyOf(spec, dir);
  let built = memory.get(key);
  if (!built) {
    const file = path.join(CACHE_DIR, `${key}.json`);
    built = readDisk(file);
    if (!built) {
      built = await build(spec, dir);
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      // Written whole, then renamed: another test file reading at the same moment sees all of it or nothing.
      const partial = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(partial, JSON.stringify(built));
      fs.renameSync(partial, file);
    }
    memory.set(key, built);
  }
  const copy = JSON.parse(JSON.stringify(built)) as Built;
  return LocalRuntime.create({
    ...optionsOf(spec, dir),
    workbook: WorkbookStore.fromJSON(copy.workbook),
    documentState: copy.documentState,
  });
}

/**
 * The sample workbook: Set up, then Load sample data, both by `owner` in `locale` (with `keepCustomers`, cut to
 * that many customers and what refers to them).
 */
export function sampleWorkbookRuntime(options: {
  keepCustomers?: number;
  locale?: string;
  now?: string;
  owner?: string;
  addOnName?: string;
  bundleDir?: string;
  spreadsheetLocale?: string;
}): Promise<LocalRuntime> {
  const step = (fn: string): BuildStep => ({
    fn,
    ...(options.owner ? { user: options.owner } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  return builtRuntime({
    ...(options.bundleDir ? { bundleDir: options.bundleDir } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.owner ? { owner: options.owner } : {}),
    ...(options.addOnName ? { addOnName: options.addOnName } : {}),
    ...(options.spreadsheetLocale ? { spreadsheetLocale: options.spreadsheetLocale } : {}),
    ...(options.keepCustomers !== undefined ? { keepCustomers: options.keepCustomers } : {}),
    steps: [step('menuSetupWorkbook'), step('menuLoadSampleData')],
  });
}

/** What `demoRuntime` (dev/preview/server.ts) builds — the preview's demo workbook — built once per bundle. */
export function demoWorkbookRuntime(distDir: string, now?: string): Promise<LocalRuntime> {
  return sampleWorkbookRuntime({ bundleDir: distDir, addOnName: 'SalesDesk', ...(now ? { now } : {}) });
}
