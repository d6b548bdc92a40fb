/**
 * Protections that follow the team. SalesDesk's managers-only protections (Settings, Lists, Reps, the Assignment
 * log, any SalesDesk sheet protected for managers) always have the owner and the current managers of Settings as
 * editors: set-up applies that, every action a manager runs re-applies it when the team changed, and the
 * on-edit trigger does it as soon as Settings is edited. Only an editor of a protection may change its editors
 * (developers.google.com/apps-script/reference/spreadsheet/protection: the owner can always edit), so a manager
 * typed into Settings becomes an editor through the owner's or another manager's run, never through their own.
 *
 * And before a multi-block write: `requireWritable` checks the user may edit every sheet the action will touch, so
 * an action that would fail half-way on a protection writes nothing and says who can fix it.
 */
import { isOwnProtection } from '../core/setup/formats';
import { protectionEditors } from '../core/roles';
import { SHEETS, type SheetKey } from '../../templates';
import { findSheets } from './adapters/workbook';
import type { ExecutionContext } from './context';
import { AccessDeniedError } from './auth';

/** Document property: the editor list last applied to every SalesDesk protection (spares the reads when unchanged). */
export const PROTECTION_EDITORS_PROPERTY = 'salesdesk.protection.editors';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

/**
 * Makes `editors` exactly the protection's editors (the owner stays an editor whatever happens) and turns off
 * domain-wide editing.
 */
export function restrictEditors(protection: Protection, editors: readonly string[]): void {
  const current = protection.getEditors().map((user) => user.getEmail().toLowerCase());
  const remove = current.filter((email) => email !== '' && !editors.includes(email));
  if (remove.length > 0) protection.removeEditors(remove);
  const add = editors.filter((email) => !current.includes(email));
  if (add.length > 0) protection.addEditors(add);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/** SalesDesk's own hard (not warning-only) protections of the spreadsheet. */
function ownHardProtections(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Protection[] {
  return [
    ...spreadsheet.getProtections(SpreadsheetApp.ProtectionType.SHEET),
    ...spreadsheet.getProtections(SpreadsheetApp.ProtectionType.RANGE),
  ].filter((protection) => isOwnProtection(protection.getDescription()) && !protection.isWarningOnly());
}

/**
 * Brings every SalesDesk managers-only protection to owner + managers of Settings. One property read when
 * nothing changed since the last sync; otherwise the protections are read and fixed, and the new list recorded
 * only when every one of them could be fixed (a protection this user may not edit waits for someone who may).
 * @param force true after set-up, which has just (re-)created protections.
 * @returns true when every protection now has the right editors.
 */
export function syncProtectionEditors(context: ExecutionContext, force = false): boolean {
  if (!context.settingsRead.sheet) return false; // not set up: nothing of ours to protect yet
  const editors = protectionEditors(context.owner, context.settings.managers);
  const fingerprint = editors.join(',');
  const properties = PropertiesService.getDocumentProperties();
  if (!force && properties.getProperty(PROTECTION_EDITORS_PROPERTY) === fingerprint) return true;
  const protections = ownHardProtections(context.spreadsheet);
  // Nothing of ours is protected (set-up not run yet): nothing to record, set-up will.
  if (protections.length === 0) return true;
  let complete = true;
  for (const protection of protections) {
    if (!protection.canEdit()) {
      complete = false;
      continue;
    }
    restrictEditors(protection, editors);
  }
  if (complete) properties.setProperty(PROTECTION_EDITORS_PROPERTY, fingerprint);
  return complete;
}

/**
 * Checks, before anything is written, that the current user may edit every listed sheet (hard protections of the
 * sheet or of ranges on it; warning-only ones do not stop a script).
 * @throws AccessDeniedError naming the sheets and who can fix it (the owner and the managers who are editors).
 */
export function requireWritable(context: ExecutionContext, keys: readonly SheetKey[]): void {
  const found = findSheets(context.spreadsheet);
  const wanted = new Map<number, string>();
  for (const key of keys) {
    const sheet = found[key];
    if (sheet) wanted.set(sheet.getSheetId(), sheet.getName());
  }
  if (wanted.size === 0) return;
  const blocked = new Set<string>();
  const fixers = new Set<string>(context.owner ? [context.owner] : []);
  for (const protection of [
    ...context.spreadsheet.getProtections(SpreadsheetApp.ProtectionType.SHEET),
    ...context.spreadsheet.getProtections(SpreadsheetApp.ProtectionType.RANGE),
  ]) {
    if (protection.isWarningOnly()) continue;
    const name = wanted.get(protection.getRange().getSheet().getSheetId());
    if (name === undefined || protection.canEdit()) continue;
    blocked.add(name);
    const managers = protectionEditors('', context.settings.managers);
    for (const user of protection.getEditors()) {
      const email = user.getEmail().toLowerCase();
      if (managers.includes(email)) fixers.add(email);
    }
  }
  if (blocked.size === 0) return;
  // Someone who is not a manager never becomes an editor: a manager has to do it.
  if (!context.isManager && context.kind === 'user')
    throw new AccessDeniedError(
      context.t('roles.cannotWriteAskManager', {
        ranges: [...blocked].join(', '),
        managers: [...fixers].join(', ') || SHEETS.settings.names[context.locale],
      }),
    );
  throw new AccessDeniedError(
    context.t('roles.cannotWrite', {
      ranges: [...blocked].join(', '),
      fixers: [...fixers].join(', ') || SHEETS.settings.names[context.locale],
    }),
  );
}
