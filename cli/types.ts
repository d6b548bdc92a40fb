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

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/** An error the user caused (bad flag, missing file): printed without a stack trace. */
export class CliUsageError extends Error {}
