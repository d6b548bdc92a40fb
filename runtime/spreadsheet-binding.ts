/**
 * The seam to the Spreadsheet half of the runtime (runtime/spreadsheet): the workbook store, SpreadsheetApp over
 * it, and .xlsx load/save (looked up when used, so the rest works while that part is being built).
 */
import * as spreadsheet from './spreadsheet';
import type { CustomFunctionHost, SpreadsheetEnv, WorkbookStore } from './spreadsheet';

export { createSpreadsheetApp, WorkbookStore } from './spreadsheet';
export type { CustomFunctionHost, SpreadsheetEnv };

interface XlsxFunctions {
  loadWorkbookXlsx(
    file: string,
    options?: { timeZone?: string; locale?: string; owner?: string },
  ): Promise<WorkbookStore>;
  saveWorkbookXlsx(store: WorkbookStore, file: string): Promise<void>;
}

export function xlsx(): XlsxFunctions {
  const module = spreadsheet as unknown as Partial<XlsxFunctions>;
  if (typeof module.loadWorkbookXlsx !== 'function' || typeof module.saveWorkbookXlsx !== 'function') {
    throw new Error('local runtime: .xlsx load/save is not available yet (runtime/spreadsheet)');
  }
  return module as XlsxFunctions;
}
