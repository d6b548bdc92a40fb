/**
 * Who must follow up with whom today. One digest per active rep: follow-ups due today, overdue ones (with days
 * overdue), and customers left without contact longer than Settings allows — each customer at most once, sorted by
 * urgency. Reps with nothing due get no digest. Managers can opt into a team summary.
 *
 * Which follow-up is still open: per customer only the latest logged follow-up counts (logging a new one is how a
 * rep says the previous next step happened); it is open until its "done" box is ticked. A next follow-up typed
 * straight into Customers counts too, unless a follow-up row carries the same date (that row decides) or the
 * customer was contacted on or after that day.
 */
import type { Locale } from '../i18n';
import { isoOfDayNumber, type IsoDay } from '../dates';
import type { CustomerRecord, FollowUpRecord, ReminderInput, RepRecord, TierCode } from './input';
import type { SlaReturn } from './sla';
import { opportunityRemindersByOwner, type OpportunityReminder } from './opportunities';
import { serviceReminderItems } from '../service/reminders';

/** 'serviceDue' and 'complaint' are after-sales items (src/core/service/reminders.ts). */
export type ItemKind = 'overdue' | 'dueToday' | 'upcoming' | 'stale' | 'serviceDue' | 'complaint';

export interface ReminderItem {
  kind: ItemKind;
  /** Stable identity of the item: 'followup:<row id or row>' or 'customer:<id>'. */
  key: string;
  /** 'service': a Service row (followUpId/followUpRow then name that row). */
  source: 'followup' | 'customer' | 'service';
  followUpId: string;
  /** Sheet row of the follow-up (source 'followup'), else 0. */
  followUpRow: number;
  customerId: string;
  /** Sheet row of the customer, 0 when the follow-up names an unknown customer. */
  customerRow: number;
  customer: string;
  contact: string;
  phone: string;
  tier: TierCode | null;
  owner: string;
  /** The date the follow-up is due ('' for stale items). */
  dueDate: IsoDay | '';
  daysOverdue: number;
  /** Days since the last contact (stale items; also shown for others when known). */
  daysSinceContact: number | null;
  lastContact: IsoDay | '';
  /** The latest follow-up note, else the customer's notes. */
  lastNote: string;
  nextStep: string;
  /** Link to the row in the sheet: '<spreadsheetUrl>#gid=<sheetId>&range=A<row>'. */
  link: string;
}

export interface RepDigest {
  rep: string;
  repName: string;
  locale: Locale;
  overdue: ReminderItem[];
  dueToday: ReminderItem[];
  stale: ReminderItem[];
  /** Shown for planning; never the reason a mail is sent. */
  upcoming: ReminderItem[];
  /** Open opportunities with a next step due or closing this week / overdue (issue 14). */
  opportunities?: OpportunityReminder[];
  /** After-sales: next plans due today or overdue, and open complaints (oldest first). */
  serviceDue?: ReminderItem[];
  complaints?: ReminderItem[];
  /** Higher is more urgent: orders sending when the mail quota cannot cover everyone. */
  urgency: number;
  /** Leads given to another rep because this rep missed their SLA (issue 14 §3, src/core/reminders/sla.ts). */
  slaTaken?: SlaReturn[];
}

export interface RepSummaryLine {
  rep: string;
  repName: string;
  overdue: number;
  dueToday: number;
  stale: number;
  maxDaysOverdue: number;
  /** After-sales: next plans due, open complaints and the oldest one's age in days. */
  serviceDue?: number;
  complaints?: number;
  oldestComplaintDays?: number;
  /** Why this rep gets no digest although items are due: 'away' (out of office) or 'inactive'. */
  held: '' | 'away' | 'inactive' | 'unknown';
}

export interface TeamSummary {
  recipient: string;
  locale: Locale;
  lines: RepSummaryLine[];
  totals: { overdue: number; dueToday: number; stale: number };
  /** Leads returned for a missed SLA since yesterday (issue 14 §3). */
  slaReturns?: SlaReturn[];
}

export interface DigestOptions {
  today: IsoDay;
  todayDay: number;
  spreadsheetUrl: string;
  sheetIds: {
    customers: number | null;
    followups: number | null;
    opportunities?: number | null;
    service?: number | null;
  };
}

export interface DigestResult {
  digests: RepDigest[];
  summaries: TeamSummary[];
  /** Items whose owner is no active rep (inactive, away, or not in Reps), by owner. */
  heldByOwner: Map<string, { reason: RepSummaryLine['held']; items: ReminderItem[] }>;
}

function rowLink(options: DigestOptions, sheet: 'customers' | 'followups', row: number): string {
  const sheetId = options.sheetIds[sheet];
  if (!options.spreadsheetUrl || sheetId === null || row <= 0) return options.spreadsheetUrl;
  return `${options.spreadsheetUrl}#gid=${sheetId}&range=A${row}`;
}

const customerKey = (id: string): string => id.trim().toLowerCase();

function latestFirst(a: FollowUpRecord, b: FollowUpRecord): number {
  const at = a.timeMs ?? Number.NEGATIVE_INFINITY;
  const bt = b.timeMs ?? Number.NEGATIVE_INFINITY;
  return at !== bt ? bt - at : b.row - a.row;
}

interface Candidate {
  day: number;
  source: 'followup' | 'customer';
  followUp: FollowUpRecord | null;
  customer: CustomerRecord | null;
}

/** Every customer's (or lone follow-up's) one open next step, with its owner. */
function openNextSteps(input: ReminderInput): { candidate: Candidate; owner: string }[] {
  const customers = new Map<string, CustomerRecord>();
  for (const customer of input.customers) {
    if (customer.id !== '' && !customers.has(customerKey(customer.id)))
      customers.set(customerKey(customer.id), customer);
  }
  const byCustomer = new Map<string, FollowUpRecord[]>();
  const lone: FollowUpRecord[] = [];
  for (const followUp of input.followUps) {
    if (followUp.customerId === '') lone.push(followUp);
    else {
      const key = customerKey(followUp.customerId);
      const list = byCustomer.get(key);
      if (list) list.push(followUp);
      else byCustomer.set(key, [followUp]);
    }
  }

  const out: { candidate: Candidate; owner: string }[] = [];
  const ownerOf = (customer: CustomerRecord | null, followUp: FollowUpRecord | null): string =>
    customer?.owner || followUp?.rep || '';

  for (const followUp of lone) {
    if (!followUp.done && followUp.nextDay !== null)
      out.push({
        candidate: { day: followUp.nextDay, source: 'followup', followUp, customer: null },
        owner: ownerOf(null, followUp),
      });
  }
  const seen = new Set<string>();
  for (const [key, followUps] of byCustomer) {
    seen.add(key);
    const customer = customers.get(key) ?? null;
    const latest = [...followUps].sort(latestFirst)[0];
    const candidates: Candidate[] = [];
    if (!latest.done && latest.nextDay !== null)
      candidates.push({ day: latest.nextDay, source: 'followup', followUp: latest, customer });
    if (customer) {
      const own = customerCandidate(customer, followUps);
      if (own) candidates.push(own);
    }
    // One item per customer: the earliest open date is the one the rep must act on.
    candidates.sort((a, b) => a.day - b.day);
    if (candidates[0])
      out.push({ candidate: candidates[0], owner: ownerOf(customer, candidates[0].followUp) });
  }
  for (const customer of input.customers) {
    if (seen.has(customerKey(customer.id))) continue;
    const own = customerCandidate(customer, []);
    if (own) out.push({ candidate: own, owner: customer.owner });
  }
  return out;
}

function customerCandidate(customer: CustomerRecord, followUps: FollowUpRecord[]): Candidate | null {
  const due = customer.nextFollowUpDay;
  if (due === null) return null;
  if (followUps.some((f) => f.nextDay === due)) return null;
  if (followUps.some((f) => f.timeDay !== null && f.timeDay >= due)) return null;
  if (customer.lastContactDay !== null && customer.lastContactDay >= due) return null;
  return { day: due, source: 'customer', followUp: null, customer };
}

function lastContactDay(customer: CustomerRecord, followUps: FollowUpRecord[] | undefined): number | null {
  let last = customer.lastContactDay;
  for (const followUp of followUps ?? []) {
    if (followUp.timeDay !== null && (last === null || followUp.timeDay > last)) last = followUp.timeDay;
  }
  return last;
}

function latestNote(customer: CustomerRecord | null, followUps: FollowUpRecord[] | undefined): string {
  const latest = [...(followUps ?? [])].filter((f) => f.content !== '').sort(latestFirst)[0];
  return latest?.content ?? customer?.notes ?? '';
}

const byName = (a: ReminderItem, b: ReminderItem): number =>
  a.customer.localeCompare(b.customer) || a.key.localeCompare(b.key);
const vipFirst = (a: ReminderItem, b: ReminderItem): number =>
  Number(b.tier === 'vip') - Number(a.tier === 'vip');

/** Builds every rep's digest and the team summaries for the day `options.today`. */
export function buildDigests(input: ReminderInput, options: DigestOptions): DigestResult {
  return assemble(
    [...collectItems(input, options), ...serviceReminderItems(input.service, input.customers, options)],
    input,
    options,
  );
}

/** Every open item of every owner (overdue, due today, upcoming within the look-ahead, stale), unsorted. */
export function collectItems(input: ReminderInput, options: DigestOptions): ReminderItem[] {
  const today = options.todayDay;
  const { settings } = input;
  const followUpsByCustomer = new Map<string, FollowUpRecord[]>();
  for (const followUp of input.followUps) {
    if (followUp.customerId === '') continue;
    const key = customerKey(followUp.customerId);
    const list = followUpsByCustomer.get(key);
    if (list) list.push(followUp);
    else followUpsByCustomer.set(key, [followUp]);
  }

  const items: ReminderItem[] = [];
  const scheduled = new Set<number>();
  for (const { candidate, owner } of openNextSteps(input)) {
    const { customer, followUp } = candidate;
    const history = customer ? followUpsByCustomer.get(customerKey(customer.id)) : undefined;
    if (customer) scheduled.add(customer.row);
    let kind: ItemKind | null = null;
    if (candidate.day < today) kind = 'overdue';
    else if (candidate.day === today) kind = 'dueToday';
    else if (candidate.day <= today + settings.lookAheadDays) kind = 'upcoming';
    if (!kind) continue;
    const contactDay = customer ? lastContactDay(customer, history) : (followUp?.timeDay ?? null);
    const followUpRow = followUp?.row ?? 0;
    items.push({
      kind,
      key: followUp ? `followup:${followUp.id || `row${followUp.row}`}` : `customer:${customer?.id ?? ''}`,
      source: candidate.source,
      followUpId: followUp?.id ?? '',
      followUpRow,
      customerId: customer?.id ?? followUp?.customerId ?? '',
      customerRow: customer?.row ?? 0,
      customer: customer?.name || followUp?.customerId || followUp?.id || '',
      contact: customer?.contact ?? '',
      phone: customer?.phone ?? '',
      tier: customer?.tier ?? null,
      owner,
      dueDate: isoOfDayNumber(candidate.day),
      daysOverdue: Math.max(0, today - candidate.day),
      daysSinceContact: contactDay === null ? null : today - contactDay,
      lastContact: contactDay === null ? '' : isoOfDayNumber(contactDay),
      lastNote: followUp?.content || latestNote(customer, history),
      nextStep: followUp?.nextStep ?? '',
      link:
        candidate.source === 'followup'
          ? rowLink(options, 'followups', followUpRow)
          : rowLink(options, 'customers', customer?.row ?? 0),
    });
  }

  for (const customer of input.customers) {
    if (customer.owner === '' || customer.tier === 'lost') continue;
    // A customer with a follow-up on the calendar has a plan; it is reminded through that follow-up.
    if (scheduled.has(customer.row)) continue;
    const limit = customer.tier === 'vip' ? settings.staleVipDays : settings.staleContactDays;
    if (limit <= 0) continue;
    const history = followUpsByCustomer.get(customerKey(customer.id));
    const contactDay = lastContactDay(customer, history) ?? customer.createdDay;
    if (contactDay === null || today - contactDay <= limit) continue;
    items.push({
      kind: 'stale',
      key: `customer:${customer.id || `row${customer.row}`}`,
      source: 'customer',
      followUpId: '',
      followUpRow: 0,
      customerId: customer.id,
      customerRow: customer.row,
      customer: customer.name,
      contact: customer.contact,
      phone: customer.phone,
      tier: customer.tier,
      owner: customer.owner,
      dueDate: '',
      daysOverdue: 0,
      daysSinceContact: today - contactDay,
      lastContact: isoOfDayNumber(contactDay),
      lastNote: latestNote(customer, history),
      nextStep: '',
      link: rowLink(options, 'customers', customer.row),
    });
  }

  return items;
}

function urgencyOf(digest: Omit<RepDigest, 'urgency'>): number {
  // Overdue days weigh most (a week-late VIP call beats three due today), then due today, then stale.
  let score = 0;
  for (const item of digest.overdue)
    score += 100 + Math.min(item.daysOverdue, 365) * 10 + (item.tier === 'vip' ? 50 : 0);
  for (const item of digest.dueToday) score += 60 + (item.tier === 'vip' ? 30 : 0);
  for (const item of digest.stale) score += 5 + (item.tier === 'vip' ? 5 : 0);
  for (const item of digest.opportunities ?? []) score += 40 + Math.min(item.nextStepDaysLate ?? 0, 365);
  for (const item of digest.complaints ?? []) score += 80 + Math.min(item.daysOverdue, 365) * 5;
  for (const item of digest.serviceDue ?? []) score += 40 + Math.min(item.daysOverdue, 365) * 5;
  return score;
}

function assemble(items: ReminderItem[], input: ReminderInput, options: DigestOptions): DigestResult {
  const reps = new Map<string, RepRecord>();
  for (const rep of input.reps) if (!reps.has(rep.email)) reps.set(rep.email, rep);
  const byOwner = new Map<string, ReminderItem[]>();
  for (const item of items) {
    const list = byOwner.get(item.owner);
    if (list) list.push(item);
    else byOwner.set(item.owner, [item]);
  }

  const opportunities = opportunityItems(input, options);
  for (const owner of opportunities.keys()) if (!byOwner.has(owner)) byOwner.set(owner, []);
  const digests: RepDigest[] = [];
  const heldByOwner: DigestResult['heldByOwner'] = new Map();
  const lines: RepSummaryLine[] = [];
  for (const [owner, ownerItems] of byOwner) {
    const overdue = ownerItems
      .filter((i) => i.kind === 'overdue')
      .sort((a, b) => b.daysOverdue - a.daysOverdue || vipFirst(a, b) || byName(a, b));
    const dueToday = ownerItems
      .filter((i) => i.kind === 'dueToday')
      .sort((a, b) => vipFirst(a, b) || byName(a, b));
    const stale = ownerItems
      .filter((i) => i.kind === 'stale')
      .sort(
        (a, b) => vipFirst(a, b) || (b.daysSinceContact ?? 0) - (a.daysSinceContact ?? 0) || byName(a, b),
      );
    const upcoming = ownerItems
      .filter((i) => i.kind === 'upcoming')
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || byName(a, b));
    const serviceDue = ownerItems
      .filter((i) => i.kind === 'serviceDue')
      .sort((a, b) => b.daysOverdue - a.daysOverdue || byName(a, b));
    const complaints = ownerItems
      .filter((i) => i.kind === 'complaint')
      .sort((a, b) => b.daysOverdue - a.daysOverdue || byName(a, b));
    const rep = reps.get(owner);
    let held: RepSummaryLine['held'] = '';
    if (!rep || owner === '') held = 'unknown';
    else if (!rep.active) held = 'inactive';
    else if (rep.awayUntilDay !== null && rep.awayUntilDay >= options.todayDay) held = 'away';
    const ownOpportunities = opportunities.get(owner) ?? [];
    const actionable =
      overdue.length +
      dueToday.length +
      stale.length +
      ownOpportunities.length +
      serviceDue.length +
      complaints.length;
    if (actionable === 0) continue;
    lines.push({
      rep: owner,
      repName: rep?.name ?? owner,
      overdue: overdue.length,
      dueToday: dueToday.length,
      stale: stale.length,
      maxDaysOverdue: overdue[0]?.daysOverdue ?? 0,
      ...(serviceDue.length + complaints.length > 0
        ? {
            serviceDue: serviceDue.length,
            complaints: complaints.length,
            oldestComplaintDays: complaints[0]?.daysOverdue ?? 0,
          }
        : {}),
      held,
    });
    if (held !== '') {
      heldByOwner.set(owner, {
        reason: held,
        items: [...overdue, ...dueToday, ...stale, ...serviceDue, ...complaints],
      });
      continue;
    }
    const digest = {
      rep: owner,
      repName: rep?.name ?? owner,
      locale: rep?.language ?? input.settings.workbookLocale,
      overdue,
      dueToday,
      stale,
      upcoming,
      opportunities: ownOpportunities,
      ...(serviceDue.length + complaints.length > 0 ? { serviceDue, complaints } : {}),
    };
    digests.push({ ...digest, urgency: urgencyOf(digest) });
  }
  digests.sort((a, b) => b.urgency - a.urgency || a.rep.localeCompare(b.rep));
  lines.sort(
    (a, b) => b.maxDaysOverdue - a.maxDaysOverdue || b.overdue - a.overdue || a.rep.localeCompare(b.rep),
  );

  const totals = lines.reduce(
    (sum, line) => ({
      overdue: sum.overdue + line.overdue,
      dueToday: sum.dueToday + line.dueToday,
      stale: sum.stale + line.stale,
    }),
    { overdue: 0, dueToday: 0, stale: 0 },
  );
  const summaries: TeamSummary[] =
    lines.length === 0
      ? []
      : input.settings.summaryRecipients.map((recipient) => ({
          recipient,
          locale: reps.get(recipient)?.language ?? input.settings.workbookLocale,
          lines,
          totals,
        }));
  return { digests, summaries, heldByOwner };
}

/** Open opportunities due in today's digests, by owner (none when the workbook has no Opportunities sheet). */
function opportunityItems(input: ReminderInput, options: DigestOptions): Map<string, OpportunityReminder[]> {
  if (!input.opportunities || input.opportunities.length === 0) return new Map();
  const names = new Map<string, string>();
  for (const customer of input.customers) names.set(customer.id.toLowerCase(), customer.name);
  const sheetId = options.sheetIds.opportunities ?? null;
  return opportunityRemindersByOwner(input.opportunities, options.todayDay, names, (row) =>
    !options.spreadsheetUrl || sheetId === null || row <= 0
      ? options.spreadsheetUrl
      : `${options.spreadsheetUrl}#gid=${sheetId}&range=A${row}`,
  );
}
