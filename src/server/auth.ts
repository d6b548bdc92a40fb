/**
 * Role checks for every entry point (issue 7): managers are the e-mails in Settings → managers plus the
 * spreadsheet owner (src/core/roles.ts decides; this reads the facts). Only managers assign, undo, change
 * settings, refresh the dashboard and back up.
 *
 *   requireManager()            // throws AccessDeniedError with the localised explanation
 *   if (!refuseUnlessManager()) return;   // in a menu handler: shows the explanation as an alert instead
 */
import type { Translate } from '../core/i18n';
import { isManager, type RoleFacts } from '../core/roles';
import { currentTranslator, currentUserEmail } from './context';
import { readSettings } from './adapters/workbook';

/** Thrown when a rep runs a manager action; its message is the localised explanation. */
export class AccessDeniedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}

/** The owner's e-mail, '' when unknown (a file on a shared drive has no owner). */
export function spreadsheetOwner(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return (spreadsheet.getOwner()?.getEmail() ?? '').toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Who is running and what Settings says about managers.
 * @param settings Settings already read by the caller, to spare a second read.
 */
export function currentRoleFacts(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive(),
  settings?: { managers?: unknown },
): RoleFacts {
  const values = settings ?? readSettings(spreadsheet).settings;
  return { user: currentUserEmail(), owner: spreadsheetOwner(spreadsheet), managers: values.managers };
}

export function currentUserIsManager(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive(),
  settings?: { managers?: unknown },
): boolean {
  return isManager(currentRoleFacts(spreadsheet, settings));
}

/**
 * Stops a manager-only action run by anyone else.
 * @throws AccessDeniedError (localised) when the current user is not a manager.
 */
export function requireManager(
  t: Translate = currentTranslator(),
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive(),
  settings?: { managers?: unknown },
): void {
  if (!currentUserIsManager(spreadsheet, settings)) throw new AccessDeniedError(t('common.notManager'));
}

/**
 * For menu handlers: true when the user is a manager; otherwise shows the explanation in an alert and returns
 * false, so the handler ends quietly instead of with Apps Script's red error bar.
 */
export function refuseUnlessManager(
  t: Translate = currentTranslator(),
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive(),
  settings?: { managers?: unknown },
): boolean {
  if (currentUserIsManager(spreadsheet, settings)) return true;
  SpreadsheetApp.getUi().alert(t('common.notManager'));
  return false;
}
