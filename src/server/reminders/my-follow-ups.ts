/**
 * The *My follow-ups* sidebar's server side: the current user's overdue, due-today, upcoming and stale items, and
 * marking one done. Marking done ticks the follow-up's "done" box (one write, under the document lock, after
 * re-reading so a row moved since the list was loaded is still found by its id). A next follow-up typed straight
 * into Customers has no follow-up row: marking it done records today as the customer's last contact.
 */
import { dayNumberOfIso, zoneDays } from '../../core/dates';
import {
  collectItems,
  CUSTOMER_KEYS,
  FOLLOWUP_KEYS,
  readCustomers,
  type ItemKind,
  type ReminderItem,
} from '../../core/reminders';
import { sameEmail } from '../../core/roles';
import { withLock } from '../lock';
import {
  linkOptions,
  readReminderSheets,
  reminderContext,
  reminderInput,
  type ReminderContext,
} from './context';
import { findReminderSheet, readSheet, sheetDisplayName } from './workbook';

/** The sidebar always shows a week ahead, even when the e-mails look ahead less. */
const SIDEBAR_LOOK_AHEAD_DAYS = 7;

export interface FollowUpListItem {
  kind: ItemKind;
  key: string;
  source: 'followup' | 'customer';
  followUpId: string;
  followUpRow: number;
  customerId: string;
  customerRow: number;
  customer: string;
  contact: string;
  phone: string;
  vip: boolean;
  dueDate: string;
  daysOverdue: number;
  daysSinceContact: number | null;
  lastNote: string;
  nextStep: string;
}

export interface MyFollowUps {
  today: string;
  rep: string;
  isManager: boolean;
  /** Active reps a manager may switch to. */
  reps: { email: string; name: string }[];
  /**
   * Is the person whose list this is in the Reps sheet (active or not)? Someone who is not owns nothing by design:
   * the sidebar says so instead of "Nothing due", which would read as "all done".
   */
  inReps: boolean;
  items: FollowUpListItem[];
}

const KIND_ORDER: Record<ItemKind, number> = {
  overdue: 0,
  dueToday: 1,
  upcoming: 2,
  stale: 3,
  // After-sales items are in the digest only (collectItems never returns them).
  serviceDue: 4,
  complaint: 5,
};

function toListItem(item: ReminderItem): FollowUpListItem {
  return {
    kind: item.kind,
    key: item.key,
    // collectItems yields follow-up and customer items only; after-sales items go to the digest.
    source: item.source as FollowUpListItem['source'],
    followUpId: item.followUpId,
    followUpRow: item.followUpRow,
    customerId: item.customerId,
    customerRow: item.customerRow,
    customer: item.customer,
    contact: item.contact,
    phone: item.phone,
    vip: item.tier === 'vip',
    dueDate: item.dueDate,
    daysOverdue: item.daysOverdue,
    daysSinceContact: item.daysSinceContact,
    lastNote: item.lastNote,
    nextStep: item.nextStep,
  };
}

/**
 * The current user's follow-ups (a manager may ask for a rep's).
 * @param rep a rep's e-mail; only managers may see someone else's list.
 */
export function apiMyFollowUps(rep?: string): MyFollowUps {
  const ctx = reminderContext(true);
  const { user, isManager: manager } = ctx;
  const target = rep && manager ? rep.trim().toLowerCase() : user;
  const sheets = readReminderSheets(ctx);
  const input = reminderInput(ctx, sheets);
  input.settings.lookAheadDays = Math.max(input.settings.lookAheadDays, SIDEBAR_LOOK_AHEAD_DAYS);
  const items = collectItems(input, { today: ctx.today, todayDay: ctx.todayDay, ...linkOptions(ctx, sheets) })
    .filter((item) => sameEmail(item.owner, target))
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        b.daysOverdue - a.daysOverdue ||
        a.dueDate.localeCompare(b.dueDate) ||
        (b.daysSinceContact ?? 0) - (a.daysSinceContact ?? 0) ||
        a.customer.localeCompare(b.customer),
    );
  return {
    today: ctx.today,
    rep: target,
    isManager: manager,
    reps: manager ? input.reps.filter((r) => r.active).map((r) => ({ email: r.email, name: r.name })) : [],
    inReps: target !== '' && input.reps.some((r) => sameEmail(r.email, target)),
    items: items.map(toListItem),
  };
}

export interface MarkDoneRequest {
  source: 'followup' | 'customer';
  followUpId?: string;
  /** Row the item was on when the list was loaded: used when the follow-up has no id. */
  followUpRow?: number;
  customerId?: string;
}

/**
 * Marks a follow-up done.
 * @returns the customer's name, for the confirmation.
 * @throws Error (localised) when the item is gone, belongs to someone else, or the lock cannot be had.
 */
export function apiMarkFollowUpDone(request: MarkDoneRequest): { customer: string } {
  const ctx = reminderContext(true);
  const { user, isManager: manager } = ctx;
  return withLock(ctx.t, 'save', () => {
    if (request.source === 'customer') return markCustomerContacted(ctx, request, user, manager);
    const followups = readSheet(ctx.spreadsheet, 'followups', FOLLOWUP_KEYS, ['done'], ctx.t);
    const { table } = followups;
    const idIndex = table.columns.id;
    const wantedId = String(request.followUpId ?? '').trim();
    let index = -1;
    if (wantedId !== '' && idIndex !== undefined)
      index = table.rows.findIndex((row) => String(row[idIndex] ?? '').trim() === wantedId);
    else if (request.followUpRow) index = request.followUpRow - table.firstRow;
    const row = table.rows[index];
    if (!row) throw new Error(ctx.t('myfu.notFound'));
    const customerId = String(row[table.columns.customerId ?? -1] ?? '').trim();
    const customer =
      customerId === '' ? undefined : customerRecords(ctx).records.find((c) => sameEmail(c.id, customerId));
    if (!manager) {
      const owner = customer?.owner || String(row[table.columns.rep ?? -1] ?? '');
      if (!sameEmail(owner, user)) throw new Error(ctx.t('myfu.notYours', { owner: owner || '—' }));
    }
    const doneIndex = table.columns.done as number;
    const name = customer?.name ?? customerId;
    if (row[doneIndex] === true) return { customer: name };
    followups.sheet.getRange(table.firstRow + index, doneIndex + 1).setValue(true);
    return { customer: name };
  });
}

function customerRecords(ctx: ReminderContext) {
  const customers = readSheet(ctx.spreadsheet, 'customers', CUSTOMER_KEYS, ['id'], ctx.t);
  return { customers, records: readCustomers(customers.table, { timeZone: ctx.timeZone }) };
}

function markCustomerContacted(
  ctx: ReminderContext,
  request: MarkDoneRequest,
  user: string,
  manager: boolean,
): { customer: string } {
  const { customers, records } = customerRecords(ctx);
  const wanted = String(request.customerId ?? '').trim();
  const record = records.find((c) => wanted !== '' && sameEmail(c.id, wanted));
  if (!record) throw new Error(ctx.t('myfu.notFound'));
  if (!manager && !sameEmail(record.owner, user))
    throw new Error(ctx.t('myfu.notYours', { owner: record.owner }));
  const column = customers.table.columns.lastContact;
  if (column === undefined)
    throw new Error(
      ctx.t('common.missingColumn', { sheet: customers.sheet.getName(), column: 'lastContact' }),
    );
  // A date cell holds local midnight; writing the day as a Date keeps the column's date format and sorting.
  const midnight = zoneDays(ctx.timeZone).midnightOf(dayNumberOfIso(ctx.today));
  customers.sheet.getRange(record.row, column + 1).setValue(midnight);
  return { customer: record.name };
}

/** Selects a row of Customers or Follow-ups so the user can see it (from the sidebar's "Go to row"). */
export function apiRevealReminderRow(sheetKey: 'customers' | 'followups', row: number): void {
  const ctx = reminderContext(true);
  const sheet = findReminderSheet(ctx.spreadsheet, sheetKey === 'customers' ? 'customers' : 'followups');
  if (!sheet) throw new Error(ctx.t('common.missingSheet', { sheet: sheetDisplayName(sheetKey) }));
  if (!Number.isInteger(row) || row < 2 || row > sheet.getLastRow()) throw new Error(ctx.t('myfu.notFound'));
  sheet.activate();
  sheet.setActiveRange(sheet.getRange(row, 1, 1, Math.max(1, sheet.getLastColumn())));
}
