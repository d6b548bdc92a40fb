/**
 * `apps-script-local`: runs one function of any Apps Script project (a clasp project folder, unmodified) against
 * an .xlsx workbook in the local runtime, and saves the workbook back with its document state (document and user
 * properties, installed triggers). Script properties live beside the project in `.script-properties.json`.
 *
 *   apps-script-local run <projectDir> <function> [--in book.xlsx] [--out book.xlsx] [--as user@example.com]
 *   apps-script-local fire <projectDir> --in book.xlsx [--out book.xlsx] [--now ISO]     (due time-driven triggers)
 *   apps-script-local functions <projectDir>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalRuntime, type ExecutionResult, type RuntimeOptions } from './index';

/** Where the script properties of a project are kept between runs (they belong to the script, not a document). */
export const SCRIPT_PROPERTIES_FILE = '.script-properties.json';

/** Text output of the command (stdout, stderr). */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

class UsageError extends Error {}

const USAGE = `usage:
  apps-script-local run <projectDir> <function> [--in book.xlsx] [--out book.xlsx] [--as user@example.com]
                    [--args '[json, ...]'] [--now ISO] [--locale en] [--owner email] [--time-zone Zone]
                    [--mail-quota N] [--answer YES|NO|OK|CANCEL ...] [--prompt text ...] [--drive dir] [--json]
  apps-script-local fire <projectDir> --in book.xlsx [--out book.xlsx] [--now ISO] [--json]
  apps-script-local functions <projectDir>

Runs one function of an Apps Script project (a clasp folder: appsscript.json, .gs/.js files in clasp's push order,
.html files) against an .xlsx workbook (a new spreadsheet without --in) and saves it to --out (never to --in unless
--out names it), with its document and user properties and installed triggers. Script properties are kept in
<projectDir>/${SCRIPT_PROPERTIES_FILE}. "fire" runs the time-driven triggers due at --now. Exit code 1 when the
function throws.`;

interface Parsed {
  command: string;
  positional: string[];
  flags: Map<string, string[]>;
}

const BOOLEAN = new Set(['json', 'help']);

function parse(argv: string[]): Parsed {
  const [command = 'help', ...rest] = argv;
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    let value: string;
    if (inline !== undefined) value = inline;
    else if (BOOLEAN.has(name)) value = 'true';
    else if (i + 1 < rest.length) value = rest[++i];
    else throw new UsageError(`--${name} needs a value`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { command, positional, flags };
}

const flag = (parsed: Parsed, name: string): string | undefined => parsed.flags.get(name)?.at(-1);

function runtimeOptions(parsed: Parsed, projectDir: string): RuntimeOptions {
  const now = flag(parsed, 'now');
  if (now !== undefined && Number.isNaN(new Date(now).getTime()))
    throw new UsageError(`--now must be an ISO date or time, not "${now}"`);
  const quota = flag(parsed, 'mail-quota');
  if (quota !== undefined && !/^\d+$/.test(quota))
    throw new UsageError(`--mail-quota must be a whole number`);
  const scriptPropertiesFile = path.join(projectDir, SCRIPT_PROPERTIES_FILE);
  const scriptProperties = fs.existsSync(scriptPropertiesFile)
    ? (JSON.parse(fs.readFileSync(scriptPropertiesFile, 'utf8')) as Record<string, string>)
    : undefined;
  return {
    projectDir,
    ...(now !== undefined ? { now } : {}),
    ...(flag(parsed, 'owner') ? { owner: flag(parsed, 'owner') } : {}),
    ...(flag(parsed, 'time-zone') ? { timeZone: flag(parsed, 'time-zone') } : {}),
    ...(quota !== undefined ? { mailQuota: Number(quota) } : {}),
    ...(scriptProperties ? { scriptProperties } : {}),
  };
}

async function open(parsed: Parsed, projectDir: string): Promise<LocalRuntime> {
  if (!fs.existsSync(projectDir)) throw new UsageError(`${projectDir}: no such project folder`);
  const options = runtimeOptions(parsed, projectDir);
  const input = flag(parsed, 'in');
  if (input === undefined) return LocalRuntime.create(options);
  if (!fs.existsSync(input)) throw new UsageError(`--in ${input}: no such file`);
  return LocalRuntime.fromXlsx(input, options);
}

/** Saves --out and the script properties; returns the file written. */
async function finish(rt: LocalRuntime, parsed: Parsed, projectDir: string): Promise<string | undefined> {
  const file = path.join(projectDir, SCRIPT_PROPERTIES_FILE);
  const script = Object.fromEntries(rt.properties.script);
  if (Object.keys(script).length > 0 || fs.existsSync(file))
    fs.writeFileSync(file, `${JSON.stringify(script, null, 2)}\n`);
  const out = flag(parsed, 'out');
  if (out === undefined) return undefined;
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await rt.saveXlsx(out);
  return out;
}

function summary(result: ExecutionResult): Record<string, unknown> {
  return {
    ...(result.error ? { error: result.error.message } : { value: result.value ?? null }),
    logs: result.logs,
    serviceCalls: result.totalCalls,
    modelledMs: Math.round(result.modelledMs),
  };
}

function uiSummary(rt: LocalRuntime): Record<string, unknown> {
  return {
    menus: rt.ui.menus,
    alerts: rt.ui.alerts,
    prompts: rt.ui.prompts,
    sidebars: rt.ui.sidebars,
    dialogs: rt.ui.dialogs,
    toasts: rt.ui.toasts,
    mails: rt.mail.outbox.map((mail) => ({ to: mail.to, subject: mail.subject, body: mail.body })),
  };
}

function printText(io: CliOutput, rt: LocalRuntime, label: string, result: ExecutionResult): void {
  for (const line of result.logs) io.stdout(`log: ${line}`);
  for (const menu of rt.ui.menus) io.stdout(`menu: ${menu.title} (${menu.items.length} items)`);
  for (const alert of rt.ui.alerts) io.stdout(`alert: ${alert.prompt} → ${alert.answer}`);
  for (const sidebar of rt.ui.sidebars)
    io.stdout(`sidebar: ${sidebar.title} (${sidebar.html.length} characters)`);
  for (const dialog of rt.ui.dialogs) io.stdout(`dialog: ${dialog.title} (${dialog.html.length} characters)`);
  for (const toast of rt.ui.toasts)
    io.stdout(`toast: ${toast.title ? `${toast.title}: ` : ''}${toast.message}`);
  for (const mail of rt.mail.outbox) io.stdout(`mail to ${mail.to.join(', ')}: ${mail.subject}`);
  if (result.error) io.stderr(`${label} failed: ${result.error.message}`);
  else io.stdout(`${label} returned ${JSON.stringify(result.value ?? null)}`);
  io.stdout(
    `${result.totalCalls} service calls, ${Math.round(result.modelledMs)} ms modelled Apps Script time`,
  );
}

async function run(parsed: Parsed, io: CliOutput): Promise<number> {
  const [projectDir, fn] = parsed.positional;
  if (!projectDir || !fn) throw new UsageError(USAGE);
  const argsText = flag(parsed, 'args');
  let args: unknown[] = [];
  if (argsText !== undefined) {
    try {
      args = JSON.parse(argsText) as unknown[];
    } catch {
      throw new UsageError(`--args must be a JSON array, not ${argsText}`);
    }
    if (!Array.isArray(args)) throw new UsageError(`--args must be a JSON array, not ${argsText}`);
  }
  const rt = await open(parsed, projectDir);
  if (!rt.functionNames().includes(fn)) throw new UsageError(`${projectDir} has no top-level function ${fn}`);
  for (const answer of parsed.flags.get('answer') ?? [])
    rt.ui.answerNextAlert(answer.toUpperCase() as Parameters<typeof rt.ui.answerNextAlert>[0]);
  for (const text of parsed.flags.get('prompt') ?? []) rt.ui.answerNextPrompt(text);
  const drive = flag(parsed, 'drive');
  if (drive !== undefined) rt.attachDriveFolder(drive);
  const result = rt.execute(fn, args, {
    ...(flag(parsed, 'as') ? { user: flag(parsed, 'as') } : {}),
    ...(flag(parsed, 'locale') ? { locale: flag(parsed, 'locale') } : {}),
  });
  const copies = drive !== undefined ? await rt.syncDriveFolder() : undefined;
  const saved = await finish(rt, parsed, projectDir);
  if (flag(parsed, 'json') === 'true')
    io.stdout(
      JSON.stringify({ ...summary(result), ...uiSummary(rt), copies, saved: saved ?? null }, null, 2),
    );
  else {
    printText(io, rt, fn, result);
    if (saved) io.stdout(`saved ${saved}`);
  }
  return result.error ? 1 : 0;
}

async function fire(parsed: Parsed, io: CliOutput): Promise<number> {
  const [projectDir] = parsed.positional;
  if (!projectDir) throw new UsageError(USAGE);
  const rt = await open(parsed, projectDir);
  const results = rt.fireDueTriggers();
  const saved = await finish(rt, parsed, projectDir);
  if (flag(parsed, 'json') === 'true')
    io.stdout(
      JSON.stringify({ runs: results.map(summary), ...uiSummary(rt), saved: saved ?? null }, null, 2),
    );
  else {
    io.stdout(`${results.length} trigger(s) due`);
    results.forEach((result, index) => printText(io, rt, `trigger ${index + 1}`, result));
    if (saved) io.stdout(`saved ${saved}`);
  }
  return results.some((result) => result.error) ? 1 : 0;
}

/**
 * Runs the command line; resolves to the exit code (0 success, 1 the function failed, 2 usage error).
 * @param argv the arguments after the program name
 * @param io where text goes (default: the process's stdout/stderr)
 */
export async function main(argv: string[], io: CliOutput = processOutput): Promise<number> {
  try {
    const parsed = parse(argv);
    switch (parsed.command) {
      case 'run':
        return await run(parsed, io);
      case 'fire':
        return await fire(parsed, io);
      case 'functions': {
        const [projectDir] = parsed.positional;
        if (!projectDir) throw new UsageError(USAGE);
        const rt = await LocalRuntime.create({ projectDir });
        io.stdout(rt.project.scripts.map((script) => `file ${script.name}`).join('\n'));
        io.stdout(rt.functionNames().join('\n'));
        return 0;
      }
      case 'help':
      case '--help':
        io.stdout(USAGE);
        return 0;
      default:
        throw new UsageError(`unknown command "${parsed.command}"\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof UsageError) io.stderr(`apps-script-local: ${error.message}`);
    else
      io.stderr(
        `apps-script-local: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    return 2;
  }
}

const processOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
