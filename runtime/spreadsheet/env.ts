/** What the spreadsheet half of the runtime needs from the rest of it (R2's execution host). */
import type { CustomFunctionHost } from './formula-engine';
import type { WorkbookStore } from './store';

export type { CustomFunctionHost };

export interface SpreadsheetEnv {
  store: WorkbookStore;
  ui: GoogleAppsScript.Base.Ui;
  toast(msg: string, title?: string, timeoutSeconds?: number): void;
  activeUserEmail(): string;
  /** The bundle's @customfunction functions, computed inside formulas. */
  customFunctions?: CustomFunctionHost;
  /** True inside a custom function: writes throw Apps Script's permission error. */
  readOnly?: boolean;
  /** The runtime's (fake) clock, used by TODAY()/NOW(). Defaults to the real clock. */
  now?: () => Date;
  /**
   * The Date constructor of the script's realm (the vm context running the bundle), so Dates returned by
   * getValues() pass `instanceof Date` inside the bundle. Defaults to Node's Date.
   */
  dateConstructor?: DateConstructor;
}
