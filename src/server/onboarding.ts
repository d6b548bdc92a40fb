/**
 * The first minutes in a spreadsheet: is the workbook set up yet, the refusal (with the way forward) of anything
 * that needs it, and the Help sidebar. The menu itself reads `workbookIsSetUp` to show Set up workbook first.
 */
import type { Translate } from '../core/i18n';
import { findSheets } from './adapters/workbook';
import { currentTranslator } from './context';

/**
 * True when the active spreadsheet has the sheets every SalesDesk feature reads (Customers, Reps, Settings), in
 * either language. Read from the tab names only (one getSheets()), so onOpen can afford it.
 */
export function workbookIsSetUp(spreadsheet = SpreadsheetApp.getActive()): boolean {
  const found = findSheets(spreadsheet);
  return Boolean(found.customers && found.reps && found.settings);
}

/**
 * For entry points that open a sidebar needing the workbook: when it is not set up yet, says so with the way
 * forward (an alert) and returns false, so no form opens that would only fail on Save.
 * @param t the user's translator (default: the current user's).
 */
export function refuseUntilSetUp(t: Translate = currentTranslator()): boolean {
  if (workbookIsSetUp()) return false;
  const ui = SpreadsheetApp.getUi();
  ui.alert(t('onboarding.notSetUp.title'), t('onboarding.notSetUp'), ui.ButtonSet.OK);
  return true;
}

/** Extensions → SalesDesk → Help: what each menu item does and how to start; works before set-up too. */
export function menuHelp(): void {
  const t = currentTranslator();
  const html = HtmlService.createHtmlOutputFromFile('help').setTitle(t('help.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}
