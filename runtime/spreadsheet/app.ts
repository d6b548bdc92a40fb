/** SpreadsheetApp for one execution, over a WorkbookStore. */
import { ConditionalFormatRuleBuilderImpl } from './conditional-format';
import { SpreadsheetContext } from './context';
import type { SpreadsheetEnv } from './env';
import { SPREADSHEET_ENUMS } from './generated-members';
import { DataValidationBuilderImpl } from './validation';
// Registers the Range/Sheet/Spreadsheet factories on SpreadsheetContext.
import './range';
import './sheet';
import './spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function enumObject(name: string): Record<string, string> {
  return Object.freeze(Object.fromEntries((SPREADSHEET_ENUMS[name] ?? []).map((v) => [v, v])));
}

class SpreadsheetAppImpl {
  constructor(private readonly ctx: SpreadsheetContext) {
    for (const name of Object.keys(SPREADSHEET_ENUMS)) {
      Object.defineProperty(this, name, { value: enumObject(name), enumerable: true });
    }
    Object.defineProperty(this, 'ColorType', {
      value: Object.freeze({ UNSUPPORTED: 'UNSUPPORTED', RGB: 'RGB', THEME: 'THEME' }),
      enumerable: true,
    });
  }

  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.ctx.spreadsheet();
  }
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.ctx.spreadsheet();
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.ctx.spreadsheet().getActiveSheet();
  }
  getActiveRange(): GoogleAppsScript.Spreadsheet.Range | null {
    return this.ctx.spreadsheet().getActiveRange();
  }
  getCurrentCell(): GoogleAppsScript.Spreadsheet.Range | null {
    return this.ctx.spreadsheet().getActiveCell();
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Sheet {
    return sheet.activate();
  }
  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.Range {
    return range.activate();
  }
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (id === this.ctx.store.data.id) return this.ctx.spreadsheet();
    const copy = this.ctx.store.copies.find((c) => c.data.id === id);
    if (copy) return new SpreadsheetContext({ ...this.ctx.env, store: copy }).spreadsheet();
    throw new Error(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return this.ctx.env.ui;
  }
  /** Writes are applied at once locally; flush has nothing to commit (its cost is modelled by the caller). */
  flush(): void {
    /* every write is already applied to the store */
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new DataValidationBuilderImpl(
      this.ctx,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilderImpl(
      this.ctx,
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }
}

/**
 * Creates the SpreadsheetApp global for one execution. Wires the env's clock and custom functions into
 * formula evaluation of the store.
 */
export function createSpreadsheetApp(env: SpreadsheetEnv): App {
  env.store.setFormulaHost({ now: env.now, customFunctions: env.customFunctions });
  return new SpreadsheetAppImpl(new SpreadsheetContext(env)) as unknown as App;
}
