/**
 * The one alert helper: a message box in the spreadsheet when there is a UI, else a log line. Menu items, the
 * entry-point guard and the reminders menu use it; the value the caller returns carries the outcome either way.
 */

/**
 * Shows `message` in a Sheets alert (with `title` and an OK button when a title is given). With no UI (the CLI, a
 * trigger, a script run) `getUi()` throws: the message goes to the log instead.
 * @param message the text, in the user's language.
 * @param title an optional title line above it.
 */
export function alert(message: string, title?: string): void {
  try {
    const ui = SpreadsheetApp.getUi();
    if (title === undefined) ui.alert(message);
    else ui.alert(title, message, ui.ButtonSet.OK);
  } catch {
    console.log(title === undefined ? message : `${title}\n${message}`);
  }
}
