/** The spreadsheet half of the local Apps Script runtime. */
export { createSpreadsheetApp } from './app';
export type { SpreadsheetEnv, CustomFunctionHost } from './env';
export { WorkbookStore } from './store';
export type {
  ConditionalFormatMatch,
  EmptyWorkbookOptions,
  FormulaHost,
  ValidationFailure,
  WorkbookStoreOptions,
} from './store';
export { addressKey, defaultFormulaEngine, errorText, FORMULA_ERROR_TYPES } from './formula-engine';
export type {
  FormulaCellContent,
  FormulaCellValue,
  FormulaContext,
  FormulaEngineFactory,
  FormulaEngineSheet,
  FormulaError,
  FormulaNamedExpression,
  SpreadsheetFormulaEngine,
} from './formula-engine';
export type * from './types';
export { chartEnums } from './charts';
export { dateToSerial, serialToDate } from './dates';
export { columnToLetters, lettersToColumn } from './a1';
export {
  DEFAULT_META_SHEET,
  loadWorkbookXlsx,
  loadWorkbookXlsxDocument,
  saveWorkbookXlsx,
  workbookXlsxBuffer,
} from './xlsx';
export type { LoadedDocument, LoadOptions, SaveOptions } from './xlsx';
