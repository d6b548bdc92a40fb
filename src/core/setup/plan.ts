/**
 * Set-up planning, pure: from what the workbook holds now (tab names, header rows, Settings and Lists values)
 * to the list of changes that make it match the template, without touching anything a user made. The adapter
 * (src/server/setup) reads the facts, calls this, and applies the plan in a handful of batched calls.
 *
 * Rules: a sheet is recognised by its name in either language (or an alias); a column by its header in either
 * language (or an alias), wherever it stands. Missing sheets are created; missing columns are appended at the
 * right end; nothing is deleted, renamed, reordered or overwritten; a user's extra columns stay where they are.
 */
import type { Locale } from '../i18n';
import { locateColumns, normaliseHeader } from '../table';
import {
  LISTS,
  SETTINGS,
  SHEET_KEYS,
  SHEETS,
  columnHeaders,
  isListKey,
  listLabels,
  settingCellValue,
  sheetNames,
  type ListKey,
  type SettingKey,
  type SheetKey,
} from '../../../templates';

/** One tab as the adapter found it. */
export interface ExistingSheet {
  name: string;
  /** Row 1 as read (may be empty). */
  header: readonly unknown[];
  /** Last row / column holding content (0 when empty), as getLastRow / getLastColumn report. */
  lastRow: number;
  lastColumn: number;
  maxRows: number;
  maxColumns: number;
}

export interface SetupInput {
  /** Every tab, in tab order. */
  sheets: readonly ExistingSheet[];
  /** The running user's language (from their locale). */
  userLanguage: Locale;
  /** Settings sheet values (getDataRange().getValues()), when the sheet exists. */
  settingsValues?: readonly unknown[][];
  /** Lists sheet values, when the sheet exists. */
  listsValues?: readonly unknown[][];
}

export type SetupChange =
  | { kind: 'sheetCreated'; sheet: SheetKey; name: string }
  | { kind: 'sheetAdopted'; sheet: SheetKey; name: string; from: string }
  | { kind: 'columnsAdded'; sheet: SheetKey; name: string; columns: string[] }
  | { kind: 'settingsAdded'; keys: SettingKey[] }
  | { kind: 'listsFilled'; lists: string[] }
  | { kind: 'duplicateSheet'; sheet: SheetKey; used: string; ignored: string }
  | { kind: 'managerAdded'; email: string };

/** Where each template sheet stands once the plan is applied. */
export interface SheetLayout {
  key: SheetKey;
  name: string;
  /** Created by this plan (so widths, tab colour and the like are set once, never over a user's choices). */
  created: boolean;
  /** 1-based column of each template column key. */
  columns: Record<string, number>;
  /** Columns appended by this plan (1-based), to size them. */
  addedColumns: number[];
  /** Columns the sheet must have after the plan (so the adapter can grow it first). */
  neededColumns: number;
  /** Rows the rules and formats cover: 2..maxRows. */
  maxRows: number;
}

export interface HeaderWrite {
  sheet: SheetKey;
  /** 1-based first column of a contiguous run of header cells to write in one call. */
  column: number;
  values: string[];
}

export interface SetupPlan {
  language: Locale;
  /** Tabs to insert, in template order (the adapter inserts each at the end). */
  create: { key: SheetKey; name: string }[];
  /** Empty default tabs ("Sheet1") renamed to a template sheet instead of leaving them blank. */
  adopt: { key: SheetKey; from: string; name: string }[];
  headerWrites: HeaderWrite[];
  /** Rows to append below the Settings sheet's content: [key, value, description]. */
  settingsRows: (string | number | boolean)[][];
  /** First sheet row of the appended Settings rows. */
  settingsFirstRow: number;
  /** List columns to fill, each with its labels from row 2 down (only empty list columns). */
  listFills: { list: ListKey; column: number; values: string[] }[];
  layouts: Record<SheetKey, SheetLayout>;
  changes: SetupChange[];
}

const DEFAULT_NEW_SHEET_ROWS = 1000;
/** "Sheet1", "Sheet 2", "工作表1": the blank tab a new spreadsheet starts with. */
const DEFAULT_TAB_NAME = /^(sheet|工作表|表)\s*\d+$/i;

function keyOfSheetName(name: string): SheetKey | undefined {
  const text = normaliseHeader(name);
  return SHEET_KEYS.find((key) => sheetNames(key).some((candidate) => normaliseHeader(candidate) === text));
}

function isBlankTab(sheet: ExistingSheet): boolean {
  return sheet.lastRow === 0 && sheet.lastColumn === 0 && DEFAULT_TAB_NAME.test(sheet.name.trim());
}

/** Counts header cells matching each language's template header, to learn what language a workbook speaks. */
function headerLanguageVotes(key: SheetKey, header: readonly unknown[], votes: Record<Locale, number>): void {
  const texts = new Set(header.map(normaliseHeader));
  for (const column of SHEETS[key].columns) {
    if (texts.has(normaliseHeader(column.headers.en))) votes.en++;
    if (texts.has(normaliseHeader(column.headers['zh-CN']))) votes['zh-CN']++;
  }
}

function settingsLocale(values: readonly unknown[][] | undefined): Locale | null {
  if (!values) return null;
  for (const row of values) {
    if (normaliseHeader(row[0]) === 'locale') {
      const text = String(row[1] ?? '')
        .trim()
        .toLowerCase();
      if (text.startsWith('zh')) return 'zh-CN';
      if (text.startsWith('en')) return 'en';
    }
  }
  return null;
}

/**
 * The language for new sheet names, headers, list labels and descriptions: Settings → locale when set; else
 * the language the existing template sheets already speak (a zh-CN user re-running set-up on an English
 * workbook adds English headers); else the running user's.
 */
export function setupLanguage(input: SetupInput): Locale {
  const configured = settingsLocale(input.settingsValues);
  if (configured) return configured;
  const votes: Record<Locale, number> = { en: 0, 'zh-CN': 0 };
  for (const sheet of input.sheets) {
    const key = keyOfSheetName(sheet.name);
    if (!key) continue;
    if (normaliseHeader(sheet.name) === normaliseHeader(SHEETS[key].names.en)) votes.en += 2;
    if (normaliseHeader(sheet.name) === normaliseHeader(SHEETS[key].names['zh-CN'])) votes['zh-CN'] += 2;
    headerLanguageVotes(key, sheet.header, votes);
  }
  if (votes.en === votes['zh-CN']) return input.userLanguage;
  return votes.en > votes['zh-CN'] ? 'en' : 'zh-CN';
}

/** Index just after the last non-blank header cell or content column, where appended columns go (0-based). */
function appendStart(sheet: ExistingSheet): number {
  let lastHeader = -1;
  sheet.header.forEach((cell, index) => {
    if (normaliseHeader(cell) !== '') lastHeader = index;
  });
  return Math.max(lastHeader + 1, sheet.lastColumn);
}

function planSettingsRows(
  values: readonly unknown[][] | undefined,
  keyColumn: number,
  language: Locale,
): { rows: (string | number | boolean)[][]; keys: SettingKey[] } {
  const present = new Set((values ?? []).slice(1).map((row) => normaliseHeader(row[keyColumn - 1])));
  const rows: (string | number | boolean)[][] = [];
  const keys: SettingKey[] = [];
  for (const spec of SETTINGS) {
    if (present.has(normaliseHeader(spec.key))) continue;
    keys.push(spec.key);
    rows.push([spec.key, settingCellValue(spec), spec.description[language]]);
  }
  return { rows, keys };
}

function columnIsEmpty(values: readonly unknown[][] | undefined, column: number): boolean {
  if (!values) return true;
  return values.slice(1).every((row) => String(row[column - 1] ?? '').trim() === '');
}

/** The plan that brings the workbook to the template. Pure and deterministic. */
export function planSetup(input: SetupInput): SetupPlan {
  const language = setupLanguage(input);
  const plan: SetupPlan = {
    language,
    create: [],
    adopt: [],
    headerWrites: [],
    settingsRows: [],
    settingsFirstRow: 2,
    listFills: [],
    layouts: {} as Record<SheetKey, SheetLayout>,
    changes: [],
  };

  const found = new Map<SheetKey, ExistingSheet>();
  for (const sheet of input.sheets) {
    const key = keyOfSheetName(sheet.name);
    if (!key) continue;
    const used = found.get(key);
    if (used) plan.changes.push({ kind: 'duplicateSheet', sheet: key, used: used.name, ignored: sheet.name });
    else found.set(key, sheet);
  }
  const blankTabs = input.sheets.filter((sheet) => !keyOfSheetName(sheet.name) && isBlankTab(sheet));

  for (const key of SHEET_KEYS) {
    const spec = SHEETS[key];
    let existing = found.get(key);
    let created = false;
    if (!existing) {
      const name = spec.names[language];
      const blank = blankTabs.shift();
      if (blank) {
        plan.adopt.push({ key, from: blank.name, name });
        plan.changes.push({ kind: 'sheetAdopted', sheet: key, name, from: blank.name });
        existing = { ...blank, name };
      } else {
        plan.create.push({ key, name });
        plan.changes.push({ kind: 'sheetCreated', sheet: key, name });
        existing = {
          name,
          header: [],
          lastRow: 0,
          lastColumn: 0,
          maxRows: DEFAULT_NEW_SHEET_ROWS,
          maxColumns: Math.max(26, spec.columns.length),
        };
      }
      created = true;
    }

    const located = locateColumns(existing.header, columnHeaders(key));
    const columns: Record<string, number> = {};
    const addedColumns: number[] = [];
    const addedHeaders: string[] = [];
    let next = appendStart(existing);
    const firstAdded = next + 1;
    for (const column of spec.columns) {
      const index = located[column.key];
      if (index !== undefined) {
        columns[column.key] = index + 1;
      } else {
        columns[column.key] = next + 1;
        addedColumns.push(next + 1);
        addedHeaders.push(column.headers[language]);
        next++;
      }
    }
    if (addedHeaders.length > 0) {
      plan.headerWrites.push({ sheet: key, column: firstAdded, values: addedHeaders });
      if (!created)
        plan.changes.push({ kind: 'columnsAdded', sheet: key, name: existing.name, columns: addedHeaders });
    }
    plan.layouts[key] = {
      key,
      name: existing.name,
      created,
      columns,
      addedColumns,
      neededColumns: Math.max(next, existing.lastColumn),
      maxRows: Math.max(existing.maxRows, 2),
    };
  }

  // Settings: every missing key appended with its default; a user's values are never touched.
  const settingsLayout = plan.layouts.settings;
  const settingsExisting = found.get('settings');
  const { rows, keys } = planSettingsRows(
    settingsExisting ? input.settingsValues : undefined,
    settingsLayout.columns.key,
    language,
  );
  if (rows.length > 0) {
    plan.settingsRows = rows;
    plan.settingsFirstRow = Math.max(settingsExisting?.lastRow ?? 1, 1) + 1;
    if (settingsExisting) plan.changes.push({ kind: 'settingsAdded', keys });
  }

  // Lists: a list column with no values yet gets the catalogue's labels; a list a team edited is left alone.
  const listsExisting = found.get('lists');
  const filled: string[] = [];
  for (const [listKey, column] of Object.entries(plan.layouts.lists.columns)) {
    if (!isListKey(listKey)) continue;
    const newColumn = plan.layouts.lists.addedColumns.includes(column);
    if (!newColumn && listsExisting && !columnIsEmpty(input.listsValues, column)) continue;
    plan.listFills.push({ list: listKey, column, values: listLabels(listKey, language) });
    filled.push(LISTS[listKey].headers[language]);
  }
  if (filled.length > 0 && listsExisting) plan.changes.push({ kind: 'listsFilled', lists: filled });
  return plan;
}

/** Splits sorted 1-based column numbers into runs of adjacent columns (one call per run). */
export function adjacentRuns(columns: readonly number[]): number[][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const column of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === column - 1) last.push(column);
    else runs.push([column]);
  }
  return runs;
}
