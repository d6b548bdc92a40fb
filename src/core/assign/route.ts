/**
 * The issue-14 rules as one pass over the tables a run has read anyway (Customers, the Assignment log, and
 * Follow-ups when an SLA is on): which owned customers missed their SLA, and which new leads belong to an
 * existing account. The plan (src/core/assign/plan.ts) then applies them in order: SLA return → account owner →
 * pool with caps.
 */
import { isTicked } from '../cells';
import type { ZoneDays } from '../dates';
import { cell, isBlankRow, type Table } from '../table';
import { buildAccountIndex, findAccount, foldWidth, type AccountRow } from './account';
import { isOpenCustomer, type Lead, type ListCodeOf } from './model';
import {
  followUpTimes,
  latestAssignments,
  slaFlagOf,
  slaIsOn,
  type FollowUpTimeKey,
  type SlaFlag,
  type SlaSettings,
} from './sla';
import type { LogKey } from './undo';

const text = (value: unknown): string => foldWidth(String(value ?? '')).trim();

/** Settings → assignToAccountOwner (on unless a manager turned it off). */
export function accountRoutingOn(settings: Record<string, unknown>): boolean {
  return settings.assignToAccountOwner !== false;
}

/**
 * Rows (indices into `customers.rows`) whose lead missed its SLA at `nowMs`.
 * @param followUps the Follow-ups table (customer ID and time by header), null when not read.
 */
export function findSlaMisses(
  customers: Table<string>,
  log: Table<LogKey>,
  followUps: Table<FollowUpTimeKey> | null,
  settings: SlaSettings,
  zone: ZoneDays,
  nowMs: number,
  codeOf: ListCodeOf,
): Map<number, SlaFlag> {
  const out = new Map<number, SlaFlag>();
  if (!slaIsOn(settings)) return out;
  const assignments = latestAssignments(log, zone);
  if (assignments.size === 0) return out;
  const times = followUps ? followUpTimes(followUps, zone) : new Map<string, number[]>();
  customers.rows.forEach((values, index) => {
    if (isBlankRow(values)) return;
    const owner = text(cell(customers, values, 'owner')).toLowerCase();
    if (owner === '' || isTicked(cell(customers, values, 'reassign'))) return;
    // Open or not is asked only of a lead that is late (labels of either language are the costly part).
    const flag = slaFlagOf(
      { customerId: text(cell(customers, values, 'id')), owner, open: true },
      assignments,
      times,
      settings,
      nowMs,
      zone,
    );
    if (
      flag &&
      isOpenCustomer(codeOf, cell(customers, values, 'customerType'), cell(customers, values, 'stage'))
    )
      out.set(index, flag);
  });
  return out;
}

/**
 * Sets `lead.account` on each new lead (no owner) that matches a customer who keeps their owner this run (not
 * marked for reassignment, not returned for its SLA). One index per run: 50 000 customers, one pass.
 */
export function attachAccounts(
  leads: Lead[],
  customers: Table<string>,
  returned: ReadonlyMap<number, SlaFlag>,
): void {
  if (!leads.some((lead) => lead.owner === '')) return;
  const rows: AccountRow[] = [];
  customers.rows.forEach((values, index) => {
    if (isBlankRow(values) || returned.has(index)) return;
    const owner = text(cell(customers, values, 'owner')).toLowerCase();
    if (owner === '' || isTicked(cell(customers, values, 'reassign'))) return;
    rows.push({
      customerId: text(cell(customers, values, 'id')),
      company: cell(customers, values, 'company'),
      email: cell(customers, values, 'email'),
      phone: cell(customers, values, 'phone'),
      owner,
    });
  });
  if (rows.length === 0) return;
  const index = buildAccountIndex(rows);
  for (const lead of leads) {
    if (lead.owner !== '') continue;
    const values = customers.rows[lead.row - customers.firstRow];
    if (!values) continue;
    const match = findAccount(index, {
      company: cell(customers, values, 'company'),
      email: cell(customers, values, 'email'),
      phone: cell(customers, values, 'phone'),
    });
    if (match) lead.account = match;
  }
}
