/** The shape of a `salesdesk` command: one module per command in cli/commands/. */
import type { Locale } from '../src/core/i18n';

export interface ParsedArgs {
  command: string;
  /** Arguments that are not flags, after the command. */
  positional: string[];
  /** Every --flag as given (`--x` alone is true). */
  flags: Record<string, string | boolean>;
  in?: string;
  out?: string;
  /** E-mail of the user the add-in runs as. */
  as?: string;
  locale?: Locale;
  /** ISO time the run takes as "now" (the runtime's fake clock). */
  now?: string;
  json: boolean;
}

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A flag that stands alone (`--json`) or takes the next argument (`--in book.xlsx`). */
export type FlagKind = 'boolean' | 'value';

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** The command's own flags, beyond cli/args.ts COMMON_FLAGS; any other flag is a usage error. */
  flags?: Readonly<Record<string, FlagKind>>;
  /** Resolves to the process exit code. */
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/** An error the user caused (bad flag, missing file): printed without a stack trace, exit 2. */
export class CliUsageError extends Error {}

/**
 * An error an entry point of the bundle threw: a refusal (a rep running a manager action), a lock timeout, bad
 * data. Printed as its one (localised) message line without a stack trace, whatever class the script used; exit 1.
 */
export class CliScriptError extends Error {
  /** The script's error name (AccessDeniedError, Error, TypeError…). */
  readonly scriptName: string;
  constructor(cause: Error) {
    super(cause.message);
    this.scriptName = cause.name;
    this.stack = cause.stack;
  }
}
