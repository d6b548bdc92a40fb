/** Opening and saving the workbook a command works on, through the local Apps Script runtime. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalRuntime, type ExecutionResult, type RuntimeOptions } from '../runtime';
import { parseLocalDateTime, ZoneDays } from '../src/core/dates';
import { CliScriptError, CliUsageError, type CliIO, type ParsedArgs } from './types';

export const DEFAULT_USER = 'owner@salesdesk.example';

/**
 * What SalesDesk tells the (product-neutral) local runtime: the script owner and the add-on menu's title. The
 * project is the runtime's default, the build in dist/. Document and user properties and installed triggers are
 * saved in the .xlsx by `saveIfAsked` and restored by `openRuntime`, so separate runs continue one another;
 * script properties are per run (SalesDesk keeps nothing there).
 */
export const SALESDESK_RUNTIME: RuntimeOptions = { owner: DEFAULT_USER, addOnName: 'SalesDesk' };

/** What an .xlsx file (a zip) starts with. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Refuses an --in that is no .xlsx workbook with one clear line, before a zip library can fail with its own
 * stack trace (a CSV, an old .xls, a truncated download).
 */
function assertWorkbookFile(file: string): void {
  if (!fs.existsSync(file)) throw new CliUsageError(`--in ${file}: no such file`);
  if (fs.statSync(file).isDirectory())
    throw new CliUsageError(`--in ${file}: is a folder, not an .xlsx workbook`);
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!ZIP_MAGIC.every((byte, i) => head[i] === byte)) {
    const hint = /\.csv$/i.test(file)
      ? ' (to import a CSV file: salesdesk import-csv <file.csv> --in book.xlsx)'
      : '';
    throw new CliUsageError(`--in ${file}: not an .xlsx workbook${hint}`);
  }
}

/**
 * A runtime over --in (never modified unless --out names it) or over a new empty spreadsheet, with the document
 * state --in was saved with (rotation, undo, "sent today", backup list, triggers). --now is read as wall-clock time
 * in the spreadsheet's time zone unless it carries an offset, the same in every command.
 */
export async function openRuntime(
  args: ParsedArgs,
  extra: Pick<RuntimeOptions, 'timeZone' | 'mailQuota'> = {},
): Promise<LocalRuntime> {
  const options: RuntimeOptions = { ...SALESDESK_RUNTIME, ...extra };
  let rt: LocalRuntime;
  if (args.in) {
    assertWorkbookFile(args.in);
    try {
      rt = await LocalRuntime.fromXlsx(args.in, options);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new CliUsageError(`--in ${args.in}: cannot be read as an .xlsx workbook (${reason})`);
    }
  } else rt = await LocalRuntime.create(options);
  if (args.now) rt.clock.set(parseLocalDateTime(args.now, rt.workbook.timeZone));
  return rt;
}

/** 'yyyy-MM-dd' of a date cell in the spreadsheet's time zone (a date cell holds local midnight). */
export function sheetDay(rt: LocalRuntime, value: unknown): string {
  if (!(value instanceof Date)) return String(value ?? '');
  return new ZoneDays(rt.workbook.timeZone).isoOfInstant(value);
}

/** Saves the workbook with its document state to --out, when given; returns the file written. */
export async function saveIfAsked(rt: LocalRuntime, args: ParsedArgs): Promise<string | undefined> {
  if (!args.out) return undefined;
  fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  await rt.saveXlsx(args.out);
  return args.out;
}

/** Who runs a command: --as, else the spreadsheet's owner (as in Sheets, where the owner set the workbook up). */
export function executionOptions(args: ParsedArgs, rt?: LocalRuntime): { user: string; locale?: string } {
  return { user: args.as ?? rt?.workbook.data.owner ?? DEFAULT_USER, locale: args.locale };
}

/**
 * Runs an entry point and throws its script error as a CliScriptError (one localised line, exit 1), so a failed
 * or refused run exits non-zero without a stack trace.
 */
export function runEntry<T = unknown>(
  rt: LocalRuntime,
  fn: string,
  fnArgs: unknown[],
  args: ParsedArgs,
): ExecutionResult<T> {
  const result = rt.execute<T>(fn, fnArgs, executionOptions(args, rt));
  if (result.error) throw new CliScriptError(result.error);
  return result;
}

/**
 * Runs a menu handler whose result the command needs. A refused handler (a rep running a manager action) shows its
 * localised explanation as an alert and returns nothing; that becomes a CliScriptError (one line, exit 1).
 */
export function runMenuEntry<T>(
  rt: LocalRuntime,
  fn: string,
  args: ParsedArgs,
): ExecutionResult<T> & { value: T } {
  const alerts = rt.ui.alerts.length;
  const result = runEntry<T>(rt, fn, [], args);
  if (result.value === null || result.value === undefined) {
    const shown = rt.ui.alerts.slice(alerts).map((alert) => alert.prompt.trim());
    throw new CliScriptError(new Error(shown.join(' ') || `${fn} did nothing`));
  }
  return result as ExecutionResult<T> & { value: T };
}

/** A sidebar-style call (google.script.run: one argument) whose script error becomes a CliScriptError. */
export function callEntry<T = unknown>(rt: LocalRuntime, fn: string, arg: unknown, args: ParsedArgs): T {
  try {
    return rt.call<T>(fn, arg, executionOptions(args));
  } catch (error) {
    throw error instanceof Error ? new CliScriptError(error) : error;
  }
}

/** The machine-readable cost of one execution, for --json summaries. */
export function costSummary(result: ExecutionResult<unknown>): {
  serviceCalls: number;
  modelledAppsScriptMs: number;
  nodeMs: number;
} {
  return {
    serviceCalls: result.totalCalls,
    modelledAppsScriptMs: Math.round(result.modelledMs),
    nodeMs: Math.round(result.nodeMs),
  };
}

/**
 * The preview → confirm flow of `assign` and `merge`: with --preview, the plan is printed and nothing written;
 * otherwise the confirm runs on what the preview showed, --out is saved when it is done, and both are reported.
 * @returns the exit code: 1 when the data changed since the preview (nothing written), else 0.
 */
export async function previewAndConfirm<P, R extends { status: string; message: string }>(
  rt: LocalRuntime,
  args: ParsedArgs,
  io: CliIO,
  steps: {
    preview: string;
    /** The confirm entry point and its arguments, from the preview. */
    confirm: (preview: P) => [string, unknown[]];
    print: (io: CliIO, preview: P) => void;
  },
): Promise<number> {
  const previewRun = runEntry<P>(rt, steps.preview, [], args);
  const preview = previewRun.value as P;
  if (args.flags.preview) {
    if (args.json) io.stdout(`${JSON.stringify({ preview, cost: costSummary(previewRun) }, null, 2)}\n`);
    else steps.print(io, preview);
    return 0;
  }
  const [fn, fnArgs] = steps.confirm(preview);
  const confirmRun = runEntry<R>(rt, fn, fnArgs, args);
  const result = confirmRun.value as R;
  const saved = result.status === 'done' ? await saveIfAsked(rt, args) : undefined;
  if (args.json) {
    const cost = { preview: costSummary(previewRun), confirm: costSummary(confirmRun) };
    io.stdout(`${JSON.stringify({ preview, result, saved, cost }, null, 2)}\n`);
  } else {
    steps.print(io, preview);
    io.stdout(`${result.message}\n${saved ? `saved ${saved}\n` : ''}`);
  }
  return result.status === 'changed' ? 1 : 0;
}
