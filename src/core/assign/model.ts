/**
 * The assignment's view of the workbook: reps, leads and rules read from one read each of Reps, Customers and
 * Settings. Pure: the server passes the Tables, the spreadsheet's time zone and a label → code lookup.
 *
 * Definitions (also in docs/sections/assignment.md):
 *  - a lead to assign is a customer row with a blank owner, or one a manager ticked in the reassign column;
 *  - an open lead (what capacity counts) is a customer whose customer type is not lost and whose stage is not
 *    purchased; a rep's load is the number of open customers they own;
 *  - a rep is available when active is ticked, weight > 0 and the run's day is after outOfOfficeUntil (the rep is
 *    away through that day and back the day after);
 *  - role senior or manager counts as senior for the potential-value rule.
 */
import { cellAmount, cellEmail, isTicked } from '../cells';
import type { ZoneDays } from '../dates';
import { cell, isBlankRow, NFKC_STABLE, type Table } from '../table';
import type { AccountMatch } from './account';
import type { SlaFlag } from './sla';

export type CustomerKey =
  | 'id'
  | 'company'
  | 'contact'
  | 'industry'
  | 'region'
  | 'customerType'
  | 'stage'
  | 'potentialValue'
  | 'owner'
  | 'reassign';
export type RepKey =
  | 'name'
  | 'email'
  | 'active'
  | 'role'
  | 'weight'
  | 'capacity'
  | 'regions'
  | 'industries'
  | 'outOfOfficeUntil'
  | 'language'
  | 'maxNewPerDay';

export const CUSTOMER_KEYS: readonly CustomerKey[] = [
  'id',
  'company',
  'contact',
  'industry',
  'region',
  'customerType',
  'stage',
  'potentialValue',
  'owner',
  'reassign',
];
export const REP_KEYS: readonly RepKey[] = [
  'name',
  'email',
  'active',
  'role',
  'weight',
  'capacity',
  'regions',
  'industries',
  'outOfOfficeUntil',
  'language',
  'maxNewPerDay',
];

/** Maps a cell's label (either language) to the stable code of a list, or undefined when unknown. */
export type ListCodeOf = (listKey: string, label: unknown) => string | undefined;

export type RepRole = 'rep' | 'senior' | 'manager';

export interface Rep {
  email: string;
  name: string;
  active: boolean;
  role: RepRole;
  /** Share of the rotation; 0 takes no leads. */
  weight: number;
  /** Most open leads the rep may own; null = no limit. */
  capacity: number | null;
  /** Region / industry codes the rep covers (empty = covers none specifically; still in the team fallback). */
  regions: string[];
  industries: string[];
  /** Day number of the last day away, or null. */
  awayThroughDay: number | null;
  /** Reps.language as written ('' = the workbook's language). */
  language: string;
  /** Sheet row, for messages. */
  row: number;
  /** Most new leads a day (issue 14 §6); null or absent = no daily limit. */
  maxPerDay?: number | null;
}

export interface Lead {
  /** Sheet row number (1-based). */
  row: number;
  customerId: string;
  /** Company, or the contact's name when no company is given. */
  customer: string;
  /** Owner before the run (lower-case e-mail, '' when none). */
  owner: string;
  /** The owner cell exactly as read, for undo. */
  ownerCell: unknown;
  reassign: boolean;
  region: string;
  industry: string;
  potentialValue: number | null;
  open: boolean;
  /** Missed its SLA (src/core/assign/sla.ts): returned to its pool, never to its owner. */
  sla?: SlaFlag;
  /** Belongs to an existing account (src/core/assign/account.ts): goes to its owner when available. */
  account?: AccountMatch;
}

export interface AssignSettings {
  matchRegion: boolean;
  matchIndustry: boolean;
  /** Leads at or above go to senior reps only; null = rule off. */
  seniorMinPotentialValue: number | null;
  /** When no rep matches the rules, use the whole team (else the lead stays unassigned). */
  fallbackToTeam: boolean;
}

export interface RepProblem {
  row: number;
  column: RepKey;
  value: string;
  problem: 'badEmail' | 'duplicateEmail' | 'badNumber';
}

/** A checkbox or a typed yes/是/TRUE (src/core/cells.ts). */
export { isTicked };

/** A number from a cell: numbers as they are, text with thousands separators or a currency sign (src/core/cells.ts). */
export const numberOfCell = cellAmount;

function text(value: unknown): string {
  const raw = String(value ?? '');
  return (NFKC_STABLE.test(raw) ? raw : raw.normalize('NFKC')).trim();
}

/** A region/industry label as a comparable code: the list's code when known, else the lower-cased label. */
export function codeOrLabel(codeOf: ListCodeOf, listKey: string, label: unknown): string {
  const value = text(label);
  if (value === '') return '';
  return codeOf(listKey, value) ?? value.toLowerCase();
}

function codeList(codeOf: ListCodeOf, listKey: string, value: unknown): string[] {
  return text(value)
    .split(/[,;，；、/|]+/)
    .map((part) => codeOrLabel(codeOf, listKey, part))
    .filter((code) => code !== '');
}

const ROLE_FALLBACK: Record<string, RepRole> = {
  rep: 'rep',
  sales: 'rep',
  销售: 'rep',
  销售代表: 'rep',
  senior: 'senior',
  'senior rep': 'senior',
  资深: 'senior',
  资深销售: 'senior',
  高级销售: 'senior',
  manager: 'manager',
  经理: 'manager',
  销售经理: 'manager',
};

function roleOf(codeOf: ListCodeOf, value: unknown): RepRole {
  const label = text(value);
  const code = codeOf('role', label) ?? ROLE_FALLBACK[label.toLowerCase()];
  return code === 'senior' || code === 'manager' ? code : 'rep';
}

export function isSenior(rep: Rep): boolean {
  return rep.role === 'senior' || rep.role === 'manager';
}

/**
 * Reps from the Reps sheet, in sheet order (the rotation's tie-break). Rows without a valid e-mail, and repeated
 * e-mails, are reported and left out: a lead must never go to an address nobody reads.
 */
export function readReps(
  table: Table<RepKey>,
  zone: ZoneDays,
  codeOf: ListCodeOf,
): { reps: Rep[]; problems: RepProblem[] } {
  const reps: Rep[] = [];
  const problems: RepProblem[] = [];
  const seen = new Set<string>();
  const activeKnown = table.columns.active !== undefined;
  table.rows.forEach((values, index) => {
    if (isBlankRow(values)) return;
    const row = table.firstRow + index;
    const rawEmail = text(cell(table, values, 'email'));
    const read = cellEmail(rawEmail);
    const email = read.kind === 'email' ? read.email : '';
    if (!email) {
      problems.push({ row, column: 'email', value: rawEmail, problem: 'badEmail' });
      return;
    }
    if (seen.has(email)) {
      problems.push({ row, column: 'email', value: rawEmail, problem: 'duplicateEmail' });
      return;
    }
    seen.add(email);
    const weightCell = cell(table, values, 'weight');
    let weight = text(weightCell) === '' ? 1 : numberOfCell(weightCell);
    if (weight === null || weight < 0) {
      problems.push({ row, column: 'weight', value: text(weightCell), problem: 'badNumber' });
      weight = 0;
    }
    const capacityCell = cell(table, values, 'capacity');
    let capacity = text(capacityCell) === '' ? null : numberOfCell(capacityCell);
    if (text(capacityCell) !== '' && (capacity === null || capacity < 0)) {
      problems.push({ row, column: 'capacity', value: text(capacityCell), problem: 'badNumber' });
      capacity = 0;
    }
    const dailyCell = cell(table, values, 'maxNewPerDay');
    let maxPerDay = text(dailyCell) === '' ? null : numberOfCell(dailyCell);
    if (text(dailyCell) !== '' && (maxPerDay === null || maxPerDay < 0)) {
      problems.push({ row, column: 'maxNewPerDay', value: text(dailyCell), problem: 'badNumber' });
      maxPerDay = 0;
    }
    reps.push({
      email,
      name: text(cell(table, values, 'name')) || email,
      // A workbook without the column has no way to mark anyone inactive.
      active: activeKnown ? isTicked(cell(table, values, 'active')) : true,
      role: roleOf(codeOf, cell(table, values, 'role')),
      weight,
      capacity: capacity === null ? null : Math.floor(capacity),
      regions: codeList(codeOf, 'region', cell(table, values, 'regions')),
      industries: codeList(codeOf, 'industry', cell(table, values, 'industries')),
      awayThroughDay: zone.dayOfCell(cell(table, values, 'outOfOfficeUntil')),
      language: text(cell(table, values, 'language')),
      row,
      maxPerDay: maxPerDay === null ? null : Math.floor(maxPerDay),
    });
  });
  return { reps, problems };
}

const LOST = new Set(['lost', '流失', '流失客户', '已流失']);
const PURCHASED = new Set(['purchased', '已购买', '已成交', '成交', '已采购']);

/** Open = not lost and not purchased (what capacity counts). */
export function isOpenCustomer(codeOf: ListCodeOf, customerType: unknown, stage: unknown): boolean {
  const type = text(customerType);
  const stageText = text(stage);
  const typeCode =
    codeOf('customerType', type) ?? (LOST.has(type.toLowerCase()) ? 'lost' : type.toLowerCase());
  const stageCode =
    codeOf('stage', stageText) ??
    (PURCHASED.has(stageText.toLowerCase()) ? 'purchased' : stageText.toLowerCase());
  return typeCode !== 'lost' && stageCode !== 'purchased';
}

export interface CustomerView {
  /** Rows needing a rep, in sheet order. */
  leads: Lead[];
  /** Open customers per owner (lower-case e-mail), leads being reassigned still counted for their owner. */
  openLoad: Map<string, number>;
  /** Number of non-blank customer rows read. */
  customerRows: number;
}

/**
 * Reads Customers once into the leads to assign and every rep's open load.
 * @param sla rows (indices into `table.rows`) that missed their SLA: leads too, though they have an owner.
 */
export function readCustomers(
  table: Table<CustomerKey>,
  codeOf: ListCodeOf,
  sla?: ReadonlyMap<number, SlaFlag>,
): CustomerView {
  const leads: Lead[] = [];
  const openLoad = new Map<string, number>();
  let customerRows = 0;
  table.rows.forEach((values, index) => {
    if (isBlankRow(values)) return;
    customerRows++;
    const ownerCell = cell(table, values, 'owner');
    const owner = text(ownerCell).toLowerCase();
    const open = isOpenCustomer(codeOf, cell(table, values, 'customerType'), cell(table, values, 'stage'));
    if (owner !== '' && open) openLoad.set(owner, (openLoad.get(owner) ?? 0) + 1);
    const reassign = isTicked(cell(table, values, 'reassign'));
    const missed = owner !== '' ? sla?.get(index) : undefined;
    if (owner !== '' && !reassign && !missed) return;
    leads.push({
      row: table.firstRow + index,
      customerId: text(cell(table, values, 'id')),
      customer: text(cell(table, values, 'company')) || text(cell(table, values, 'contact')),
      owner,
      ownerCell,
      reassign,
      region: codeOrLabel(codeOf, 'region', cell(table, values, 'region')),
      industry: codeOrLabel(codeOf, 'industry', cell(table, values, 'industry')),
      potentialValue: numberOfCell(cell(table, values, 'potentialValue')),
      open,
      ...(missed ? { sla: missed } : {}),
    });
  });
  return { leads, openLoad, customerRows };
}

/** A yes/no setting: blank takes the default. */
function flag(value: unknown, fallback: boolean): boolean {
  if (value === '' || value === null || value === undefined) return fallback;
  if (typeof value === 'string' && /^(false|no|n|0|否|关|off)$/i.test(value.trim())) return false;
  return isTicked(value);
}

/** Assignment rules from Settings (key → value). Defaults: no matching, no senior rule, fall back to the team. */
export function assignSettings(settings: Record<string, unknown>): AssignSettings {
  const threshold = numberOfCell(settings.seniorMinPotentialValue);
  return {
    matchRegion: flag(settings.assignMatchRegion, false),
    matchIndustry: flag(settings.assignMatchIndustry, false),
    seniorMinPotentialValue: threshold !== null && threshold > 0 ? threshold : null,
    fallbackToTeam: flag(settings.assignFallbackToTeam, true),
  };
}
