/**
 * Merge duplicates on the server (issue 14 §5): read Customers, every sheet with a Customer ID column, the
 * Assignment log and the state once each; decide in the pure core (src/core/merge); write in an order that a failure
 * at any service call cannot leave half-done:
 *   1. the state sheet (column B) gets a journal holding the whole merge: survivors before/after, removed rows,
 *      every child record to move (one write);
 *   2. one Assignment log row per merged-away customer (one write): from here on the merge counts as made;
 *   3. each child sheet's Customer ID cells (one write per sheet that has records to move);
 *   4. Customers: survivors' chosen values, merged-away rows removed (one write per run of non-formula columns);
 *   5. the state sheet with the merge as "last" (undo data) and no journal (one write).
 * Every merge action (preview, confirm, undo) first completes a journal it finds: no log rows → the merge never
 * happened, the journal is dropped; log rows → steps 3–5 again, by ID, so a step done already changes nothing.
 *
 * Child sheets are found from the template: every sheet whose spec has a `customerId` column, except the
 * Assignment log, which is history (it says what happened to an ID, so its rows keep the ID they were written for;
 * the merge's own log rows link the merged-away ID to the survivor). A child sheet missing from the workbook is
 * simply skipped.
 */
import {
  findDuplicateGroups,
  groupView,
  mergeCustomerRows,
  mergeFields,
  moveChildren,
  planDecision,
  survivorOf,
  encodeCell,
  type ChildMove,
  type GroupView,
  type MergeDecision,
  type MergeField,
  type MergeRecord,
  type PlannedMerge,
} from '../../core/merge';
import { zoneDays, type ZoneDays } from '../../core/dates';
import { translator, type Translate } from '../../core/i18n';
import {
  customerKey,
  exchangeRatesFrom,
  summarisePurchases,
  thresholdsFrom,
  tierOf,
  NO_PURCHASES,
} from '../../core/tiering';
import { SHEET_KEYS, SHEETS, listLabel, type SheetKey } from '../../../templates';
import { appendRows, openSheet, tryOpenSheet, type SheetTable } from '../adapters/workbook';
import { executionContext, type ExecutionContext } from '../context';
import { assignContext, writeRowSpan } from '../assign/run';
import { completeInterrupted } from '../assign/journal';
import { readState } from '../assign/state';
import { rewriteRows } from './rows';
import { readMergeState, writeMergeState, type MergeStateHandle } from './state';
import { undoRecord } from './undo';

/** Sheets with a Customer ID column that keep their IDs: history, not records of the customer. */
const HISTORY_SHEETS: ReadonlySet<string> = new Set(['assignmentLog']);
/** Groups sent to the sidebar at once (each with its members and differing fields); the rest on the next look. */
export const PREVIEW_GROUPS = 100;

/**
 * Every sheet whose records belong to a customer: the template's sheets with a `customerId` column (Deals,
 * Follow-ups, and any sheet added later, such as Opportunities or Service), history sheets aside.
 */
export function childSheetKeys(): SheetKey[] {
  return SHEET_KEYS.filter(
    (key) =>
      key !== 'customers' &&
      !HISTORY_SHEETS.has(key) &&
      SHEETS[key].columns.some((column) => column.key === 'customerId'),
  );
}

/** The sheets a merge (or its undo) writes: checked for protections before the first write. */
export function mergeWrites(): SheetKey[] {
  return ['customers', 'assignmentLog', ...childSheetKeys()];
}

export interface MergeSnapshot {
  customers: SheetTable;
  log: SheetTable;
  children: SheetTable[];
  state: MergeStateHandle;
  fields: MergeField[];
  /** Merge id of an interrupted merge or undo completed first, else null. */
  recovered: string | null;
}

/**
 * Reads everything a merge needs (under the lock) and completes an interrupted assignment or merge first.
 * @throws Error (localised) for a missing Customers sheet, ID column or Assignment log.
 */
export function mergeSnapshot(ctx: ExecutionContext): MergeSnapshot {
  const { spreadsheet, t, locale } = ctx;
  const customers = openSheet(spreadsheet, 'customers', t, locale, ['id']);
  const log = openSheet(spreadsheet, 'assignmentLog', t, locale, ['runId', 'customerId', 'undone']);
  const children: SheetTable[] = [];
  for (const key of childSheetKeys()) {
    const opened = tryOpenSheet(spreadsheet, key);
    if (opened && opened.table.columns.customerId !== undefined) children.push(opened);
  }
  const assignState = readState(spreadsheet);
  // An assignment interrupted half-way is completed first, as every assignment run does: its owners then agree
  // with its log before customers move.
  if (assignState.state.journal) completeInterrupted(assignContext(), customers, log, assignState);
  const state = readMergeState(spreadsheet);
  const snap: MergeSnapshot = {
    customers,
    log,
    children,
    state,
    fields: mergeFields(customers.table),
    recovered: null,
  };
  snap.recovered = completeInterruptedMerge(ctx, snap);
  return snap;
}

/** Writes the Customer ID cells of a child sheet's changed rows (one setValues over their span). */
function writeChildIds(child: SheetTable, indices: readonly number[]): void {
  if (indices.length === 0) return;
  let first = Infinity;
  let last = -1;
  for (const index of indices) {
    first = Math.min(first, index);
    last = Math.max(last, index);
  }
  writeRowSpan(child.sheet, child.table, ['customerId'], first, last);
}

/** Steps 3 and 4 (see the file header), by ID: a step already done changes nothing. */
function applyRecord(snap: MergeSnapshot, record: MergeRecord): ChildMove[] {
  const survivors = survivorOf(record);
  const moves: ChildMove[] = [];
  for (const child of snap.children) {
    const moved = moveChildren(child.key, child.table, survivors);
    writeChildIds(
      child,
      moved.map((move) => move.index),
    );
    for (const move of moved) moves.push(move);
  }
  const { customers } = snap;
  const change = mergeCustomerRows(customers.table.rows, customers.table.columns.id as number, record);
  rewriteRows(customers.sheet, customers.table, change.rows, change.first);
  return moves;
}

function hasLogRows(log: SheetTable, mergeId: string): boolean {
  const column = log.table.columns.runId as number;
  return log.table.rows.some((row) => String(row[column] ?? '') === mergeId);
}

/** Completes (or drops) the merge or undo the state's journal names. */
function completeInterruptedMerge(ctx: ExecutionContext, snap: MergeSnapshot): string | null {
  const journal = snap.state.state.journal;
  if (!journal) return null;
  const managers = ctx.settings.managers;
  if (journal.op === 'undo') {
    undoRecord(ctx, snap, true);
    return journal.mergeId;
  }
  const record = journal.record;
  if (hasLogRows(snap.log, record.mergeId)) {
    applyRecord(snap, record);
    writeMergeState(ctx.spreadsheet, snap.state, { journal: null, last: record }, managers);
  } else writeMergeState(ctx.spreadsheet, snap.state, { ...snap.state.state, journal: null }, managers);
  return record.mergeId;
}

/** How a cell reads in the sidebar: dates as yyyy-MM-dd (with the time when not midnight) in the sheet's zone. */
export function cellText(zone: ZoneDays): (value: unknown) => string {
  return (value) => {
    if (value instanceof Date) {
      const ms = value.getTime();
      if (Number.isNaN(ms)) return '';
      const wall = new Date(ms + zone.offsetMs(ms)).toISOString();
      const time = wall.slice(11, 16);
      return time === '00:00' ? wall.slice(0, 10) : `${wall.slice(0, 10)} ${time}`;
    }
    if (value === true) return '✓';
    if (value === false || value === null || value === undefined) return '';
    return String(value);
  };
}

/** Records referring to each customer (customerKey → count) over the child sheets. */
function linkedCounts(children: readonly SheetTable[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const child of children) {
    const column = child.table.columns.customerId as number;
    for (const row of child.table.rows) {
      const key = customerKey(row[column]);
      if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

export interface MergePreview {
  summary: string;
  /** Groups found in all. */
  total: number;
  groups: GroupView[];
  /** Groups not sent (beyond PREVIEW_GROUPS). */
  more: number;
  /** The merge Undo would reverse, if any. */
  last: { mergeId: string; time: string; groups: number } | null;
  /** A message when an interrupted merge was completed first. */
  notice: string;
}

/** The preview of a snapshot: every group (the first PREVIEW_GROUPS in full). */
export function buildPreview(ctx: ExecutionContext, snap: MergeSnapshot): MergePreview {
  const { t, locale } = ctx;
  const table = snap.customers.table;
  const { groups } = findDuplicateGroups(table);
  const linked = linkedCounts(snap.children);
  const text = cellText(zoneDays(ctx.timeZone));
  const labelOf = (field: MergeField): string =>
    SHEETS.customers.columns.find((column) => column.key === field.key)?.headers[locale] ?? field.header;
  const views = groups
    .slice(0, PREVIEW_GROUPS)
    .map((group) => groupView(table, group, snap.fields, linked, t, text, labelOf));
  let customers = 0;
  for (const group of groups) customers += group.members.length;
  const last = snap.state.state.last;
  return {
    summary:
      groups.length === 0
        ? t('merge.preview.none')
        : t('merge.preview.summary', { groups: groups.length, customers }),
    total: groups.length,
    groups: views,
    more: Math.max(0, groups.length - PREVIEW_GROUPS),
    last: last
      ? { mergeId: last.mergeId, time: text(new Date(last.time)), groups: last.groups.length }
      : null,
    notice: snap.recovered ? t('merge.recovered', { mergeId: snap.recovered }) : '',
  };
}

export type DecisionOutcome =
  { status: 'ok'; planned: PlannedMerge[] } | { status: 'changed' } | { status: 'invalid'; message: string };

/**
 * Checks the manager's decisions against the groups as they stand now (membership and fingerprint of each).
 * @returns the planned merges, 'changed' when any group is not as previewed, or 'invalid' for a bad request.
 */
export function checkDecisions(
  t: Translate,
  snap: MergeSnapshot,
  decisions: readonly MergeDecision[],
): DecisionOutcome {
  const table = snap.customers.table;
  const idColumn = table.columns.id as number;
  const { groups } = findDuplicateGroups(table);
  const byFirstId = new Map(
    groups.map((group) => [customerKey(table.rows[group.members[0]][idColumn]), group]),
  );
  const planned: PlannedMerge[] = [];
  const seen = new Set<string>();
  for (const decision of decisions) {
    if (!decision || !Array.isArray(decision.members) || decision.members.length < 2)
      return { status: 'invalid', message: t('merge.invalid') };
    const key = customerKey(decision.members[0]);
    if (seen.has(key)) continue;
    seen.add(key);
    const group = byFirstId.get(key);
    if (!group) return { status: 'changed' };
    const plan = planDecision(table, group, decision, snap.fields);
    if (plan === 'changed') return { status: 'changed' };
    if (plan === 'badSurvivor') return { status: 'invalid', message: t('merge.invalid') };
    planned.push(plan);
  }
  return { status: 'ok', planned };
}

/**
 * The survivors' computed purchase columns (totals, orders, first/last purchase, tier) over the deals as they are
 * after the move — what Refresh tiers would write — set into each plan's `after`.
 */
function recomputeTiers(ctx: ExecutionContext, snap: MergeSnapshot, planned: PlannedMerge[]): void {
  const deals = snap.children.find((child) => child.key === 'deals');
  const columns = snap.customers.table.columns;
  if (!deals || columns.totalPurchases === undefined) return;
  const zone = zoneDays(ctx.timeZone);
  const summaries = summarisePurchases(deals.table, exchangeRatesFrom(ctx.settings, ctx.settingsTable), zone);
  const today = zone.dayOfInstant(new Date());
  const thresholds = thresholdsFrom(ctx.settings);
  for (const plan of planned) {
    const summary = summaries.get(customerKey(plan.survivorId)) ?? NO_PURCHASES;
    const set = (key: string, value: unknown): void => {
      const column = columns[key];
      if (column !== undefined) plan.after[column] = encodeCell(value);
    };
    set('totalPurchases', summary.total);
    set('orderCount', summary.orders);
    set('firstPurchase', summary.firstPurchase === null ? '' : zone.midnightOf(summary.firstPurchase));
    set('lastPurchase', summary.lastPurchase === null ? '' : zone.midnightOf(summary.lastPurchase));
    if (columns.tier !== undefined) {
      const lastContactColumn = columns.lastContact;
      const lastContactCell = lastContactColumn === undefined ? null : plan.after[lastContactColumn];
      const lastContact =
        lastContactCell && typeof lastContactCell === 'object'
          ? zone.dayOfInstant(new Date(lastContactCell.$d))
          : null;
      const tier = tierOf(summary, lastContact, today, thresholds);
      set('tier', listLabel('tier', tier, ctx.workbookLocale) ?? tier);
    }
  }
}

function newMergeId(now: Date, timeZone: string): string {
  return `M-${Utilities.formatDate(now, timeZone, 'yyyyMMdd-HHmmss')}-${Utilities.getUuid().slice(0, 4)}`;
}

export interface CommitResult {
  mergeId: string;
  groups: number;
  removed: number;
  moved: number;
}

/**
 * Writes the planned merges in the journaled order (file header). Call under the lock with the snapshot taken
 * under it and decisions checked against it.
 */
export function commitMerge(
  ctx: ExecutionContext,
  snap: MergeSnapshot,
  planned: PlannedMerge[],
): CommitResult {
  const now = new Date();
  const mergeId = newMergeId(now, ctx.timeZone);
  const record: MergeRecord = {
    mergeId,
    by: ctx.user,
    time: now.toISOString(),
    groups: planned,
    children: [],
  };
  // The moves, worked out on the tables as read (the journal must hold them all before anything is written).
  const survivors = survivorOf(record);
  const moved = new Map<SheetTable, number[]>();
  for (const child of snap.children) {
    const moves = moveChildren(child.key, child.table, survivors);
    moved.set(
      child,
      moves.map((move) => move.index),
    );
    for (const move of moves) record.children.push(move);
  }
  recomputeTiers(ctx, snap, planned);

  const wbT = translator(ctx.workbookLocale);
  const table = snap.customers.table;
  const column = (key: string): number | undefined => table.columns[key];
  const movedFrom = new Map<string, number>();
  for (const move of record.children)
    movedFrom.set(customerKey(move.from), (movedFrom.get(customerKey(move.from)) ?? 0) + 1);
  const logRecords: Record<string, unknown>[] = [];
  for (const plan of planned) {
    const after = (key: string): string => {
      const at = column(key);
      const value = at === undefined ? '' : plan.after[at];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    };
    for (const removed of plan.removed) {
      const at = (key: string): string => {
        const index = column(key);
        const value = index === undefined ? '' : removed.row[index];
        return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      };
      const fields = plan.taken.filter((item) => item.from === removed.id).map((item) => item.field);
      logRecords.push({
        time: now,
        runId: mergeId,
        customerId: removed.id,
        customer: at('company'),
        fromRep: at('owner'),
        toRep: after('owner'),
        pool: wbT('merge.log.pool'),
        reason:
          wbT('merge.log.reason', {
            survivorId: plan.survivorId,
            survivor: after('company'),
            moved: movedFrom.get(customerKey(removed.id)) ?? 0,
          }) + (fields.length > 0 ? ' ' + wbT('merge.log.fields', { fields: fields.join(', ') }) : ''),
        by: ctx.user,
        undone: false,
      });
    }
  }

  const managers = ctx.settings.managers;
  // Everything decided; now the writes, in the journaled order.
  writeMergeState(
    ctx.spreadsheet,
    snap.state,
    { ...snap.state.state, journal: { op: 'merge', record } },
    managers,
  );
  appendRows(snap.log.sheet, snap.log.table, logRecords);
  for (const [child, indices] of moved) writeChildIds(child, indices);
  const change = mergeCustomerRows(table.rows, table.columns.id as number, record);
  rewriteRows(snap.customers.sheet, table, change.rows, change.first);
  writeMergeState(ctx.spreadsheet, snap.state, { journal: null, last: record }, managers);
  let removed = 0;
  for (const plan of planned) removed += plan.removed.length;
  return { mergeId, groups: planned.length, removed, moved: record.children.length };
}

/** The execution context (merge actions are the manager's: src/server/index.ts guards them). */
export function mergeContext(): ExecutionContext {
  return executionContext();
}
