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

/**
 * Decides what undo writes.
 * @param markedWithoutOwner customer ids whose reassign box was ticked although they had no owner (the run cleared
 *   those boxes too; rows with an owner were necessarily ticked).
 */
export function planUndo(
  customers: Table<CustomerKey>,
  changes: readonly RunChange[],
  markedWithoutOwner: ReadonlySet<string> = new Set(),
): UndoPlan {
  const byId = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  customers.rows.forEach((values, index) => {
    if (isBlankRow(values)) return;
    const id = String(cell(customers, values, 'id')).trim();
    const name = (
      String(cell(customers, values, 'company')).trim() || String(cell(customers, values, 'contact')).trim()
    ).toLowerCase();
    if (id)
      byId.set(id, [...(byId.get(id) ?? []), index]); // duplicates are rare: copying is fine
    else if (name) byName.set(name, [...(byName.get(name) ?? []), index]);
  });
  const restores: Restore[] = [];
  const conflicts: UndoConflict[] = [];
  const taken = new Set<number>();
  for (const change of changes) {
    const candidates = change.customerId
      ? (byId.get(change.customerId) ?? [])
      : (byName.get(change.customer.toLowerCase()) ?? []);
    const stillOurs = candidates.filter(
      (index) =>
        !taken.has(index) && sameEmail(cell(customers, customers.rows[index], 'owner'), change.toRep),
    );
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
      reassign: change.fromRep !== '' || markedWithoutOwner.has(change.customerId),
      logIndex: change.logIndex,
    });
  }
  return { restores, conflicts };
}
