/** The seam to the Spreadsheet half of the runtime (runtime/spreadsheet): store, SpreadsheetApp, .xlsx. */
export {
  createSpreadsheetApp,
  WorkbookStore,
  loadWorkbookXlsx,
  loadWorkbookXlsxDocument,
  saveWorkbookXlsx,
  defaultFormulaEngine,
} from './spreadsheet';
export type {
  CustomFunctionHost,
  SpreadsheetEnv,
  FormulaContext,
  FormulaEngineFactory,
  SpreadsheetFormulaEngine,
} from './spreadsheet';
