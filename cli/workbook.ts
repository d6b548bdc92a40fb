/** Opening and saving the workbook a command works on, through the local Apps Script runtime. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalRuntime, type ExecutionResult, type RuntimeOptions } from '../runtime';
import { CliUsageError, type ParsedArgs } from './types';

export const DEFAULT_USER = 'owner@salesdesk.example';

/**
 * What SalesDesk tells the (product-neutral) local runtime: the script owner and the add-on menu's title. The
 * project is the runtime's default, the build in dist/. Document and user properties and installed triggers are
 * saved in the .xlsx by `saveIfAsked` and restored by `openRuntime`, so separate runs continue one another;
 * script properties are per run (SalesDesk keeps nothing there but a test switch).
 */
export const SALESDESK_RUNTIME: RuntimeOptions = { owner: DEFAULT_USER, addOnName: 'SalesDesk' };

/**
 * A runtime over --in (never modified unless --out names it) or over a new empty spreadsheet, with the document
 * state --in was saved with (rotation, undo, "sent today", backup list, triggers).
 */
export async function openRuntime(args: ParsedArgs): Promise<LocalRuntime> {
  const options = { ...SALESDESK_RUNTIME, now: args.now };
  if (args.in) {
    if (!fs.existsSync(args.in)) throw new CliUsageError(`--in ${args.in}: no such file`);
    return LocalRuntime.fromXlsx(args.in, options);
  }
  return LocalRuntime.create(options);
}

/** Saves the workbook with its document state to --out, when given; returns the file written. */
export async function saveIfAsked(rt: LocalRuntime, args: ParsedArgs): Promise<string | undefined> {
  if (!args.out) return undefined;
  fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  await rt.saveXlsx(args.out);
  return args.out;
}

export function executionOptions(args: ParsedArgs): { user: string; locale?: string } {
  return { user: args.as ?? DEFAULT_USER, locale: args.locale };
}

/** Runs an entry point and throws its script error, so a failed run exits non-zero. */
export function runEntry<T = unknown>(
  rt: LocalRuntime,
  fn: string,
  fnArgs: unknown[],
  args: ParsedArgs,
): ExecutionResult<T> {
  const result = rt.execute<T>(fn, fnArgs, executionOptions(args));
  if (result.error) throw result.error;
  return result;
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
