/**
 * Deciding a merge: which record survives and, field by field, which value it keeps.
 *
 * Defaults (what the sidebar shows before the manager changes anything):
 * - survivor: the oldest record (earliest Created, then the first row) — its ID is the one colleagues, deals and
 *   follow-ups have known longest;
 * - each field: the value of the newest record that has one (newest = latest of Updated at / Created, found by
 *   header; then the later row), so a phone typed yesterday beats last year's; except Created, which keeps the
 *   earliest date (the customer is known since then), and Last contact, which keeps the latest.
 * Columns SalesDesk fills itself are not chosen: the ID is the survivor's, the computed purchase columns are
 * recomputed from the deals after they moved, Updated by/at record the merge. A user's own columns are fields too.
 */
import { lazyValue } from '../lazy';
import type { Table } from '../table';
import { SHEETS } from '../../../templates/workbook';
import { encodeRow, hashText, isFilled, type StoredCell } from './cells';
import type { DuplicateGroup } from './groups';

/** A column whose value the manager chooses. `key` is the template key, or `#<index>` for a user's own column. */
export interface MergeField {
  key: string;
  column: number;
  /** The header as it stands in the sheet. */
  header: string;
}

const AUTOMATIC = new Set(['id', 'updatedBy', 'updatedAt']);
/** Computed columns of Customers (recomputed after a merge, never chosen). */
export const COMPUTED_KEYS: ReadonlySet<string> = lazyValue(
  'set',
  () => new Set(SHEETS.customers.columns.filter((column) => column.computed).map((column) => column.key)),
);

/** The fields of a merge, in sheet order. */
export function mergeFields(table: Table<string>): MergeField[] {
  const keyOf = new Map<number, string>();
  for (const [key, index] of Object.entries(table.columns))
    if (index !== undefined && !keyOf.has(index)) keyOf.set(index, key);
  const fields: MergeField[] = [];
  table.header.forEach((cell, column) => {
    const header = String(cell ?? '').trim();
    const key = keyOf.get(column);
    if (key === undefined && header === '') return;
    if (key !== undefined && (AUTOMATIC.has(key) || COMPUTED_KEYS.has(key))) return;
    fields.push({ key: key ?? `#${column}`, column, header });
  });
  return fields;
}

function time(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    const parsed = Date.parse(value.trim());
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

/** When a record was last touched: the later of Updated at and Created (null when neither is a date). */
export function recency(table: Table<string>, row: readonly unknown[]): number | null {
  const { updatedAt, created } = table.columns;
  const a = updatedAt === undefined ? null : time(row[updatedAt]);
  const b = created === undefined ? null : time(row[created]);
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** Members newest first (recency, then the later row). */
export function newestFirst(table: Table<string>, members: readonly number[]): number[] {
  const when = new Map(members.map((index) => [index, recency(table, table.rows[index])]));
  return [...members].sort((a, b) => {
    const ta = when.get(a) ?? -Infinity;
    const tb = when.get(b) ?? -Infinity;
    return ta !== tb ? tb - ta : b - a;
  });
}

/** The default survivor: earliest Created, then the first row. */
export function defaultSurvivor(table: Table<string>, members: readonly number[]): number {
  const created = table.columns.created;
  let best = members[0];
  let bestTime = created === undefined ? null : time(table.rows[best][created]);
  for (const index of members.slice(1)) {
    const t = created === undefined ? null : time(table.rows[index][created]);
    if (t !== null && (bestTime === null || t < bestTime)) {
      best = index;
      bestTime = t;
    }
  }
  return best;
}

/**
 * The default source (a member row index) of every field: see the file header.
 * @param survivor the survivor's row index: chosen when it holds the same value, or when nobody has one.
 */
export function defaultPicks(
  table: Table<string>,
  members: readonly number[],
  fields: readonly MergeField[],
  survivor: number,
): Record<string, number> {
  const order = newestFirst(table, members);
  const picks: Record<string, number> = {};
  for (const field of fields) {
    const value = (index: number): unknown => table.rows[index][field.column];
    const filled = order.filter((index) => isFilled(value(index)));
    let pick = survivor;
    if (filled.length > 0) {
      if (field.key === 'created' || field.key === 'lastContact') {
        const dated = filled.filter((index) => time(value(index)) !== null);
        const pool = dated.length > 0 ? dated : filled;
        pick = pool.reduce((best, index) => {
          const a = time(value(index)) ?? 0;
          const b = time(value(best)) ?? 0;
          return field.key === 'created' ? (a < b ? index : best) : a > b ? index : best;
        });
      } else pick = filled[0];
      if (displayKey(value(survivor)) === displayKey(value(pick))) pick = survivor;
    }
    picks[field.key] = pick;
  }
  return picks;
}

function displayKey(value: unknown): string {
  return value instanceof Date ? `d${value.getTime()}` : `${typeof value}:${String(value ?? '')}`;
}

/** The text a group's fingerprint is taken of: every member's ID and whole row, in row order. */
export function groupFingerprint(table: Table<string>, members: readonly number[]): string {
  return hashText(JSON.stringify(members.map((index) => encodeRow(table.rows[index]))));
}

/** The survivor's row after the merge: each field from its chosen member; other columns as the survivor had them. */
export function mergedRow(
  table: Table<string>,
  survivor: number,
  fields: readonly MergeField[],
  picks: Record<string, number>,
): unknown[] {
  const row = [...table.rows[survivor]];
  for (const field of fields) {
    const from = picks[field.key] ?? survivor;
    row[field.column] = table.rows[from][field.column] ?? '';
  }
  return row;
}

/** What the manager decided for one group, as the sidebar sends it (IDs, never values). */
export interface MergeDecision {
  /** The group's member IDs as previewed. */
  members: string[];
  fingerprint: string;
  survivor: string;
  /** Field key → ID of the member whose value to keep; fields not named take their default. */
  picks?: Record<string, string>;
}

/** One group's merge, worked out and ready to write (rows as JSON cells, for the journal and undo). */
export interface PlannedMerge {
  survivorId: string;
  /** The survivor's whole row before and after. */
  before: StoredCell[];
  after: StoredCell[];
  /** Rows removed from Customers: their ID, 0-based data index when read, whole row. */
  removed: { id: string; index: number; row: StoredCell[] }[];
  /** Fields whose value came from another record than the survivor: field header → source ID. */
  taken: { field: string; from: string }[];
}

export type DecisionProblem = 'changed' | 'badSurvivor';

/**
 * Checks a decision against the group as it stands and plans it.
 * @returns the plan, or why it cannot be made ('changed': the group is not as previewed).
 */
export function planDecision(
  table: Table<string>,
  group: DuplicateGroup,
  decision: MergeDecision,
  fields: readonly MergeField[],
): PlannedMerge | DecisionProblem {
  const idColumn = table.columns.id as number;
  const idOf = (index: number): string => String(table.rows[index][idColumn] ?? '').trim();
  const ids = group.members.map(idOf);
  const wanted = [...(decision.members ?? [])].map((id) => String(id).trim());
  if (ids.length !== wanted.length || ids.some((id, i) => id !== wanted[i])) return 'changed';
  if (groupFingerprint(table, group.members) !== decision.fingerprint) return 'changed';
  const byId = new Map(group.members.map((index) => [idOf(index), index]));
  const survivor = byId.get(String(decision.survivor ?? '').trim());
  if (survivor === undefined) return 'badSurvivor';
  const picks = defaultPicks(table, group.members, fields, survivor);
  for (const [key, id] of Object.entries(decision.picks ?? {})) {
    const from = byId.get(String(id).trim());
    if (from !== undefined && key in picks) picks[key] = from;
  }
  const after = mergedRow(table, survivor, fields, picks);
  const taken: PlannedMerge['taken'] = [];
  for (const field of fields) {
    const from = picks[field.key];
    if (from !== survivor) taken.push({ field: field.header || field.key, from: idOf(from) });
  }
  return {
    survivorId: idOf(survivor),
    before: encodeRow(table.rows[survivor]),
    after: encodeRow(after),
    removed: group.members
      .filter((index) => index !== survivor)
      .map((index) => ({ id: idOf(index), index, row: encodeRow(table.rows[index]) })),
    taken,
  };
}
