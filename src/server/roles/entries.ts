/**
 * Keeping protections in step with Settings → managers as soon as Settings is edited: set-up installs one
 * installable on-edit trigger per person who runs it (never two); it runs as that person (the owner or a manager,
 * an editor of the protections) and makes owner + managers the editors of every SalesDesk protection.
 */
import { findSheet } from '../adapters/workbook';
import { executionContext, LOCALE_OVERRIDE_PROPERTY, refreshExecutionContext } from '../context';
import { syncProtectionEditors } from '../protections';
import { recordSheetStageEdits } from '../opportunities/edit';

/** The handler set-up installs as the spreadsheet's on-edit trigger. */
export const SETTINGS_EDIT_HANDLER = 'onSettingsEdit';

/**
 * Installs the on-edit trigger for the running user unless they already have one (getProjectTriggers lists only
 * their own). Best effort: without it the next manager action syncs the editors.
 * @returns true when a trigger was installed now.
 */
export function installSettingsEditTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  try {
    const exists = ScriptApp.getProjectTriggers().some(
      (trigger) => trigger.getHandlerFunction() === SETTINGS_EDIT_HANDLER,
    );
    if (exists) return false;
    ScriptApp.newTrigger(SETTINGS_EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
    return true;
  } catch (error) {
    console.warn(`SalesDesk: could not install the Settings on-edit trigger: ${(error as Error).message}`);
    return false;
  }
}

/**
 * Installable on-edit trigger: after an edit of the Settings sheet, the protections' editors follow the managers
 * and the menus follow the language; a stage typed into Opportunities is recorded in Stage history
 * (src/server/opportunities/edit.ts). Edits elsewhere cost two sheet look-ups.
 * @param e the edit event (range of the edited cells).
 * @returns whether the edit was on Settings and every protection now has the right editors.
 */
export function onSettingsEdit(e: GoogleAppsScript.Events.SheetsOnEdit): {
  settings: boolean;
  synced: boolean;
  stageChanges?: number;
} {
  const context = executionContext();
  // The same (only) on-edit trigger records stage changes typed into Opportunities (src/server/opportunities/edit.ts).
  const stages = recordSheetStageEdits(context, e);
  if (stages) return { settings: false, synced: false, ...stages };
  const settingsSheet = findSheet(context.spreadsheet, 'settings');
  const edited = e?.range?.getSheet?.();
  if (!settingsSheet || !edited || edited.getSheetId() !== settingsSheet.getSheetId())
    return { settings: false, synced: false };
  const fresh = refreshExecutionContext();
  PropertiesService.getDocumentProperties().setProperty(LOCALE_OVERRIDE_PROPERTY, fresh.settings.locale);
  return { settings: true, synced: syncProtectionEditors(fresh, true) };
}
