/**
 * Who may do what. Managers are the e-mails listed in Settings → managers plus the spreadsheet owner; they
 * assign, undo, change settings, refresh the dashboard and back up. Reps see and edit their own customers.
 * Pure: the server passes in the user, the owner and the Settings value.
 */

export type Role = 'manager' | 'rep';

/** Splits a comma/semicolon/whitespace/"、"-separated e-mail list into lower-case addresses. */
export function parseEmailList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(parseEmailList);
  return String(value ?? '')
    .split(/[\s,;，；、]+/)
    .map((email) => email.trim().toLowerCase())
    .filter((email) => email.includes('@'));
}

export function sameEmail(a: unknown, b: unknown): boolean {
  const left = String(a ?? '')
    .trim()
    .toLowerCase();
  return (
    left !== '' &&
    left ===
      String(b ?? '')
        .trim()
        .toLowerCase()
  );
}

export interface RoleFacts {
  /** The user running SalesDesk (may be '' when Google hides it from a consumer account). */
  user: string;
  /** The spreadsheet owner's e-mail, '' when unknown (a shared drive has no owner). */
  owner: string;
  /** Settings → managers, as stored in the cell. */
  managers: unknown;
}

/** True when the user is the owner or listed as a manager in Settings. An unknown user is never a manager. */
export function isManager(facts: RoleFacts): boolean {
  if (!facts.user) return false;
  if (sameEmail(facts.user, facts.owner)) return true;
  return parseEmailList(facts.managers).includes(facts.user.trim().toLowerCase());
}

export function roleOf(facts: RoleFacts): Role {
  return isManager(facts) ? 'manager' : 'rep';
}

/** A rep may see and edit a customer they own; a manager may see and edit every customer. */
export function canEditCustomer(facts: RoleFacts, customerOwner: unknown): boolean {
  return isManager(facts) || sameEmail(customerOwner, facts.user);
}

/** The rows a user may see: all for a manager, else those the user owns. */
export function visibleRows<T>(facts: RoleFacts, rows: readonly T[], ownerOf: (row: T) => unknown): T[] {
  if (isManager(facts)) return [...rows];
  return rows.filter((row) => sameEmail(ownerOf(row), facts.user));
}

/**
 * Who may edit what SalesDesk protects (Settings, Lists, Reps, the Assignment log): the owner and every
 * manager of Settings, lower-case, owner first, no blanks, no repeats.
 */
export function protectionEditors(owner: string, managers: unknown): string[] {
  const all = [owner.trim().toLowerCase(), ...parseEmailList(managers)];
  return [...new Set(all.filter((email) => email !== ''))];
}

/** "owner@x, a@x, b@x" (the owner first) for messages that name who can do something. */
export function managersDescription(owner: string, managers: unknown): string {
  const names = protectionEditors(owner, managers);
  return names.length > 0 ? names.join(', ') : '—';
}
