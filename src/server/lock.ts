/**
 * The one lock helper: every write several people (or a person and a trigger) can start at once runs under the
 * document lock, so a second run waits and then re-reads what the first wrote; past its wait it gets the localised
 * "busy" message instead of writing over the first. One documented wait per kind of action.
 */
import type { Translate } from '../core/i18n';

/** What kind of action waits: it decides how long waiting is still better than saying "busy". */
export type LockKind = 'save' | 'action' | 'background';

/**
 * How long each kind waits for another run to finish (LockService waits at most this long):
 *  - save: a sidebar save (new customer, follow-up, deal, mark done): 20 s keeps the sidebar responsive;
 *  - action: a menu action or a manager's confirm (set-up, assign, undo, import, tiers, checks, backup): 30 s,
 *    well inside a google.script.run call's patience;
 *  - background: a trigger (form intake, daily reminders): nobody waits on the screen, so up to 60 s (inside
 *    the 6-minute execution limit, leaving the reminder run its sending time) rather than dropping a form
 *    response or a day's digests.
 */
export const LOCK_WAIT_MS: Readonly<Record<LockKind, number>> = {
  save: 20_000,
  action: 30_000,
  background: 60_000,
};

/**
 * Runs `task` holding the document lock, flushing its writes before the lock is released.
 * @throws Error (localised "busy") when another run holds the lock longer than the kind's wait.
 */
export function withLock<T>(t: Translate, kind: LockKind, task: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS[kind]);
  } catch {
    throw new Error(t('common.busy'));
  }
  try {
    const result = task();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
