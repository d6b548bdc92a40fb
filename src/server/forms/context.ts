/** Per-call facts every forms entry point needs: who, in which language, which zone, and may they see everyone. */
import { resolveLocale, translator, type Locale, type Translate } from '../../core/i18n';
import { isManager } from '../../core/roles';
import { currentLocale, currentUserEmail } from '../context';
import { formatters } from './dates';
import { readSettings } from './sheets';

export interface FormsContext {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  locale: Locale;
  t: Translate;
  user: string;
  isManager: boolean;
  timeZone: string;
  settings: Record<string, unknown>;
  formatDate: (date: Date) => string;
  formatDateTime: (date: Date) => string;
}

function ownerEmail(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return (spreadsheet.getOwner()?.getEmail() ?? '').toLowerCase();
  } catch {
    return ''; // shared drives have no owner
  }
}

export function formsContext(): FormsContext {
  const spreadsheet = SpreadsheetApp.getActive();
  const settings = readSettings(spreadsheet);
  const override = String(settings.locale ?? '').trim();
  const locale = override && override !== 'auto' ? resolveLocale(null, override) : currentLocale();
  const user = currentUserEmail();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const fmt = formatters(timeZone);
  return {
    spreadsheet,
    locale,
    t: translator(locale),
    user,
    isManager: isManager({ user, owner: ownerEmail(spreadsheet), managers: settings.managers }),
    timeZone,
    settings,
    formatDate: fmt.date,
    formatDateTime: fmt.dateTime,
  };
}

/**
 * Runs `task` holding the document lock, so two reps saving at once never write the same row or id.
 * @throws Error (localised) when another run holds the lock for too long.
 */
export function withDocumentLock<T>(t: Translate, task: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(20_000);
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
