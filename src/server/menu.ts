/**
 * The add-on menu. onOpen runs as a simple trigger (possibly in AuthMode.NONE before the add-on is enabled in
 * this document), so it only reads what that mode allows and never fails the open.
 */
import { salesDeskMenu, type MenuEntry } from '../core/menu';
import { translator, type Locale } from '../core/i18n';
import { currentLocale } from './context';
import { workbookIsSetUp } from './onboarding';

/** Document property set while the daily reminder trigger is installed (written by the reminders module). */
export const REMINDERS_ON_PROPERTY = 'salesdesk.remind.on';

function remindersOn(authMode: GoogleAppsScript.Script.AuthMode | undefined): boolean {
  if (authMode === ScriptApp.AuthMode.NONE) return false;
  try {
    return PropertiesService.getDocumentProperties().getProperty(REMINDERS_ON_PROPERTY) === 'true';
  } catch {
    return false;
  }
}

/**
 * Whether to show the set-up menu or the full one. In AuthMode.NONE (the add-on not yet used in this document) the
 * sheets cannot be read: the full menu is shown, and every item that needs set-up says so when chosen.
 */
function setUpFor(authMode: GoogleAppsScript.Script.AuthMode | undefined): boolean {
  if (authMode === ScriptApp.AuthMode.NONE) return true;
  try {
    return workbookIsSetUp();
  } catch {
    return true;
  }
}

function localeFor(authMode: GoogleAppsScript.Script.AuthMode | undefined): Locale {
  if (authMode === ScriptApp.AuthMode.NONE) return 'en';
  return currentLocale();
}

function addEntries(
  menu: GoogleAppsScript.Base.Menu,
  entries: MenuEntry[],
  ui: GoogleAppsScript.Base.Ui,
  t: (key: string) => string,
): void {
  for (const entry of entries) {
    if (entry.kind === 'separator') menu.addSeparator();
    else if (entry.kind === 'item') menu.addItem(t(entry.labelKey), entry.handler);
    else {
      const sub = ui.createMenu(t(entry.labelKey));
      addEntries(sub, entry.items, ui, t);
      menu.addSubMenu(sub);
    }
  }
}

/**
 * Builds the SalesDesk menu; rebuilt after set-up (the full menu replaces the set-up menu) and after reminders are
 * turned on or off (the label shows the state).
 */
export function buildMenu(authMode?: GoogleAppsScript.Script.AuthMode): void {
  const ui = SpreadsheetApp.getUi();
  const t = translator(localeFor(authMode));
  const menu = ui.createAddonMenu();
  addEntries(menu, salesDeskMenu({ remindersOn: remindersOn(authMode), setUp: setUpFor(authMode) }), ui, t);
  menu.addToUi();
}

/**
 * Simple trigger: adds the SalesDesk menu when the spreadsheet opens.
 * @param e the open event; its authMode says what the add-on may touch.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e?.authMode);
}

/**
 * Runs when the add-on is installed: show the menu at once, without a reload.
 * @param e the install event.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
