/**
 * Import customers from CSV (issue 7): the sidebar sends the file's text (decoded in the browser) or its bytes
 * as base64; `apiPreviewImport` shows the column mapping, counts, first rows, duplicates and bad rows without
 * writing; `apiImportCustomers` plans again under the document lock on fresh data (the sheet may have changed
 * since the preview) and writes: new customers appended in one setValues, merges as one setValues per touched
 * column. Every written row gets updatedBy / updatedAt.
 */
import { requireWritable } from '../protections';
import { cellAmount } from '../../core/cells';
import { decodeCsvBytes, stripBom } from '../../core/csv/encoding';
import {
  IMPORTABLE_KEYS,
  LIST_COLUMNS,
  MAX_LISTED_PROBLEMS,
  PREVIEW_ROWS,
  planImport,
  resolveImport,
  type DuplicateChoice,
  type ImportKey,
  type ImportPlan,
  type ImportSetup,
} from '../../core/csv/import';
import { DayClock, formatZoned, zonedMidnight } from '../../core/dashboard/days';
import { customerSummaries, textKey } from '../../core/forms/customers';
import { asSheetText } from '../../core/forms/errors';
import type { Translate } from '../../core/i18n';
import { cell, isBlankRow } from '../../core/table';
import { columnHeaders, listValueCode } from '../../../templates';
import { appendRows, openSheet, type SheetTable } from '../adapters/workbook';
import { currentTranslator, executionContext } from '../context';
import { dataSession, readLists, type DataSession } from './session';
import { withLock } from '../lock';
import { refuseUntilSetUp } from '../onboarding';

/** What the sidebar sends: pasted or decoded text, or the raw file as base64 (decoded here, GBK included). */
export interface ImportSource {
  text?: string;
  base64?: string;
  fileName?: string;
}

/** The import request: the same source the preview read, plus the user's choice for duplicates. */
export interface ImportRequest extends ImportSource {
  /** What to do with rows matching existing customers (default skip). */
  duplicates?: DuplicateChoice;
  /** Line → choice, overriding `duplicates` for that line. */
  perLine?: Record<string, DuplicateChoice>;
}

export interface ImportPreview {
  ok: boolean;
  /** Why nothing can be imported (encoding, missing columns, empty file), localised. */
  error?: string;
  /** A note on how the file was read (GBK), localised. */
  note?: string;
  mapping: { header: string; target: string; ignored: boolean }[];
  counts: { total: number; new: number; duplicates: number; bad: number };
  summary: string;
  sampleColumns: string[];
  sample: { line: number; cells: string[] }[];
  duplicates: { line: number; text: string; mergeable: boolean }[];
  problems: { line: number; text: string }[];
  moreProblems: number;
}

export interface ImportResult {
  ok: boolean;
  error?: string;
  added: number;
  merged: number;
  skipped: number;
  bad: number;
  /** First appended sheet row (0 when none). */
  firstRow: number;
  problems: { line: number; text: string }[];
  moreProblems: number;
  message: string;
}

/** Larger files do not fit a google.script.run call comfortably and take minutes to validate. */
const MAX_BYTES = 20 * 1024 * 1024;

function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (byte) => (byte > 127 ? byte - 256 : byte));
}

/** The CSV text of a source, or a localised refusal. */
export function sourceText(
  source: ImportSource,
  t: Translate,
): { text: string; note?: string } | { error: string } {
  if (typeof source?.text === 'string') {
    if (source.text.length > MAX_BYTES) return { error: t('data.import.tooLarge', { max: MAX_BYTES >> 20 }) };
    return { text: stripBom(source.text) };
  }
  if (typeof source?.base64 !== 'string') return { error: t('data.import.empty') };
  const signed = Utilities.base64Decode(source.base64);
  if (signed.length > MAX_BYTES) return { error: t('data.import.tooLarge', { max: MAX_BYTES >> 20 }) };
  const bytes = Uint8Array.from(signed, (byte) => byte & 0xff);
  const decoded = decodeCsvBytes(bytes, (gbk) =>
    Utilities.newBlob(toSignedBytes(gbk)).getDataAsString('GBK'),
  );
  if (!decoded.ok) return { error: t(`data.import.encoding.${decoded.reason}`, decoded.params) };
  return { text: decoded.text, note: decoded.encoding === 'gbk' ? t('data.import.encoding.gbk') : undefined };
}

function toWorkbookLabel(lists: Record<string, string[]>) {
  return (listKey: string, value: string): string => {
    const code = listValueCode(listKey, value);
    if (code === undefined) return value;
    return (lists[listKey] ?? []).find((label) => listValueCode(listKey, label) === code) ?? value;
  };
}

interface Planned {
  plan: ImportPlan;
  customers: SheetTable;
  clock: DayClock;
}

function planAgainstSheet(ctx: DataSession, text: string): Planned {
  const customers = openSheet(ctx.spreadsheet, 'customers', ctx.t, ctx.locale, ['id', 'contact']);
  const clock = new DayClock(ctx.timeZone);
  const lists = readLists(ctx.spreadsheet);
  const formatDate = (date: Date): string => formatZoned(date, clock).slice(0, 10);
  const setup: ImportSetup = {
    t: ctx.t,
    lists,
    toWorkbookLabel: toWorkbookLabel(lists),
    // The template's headers in both languages plus the sheet's own header texts (a renamed column still maps).
    columnHeaders: columnHeaders('customers').map((spec) => {
      const index = customers.table.columns[spec.key];
      return index === undefined
        ? spec
        : { key: spec.key, headers: [...spec.headers, String(customers.table.header[index])] };
    }),
    existing: customerSummaries(customers.table, formatDate),
    user: ctx.user,
    isManager: ctx.isManager,
  };
  return { plan: planImport(text, setup), customers, clock };
}

function problemsOf(plan: ImportPlan, t: Translate): { problems: ImportPreview['problems']; more: number } {
  const problems = plan.bad.slice(0, MAX_LISTED_PROBLEMS).map((problem) => ({
    line: problem.line,
    text: t('data.import.line', { line: problem.line, message: problem.messages.join(' ') }),
  }));
  return { problems, more: Math.max(plan.bad.length - MAX_LISTED_PROBLEMS, 0) };
}

function fieldLabel(t: Translate, key: string): string {
  return t(`forms.field.${key}`);
}

/**
 * Reads the file and shows what an import would do; writes nothing.
 * @param source the pasted text, or the file as base64.
 * @returns mapping, counts, first rows, duplicates and bad rows (with line numbers), all localised.
 */
export function apiPreviewImport(source: ImportSource): ImportPreview {
  const ctx = dataSession();
  const { t } = ctx;
  const empty: ImportPreview = {
    ok: false,
    mapping: [],
    counts: { total: 0, new: 0, duplicates: 0, bad: 0 },
    summary: '',
    sampleColumns: [],
    sample: [],
    duplicates: [],
    problems: [],
    moreProblems: 0,
  };
  const read = sourceText(source, t);
  if ('error' in read) return { ...empty, error: read.error };
  const { plan } = planAgainstSheet(ctx, read.text);
  const mapping = plan.mapping.map((column) => ({
    header: column.header,
    target: column.key ? fieldLabel(t, column.key) : t(`data.import.ignored.${column.ignored}`),
    ignored: column.key === null,
  }));
  const counts = {
    total: plan.totalRows,
    new: plan.newRows.length,
    duplicates: plan.duplicates.length,
    bad: plan.bad.length,
  };
  if (plan.missingColumns.length > 0)
    return {
      ...empty,
      mapping,
      error: t('data.import.missingColumns', { columns: plan.missingColumns.join(', ') }),
    };
  if (plan.totalRows === 0) return { ...empty, mapping, error: t('data.import.empty') };
  const keys = IMPORTABLE_KEYS.filter((key) => plan.mapping.some((column) => column.key === key));
  const { problems, more } = problemsOf(plan, t);
  return {
    ok: true,
    note: read.note,
    mapping,
    counts,
    summary: t('data.import.summary', {
      total: counts.total,
      new: counts.new,
      duplicates: counts.duplicates,
      bad: counts.bad,
    }),
    sampleColumns: keys.map((key) => fieldLabel(t, key)),
    sample: plan.newRows.slice(0, PREVIEW_ROWS).map((row) => ({
      line: row.line,
      cells: keys.map((key) => row.values[key] ?? ''),
    })),
    duplicates: plan.duplicates.slice(0, MAX_LISTED_PROBLEMS).map((duplicate) => ({
      line: duplicate.line,
      mergeable: duplicate.existing !== undefined,
      text: duplicate.existing
        ? t('data.import.matches', {
            line: duplicate.line,
            row: duplicate.existing.row,
            name: [duplicate.existing.company, duplicate.existing.contact].filter(Boolean).join(' · '),
            reasons: duplicate.reasons.map((reason) => t(`data.import.reason.${reason}`)).join(', '),
          })
        : t('data.import.sameAsLine', { line: duplicate.line, earlier: duplicate.earlierLine ?? '' }),
    })),
    problems,
    moreProblems: more,
  };
}

/** Largest number at the end of an id, with its prefix and width, to hand out ids in sequence. */
function idSequence(existing: readonly string[]): () => string {
  let best = 0;
  let width = 4;
  let prefix = 'C-';
  for (const id of existing) {
    const match = /^(.*?)(\d+)$/.exec(id);
    if (!match) continue;
    const number = Number(match[2]);
    if (number >= best) {
      best = number;
      width = match[2].length;
      prefix = match[1];
    }
  }
  return () => {
    best += 1;
    return `${prefix}${String(best).padStart(width, '0')}`;
  };
}

const NUMBER_KEYS = new Set<ImportKey>(['level', 'potentialValue']);
const DATE_KEYS = new Set<ImportKey>(['created', 'lastContact', 'nextFollowUp']);

function sheetValue(key: ImportKey, value: string, clock: DayClock): unknown {
  if (value === '') return '';
  if (NUMBER_KEYS.has(key)) {
    return cellAmount(value) ?? value;
  }
  if (DATE_KEYS.has(key)) return zonedMidnight(value, clock) ?? value;
  if (key in LIST_COLUMNS || key === 'owner') return value;
  return asSheetText(value);
}

/**
 * Imports the file: appends new customers, merges or skips duplicates as chosen, reports bad rows by line.
 * @param request the same source the preview read, and merge or skip for rows matching existing customers
 *   (default skip), per line if wanted. One object, as google.script.run passes it.
 */
export function apiImportCustomers(request: ImportRequest): ImportResult {
  const source = request ?? {};
  const decisions = request ?? {};
  const ctx = dataSession();
  const { t } = ctx;
  const read = sourceText(source, t);
  const failed = (error: string): ImportResult => ({
    ok: false,
    error,
    added: 0,
    merged: 0,
    skipped: 0,
    bad: 0,
    firstRow: 0,
    problems: [],
    moreProblems: 0,
    message: error,
  });
  if ('error' in read) return failed(read.error);
  return withLock(t, 'action', () => {
    // New rows span every column, the protected computed ones too: whoever cannot write them is told before any
    // write (a merge or the append), with the sheet named, instead of failing half-way.
    requireWritable(executionContext(), ['customers']);
    const { plan, customers, clock } = planAgainstSheet(ctx, read.text);
    if (plan.missingColumns.length > 0)
      return failed(t('data.import.missingColumns', { columns: plan.missingColumns.join(', ') }));
    if (plan.totalRows === 0) return failed(t('data.import.empty'));
    const table = customers.table;
    const formatDate = (date: Date): string => formatZoned(date, clock).slice(0, 10);
    const existingValues = (row: number): Partial<Record<ImportKey, string>> => {
      const values = table.rows[row - table.firstRow] ?? [];
      const out: Partial<Record<ImportKey, string>> = {};
      for (const key of IMPORTABLE_KEYS) {
        const value = cell(table, values, key);
        out[key] = value instanceof Date ? formatDate(value) : String(value ?? '').trim();
      }
      return out;
    };
    const perLine: Record<number, DuplicateChoice> = {};
    for (const [line, choice] of Object.entries(decisions?.perLine ?? {})) perLine[Number(line)] = choice;
    const resolved = resolveImport(
      plan,
      { duplicates: decisions?.duplicates ?? 'skip', perLine },
      existingValues,
    );

    const now = new Date();
    const today = zonedMidnight(formatDate(now), clock);
    const usedIds = new Set<string>();
    const existingIds: string[] = [];
    for (const row of table.rows) {
      if (isBlankRow(row)) continue;
      const id = String(cell(table, row, 'id') ?? '').trim();
      if (id) {
        existingIds.push(id);
        usedIds.add(textKey(id));
      }
    }
    const newId = idSequence(existingIds);
    const records = resolved.append.map(({ values }) => {
      const record: Record<string, unknown> = {};
      for (const key of IMPORTABLE_KEYS) {
        const value = values[key];
        if (value !== undefined) record[key] = sheetValue(key, value, clock);
      }
      let id = values.id ?? '';
      if (id === '' || usedIds.has(textKey(id))) {
        do id = newId();
        while (usedIds.has(textKey(id)));
      }
      usedIds.add(textKey(id));
      record.id = asSheetText(id);
      if (!values.created) record.created = today;
      record.reassign = false;
      record.updatedBy = ctx.user;
      record.updatedAt = now;
      return record;
    });
    // Merges first (each column write is safe to repeat: merging fills blanks, so a re-run writes the same), the
    // append last in ONE call: a failure at any call leaves either no new row or all of them, and importing the
    // same file again completes exactly what is left without adding a row twice.
    if (resolved.merges.length > 0) {
      // One write per touched column over the data rows, so cells between merged rows keep what the read saw.
      const touched = new Set<string>(['updatedBy', 'updatedAt']);
      for (const merge of resolved.merges) for (const key of Object.keys(merge.values)) touched.add(key);
      for (const key of touched) {
        const index = table.columns[key];
        if (index === undefined) continue;
        const column: unknown[][] = table.rows.map((row) => [row[index] ?? '']);
        for (const merge of resolved.merges) {
          const at = merge.row - table.firstRow;
          if (key === 'updatedBy') column[at] = [ctx.user];
          else if (key === 'updatedAt') column[at] = [now];
          else {
            // A column another merge touched: this row keeps what it has (writing '' here blanked typed values).
            const value = merge.values[key as ImportKey];
            if (value !== undefined) column[at] = [sheetValue(key as ImportKey, value, clock)];
          }
        }
        customers.sheet.getRange(table.firstRow, index + 1, column.length, 1).setValues(column);
      }
    }
    const firstRow = appendRows(customers.sheet, customers.table, records);
    const { problems, more } = problemsOf(plan, t);
    const counts = {
      added: records.length,
      merged: resolved.merges.length,
      skipped: resolved.skipped.length,
      bad: plan.bad.length,
    };
    return {
      ok: true,
      ...counts,
      firstRow,
      problems,
      moreProblems: more,
      message: t('data.import.done', counts),
    };
  });
}

/** SalesDesk → Data → Import customers from CSV: opens the import sidebar. */
export function menuImportCsv(): void {
  const t = currentTranslator();
  if (refuseUntilSetUp(t)) return;
  const html = HtmlService.createHtmlOutputFromFile('import-csv').setTitle(t('data.import.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}
