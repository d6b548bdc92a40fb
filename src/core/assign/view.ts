/**
 * What the preview sidebar and the CLI show of a plan: plain, serialisable data (google.script.run cannot pass
 * Date or Map), texts already in the reader's language, at most `limit` rows of each list.
 */
import { isoOfDayNumber } from '../dates';
import type { Translate } from '../i18n';
import { describeReason, type LabelOf, type NameOf } from './describe';
import type { RepProblem } from './model';
import type { AssignmentPlan } from './plan';

export const PREVIEW_ROWS = 50;

export interface PreviewRep {
  email: string;
  name: string;
  count: number;
  openAfter: number;
  capacity: number | null;
  /** Why the rep takes no leads today (inactive, away, full), or null. */
  note: string | null;
  /** Most new leads a day and how many the rep has today after the run (issue 14 §6); absent without a limit. */
  maxPerDay?: number;
  todayAfter?: number;
}

export interface PreviewRow {
  row: number;
  customerId: string;
  customer: string;
  fromRep: string;
  toRep: string;
  toName: string;
  pool: string;
  why: string;
}

export interface PreviewUnassigned {
  row: number;
  customerId: string;
  customer: string;
  pool: string;
  why: string;
}

export interface PreviewView {
  /** Fingerprint of what Confirm would write; Confirm refuses when the re-made plan differs. */
  token: string;
  total: number;
  assigned: number;
  unassigned: number;
  summary: string;
  reps: PreviewRep[];
  rows: PreviewRow[];
  moreRows: number;
  unassignedRows: PreviewUnassigned[];
  moreUnassigned: number;
  problems: string[];
  /** Reps of earlier runs not told yet (quota, errors, too many for one run): "Send pending notices" tells them. */
  pendingNotices?: number;
  /**
   * Issue 14, shown apart from the pool's rows: leads returned for a missed SLA (assigned to another rep) and new
   * leads routed to their account's owner. `rows` then holds the other assignments only.
   */
  slaRows: PreviewRow[];
  moreSla: number;
  accountRows: PreviewRow[];
  moreAccount: number;
  /** Leads returned for their SLA in this plan (assigned or not) and leads routed to the account owner. */
  slaCount: number;
  accountCount: number;
}

export function repProblemText(t: Translate, problem: RepProblem): string {
  return t(`assign.repProblem.${problem.problem}`, {
    row: problem.row,
    value: problem.value,
    column: problem.column,
  });
}

export function buildPreview(
  plan: AssignmentPlan,
  token: string,
  t: Translate,
  labelOf: LabelOf,
  problems: readonly RepProblem[] = [],
  limit = PREVIEW_ROWS,
): PreviewView {
  const names = new Map(plan.reps.map((rep) => [rep.email, rep.name]));
  const nameOf: NameOf = (email) => names.get(email) ?? email;
  const total = plan.assignments.length + plan.unassigned.length;
  const toRow = (a: AssignmentPlan['assignments'][number]): PreviewRow => ({
    row: a.row,
    customerId: a.customerId,
    customer: a.customer,
    fromRep: a.fromRep,
    toRep: a.toRep,
    toName: nameOf(a.toRep),
    pool: a.pool,
    why: describeReason(t, a.reason, labelOf, nameOf),
  });
  const sla = plan.assignments.filter((a) => a.reason.sla);
  const account = plan.assignments.filter((a) => a.reason.code === 'accountOwner');
  const pool = plan.assignments.filter((a) => !a.reason.sla && a.reason.code !== 'accountOwner');
  return {
    token,
    total,
    assigned: plan.assignments.length,
    unassigned: plan.unassigned.length,
    summary:
      total === 0
        ? t('assign.preview.nothing')
        : t('assign.preview.summary', {
            total,
            assigned: plan.assignments.length,
            unassigned: plan.unassigned.length,
          }),
    reps: plan.reps.map((rep) => {
      let note: string | null = null;
      if (rep.status === 'inactive') note = t('assign.status.inactive');
      else if (rep.status === 'noWeight') note = t('assign.status.noWeight');
      else if (rep.status === 'away')
        note = t('assign.status.away', {
          date: rep.awayThroughDay === null ? '' : isoOfDayNumber(rep.awayThroughDay),
        });
      else if (rep.capacity !== null && rep.openLeadsAfter >= rep.capacity && rep.assigned === 0)
        note = t('assign.status.full', { load: rep.openLeadsAfter, capacity: rep.capacity });
      const todayAfter = (rep.assignedBefore ?? 0) + rep.assigned;
      const max = rep.maxPerDay ?? null;
      if (note === null && max !== null && todayAfter >= max && rep.assigned === 0)
        note = t('assign.status.dailyFull', { count: todayAfter, max });
      return {
        email: rep.email,
        name: rep.name,
        count: rep.assigned,
        openAfter: rep.openLeadsAfter,
        capacity: rep.capacity,
        note,
        ...(max !== null ? { maxPerDay: max, todayAfter } : {}),
      };
    }),
    rows: pool.slice(0, limit).map(toRow),
    moreRows: Math.max(0, pool.length - limit),
    slaRows: sla.slice(0, limit).map(toRow),
    moreSla: Math.max(0, sla.length - limit),
    accountRows: account.slice(0, limit).map(toRow),
    moreAccount: Math.max(0, account.length - limit),
    slaCount: sla.length + plan.unassigned.filter((u) => u.reason.sla).length,
    accountCount: account.length,
    unassignedRows: plan.unassigned.slice(0, limit).map((u) => ({
      row: u.row,
      customerId: u.customerId,
      customer: u.customer,
      pool: u.pool,
      why: describeReason(t, u.reason, labelOf, nameOf),
    })),
    moreUnassigned: Math.max(0, plan.unassigned.length - limit),
    problems: problems.map((problem) => repProblemText(t, problem)),
  };
}
