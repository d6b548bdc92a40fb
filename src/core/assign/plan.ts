/**
 * The assignment plan: who gets which lead, and why. Pure and deterministic: the same workbook, settings, day and
 * rotation state give the same plan, which is what lets Confirm re-plan under the lock and compare with the
 * preview.
 *
 * For each lead, in sheet order:
 *  1. the rules choose a pool: senior reps when potential value ≥ seniorMinPotentialValue, narrowed to reps covering
 *     the lead's region / industry when those matches are on (pool key e.g. "senior|region:east");
 *  2. the pool's members are the available reps who match (active, weight > 0, not out of office today);
 *     a rep at capacity (open leads owned ≥ capacity) is skipped; a lead marked for reassignment never goes back to
 *     its current owner;
 *  3. the pool's smooth weighted round robin picks among the rest;
 *  4. when nobody in the pool can take it and fallback is on, a senior lead tries all seniors, then any lead tries the
 *     whole team (pool "team"); otherwise the lead stays unassigned with the reason.
 * Issue 14 adds, in this order: a lead that missed its SLA (`lead.sla`) goes through its pool like a reassigned one,
 * never back to the rep who held it; a new lead of an existing account (`lead.account`) goes to the account's owner
 * when that rep is active, not away and has room (else through its pool; the rotation is not moved); and a rep's
 * daily maximum (`rep.maxPerDay`, counting `assignedToday`) limits every assignment like capacity does.
 */
import type { AccountMatch } from './account';
import { isSenior, type AssignSettings, type Lead, type Rep } from './model';
import type { SlaFlag } from './sla';
import { cloneRotation, pickNext, prunePointer, type RotationState } from './rotation';

export const TEAM_POOL = 'team';
export const SENIOR_POOL = 'senior';

export type AssignedReasonCode = 'team' | 'matched' | 'fallbackSenior' | 'fallbackTeam' | 'accountOwner';
export type UnassignedReasonCode = 'noReps' | 'noMatch' | 'allFull' | 'onlyCurrentOwner';
/** Pool key written in the log for a lead routed to its account's owner (no rotation is involved). */
export const ACCOUNT_POOL = 'account';

export interface Reason<C extends string = string> {
  code: C;
  /** What decided the pool: region / industry code matched, potential value against the senior threshold. */
  region?: string;
  industry?: string;
  potentialValue?: number;
  seniorThreshold?: number;
  /** The SLA the lead missed (returned to its pool). */
  sla?: SlaFlag;
  /** The account it was routed to (code accountOwner). */
  account?: AccountMatch;
  /** Some rep of the pool had room but for today's maximum (allFull). */
  dailyCap?: boolean;
}

export interface PlannedAssignment {
  row: number;
  customerId: string;
  customer: string;
  /** Owner before, as written in the cell ('' for a new lead). */
  fromRep: string;
  toRep: string;
  pool: string;
  reason: Reason<AssignedReasonCode>;
}

export interface UnassignedLead {
  row: number;
  customerId: string;
  customer: string;
  fromRep: string;
  /** The pool the rules asked for. */
  pool: string;
  reason: Reason<UnassignedReasonCode>;
}

export type RepStatus = 'available' | 'inactive' | 'away' | 'noWeight';

export interface RepSummary {
  email: string;
  name: string;
  status: RepStatus;
  /** Last day away (yyyy-MM-dd day number) when status is away. */
  awayThroughDay: number | null;
  weight: number;
  capacity: number | null;
  openLeadsBefore: number;
  openLeadsAfter: number;
  /** Leads this run gives the rep. */
  assigned: number;
  /** Most new leads a day (null = no limit) and how many the rep had today before this run. */
  maxPerDay?: number | null;
  assignedBefore?: number;
}

export interface AssignmentPlan {
  assignments: PlannedAssignment[];
  unassigned: UnassignedLead[];
  reps: RepSummary[];
  /** Rotation state after the plan, for every pool (pools not used are carried over, pruned of departed reps). */
  rotation: RotationState;
  /** Pools whose pointer this plan moved. */
  changedPools: string[];
}

export interface PlanInput {
  reps: readonly Rep[];
  leads: readonly Lead[];
  /** Open customers per owner before the run. */
  openLoad: ReadonlyMap<string, number>;
  settings: AssignSettings;
  /** Day number of the run's day in the spreadsheet's time zone. */
  today: number;
  rotation: RotationState;
  /** Leads each rep (lower-case e-mail) was given today before this run, for the daily maximum. */
  assignedToday?: ReadonlyMap<string, number>;
}

export function repStatus(rep: Rep, today: number): RepStatus {
  if (!rep.active) return 'inactive';
  if (!(rep.weight > 0)) return 'noWeight';
  if (rep.awayThroughDay !== null && today <= rep.awayThroughDay) return 'away';
  return 'available';
}

interface Level {
  pool: string;
  code: AssignedReasonCode;
  matches: (rep: Rep) => boolean;
}

/** The pools a lead may go to, most specific first. */
function levelsFor(lead: Lead, settings: AssignSettings): { levels: Level[]; reason: Omit<Reason, 'code'> } {
  const senior =
    settings.seniorMinPotentialValue !== null &&
    (lead.potentialValue ?? -Infinity) >= settings.seniorMinPotentialValue;
  const region = settings.matchRegion && lead.region !== '' ? lead.region : '';
  const industry = settings.matchIndustry && lead.industry !== '' ? lead.industry : '';
  const parts = [
    senior ? SENIOR_POOL : '',
    region ? `region:${region}` : '',
    industry ? `industry:${industry}` : '',
  ];
  const pool = parts.filter(Boolean).join('|') || TEAM_POOL;
  const reason: Omit<Reason, 'code'> = {};
  if (region) reason.region = region;
  if (industry) reason.industry = industry;
  if (senior) {
    reason.potentialValue = lead.potentialValue ?? 0;
    reason.seniorThreshold = settings.seniorMinPotentialValue ?? 0;
  }
  const levels: Level[] = [
    {
      pool,
      code: pool === TEAM_POOL ? 'team' : 'matched',
      matches: (rep) =>
        (!senior || isSenior(rep)) &&
        (!region || rep.regions.includes(region)) &&
        (!industry || rep.industries.includes(industry)),
    },
  ];
  if (settings.fallbackToTeam) {
    if (senior && pool !== SENIOR_POOL)
      levels.push({ pool: SENIOR_POOL, code: 'fallbackSenior', matches: isSenior });
    if (pool !== TEAM_POOL) levels.push({ pool: TEAM_POOL, code: 'fallbackTeam', matches: () => true });
  }
  return { levels, reason };
}

/** The owner cell as the user wrote it (case kept), so undo restores it exactly. */
function ownerText(lead: Lead): string {
  return lead.owner === '' ? '' : String(lead.ownerCell).trim();
}

/**
 * Plans one run.
 * @returns the plan; `input.rotation` is not changed (the plan carries the state after it).
 */
export function planAssignment(input: PlanInput): AssignmentPlan {
  const rotation = cloneRotation(input.rotation);
  const known = new Set(input.reps.map((rep) => rep.email));
  for (const pool of Object.keys(rotation)) rotation[pool] = prunePointer(rotation[pool], known);

  const load = new Map<string, number>();
  for (const rep of input.reps) load.set(rep.email, input.openLoad.get(rep.email) ?? 0);
  const available = input.reps.filter((rep) => repStatus(rep, input.today) === 'available');
  const assignedCount = new Map<string, number>();
  const changed = new Set<string>();
  const assignments: PlannedAssignment[] = [];
  const unassigned: UnassignedLead[] = [];

  const today = input.assignedToday;
  const underDailyCap = (rep: Rep) =>
    rep.maxPerDay === null ||
    rep.maxPerDay === undefined ||
    (today?.get(rep.email) ?? 0) + (assignedCount.get(rep.email) ?? 0) < rep.maxPerDay;
  const hasOpenRoom = (rep: Rep, lead: Lead) =>
    !lead.open || rep.capacity === null || (load.get(rep.email) ?? 0) < rep.capacity;
  const hasRoom = (rep: Rep, lead: Lead) => hasOpenRoom(rep, lead) && underDailyCap(rep);
  const byEmail = new Map(input.reps.map((rep) => [rep.email, rep]));
  const give = (lead: Lead, rep: string) => {
    if (lead.open) {
      load.set(rep, (load.get(rep) ?? 0) + 1);
      if (lead.owner && load.has(lead.owner))
        load.set(lead.owner, Math.max(0, (load.get(lead.owner) ?? 0) - 1));
    }
    assignedCount.set(rep, (assignedCount.get(rep) ?? 0) + 1);
  };

  for (const lead of input.leads) {
    const { levels, reason } = levelsFor(lead, input.settings);
    if (lead.sla) reason.sla = lead.sla;
    // The account's owner first (new leads only): active, not away (weight aside: it is their account), room left.
    const accountRep = lead.account && lead.owner === '' ? byEmail.get(lead.account.owner) : undefined;
    if (lead.account && accountRep) {
      const status = repStatus(accountRep, input.today);
      if ((status === 'available' || status === 'noWeight') && hasRoom(accountRep, lead)) {
        give(lead, accountRep.email);
        assignments.push({
          row: lead.row,
          customerId: lead.customerId,
          customer: lead.customer,
          fromRep: ownerText(lead),
          toRep: accountRep.email,
          pool: ACCOUNT_POOL,
          reason: { code: 'accountOwner', account: lead.account },
        });
        continue;
      }
    }
    const skip = lead.reassign || lead.sla ? lead.owner : '';
    let failure: UnassignedReasonCode = available.length === 0 ? 'noReps' : 'noMatch';
    let chosen: { rep: string; level: Level } | null = null;
    for (const level of levels) {
      // One pass over the reps per level (50 000 leads × reps: no intermediate arrays).
      let members = 0;
      let withRoom = 0;
      let openRoomOnly = false;
      const candidates: Rep[] = [];
      for (const rep of available) {
        if (!level.matches(rep)) continue;
        members++;
        if (hasRoom(rep, lead)) {
          withRoom++;
          if (rep.email !== skip) candidates.push(rep);
        } else if (hasOpenRoom(rep, lead)) openRoomOnly = true;
      }
      if (members === 0) {
        failure = available.length === 0 ? 'noReps' : 'noMatch';
        continue;
      }
      if (candidates.length === 0) {
        failure = withRoom > 0 ? 'onlyCurrentOwner' : 'allFull';
        // Room for open leads but not today: the daily cap is why.
        if (withRoom === 0 && openRoomOnly) reason.dailyCap = true;
        continue;
      }
      rotation[level.pool] ??= {};
      const rep = pickNext(rotation[level.pool], candidates);
      if (rep) {
        changed.add(level.pool);
        chosen = { rep, level };
        break;
      }
    }
    if (!chosen) {
      unassigned.push({
        row: lead.row,
        customerId: lead.customerId,
        customer: lead.customer,
        fromRep: ownerText(lead),
        pool: levels[0].pool,
        reason: { code: failure, ...reason },
      });
      continue;
    }
    give(lead, chosen.rep);
    assignments.push({
      row: lead.row,
      customerId: lead.customerId,
      customer: lead.customer,
      fromRep: ownerText(lead),
      toRep: chosen.rep,
      pool: chosen.level.pool,
      reason: { code: chosen.level.code, ...reason },
    });
  }

  const reps: RepSummary[] = input.reps.map((rep) => ({
    email: rep.email,
    name: rep.name,
    status: repStatus(rep, input.today),
    awayThroughDay: rep.awayThroughDay,
    weight: rep.weight,
    capacity: rep.capacity,
    openLeadsBefore: input.openLoad.get(rep.email) ?? 0,
    openLeadsAfter: load.get(rep.email) ?? 0,
    assigned: assignedCount.get(rep.email) ?? 0,
    maxPerDay: rep.maxPerDay ?? null,
    assignedBefore: input.assignedToday?.get(rep.email) ?? 0,
  }));
  return { assignments, unassigned, reps, rotation, changedPools: [...changed].sort() };
}

/** Leads per rep in this plan (only reps who got at least one). */
export function countsPerRep(plan: AssignmentPlan): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const assignment of plan.assignments) counts[assignment.toRep] = (counts[assignment.toRep] ?? 0) + 1;
  return counts;
}
