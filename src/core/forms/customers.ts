/**
 * Customer look-ups the rep forms need, over the Customers sheet read once as a Table: the picker's list (only the
 * user's own customers unless a manager), search by name / company / phone, duplicate detection before a save,
 * and the next free id. Pure: the server adapter passes the table in.
 */
import { cell, isBlankRow, type Table } from '../table';
import { normalizePhone } from '../validation/phone';

/** The customer columns the forms read (every key of CONTRACTS.md may be present in the table). */
export type CustomerTable = Table<string>;

export interface CustomerSummary {
  /** 1-based sheet row. */
  row: number;
  id: string;
  company: string;
  contact: string;
  phone: string;
  email: string;
  owner: string;
  stage: string;
  tier: string;
  lastContact: string;
  nextFollowUp: string;
}

/** Formats a Date cell for display; the server passes one bound to the spreadsheet's time zone. */
export type DateFormatter = (date: Date) => string;

/** yyyy-MM-dd in UTC: only a fallback, the server always passes the spreadsheet-zone formatter. */
export const utcDate: DateFormatter = (date) => date.toISOString().slice(0, 10);

/** A cell as trimmed text; Dates through `formatDate`, invalid dates as ''. */
export function text(value: unknown, formatDate: DateFormatter = utcDate): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDate(value);
  return String(value).trim();
}

/** Every non-blank customer row as a summary, in sheet order. */
export function customerSummaries(
  table: CustomerTable,
  formatDate: DateFormatter = utcDate,
): CustomerSummary[] {
  const out: CustomerSummary[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const get = (key: string) => text(cell(table, row, key), formatDate);
    out.push({
      row: table.firstRow + index,
      id: get('id'),
      company: get('company'),
      contact: get('contact'),
      phone: get('phone'),
      email: get('email'),
      owner: get('owner').toLowerCase(),
      stage: get('stage'),
      tier: get('tier'),
      lastContact: get('lastContact'),
      nextFollowUp: get('nextFollowUp'),
    });
  });
  return out;
}

/**
 * Digits of a phone for comparing numbers (src/core/validation/phone.ts decides what is the same number), without
 * the +86 of mainland numbers: `+86 138-0013-8000`, `13800138000` and `0086 138 0013 8000` share one key.
 */
export function phoneKey(phone: unknown): string {
  return normalizePhone(phone).replace(/^\+86/, '').replace(/\D/g, '').replace(/^0+/, '');
}

/** Case-, width- and space-insensitive text key for names and e-mails. */
export function textKey(value: unknown): string {
  return String(value ?? '')
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export type DuplicateReason = 'email' | 'phone' | 'companyContact';
export interface DuplicateMatch {
  customer: CustomerSummary;
  reasons: DuplicateReason[];
}

/**
 * Existing customers that look like the one being entered: same e-mail, same phone, or same company + contact.
 * Searches every customer (not only the user's), because a duplicate owned by another rep is the one that matters.
 */
export function findDuplicates(
  customers: readonly CustomerSummary[],
  candidate: { email?: string; phone?: string; company?: string; contact?: string },
): DuplicateMatch[] {
  const email = textKey(candidate.email);
  const phone = phoneKey(candidate.phone);
  const company = textKey(candidate.company);
  const contact = textKey(candidate.contact);
  const matches: DuplicateMatch[] = [];
  for (const customer of customers) {
    const reasons: DuplicateReason[] = [];
    if (email !== '' && textKey(customer.email) === email) reasons.push('email');
    // Short numbers (extensions, "1") would match too much to be a useful warning.
    if (phone.length >= 6 && phoneKey(customer.phone) === phone) reasons.push('phone');
    if (
      company !== '' &&
      contact !== '' &&
      textKey(customer.company) === company &&
      textKey(customer.contact) === contact
    )
      reasons.push('companyContact');
    if (reasons.length > 0) matches.push({ customer, reasons });
  }
  return matches;
}

/** Ranks `customers` against a free-text query over company, contact, phone, e-mail and id. */
export function searchCustomers(customers: readonly CustomerSummary[], query: string): CustomerSummary[] {
  const words = textKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...customers];
  const scored: { customer: CustomerSummary; score: number }[] = [];
  for (const customer of customers) {
    const haystack = textKey([customer.company, customer.contact, customer.email, customer.id].join(' '));
    const phone = phoneKey(customer.phone);
    let score = 0;
    let all = true;
    for (const word of words) {
      const digits = word.replace(/\D/g, '');
      const inPhone =
        digits.length >= 3 &&
        digits.length === word.replace(/[\s+()-]/g, '').length &&
        phone.includes(digits.replace(/^0+/, ''));
      const index = haystack.indexOf(word);
      if (index < 0 && !inPhone) {
        all = false;
        break;
      }
      // Prefer matches at the start of a name over matches inside it.
      score += inPhone ? 2 : index === 0 || haystack[index - 1] === ' ' ? 3 : 1;
    }
    if (all) scored.push({ customer, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.customer.row - b.customer.row)
    .map((entry) => entry.customer);
}

/**
 * The next id after the largest numbered id in the column, keeping its prefix and width ("C-0041" → "C-0042").
 * With no numbered id yet, `prefix` followed by 0001.
 */
export function nextId(existing: readonly unknown[], prefix: string): string {
  let best = 0;
  let width = 4;
  let usedPrefix = prefix;
  for (const value of existing) {
    const match = /^(.*?)(\d+)$/.exec(String(value ?? '').trim());
    if (!match) continue;
    const number = Number(match[2]);
    if (number > best) {
      best = number;
      width = Math.max(match[2].length, 1);
      usedPrefix = match[1];
    }
  }
  return `${usedPrefix}${String(best + 1).padStart(width, '0')}`;
}
