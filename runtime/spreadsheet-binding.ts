/**
 * The seam to the Spreadsheet half of the runtime (runtime/spreadsheet, built alongside): the workbook store,
 * SpreadsheetApp over it, and .xlsx load/save. Loaded lazily so the execution half works and tests run on
 * their own while the spreadsheet half is being built.
 */
import type {
  CustomFunctionHost,
  SpreadsheetEnv,
  SpreadsheetModule,
  WorkbookStore,
} from './spreadsheet-types';

let cached: SpreadsheetModule | undefined;

export function spreadsheetModule(): SpreadsheetModule {
  if (!cached) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cached = require('./spreadsheet') as SpreadsheetModule;
  }
  return cached;
}

export type { CustomFunctionHost, SpreadsheetEnv, WorkbookStore };
