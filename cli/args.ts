/** Parses `salesdesk <command> [--flag value | --flag] [positional...]`. */
import { CliUsageError, type ParsedArgs } from './types';

const BOOLEAN_FLAGS = new Set(['json', 'help', 'preview', 'send', 'clear', 'undo']);

export function parseArgs(argv: string[]): ParsedArgs {
  const [command = 'help', ...rest] = argv;
  const flags: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) flags[name] = inline;
    else if (BOOLEAN_FLAGS.has(name) || i + 1 >= rest.length || rest[i + 1].startsWith('--'))
      flags[name] = true;
    else flags[name] = rest[++i];
  }
  const text = (name: string): string | undefined => {
    const value = flags[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new CliUsageError(`--${name} needs a value`);
    return value;
  };
  const locale = text('locale');
  if (locale !== undefined && locale !== 'en' && locale !== 'zh-CN') {
    throw new CliUsageError(`--locale must be en or zh-CN, not "${locale}"`);
  }
  const now = text('now');
  if (now !== undefined && Number.isNaN(new Date(now).getTime())) {
    throw new CliUsageError(`--now must be an ISO date or time, not "${now}"`);
  }
  return {
    command,
    positional,
    flags,
    in: text('in'),
    out: text('out'),
    as: text('as'),
    locale,
    now,
    json: flags.json === true,
  };
}
