/**
 * Routing to the account owner (issue 14 §4): a new lead whose company, e-mail domain (free-mail domains aside,
 * src/core/assign/freemail.ts) or phone (src/core/validation/phone.ts) matches an existing customer with an owner
 * goes to that owner. The index is built once per run from the one read of Customers: three Maps, so 50 000
 * customers cost one pass and each lead three look-ups.
 *
 * Matching is case- and width-insensitive: NFKC folds full-width Latin letters, digits and punctuation
 * (`ＡＢＣ（上海）` = `abc(上海)`), then spaces and punctuation are dropped, so `ABC Co., Ltd.` = `abc co ltd`.
 */
import { sameEmail } from '../roles';
import { normalizePhone } from '../validation/phone';
import { isFreeMailDomain } from './freemail';

export type AccountMatchBy = 'company' | 'domain' | 'phone';

/** The existing customer a lead matched, and its owner. */
export interface AccountMatch {
  by: AccountMatchBy;
  /** The matched customer's ID (e.g. C-0123). */
  customerId: string;
  /** Its owner, lower-case e-mail. */
  owner: string;
}

/** What the index needs of one customer row. */
export interface AccountRow {
  customerId: string;
  company: unknown;
  email: unknown;
  phone: unknown;
  /** Lower-case e-mail; rows without an owner are not indexed. */
  owner: string;
}

export interface AccountIndex {
  company: Map<string, AccountMatch>;
  domain: Map<string, AccountMatch>;
  phone: Map<string, AccountMatch>;
}

/** NFKC only when needed: ICU normalisation is the slow part of 50 000 rows, and ASCII text is already NFKC. */
export function foldWidth(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text;
}

/** Width-, case- and punctuation-insensitive form of a company name ('' when nothing is left). */
export function companyKey(value: unknown): string {
  const text = foldWidth(String(value ?? '')).toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return text.replace(/[^a-z0-9]+/g, '');
  return text.replace(/[\s\p{P}\p{S}]+/gu, '');
}

const freeMemo = new Map<string, boolean>();

/** The domain of an e-mail address, NFKC and lower case; '' for no address or a free-mail domain. */
export function companyDomain(value: unknown): string {
  const raw = String(value ?? '');
  const at = raw.lastIndexOf('@');
  const text = at < 0 && !raw.includes('＠') ? '' : foldWidth(raw).trim().toLowerCase();
  const sign = text.lastIndexOf('@');
  if (sign < 1) return '';
  const domain = text
    .slice(sign + 1)
    .replace(/[>\s].*$/, '')
    .replace(/\.+$/, '');
  if (!/^[a-z0-9.-]+\.[a-z0-9-]{2,}$/.test(domain)) return '';
  let free = freeMemo.get(domain);
  if (free === undefined) {
    free = isFreeMailDomain(domain);
    // Bounded: a run meets at most one entry per distinct domain; a huge sheet of distinct domains stops caching.
    if (freeMemo.size < 100_000) freeMemo.set(domain, free);
  }
  return free ? '' : domain;
}

/** A phone in comparable form, '' when too short to identify anyone (fewer than 7 digits). */
export function phoneKey(value: unknown): string {
  if (value === '' || value === null || value === undefined) return '';
  const text = foldWidth(String(value));
  const normal = normalizePhone(text);
  return normal.replace(/\D/g, '').length >= 7 ? normal : '';
}

/**
 * Builds the index from the customers that have an owner, in sheet order: when two customers share a key the
 * first one's owner is kept (the longest-standing account, as rows are appended).
 */
export function buildAccountIndex(rows: Iterable<AccountRow>): AccountIndex {
  const index: AccountIndex = { company: new Map(), domain: new Map(), phone: new Map() };
  for (const row of rows) {
    if (row.owner === '') continue;
    const add = (map: Map<string, AccountMatch>, key: string, by: AccountMatchBy) => {
      if (key !== '' && !map.has(key)) map.set(key, { by, customerId: row.customerId, owner: row.owner });
    };
    add(index.company, companyKey(row.company), 'company');
    add(index.domain, companyDomain(row.email), 'domain');
    add(index.phone, phoneKey(row.phone), 'phone');
  }
  return index;
}

/**
 * The account a lead belongs to: same company first, then same e-mail domain, then same phone; null when none.
 * @param exclude an owner never to route to (a lead's current owner is irrelevant for new leads, but a caller may
 *   pass one).
 */
export function findAccount(
  index: AccountIndex,
  lead: { company: unknown; email: unknown; phone: unknown },
  exclude = '',
): AccountMatch | null {
  const candidates = [
    index.company.get(companyKey(lead.company)),
    index.domain.get(companyDomain(lead.email)),
    index.phone.get(phoneKey(lead.phone)),
  ];
  for (const match of candidates) {
    if (match && !(exclude !== '' && sameEmail(match.owner, exclude))) return match;
  }
  return null;
}
