/** Shapes agreed with runtime/spreadsheet (R1): the environment SpreadsheetApp runs in. */

/** The workbook: sheets, values, formulas (HyperFormula), validations, protections. Owned by the host thread. */
export interface WorkbookStore {
  sheetValues(name: string): unknown[][];
  /** Volatile formulas (TODAY/NOW) recompute on next read. */
  recalculate(): void;
}

/** The bundle's @customfunctions, as the formula engine calls them. */
export interface CustomFunctionHost {
  list(): { name: string; params: string[] }[];
  call(name: string, args: unknown[]): unknown;
}

export interface SpreadsheetEnv {
  store: WorkbookStore;
  ui: GoogleAppsScript.Base.Ui;
  toast(message: string, title?: string, timeoutSeconds?: number): void;
  activeUserEmail(): string;
  customFunctions?: CustomFunctionHost;
  /** Custom functions see the Spreadsheet service read-only. */
  readOnly?: boolean;
  /** The fake clock, for TODAY()/NOW(). */
  now?: () => Date;
}

export interface SpreadsheetModule {
  WorkbookStore: { empty(options?: { timeZone?: string; locale?: string; owner?: string }): WorkbookStore };
  createSpreadsheetApp(env: SpreadsheetEnv): GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  loadWorkbookXlsx(file: string, options?: { timeZone?: string; locale?: string }): Promise<WorkbookStore>;
  saveWorkbookXlsx(store: WorkbookStore, file: string): Promise<void>;
}
