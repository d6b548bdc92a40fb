/**
 * Undo of the last assignment run, decided from the Assignment log and one read of Customers. A row is restored only
 * where its owner is still the rep the run set; anything else is a conflict (someone changed it since) and is left
 * as it is, and reported.
 */
import { sameEmail } from '../roles';
import { cell, isBlankRow, type Table } from '../table';
import type { CustomerKey } from './model';

export type LogKey =
  'time' | 'runId' | 'customerId' | 'customer' | 'fromRep' | 'toRep' | 'pool' | 'reason' | 'by' | 'undone';
export const LOG_KEYS: readonly LogKey[] = [
  'time',
  'runId',
  'customerId',
  'customer',
  'fromRep',
  'toRep',
  'pool',
  'reason',
  'by',
  'undone',
];

export interface RunChange {
  /** Index into the log table's rows. */
  logIndex: number;
  customerId: string;
  customer: string;
  fromRep: string;
  toRep: string;
}

/** The log rows of one run that are not undone yet. */
export function changesOfRun(log: Table<LogKey>, runId: string): RunChange[] {
  const changes: RunChange[] = [];
  log.rows.forEach((values, logIndex) => {
    if (isBlankRow(values)) return;
    if (String(cell(log, values, 'runId')).trim() !== runId) return;
    const undone = cell(log, values, 'undone');
    if (
      undone === true ||
      (typeof undone === 'string' && undone.trim() !== '' && undone.trim().toLowerCase() !== 'false')
    )
      return;
    changes.push({
      logIndex,
      customerId: String(cell(log, values, 'customerId')).trim(),
      customer: String(cell(log, values, 'customer')).trim(),
      fromRep: String(cell(log, values, 'fromRep')).trim(),
      toRep: String(cell(log, values, 'toRep')).trim(),
    });
  });
  return changes;
}

export interface Restore {
  /** Index into the customers table's rows. */
  index: number;
  owner: string;
  /** Tick the reassign box again (the run cleared it). */
  reassign: boolean;
  logIndex: number;
}

export interface UndoConflict {
  customerId: string;
  customer: string;
  expected: string;
  /** The owner found now, or null when the customer row is gone. */
  found: string | null;
}

export interface UndoPlan {
  restores: Restore[];
  conflicts: UndoConflict[];
}

/** Customer rows by id (rows without an id by lower-case company/contact name), blank rows left out. */
function customerIndex(customers: Table<CustomerKey>): {
  byId: Map<string, number[]>;
  byName: Map<string, number[]>;
} {
  const byId = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, index: number) => {
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  };
  customers.rows.forEach((values, index) => {
    if (isBlankRow(values)) return;
    const id = String(cell(customers, values, 'id')).trim();
    const name = (
      String(cell(customers, values, 'company')).trim() || String(cell(customers, values, 'contact')).trim()
    ).toLowerCase();
    if (id) add(byId, id, index);
    else if (name) add(byName, name, index);
  });
  return { byId, byName };
}

function candidatesOf(
  index: ReturnType<typeof customerIndex>,
  change: Pick<RunChange, 'customerId' | 'customer'>,
): number[] {
  return change.customerId
    ? (index.byId.get(change.customerId) ?? [])
    : (index.byName.get(change.customer.toLowerCase()) ?? []);
}

/** An owner cell holding `email` ('' = blank). */
function ownerIs(customers: Table<CustomerKey>, index: number, email: string): boolean {
  const owner = String(cell(customers, customers.rows[index], 'owner') ?? '').trim();
  return email === '' ? owner === '' : sameEmail(owner, email);
}

/**
 * Decides what undo writes.
 * @param markedWithoutOwner customer ids whose reassign box was ticked although they had no owner (the run cleared
 *   those boxes too; rows with an owner were necessarily ticked).
 * @param resumed an undo interrupted half-way is being completed: a row already holding its previous owner was
 *   given back by the interrupted attempt, and only its log row is left to mark.
 * @param returnedBySla customer ids the run took back for a missed SLA without a reassign tick: given back to
 *   their rep with the box left as it was (unticked).
 */
export function planUndo(
  customers: Table<CustomerKey>,
  changes: readonly RunChange[],
  markedWithoutOwner: ReadonlySet<string> = new Set(),
  resumed = false,
  returnedBySla: ReadonlySet<string> = new Set(),
): UndoPlan {
  const index = customerIndex(customers);
  const restores: Restore[] = [];
  const conflicts: UndoConflict[] = [];
  const taken = new Set<number>();
  for (const change of changes) {
    const candidates = candidatesOf(index, change);
    let stillOurs = candidates.filter((i) => !taken.has(i) && ownerIs(customers, i, change.toRep));
    if (stillOurs.length === 0 && resumed)
      stillOurs = candidates.filter((i) => !taken.has(i) && ownerIs(customers, i, change.fromRep));
    if (stillOurs.length !== 1) {
      const found =
        candidates.length > 0 ? String(cell(customers, customers.rows[candidates[0]], 'owner')).trim() : null;
      conflicts.push({
        customerId: change.customerId,
        customer: change.customer,
        expected: change.toRep,
        found,
      });
      continue;
    }
    taken.add(stillOurs[0]);
    restores.push({
      index: stillOurs[0],
      owner: change.fromRep,
      reassign:
        (change.fromRep !== '' && !returnedBySla.has(change.customerId)) ||
        markedWithoutOwner.has(change.customerId),
      logIndex: change.logIndex,
    });
  }
  return { restores, conflicts };
}

/** What completing an interrupted assignment run writes. */
export interface ResumePlan {
  /** Log rows of the run (undone or not): 0 means the log append never happened. */
  logRows: number;
  /** Customers still owned by the log's "from" rep: they get the "to" rep. */
  owners: { index: number; owner: string }[];
  /** Log rows (indices) whose customer someone changed meanwhile: marked undone so the log agrees with the sheet. */
  conflicts: number[];
  /** Reps the completed run gave leads to (to tell them). */
  reps: string[];
}

/**
 * Decides how to complete an assignment run whose log rows were appended but whose owners may not all be written.
 * Safe to repeat: rows already holding the "to" rep need nothing.
 */
export function planResume(customers: Table<CustomerKey>, log: Table<LogKey>, runId: string): ResumePlan {
  let logRows = 0;
  log.rows.forEach((values) => {
    if (!isBlankRow(values) && String(cell(log, values, 'runId')).trim() === runId) logRows++;
  });
  const plan: ResumePlan = { logRows, owners: [], conflicts: [], reps: [] };
  if (logRows === 0) return plan;
  const index = customerIndex(customers);
  const taken = new Set<number>();
  const reps = new Set<string>();
  for (const change of changesOfRun(log, runId)) {
    const candidates = candidatesOf(index, change).filter((i) => !taken.has(i));
    const done = candidates.filter((i) => ownerIs(customers, i, change.toRep));
    const pending = candidates.filter((i) => ownerIs(customers, i, change.fromRep));
    if (done.length === 1) {
      taken.add(done[0]);
      reps.add(change.toRep);
    } else if (done.length === 0 && pending.length === 1) {
      taken.add(pending[0]);
      plan.owners.push({ index: pending[0], owner: change.toRep });
      reps.add(change.toRep);
    } else plan.conflicts.push(change.logIndex);
  }
  plan.reps = [...reps];
  return plan;
}
