/**
 * The document lock around writes several people can trigger at once (sidebar saves, imports, backups): a
 * second run waits, and past the wait gets the localised "busy" message instead of writing over the first.
 */
import type { Translate } from '../core/i18n';

/** How long a run waits for another to finish: well inside a sidebar call's patience. */
export const DOCUMENT_LOCK_WAIT_MS = 30_000;

/**
 * Runs `task` holding the document lock, flushing its writes before the lock is released.
 * @throws Error (localised) when another run holds the lock for too long.
 */
export function withDocumentLock<T>(t: Translate, task: () => T, waitMs = DOCUMENT_LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(waitMs);
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
