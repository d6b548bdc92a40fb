import { createSpreadsheetApp, WorkbookStore, type CustomFunctionHost } from '../../../runtime/spreadsheet';

export interface Harness {
  store: WorkbookStore;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  toasts: string[];
}

export function harness(
  options: {
    store?: WorkbookStore;
    timeZone?: string;
    locale?: string;
    now?: () => Date;
    customFunctions?: CustomFunctionHost;
    readOnly?: boolean;
    user?: string;
  } = {},
): Harness {
  const store =
    options.store ??
    WorkbookStore.empty({
      name: 'Test',
      timeZone: options.timeZone ?? 'Asia/Shanghai',
      locale: options.locale ?? 'en_US',
    });
  const toasts: string[] = [];
  const app = createSpreadsheetApp({
    store,
    ui: {} as GoogleAppsScript.Base.Ui,
    toast: (msg) => toasts.push(msg),
    activeUserEmail: () => options.user ?? 'owner@example.com',
    now: options.now,
    customFunctions: options.customFunctions,
    readOnly: options.readOnly,
  });
  const ss = app.getActiveSpreadsheet();
  return { store, app, ss, sheet: ss.getSheets()[0], toasts };
}
