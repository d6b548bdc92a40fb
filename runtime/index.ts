/**
 * LocalRuntime: runs an Apps Script project (a clasp project folder, or a build folder such as `dist/`) in Node,
 * the way Apps Script would, over a local workbook and faithful stand-ins of the Apps Script services. What a
 * real document keeps between executions and days — document and per-user properties, installed triggers — is
 * saved with the workbook's .xlsx and restored on load. Guide: runtime/README.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { FakeClock } from './clock';
import { runInWorker } from './concurrency/host';
import { CUSTOM_FUNCTION_LIMIT_MS, EXECUTION_LIMIT_MS } from './cost-model';
import { noPermission } from './errors';
import { FaultPlan } from './faults';
import { Execution, type ExecuteOptions, type ExecutionKind, type ExecutionResult } from './execution';
import { cpuNowMs, Membrane, serviceCpuAccounting } from './membrane';
import { Sandbox } from './sandbox';
import { CacheStores, LocalCacheService } from './services/cache';
import { LocalCharts } from './services/charts';
import { LocalHtmlOutput, LocalHtmlService } from './services/html';
import { LocalLockService, LockTable } from './services/lock';
import { LocalConsole, LocalLogger } from './services/logger';
import { LocalMailApp, MailBox } from './services/mail';
import { LocalDrive, LocalDriveApp } from './services/drive';
import { LocalPropertiesService, PropertyStores } from './services/properties';
import { LocalSession, LocalUser } from './services/session';
import { clockEvent, LocalScriptApp, TriggerRegistry, type TriggerRecord } from './services/triggers';
import { LocalUi, UiRecorder } from './services/ui';
import { LocalUtilities } from './services/utilities';
import { unsupportedServices } from './services/unsupported-services';
import { formatDate } from './services/format-date';
import { DriveFolder } from './drive-folder';
import { loadProjectCached, type BundleManifest, type LoadedProject } from './project';
import {
  createSpreadsheetApp,
  loadWorkbookXlsxDocument,
  saveWorkbookXlsx,
  WorkbookStore,
  type CustomFunctionHost,
  type FormulaEngineFactory,
} from './spreadsheet-binding';

export type { ExecuteOptions, ExecutionResult } from './execution';
export type { SentMail } from './services/mail';
export type {
  RecordedMenu,
  RecordedHtml,
  RecordedAlert,
  RecordedPrompt,
  RecordedToast,
  ButtonName,
} from './services/ui';
export type { WorkbookStore, CustomFunctionHost } from './spreadsheet-binding';
export type { FormulaContext, FormulaEngineFactory, SpreadsheetFormulaEngine } from './spreadsheet-binding';
export { defaultFormulaEngine } from './spreadsheet-binding';
export type { TriggerRecord } from './services/triggers';
export type { BundleManifest, LoadedProject, ProjectScript } from './project';
export { loadProject } from './project';
export { DriveFolder } from './drive-folder';
export { FakeClock } from './clock';
export type { FaultSpec, FiredFault } from './faults';
export { formatDate } from './services/format-date';

export interface RuntimeOptions {
  /**
   * The Apps Script project: a clasp project folder (`.clasp.json` rootDir/filePushOrder, `appsscript.json`,
   * `.gs`/`.js` files, `.html` files) or a build folder (`Code.js`, optional `manifest.json`, `<name>.html`).
   * Default: `dist/` beside the runtime folder (the host repository's build).
   */
  projectDir?: string;
  /** The same as projectDir (its older name). */
  bundleDir?: string;
  /** An existing workbook; default: a new empty spreadsheet. */
  workbook?: WorkbookStore;
  /** Script (and new spreadsheet) time zone. Default: appsscript.json `timeZone`, else 'Etc/UTC'. */
  timeZone?: string;
  /** Spreadsheet locale, e.g. 'en_US', 'zh_CN'. */
  spreadsheetLocale?: string;
  /** Start of the fake clock. Default: the real time now. */
  now?: Date | string;
  /** Mail recipients per day (quotas page: 100 consumer, 1 500 Workspace). Default 100. */
  mailQuota?: number;
  /** The script's owner: the effective user, and the user when an execution names none. */
  owner?: string;
  /**
   * Run every execution in one long-lived context (faster; module-level state then survives between executions,
   * which Apps Script never does). Default false: a fresh global scope per execution, like Apps Script.
   */
  reuseContext?: boolean;
  /** Name of the very hidden sheet in which .xlsx files keep what xlsx cannot carry (default `__apps_script_local_meta__`). */
  metaSheetName?: string;
  /** Script properties to start with (they belong to the script, not to the document: never saved in the .xlsx). */
  scriptProperties?: Record<string, string>;
  /** The title `Ui.createAddonMenu()` gives the add-on's menu (Sheets uses the add-on's name). Default 'Add-on'. */
  addOnName?: string;
  /** Document state to restore (what `rt.documentState()` returned, e.g. read from an .xlsx). */
  documentState?: unknown;
  /**
   * The formula engine the workbook computes with (see runtime/README.md, "Formula engine"). Default: HyperFormula
   * (GPL-3.0), loaded on first use; a runtime given another engine never loads it. Also applied to
   * `options.workbook`.
   */
  formulaEngine?: FormulaEngineFactory;
}

/**
 * What a document keeps beyond its cells, saved in the .xlsx metadata sheet: document properties, every user's
 * user properties (a bound script's user store is per user per script, and the script belongs to the document)
 * and the installed triggers (each with its owner, schedule and when it last fired).
 */
export interface DocumentState {
  version: 1;
  documentProperties: Record<string, string>;
  userProperties: Record<string, Record<string, string>>;
  triggers: TriggerRecord[];
}

/** One overlapping execution for executeConcurrently. */
export interface ConcurrentTask {
  fn: string;
  args?: unknown[];
  opts?: ExecuteOptions;
  /**
   * Service calls that take this long (real ms) in this execution, e.g. { 'Range.getValues': 400 }: a slow run
   * (a big sheet takes seconds between its read and its write), so overlapping executions reliably overlap.
   */
  slowCalls?: Record<string, number>;
}

/** One custom-function evaluation (each is its own execution in Apps Script). */
export interface CustomFunctionCall {
  name: string;
  calls: Record<string, number>;
  modelledMs: number;
  error?: string;
}

/** Services a custom function may not use (guides/sheets/functions: anything needing authorisation). */
const DENIED_IN_CUSTOM_FUNCTIONS = ['MailApp', 'ScriptApp', 'GmailApp', 'DriveApp'];

/** Each project's files compiled once (a vm.Script runs in any number of contexts). */
const compiled = new WeakMap<LoadedProject, vm.Script[]>();
function compiledScripts(project: LoadedProject): vm.Script[] {
  let scripts = compiled.get(project);
  if (!scripts) {
    scripts = project.scripts.map((file) => new vm.Script(file.source, { filename: file.file }));
    compiled.set(project, scripts);
  }
  return scripts;
}

export class LocalRuntime {
  readonly clock: FakeClock;
  readonly mail: MailBox;
  readonly ui = new UiRecorder();
  readonly properties: PropertyStores;
  readonly caches = new CacheStores();
  /** The spreadsheet and its copies (backups) as Drive files; `drive.trashed` holds trashed ids. */
  readonly drive = new LocalDrive(() => this.workbook);
  readonly locks = new LockTable();
  readonly triggers: TriggerRegistry;
  readonly timeZone: string;
  readonly owner: string;
  readonly manifest: BundleManifest;
  /** Locale of a spreadsheet the runtime creates. */
  readonly spreadsheetLocale: string;
  /** Every custom-function evaluation, in order (formula recalculation calls them). */
  readonly customFunctionCalls: CustomFunctionCall[] = [];
  /** The result of the last execute/call. */
  lastExecution: ExecutionResult | undefined;
  /** Fault injection for tests (runtime/faults.ts): fail the Nth service call of the next execution. */
  readonly faults = new FaultPlan();

  /** The project as read from disk: files in push order, HTML files, appsscript.json. */
  readonly project: LoadedProject;
  /** Name of the .xlsx metadata sheet. */
  readonly metaSheetName: string | undefined;
  /** Title of the add-on menu. */
  readonly addOnName: string;
  /** The project's files compiled once, in push order; each execution runs them in a fresh context. */
  private readonly scripts: vm.Script[];
  /** Custom functions share one context (they run per cell: a fresh one each would be too slow). */
  private customFunctionSandbox: Sandbox | undefined;
  /** A context kept to answer functionNames() and, with reuseContext, to run executions. */
  private sharedSandbox: Sandbox | undefined;
  private readonly reuseContext: boolean;
  private readonly code: string;
  private readonly codeFile: string;
  private readonly customFunctionHost: CustomFunctionHost;
  private store: WorkbookStore | undefined;
  private readonly formulaEngine: FormulaEngineFactory | undefined;
  private formulaClockMs = Number.NaN;

  private constructor(project: LoadedProject, options: RuntimeOptions, store: WorkbookStore | undefined) {
    this.project = project;
    this.timeZone = options.timeZone ?? projectTimeZone(project) ?? DEFAULT_TIME_ZONE;
    this.owner = (options.owner ?? 'owner@example.com').toLowerCase();
    this.spreadsheetLocale = options.spreadsheetLocale ?? 'en_US';
    this.metaSheetName = options.metaSheetName;
    this.addOnName = options.addOnName ?? 'Add-on';
    this.clock = new FakeClock(options.now ?? new Date());
    this.mail = new MailBox(options.mailQuota ?? 100, this.clock, this.timeZone);
    this.mail.defaultSender = this.owner.toLowerCase();
    this.properties = new PropertyStores(this.owner);
    for (const [key, value] of Object.entries(options.scriptProperties ?? {}))
      this.properties.script.set(key, String(value));
    this.triggers = new TriggerRegistry(this.clock, this.timeZone);
    this.manifest = project.manifest;
    this.scripts = compiledScripts(project);
    // Worker threads evaluate the files as one script (same order, one global scope).
    this.code = project.scripts.map((file) => file.source).join('\n;\n');
    this.codeFile =
      project.scripts.length === 1 ? project.scripts[0].file : path.join(project.rootDir, '(project)');
    this.reuseContext = options.reuseContext === true;
    this.customFunctionHost = {
      list: () => this.manifest.customFunctions,
      call: (name, args) => this.runCustomFunction(name, args),
    };
    this.formulaEngine = options.formulaEngine;
    if (store && options.formulaEngine) store.setFormulaEngine(options.formulaEngine);
    this.store = store;
    // Reading the workbook before any execution already computes custom functions and TODAY() on the fake clock.
    if (store)
      store.setFormulaHost({ now: () => this.clock.now(), customFunctions: this.customFunctionHost });
    if (options.documentState !== undefined) this.restoreDocumentState(options.documentState);
  }

  /**
   * Times every service call in CPU, for ExecutionResult.runtimeCpuMs (what the bench subtracts to show the
   * script's own CPU). Off by default: it costs two system calls per service call.
   */
  static timeServiceCpu(enabled: boolean): void {
    serviceCpuAccounting.enabled = enabled;
  }

  /** A runtime over a new empty spreadsheet (or options.workbook). */
  static async create(options: RuntimeOptions = {}): Promise<LocalRuntime> {
    const dir = projectDirOf(options);
    await waitForProject(dir);
    return new LocalRuntime(loadProjectCached(dir), options, options.workbook);
  }

  /**
   * A runtime over a workbook read from an .xlsx file (the file is never modified), with the document state
   * (document and user properties, installed triggers) the file was saved with.
   */
  static async fromXlsx(file: string, options: RuntimeOptions = {}): Promise<LocalRuntime> {
    const dir = projectDirOf(options);
    await waitForProject(dir);
    const project = loadProjectCached(dir);
    // These only apply to a file made elsewhere; a file the runtime saved carries its own zone, locale and owner.
    const loaded = await loadWorkbookXlsxDocument(file, {
      timeZone: options.timeZone ?? projectTimeZone(project) ?? DEFAULT_TIME_ZONE,
      locale: options.spreadsheetLocale ?? 'en_US',
      owner: options.owner,
      metaSheetName: options.metaSheetName,
      formulaEngine: options.formulaEngine,
    });
    return new LocalRuntime(
      project,
      { ...options, documentState: options.documentState ?? loaded.documentState },
      loaded.store,
    );
  }

  /**
   * Writes the workbook as .xlsx (values, formulas, validations, formats, frozen rows, protections) with the
   * document state (`documentState()`) in its metadata sheet, so the next `fromXlsx` continues where this left.
   */
  async saveXlsx(file: string): Promise<void> {
    await saveWorkbookXlsx(this.workbook, file, {
      documentState: this.documentState(),
      metaSheetName: this.metaSheetName,
    });
  }

  /** Document properties, every user's properties and the installed triggers: what the .xlsx keeps. */
  documentState(): DocumentState {
    const userProperties: Record<string, Record<string, string>> = {};
    for (const email of this.properties.userEmails()) {
      const store = this.properties.userStore(email);
      if (store.size > 0) userProperties[email] = Object.fromEntries(store);
    }
    return {
      version: 1,
      documentProperties: Object.fromEntries(this.properties.document),
      userProperties,
      triggers: this.triggers.all.map((trigger) => structuredClone(trigger)),
    };
  }

  /**
   * Puts back a state saved with `documentState()` (replacing document and user properties and triggers).
   * @throws when the state is not one the runtime wrote.
   */
  restoreDocumentState(state: unknown): void {
    const saved = state as Partial<DocumentState> | null;
    if (!saved || typeof saved !== 'object' || saved.version !== 1)
      throw new Error('local runtime: the saved document state is not one this runtime wrote (version 1)');
    this.properties.document.clear();
    for (const [key, value] of Object.entries(saved.documentProperties ?? {}))
      this.properties.document.set(key, String(value));
    for (const [email, values] of Object.entries(saved.userProperties ?? {})) {
      const store = this.properties.userStore(email);
      store.clear();
      for (const [key, value] of Object.entries(values)) store.set(key, String(value));
    }
    this.triggers.all.splice(0, this.triggers.all.length);
    this.triggers.restore(saved.triggers ?? []);
  }

  /**
   * Writes every copy of the spreadsheet still out of the trash (the backups made with Spreadsheet.copy) as
   * `<dir>/<copy name>.xlsx`, the local stand-in for the dated spreadsheets Apps Script leaves in Drive. Copies
   * that are already files of an attached Drive folder are not written again.
   * @returns the files written.
   */
  async saveCopiesXlsx(dir: string): Promise<string[]> {
    fs.mkdirSync(dir, { recursive: true });
    const written: string[] = [];
    for (const copy of this.drive.liveCopies()) {
      if (this.driveFolder?.holds(copy)) continue;
      const file = path.join(dir, DriveFolder.fileNameOf(copy.data.name));
      await saveWorkbookXlsx(copy, file, { metaSheetName: this.metaSheetName });
      written.push(file);
    }
    return written;
  }

  /**
   * Makes a folder stand for the user's Drive across runs: the spreadsheets saved there earlier (copies made by
   * Spreadsheet.copy in earlier runs, listed in the folder's `.drive.json`) become Drive files again, so
   * `DriveApp.getFileById(id)` finds them and `setTrashed(true)` can trash them. Call `syncDriveFolder()` after
   * the run to write new copies and move trashed files to `<dir>/.trash/`.
   */
  attachDriveFolder(dir: string): DriveFolder {
    this.driveFolder = new DriveFolder(dir, this.metaSheetName);
    this.driveFolder.attach(this.workbook);
    return this.driveFolder;
  }

  /** Writes the copies made in this run into the attached Drive folder and moves trashed ones to its trash. */
  async syncDriveFolder(): Promise<{ written: string[]; trashed: string[] }> {
    if (!this.driveFolder)
      throw new Error('local runtime: no Drive folder attached (attachDriveFolder(dir))');
    return this.driveFolder.sync(this.workbook, this.drive.trashed);
  }

  private driveFolder: DriveFolder | undefined;

  /** The workbook store (created on first use when none was given). */
  get workbook(): WorkbookStore {
    if (!this.store) {
      this.store = WorkbookStore.empty({
        timeZone: this.timeZone,
        locale: this.spreadsheetLocale,
        owner: this.owner,
        formulaEngine: this.formulaEngine,
      });
      this.store.setFormulaHost({ now: () => this.clock.now(), customFunctions: this.customFunctionHost });
    }
    return this.store;
  }

  /** Top-level functions of the bundle. */
  functionNames(): string[] {
    const sandbox = this.shared();
    return sandbox.functionNames();
  }

  /**
   * Runs a top-level function of the bundle as one Apps Script execution. Never throws for the script's errors:
   * they come back in `result.error`, with the calls and modelled time up to the failure.
   */
  execute<T = unknown>(fn: string, args: unknown[] = [], opts: ExecuteOptions = {}): ExecutionResult<T> {
    return this.runInline<T>('inline', fn, args, opts);
  }

  /**
   * Calls a function the way a sidebar does through google.script.run: one argument (or none), which must
   * survive the trip (no Date, no function); returns its value or throws its error. The accounting is in
   * `rt.lastExecution`.
   */
  call<T = unknown>(fn: string, arg?: unknown, opts: ExecuteOptions = {}): T {
    const args = arg === undefined ? [] : [arg];
    args.forEach((value) => assertTransferable(value, `argument of ${fn}`));
    const result = this.execute<T>(fn, args, opts);
    if (result.error) throw result.error;
    assertTransferable(result.value, `return value of ${fn}`);
    return result.value as T;
  }

  /**
   * Runs several executions at once, each in its own worker thread on the same bundle, over this runtime's one
   * workbook, properties, locks, mail and triggers. The fake clock runs with real time meanwhile.
   */
  async executeConcurrently(tasks: ConcurrentTask[]): Promise<ExecutionResult[]> {
    this.syncFormulaClock();
    const clock = this.clock.startRunning();
    try {
      return await Promise.all(
        tasks.map(async (task) => {
          const execution = this.newExecution('worker', task.opts);
          const membrane = new Membrane(() => execution, undefined);
          // Templates of a worker execution are evaluated here, in a context of their own.
          const globals = this.createGlobals(execution, membrane, this.newSandbox(), {
            inWorker: true,
            restricted: false,
          });
          const started = performance.now();
          const outcome = await runInWorker({
            code: this.code,
            codeCache: this.codeCache(),
            filename: this.codeFile,
            fn: task.fn,
            args: task.args ?? [],
            globals,
            clock,
            timeZone: this.timeZone,
            execution,
            membrane,
            slowCalls: task.slowCalls,
          });
          this.locks.releaseAll(execution.id);
          return this.result(execution, outcome.value, outcome.error, performance.now() - started);
        }),
      );
    } finally {
      this.clock.stopRunning();
    }
  }

  /**
   * Runs every time-driven trigger due at rt.clock.now(), once, as its owner. Daily triggers fire once a day in
   * the hour after atHour (in the trigger's time zone); hourly/minute triggers when their period has passed.
   */
  fireDueTriggers(): ExecutionResult[] {
    const now = this.clock.now();
    return this.triggers.takeDue().map((trigger) => this.runTrigger(trigger, clockEvent(trigger, now)));
  }

  /**
   * Fires `handler`'s installed time-driven triggers now, whatever their schedule, each as its owner with the event
   * Apps Script gives it (with its triggerUid): what happens when the trigger comes due. SalesDesk's trigger
   * handlers do nothing without such an event. When no trigger of `handler` is installed and `installAs` is
   * given, one is installed for that user first (as if they had turned the feature on).
   * @throws Error when no trigger of `handler` is installed and `installAs` is not given.
   */
  fireTrigger<T = unknown>(handler: string, options: { installAs?: string } = {}): ExecutionResult<T>[] {
    const now = this.clock.now();
    return this.clockTriggers(handler, options.installAs).map((trigger) => {
      trigger.lastFiredMs = now.getTime();
      return this.runTrigger(trigger, clockEvent(trigger, now)) as ExecutionResult<T>;
    });
  }

  /**
   * The execution `fireTrigger` would make for `handler`'s first installed time-driven trigger, as a task for
   * executeConcurrently (the trigger's owner, its event with the triggerUid).
   */
  triggerTask(handler: string, options: { installAs?: string } = {}): ConcurrentTask {
    const [trigger] = this.clockTriggers(handler, options.installAs);
    return { fn: handler, args: [clockEvent(trigger, this.clock.now())], opts: { user: trigger.owner } };
  }

  private clockTriggers(handler: string, installAs: string | undefined): TriggerRecord[] {
    const installed = this.triggers.all.filter((t) => t.handler === handler && t.eventType === 'CLOCK');
    if (installed.length > 0) return installed;
    if (!installAs) throw new Error(`local runtime: no installed time-driven trigger runs ${handler}`);
    return [
      this.triggers.add({
        handler,
        owner: installAs.toLowerCase(),
        eventType: 'CLOCK',
        source: 'CLOCK',
        sourceId: null,
        clock: { everyDays: 1, timeZone: this.timeZone },
      }),
    ];
  }

  /**
   * A form submission: appends a row (Timestamp + one column per question, added as needed) to the form's
   * responses sheet and fires the on-form-submit triggers with { range, values, namedValues, source }.
   */
  submitForm(values: Record<string, string>, options: { sheet?: string } = {}): ExecutionResult[] {
    const system = this.newExecution('trigger', { user: this.owner });
    const app = createSpreadsheetApp(this.spreadsheetEnv(system, false));
    const spreadsheet = app.getActiveSpreadsheet();
    const sheetName = options.sheet ?? 'Form Responses 1';
    const sheet = spreadsheet.getSheetByName(sheetName) ?? spreadsheet.insertSheet(sheetName);
    const lastColumn = sheet.getLastColumn();
    const headers =
      lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0].map(String) : ['Timestamp'];
    for (const question of Object.keys(values)) if (!headers.includes(question)) headers.push(question);
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    const timestamp = this.clock.now();
    const row = headers.map((header, index) => (index === 0 ? timestamp : (values[header] ?? '')));
    sheet.appendRow(row);
    const rowIndex = sheet.getLastRow();
    const range = sheet.getRange(rowIndex, 1, 1, headers.length);
    // Forms gives the timestamp as the sheet shows it, in the script's time zone.
    const stamp = formatDate(timestamp, this.timeZone, 'M/d/yyyy H:mm:ss');
    const rowStrings = row.map((value, index) => (index === 0 ? stamp : String(value)));
    const namedValues: Record<string, string[]> = {};
    headers.forEach((header, index) => (namedValues[header] = [rowStrings[index]]));
    const id = spreadsheet.getId();
    return this.triggers.all
      .filter((t) => t.eventType === 'ON_FORM_SUBMIT' && t.sourceId === id)
      .map((trigger) =>
        this.runTrigger(trigger, {
          authMode: 'FULL',
          triggerUid: trigger.id,
          range,
          source: spreadsheet,
          values: rowStrings,
          namedValues,
        }),
      );
  }

  /**
   * A user typing into a cell: writes the value, then runs the bundle's simple `onEdit(e)` (if any) as that user
   * and every installable on-edit trigger of the spreadsheet as its owner, with { range, source, value, oldValue,
   * user, authMode, triggerUid }.
   */
  edit(sheetName: string, a1: string, value: unknown, opts: ExecuteOptions = {}): ExecutionResult[] {
    const user = (opts.user ?? this.owner).toLowerCase();
    const system = this.newExecution('trigger', { user });
    const spreadsheet = createSpreadsheetApp(this.spreadsheetEnv(system, false)).getActiveSpreadsheet();
    const sheet = spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`local runtime: no sheet named ${sheetName}`);
    const range = sheet.getRange(a1);
    const oldValue: unknown = range.getValue();
    range.setValue(value);
    const event = (authMode: string, triggerUid?: string): Record<string, unknown> => ({
      authMode,
      range,
      source: spreadsheet,
      user: new LocalUser(user),
      value: value === '' || value === null || value === undefined ? undefined : String(value),
      oldValue: oldValue === '' ? undefined : String(oldValue),
      ...(triggerUid ? { triggerUid } : {}),
    });
    const results: ExecutionResult[] = [];
    if (this.functionNames().includes('onEdit'))
      results.push(this.runInline('trigger', 'onEdit', [event('LIMITED')], { ...opts, user }));
    const id = spreadsheet.getId();
    for (const trigger of this.triggers.all.filter((t) => t.eventType === 'ON_EDIT' && t.sourceId === id)) {
      results.push(this.runTrigger(trigger, event('FULL', trigger.id)));
    }
    return results;
  }

  // ——— internals ———

  private runTrigger(trigger: TriggerRecord, event: Record<string, unknown>): ExecutionResult {
    return this.runInline('trigger', trigger.handler, [event], { user: trigger.owner });
  }

  private newExecution(kind: ExecutionKind, opts: ExecuteOptions = {}): Execution {
    const limit = kind === 'custom-function' ? CUSTOM_FUNCTION_LIMIT_MS : EXECUTION_LIMIT_MS;
    return new Execution(kind, (opts.user ?? this.owner).toLowerCase(), opts.locale ?? 'en', limit);
  }

  private newSandbox(): Sandbox {
    return new Sandbox(this.scripts, () => this.clock.nowMs(), this.timeZone);
  }

  /** The long-lived context (loaded without services, so top-level code calling services fails there). */
  private shared(): Sandbox {
    if (!this.sharedSandbox) {
      this.sharedSandbox = this.newSandbox();
      try {
        this.sharedSandbox.install({});
      } catch {
        // Top-level code needing services: the function declarations are still defined.
      }
    }
    return this.sharedSandbox;
  }

  private cachedCode: Uint8Array | undefined;
  private codeCache(): Uint8Array {
    const script =
      this.scripts.length === 1 ? this.scripts[0] : new vm.Script(this.code, { filename: this.codeFile });
    this.cachedCode ??= script.createCachedData();
    return this.cachedCode;
  }

  /** TODAY()/NOW() follow the fake clock: formulas recompute when it moved since the last execution. */
  private syncFormulaClock(): void {
    const now = this.clock.nowMs();
    if (now !== this.formulaClockMs) {
      this.formulaClockMs = now;
      this.store?.recalculate();
    }
  }

  private runInline<T>(
    kind: ExecutionKind,
    fn: string,
    args: unknown[],
    opts: ExecuteOptions,
  ): ExecutionResult<T> {
    this.syncFormulaClock();
    const execution = this.newExecution(kind, opts);
    this.faults.attach(execution, fn);
    const sandbox = this.reuseContext ? this.shared() : this.newSandbox();
    const membrane = new Membrane(() => execution, sandbox.realm);
    const globals = this.createGlobals(execution, membrane, sandbox, { inWorker: false, restricted: false });
    let previous: Record<string, unknown> = {};
    let started = performance.now();
    let cpuStarted = cpuNowMs();
    let value: unknown;
    let error: Error | undefined;
    try {
      previous = sandbox.install(globals);
      // Node time of the execution itself, not of loading the bundle into its fresh context.
      started = performance.now();
      cpuStarted = cpuNowMs();
      const entry = sandbox.fn(fn);
      if (!entry) throw new Error(`Script function not found: ${fn}`);
      value = membrane.toHost(entry(...args.map((arg) => membrane.toScript(arg))));
    } catch (thrown) {
      error = toHostError(thrown);
    } finally {
      sandbox.swapGlobals(previous);
      this.locks.releaseAll(execution.id);
    }
    const result = this.result<T>(
      execution,
      value as T,
      error,
      performance.now() - started,
      cpuNowMs() - cpuStarted,
    );
    this.lastExecution = result;
    return result;
  }

  private result<T>(
    execution: Execution,
    value: unknown,
    error: Error | undefined,
    nodeMs: number,
    cpuMs = Number.NaN,
  ): ExecutionResult<T> {
    const failure = execution.timedOut ? toHostError(execution.timedOut) : error;
    return {
      value: failure ? undefined : (value as T),
      ...(failure ? { error: failure } : {}),
      calls: { ...execution.calls },
      totalCalls: execution.totalCalls,
      modelledMs: execution.modelledMs,
      nodeMs,
      cpuMs,
      runtimeCpuMs: execution.runtimeCpuMs,
      roundTrips: execution.costState.roundTrips,
      logs: [...execution.logs],
    };
  }

  /** A custom function called by the formula engine: restricted services, its own 30 s limit. */
  private runCustomFunction(name: string, args: unknown[]): unknown {
    const execution = this.newExecution('custom-function', { user: '' });
    this.customFunctionSandbox ??= this.newSandbox();
    const sandbox = this.customFunctionSandbox;
    const membrane = new Membrane(() => execution, sandbox.realm);
    const globals = this.createGlobals(execution, membrane, sandbox, { inWorker: false, restricted: true });
    let previous: Record<string, unknown> = {};
    const record: CustomFunctionCall = { name, calls: {}, modelledMs: 0 };
    try {
      previous = sandbox.install(globals);
      const fn = sandbox.fn(name);
      if (!fn) throw new Error(`Unknown function: ${name}`);
      const value = membrane.toHost(fn(...args.map((arg) => membrane.toScript(arg))));
      if (execution.timedOut) throw execution.timedOut;
      return value;
    } catch (thrown) {
      const error = toHostError(execution.timedOut ?? thrown);
      record.error = error.message;
      throw error;
    } finally {
      sandbox.swapGlobals(previous);
      this.locks.releaseAll(execution.id);
      record.calls = { ...execution.calls };
      record.modelledMs = execution.modelledMs;
      this.customFunctionCalls.push(record);
    }
  }

  private spreadsheetEnv(execution: Execution, restricted: boolean) {
    return {
      store: this.workbook,
      ui: restricted ? deniedUi() : new LocalUi(this.ui, this.addOnName),
      toast: (message: string, title?: string, timeoutSeconds?: number) => {
        this.ui.toasts.push({ message: String(message), title, timeoutSeconds });
      },
      activeUserEmail: () => execution.user,
      customFunctions: this.customFunctionHost,
      readOnly: restricted,
      now: () => this.clock.now(),
    };
  }

  /** The Apps Script globals of one execution, each wrapped by the execution's membrane. */
  private createGlobals(
    execution: Execution,
    membrane: Membrane,
    sandbox: Sandbox,
    mode: { inWorker: boolean; restricted: boolean },
  ): Record<string, object> {
    const current = (): Execution => execution;
    const logSink = (line: string): void => execution.log(line);
    const services: Record<string, object> = {
      PropertiesService: new LocalPropertiesService(this.properties, execution.user || this.owner),
      LockService: new LocalLockService(this.locks, current, this.clock, mode.inWorker),
      CacheService: new LocalCacheService(this.caches, this.clock, execution.user || this.owner),
      MailApp: new LocalMailApp(this.mail, this.clock, execution.user || this.owner),
      DriveApp: new LocalDriveApp(this.drive),
      ScriptApp: new LocalScriptApp(this.triggers, this.clock, execution.user),
      Session: new LocalSession(execution.user, this.owner, execution.locale, this.timeZone),
      Utilities: new LocalUtilities(this.clock, current, mode.inWorker),
      HtmlService: new LocalHtmlService(this.project.rootDir, (code, properties) => {
        const output = new LocalHtmlOutput();
        const scriptProperties = membrane.toScript(properties) as Record<string, unknown>;
        sandbox.evaluateTemplate(code, scriptProperties, membrane.wrap(output));
        return output.getContent();
      }),
      Charts: new LocalCharts(),
      Logger: new LocalLogger(logSink),
      console: new LocalConsole(logSink),
    };
    services.SpreadsheetApp = createSpreadsheetApp(this.spreadsheetEnv(execution, mode.restricted));
    Object.assign(services, unsupportedServices(Object.keys(services)));
    const globals: Record<string, object> = {};
    for (const [name, service] of Object.entries(services)) {
      globals[name] =
        mode.restricted && DENIED_IN_CUSTOM_FUNCTIONS.includes(name)
          ? deniedService(name)
          : membrane.wrap(service, name);
    }
    return globals;
  }
}

/** Where a project is looked for when the options name none: the host repository's build folder. */
const DEFAULT_PROJECT_DIR = path.resolve(__dirname, '..', 'dist');
/** The time zone of a project whose appsscript.json names none. */
const DEFAULT_TIME_ZONE = 'Etc/UTC';

function projectDirOf(options: RuntimeOptions): string {
  const dir = options.projectDir ?? options.bundleDir;
  return dir ? path.resolve(dir) : DEFAULT_PROJECT_DIR;
}

/**
 * A build being replaced (a build tool swapping the folder) must not fail a runtime started meanwhile: wait a
 * little for the folder to be back.
 */
async function waitForProject(dir: string, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(dir) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));
}

/** The script's time zone from appsscript.json, as Apps Script takes it from the manifest. */
function projectTimeZone(project: LoadedProject): string | undefined {
  const zone = project.appsscript?.timeZone;
  return typeof zone === 'string' ? zone : undefined;
}

/** A service a custom function may not touch: any use fails with Apps Script's permission error. */
function deniedService(name: string): object {
  return new Proxy(
    {},
    {
      get: (_target, prop) => {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        throw noPermission(name);
      },
    },
  );
}

function deniedUi(): GoogleAppsScript.Base.Ui {
  return new Proxy(
    {},
    {
      get: (_target, prop) => {
        if (typeof prop === 'symbol' || prop === 'then') return undefined;
        throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
      },
    },
  ) as GoogleAppsScript.Base.Ui;
}

/** Errors from the script's realm become Node errors (instanceof Error in tests), same message/name/stack. */
function toHostError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (Object.prototype.toString.call(thrown) === '[object Error]') {
    const source = thrown as Error;
    const error = new Error(source.message);
    if (source.name && source.name !== 'Error') error.name = source.name;
    if (source.stack) error.stack = source.stack;
    return error;
  }
  return new Error(String(thrown));
}

/** google.script.run passes only JSON-like values: "Date, Function and DOM values cannot be passed". */
function assertTransferable(value: unknown, what: string): void {
  const visit = (item: unknown, where: string): void => {
    if (item === null || item === undefined) return;
    if (typeof item === 'function') throw new Error(`google.script.run cannot pass a function (${where})`);
    if (Object.prototype.toString.call(item) === '[object Date]') {
      throw new Error(`google.script.run cannot pass a Date (${where}): send an ISO string`);
    }
    if (typeof item === 'object')
      for (const [key, child] of Object.entries(item)) visit(child, `${where}.${key}`);
  };
  visit(value, what);
}
