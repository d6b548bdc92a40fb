/** The seam to the Spreadsheet half of the runtime (runtime/spreadsheet): store, SpreadsheetApp, .xlsx. */
export {
  createSpreadsheetApp,
  WorkbookStore,
  loadWorkbookXlsx,
  loadWorkbookXlsxDocument,
  saveWorkbookXlsx,
} from './spreadsheet';
export type { CustomFunctionHost, SpreadsheetEnv } from './spreadsheet';
