/**
 * The one daily trigger. Turning reminders on removes any trigger of ours first and installs exactly one at
 * Settings → reminderHour in the spreadsheet's time zone (so turning on twice, or again after changing the hour,
 * leaves one); turning off removes it. The document property salesdesk.remind.on mirrors the state for the menu,
 * which cannot query triggers while the add-on runs without authorisation.
 */
import { reminderSettings } from '../../core/reminders';
import { buildMenu, REMINDERS_ON_PROPERTY } from '../menu';
import type { ReminderContext } from './context';

export const DAILY_HANDLER = 'onDailyReminders';
/**
 * Who installed the trigger. Triggers belong to a user: another manager cannot see or delete it, so turning off
 * must say whose it is instead of pretending reminders are off.
 */
export const REMINDERS_OWNER_PROPERTY = 'salesdesk.remind.owner';

function ourTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((trigger) => trigger.getHandlerFunction() === DAILY_HANDLER);
}

/** True when the daily reminder trigger is installed (for the menu label). */
export function remindersAreOn(): boolean {
  try {
    return ourTriggers().length > 0;
  } catch {
    // Without authorisation (onOpen in AuthMode.NONE) fall back to the mirrored property.
    try {
      return PropertiesService.getDocumentProperties().getProperty(REMINDERS_ON_PROPERTY) === 'true';
    } catch {
      return false;
    }
  }
}

function rebuildMenu(): void {
  try {
    buildMenu(ScriptApp.AuthMode.FULL);
  } catch {
    // No UI in a trigger or a headless run: the label refreshes on the next open.
  }
}

/**
 * Installs the daily trigger (replacing ours if present).
 * @returns the hour it runs at.
 * @throws Error (localised) when Google refuses more triggers.
 */
export function installDailyTrigger(ctx: ReminderContext, user: string): number {
  const hour = reminderSettings(ctx.settings, ctx.spreadsheet.getSpreadsheetLocale()).reminderHour;
  for (const trigger of ourTriggers()) ScriptApp.deleteTrigger(trigger);
  try {
    ScriptApp.newTrigger(DAILY_HANDLER)
      .timeBased()
      .everyDays(1)
      .atHour(hour)
      .inTimezone(ctx.timeZone)
      .create();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/too many triggers/i.test(text)) throw new Error(ctx.t('remind.tooManyTriggers'));
    throw error;
  }
  PropertiesService.getDocumentProperties().setProperties({
    [REMINDERS_ON_PROPERTY]: 'true',
    [REMINDERS_OWNER_PROPERTY]: user,
  });
  rebuildMenu();
  return hour;
}

export interface RemoveOutcome {
  removed: number;
  /** Set when the trigger belongs to another user, who alone can remove it; nothing was changed then. */
  ownedBy?: string;
}

/** Removes the current user's daily trigger (and any pending continuation). */
export function removeDailyTrigger(user: string): RemoveOutcome {
  const properties = PropertiesService.getDocumentProperties();
  const triggers = ourTriggers();
  const owner = properties.getProperty(REMINDERS_OWNER_PROPERTY) ?? '';
  const onByOther =
    triggers.length === 0 &&
    owner !== '' &&
    owner !== user &&
    properties.getProperty(REMINDERS_ON_PROPERTY) === 'true';
  if (onByOther) return { removed: 0, ownedBy: owner };
  for (const trigger of ScriptApp.getProjectTriggers())
    if (trigger.getHandlerFunction() === 'onRemindersContinue') ScriptApp.deleteTrigger(trigger);
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  properties.deleteProperty(REMINDERS_ON_PROPERTY);
  properties.deleteProperty(REMINDERS_OWNER_PROPERTY);
  rebuildMenu();
  return { removed: triggers.length };
}
