/**
 * `salesdesk <command>`: the add-in's real entry points, run offline on a workbook through the local runtime.
 * Errors go to stderr with a non-zero exit.
 */
import { parseArgs } from './args';
import { commands } from './commands';
import { CliUsageError, type CliIO } from './types';

const io: CliIO = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

function help(): string {
  const lines = commands.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`);
  return [
    'usage: salesdesk <command> [--in workbook.xlsx] [--out workbook.xlsx] [--as email] [--locale en|zh-CN] [--now ISO] [--json]',
    '',
    'commands:',
    ...lines,
    '',
    "salesdesk <command> --help shows a command's own flags.",
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help' || args.command === '--help') {
      io.stdout(help());
      return 0;
    }
    const command = commands.find((c) => c.name === args.command);
    if (!command) throw new CliUsageError(`unknown command "${args.command}"\n\n${help()}`);
    if (args.flags.help) {
      io.stdout(`usage: ${command.usage}\n\n${command.summary}`);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    // A refusal (not a manager, a protection in the way) is an answer for the user, not a bug: one line.
    const refusal = error instanceof Error && error.name === 'AccessDeniedError';
    if (error instanceof CliUsageError || refusal) io.stderr(`salesdesk: ${(error as Error).message}`);
    else io.stderr(`salesdesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
