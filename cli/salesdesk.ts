/**
 * `salesdesk <command>`: the add-in's real entry points, run offline on a workbook through the local runtime.
 * Errors go to stderr as one line: exit 2 for a usage error (bare `salesdesk`, an unknown command or flag, a file
 * that is no workbook), exit 1 when the add-in refused or failed (its localised message, no stack trace).
 */
import { closestFlag, parseArgs } from './args';
import { commands } from './commands';
import { CliScriptError, CliUsageError, type CliIO } from './types';

const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

function help(): string {
  const lines = commands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`);
  return [
    'usage: salesdesk <command> [--in workbook.xlsx] [--out workbook.xlsx] [--as email] [--locale en|zh-CN] [--now yyyy-MM-ddTHH:mm] [--json]',
    '',
    'commands:',
    ...lines,
    '',
    "salesdesk <command> --help shows a command's own flags. --now is wall-clock time in the spreadsheet's",
    'time zone unless it carries an offset (2026-11-23T09:00+08:00, …Z).',
  ].join('\n');
}

/** JavaScript's own error classes: a bug in the add-in, worth its stack trace (not a refusal). */
const BUG_CLASSES = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError', 'EvalError']);

/**
 * Runs one command line. `io` defaults to the process's stdout/stderr (tests pass their own).
 * @returns the exit code: 0 done, 1 refused or failed (or the command's own "not ok"), 2 usage error.
 */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  if (argv.length === 0) {
    // Bare `salesdesk` did not do what was asked: help on stderr, a usage exit code.
    io.stderr(help());
    return 2;
  }
  try {
    const args = parseArgs(argv);
    if (args.command === 'help' || args.command === '--help') {
      io.stdout(help());
      return 0;
    }
    const command = commands.find((c) => c.name === args.command);
    if (!command) {
      const near = closestFlag(
        args.command,
        commands.map((c) => c.name),
      );
      throw new CliUsageError(
        `unknown command "${args.command}"${near ? ` (did you mean ${near}?)` : ''}\n\n${help()}`,
      );
    }
    if (args.flags.help) {
      io.stdout(`usage: ${command.usage}\n\n${command.summary}`);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`salesdesk: ${error.message}`);
      return 2;
    }
    if (error instanceof CliScriptError && !BUG_CLASSES.has(error.scriptName)) {
      io.stderr(`salesdesk: ${error.message.trim()}`);
      return 1;
    }
    io.stderr(`salesdesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
