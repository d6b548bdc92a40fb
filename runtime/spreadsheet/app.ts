/** SpreadsheetApp for one execution, over a WorkbookStore. */
import { ConditionalFormatRuleBuilderImpl } from './conditional-format';
import { SpreadsheetContext } from './context';
import type { SpreadsheetEnv } from './env';
import { SPREADSHEET_ENUMS } from './generated-members';
import { DataValidationBuilderImpl } from './validation';
import { WorkbookStore } from './store';
import { TextStyleBuilderImpl } from './text-style';

/** Spreadsheets made with SpreadsheetApp.create, per workbook the runtime runs over (so openById finds them). */
const created = new WeakMap<WorkbookStore, WorkbookStore[]>();
function createdWith(store: WorkbookStore): WorkbookStore[] {
  let list = created.get(store);
  if (!list) created.set(store, (list = []));
  return list;
}
// Registers the Range/Sheet/Spreadsheet factories on SpreadsheetContext.
import './range';
import './sheet';
import './spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function enumObject(name: string): Record<string, string> {
  return Object.freeze(Object.fromEntries((SPREADSHEET_ENUMS[name] ?? []).map((v) => [v, v])));
}

/**
 * SpreadsheetApp's enums, built once: they are frozen (nothing a script does can change them), so every
 * execution's SpreadsheetApp can hold the same objects instead of building some fifty per execution.
 */
let sharedEnums: [string, Readonly<Record<string, string>>][] | undefined;
function spreadsheetEnums(): [string, Readonly<Record<string, string>>][] {
  sharedEnums ??= [
    ...Object.keys(SPREADSHEET_ENUMS).map((name): [string, Record<string, string>] => [
      name,
      enumObject(name),
    ]),
    ['ColorType', Object.freeze({ UNSUPPORTED: 'UNSUPPORTED', RGB: 'RGB', THEME: 'THEME' })],
  ];
  return sharedEnums;
}

class SpreadsheetAppImpl {
  constructor(private readonly ctx: SpreadsheetContext) {
    for (const [name, value] of spreadsheetEnums()) {
      Object.defineProperty(this, name, { value, enumerable: true });
    }
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
  /** This workbook, a copy of it (Spreadsheet.copy) or a spreadsheet made with create(). */
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const found = this.find(String(id));
    if (found) return found;
    throw new Error(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  }
  private find(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet | undefined {
    if (id === this.ctx.store.data.id) return this.ctx.spreadsheet();
    const other = [...this.ctx.store.copies, ...createdWith(this.ctx.store)].find((c) => c.data.id === id);
    return other ? new SpreadsheetContext({ ...this.ctx.env, store: other }).spreadsheet() : undefined;
  }
  /** reference/spreadsheet/spreadsheet-app#openByUrl(String): the id is the /d/<id>/ part of the URL. */
  openByUrl(url: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const id = /\/d\/([^/?#]+)/.exec(String(url))?.[1];
    const found = id === undefined ? undefined : this.find(id);
    if (found) return found;
    throw new Error(
      'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
    );
  }
  /** reference/spreadsheet/spreadsheet-app#open(File): the spreadsheet behind a Drive file. */
  open(file: { getId(): string }): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.openById(file.getId());
  }
  /**
   * A new spreadsheet with one sheet "Sheet1" (rows × columns, default 1000 × 26), owned by the user, in this
   * spreadsheet's time zone and locale; reachable later with openById/openByUrl
   * (reference/spreadsheet/spreadsheet-app#create(String,Integer,Integer)).
   */
  create(name: string, rows?: number, columns?: number): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.ctx.assertWritable('create');
    if (rows !== undefined && (!Number.isInteger(rows) || rows < 1))
      throw new Error('Invalid argument: rows');
    if (columns !== undefined && (!Number.isInteger(columns) || columns < 1))
      throw new Error('Invalid argument: columns');
    const store = WorkbookStore.empty({
      name: String(name),
      timeZone: this.ctx.store.data.timeZone,
      locale: this.ctx.store.data.locale,
      owner: this.ctx.env.activeUserEmail() || this.ctx.store.data.owner,
      formulaEngine: this.ctx.store.formulaEngine,
    });
    const first = store.sheets()[0];
    if (rows !== undefined) first.maxRows = rows;
    if (columns !== undefined) first.maxColumns = columns;
    createdWith(this.ctx.store).push(store);
    return new SpreadsheetContext({ ...this.ctx.env, store }).spreadsheet();
  }
  newTextStyle(): TextStyleBuilderImpl {
    return new TextStyleBuilderImpl();
  }
  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return this.ctx.spreadsheet().getSelection();
  }
  getActiveRangeList(): GoogleAppsScript.Spreadsheet.RangeList | null {
    return this.ctx.spreadsheet().getActiveRangeList();
  }
  setActiveRangeList(
    rangeList: GoogleAppsScript.Spreadsheet.RangeList,
  ): GoogleAppsScript.Spreadsheet.RangeList {
    return this.ctx.spreadsheet().setActiveRangeList(rangeList);
  }
  setCurrentCell(cell: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.Range {
    return this.ctx.spreadsheet().setCurrentCell(cell);
  }
  toString(): string {
    return 'SpreadsheetApp';
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
