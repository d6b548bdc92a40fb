/**
 * Groups of likely duplicate customers: the connected components of "same e-mail", "same phone" and "same company
 * + contact" (src/core/merge/keys.ts). A ~ B by e-mail and B ~ C by phone put A, B and C in one group even though A
 * and C share nothing. Built for 50 000+ rows: each key is indexed once in a Map (first row per key) and rows are
 * joined with a union-find, so the work is linear in the rows, never rows × rows.
 */
import type { Table } from '../table';
import { isBlankRow } from '../table';
import { customerKey } from '../tiering';
import { companyContactKey, emailKey, phoneKey } from './keys';

export type MatchReason = 'email' | 'phone' | 'companyContact';
export const MATCH_REASONS: readonly MatchReason[] = ['email', 'phone', 'companyContact'];

export interface DuplicateGroup {
  /** Indices into `table.rows`, ascending. */
  members: number[];
  /** What linked the members (in MATCH_REASONS order). */
  reasons: MatchReason[];
}

export interface GroupSearch {
  groups: DuplicateGroup[];
  /** Rows left out: no customer ID (nothing can refer to them safely), or an ID two rows share. */
  skipped: { noId: number; sharedId: number };
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[i] !== root) {
      const next = this.parent[i];
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller index becomes the root, so a group is named by its first row.
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

/**
 * Finds every group of two or more customers linked by a shared key, first rows first.
 * @param table the Customers sheet as read (columns found by header: id, e-mail, phone, company, contact).
 */
export function findDuplicateGroups(table: Table<string>): GroupSearch {
  const { id, email, phone, company, contact } = table.columns;
  const rows = table.rows;
  const skipped = { noId: 0, sharedId: 0 };
  if (id === undefined) return { groups: [], skipped };
  const idCount = new Map<string, number>();
  const idKeys = rows.map((row) => customerKey(row[id]));
  for (const key of idKeys) if (key !== '') idCount.set(key, (idCount.get(key) ?? 0) + 1);
  const union = new UnionFind(rows.length);
  const firstOf: Record<MatchReason, Map<string, number>> = {
    email: new Map(),
    phone: new Map(),
    companyContact: new Map(),
  };
  /** Per linked pair's smaller root: which reasons joined rows (collected per row, read per group). */
  const linkedBy = new Map<number, Set<MatchReason>>();
  const link = (reason: MatchReason, key: string, index: number): void => {
    if (key === '') return;
    const first = firstOf[reason].get(key);
    if (first === undefined) {
      firstOf[reason].set(key, index);
      return;
    }
    union.union(first, index);
    let reasons = linkedBy.get(index);
    if (!reasons) linkedBy.set(index, (reasons = new Set()));
    reasons.add(reason);
  };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (isBlankRow(row)) continue;
    const key = idKeys[index];
    if (key === '') {
      skipped.noId++;
      continue;
    }
    if ((idCount.get(key) ?? 0) > 1) {
      skipped.sharedId++;
      continue;
    }
    if (email !== undefined) link('email', emailKey(row[email]), index);
    if (phone !== undefined) link('phone', phoneKey(row[phone]), index);
    if (company !== undefined && contact !== undefined)
      link('companyContact', companyContactKey(row[company], row[contact]), index);
  }
  const byRoot = new Map<number, { members: number[]; reasons: Set<MatchReason> }>();
  for (const [index, reasons] of linkedBy) {
    const root = union.find(index);
    let group = byRoot.get(root);
    if (!group) byRoot.set(root, (group = { members: [], reasons: new Set() }));
    for (const reason of reasons) group.reasons.add(reason);
  }
  if (byRoot.size === 0) return { groups: [], skipped };
  for (let index = 0; index < rows.length; index++) {
    const group = byRoot.get(union.find(index));
    if (group) group.members.push(index);
  }
  const groups = [...byRoot.values()]
    .map((group) => ({
      members: group.members,
      reasons: MATCH_REASONS.filter((reason) => group.reasons.has(reason)),
    }))
    .sort((a, b) => a.members[0] - b.members[0]);
  return { groups, skipped };
}
