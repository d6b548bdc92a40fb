/**
 * Parses `salesdesk <command> [--flag value | --flag] [positional...]` against the flags the command declares
 * (cli/commands/*.ts) plus the common ones. An unknown or misspelt flag is a usage error naming it and the closest
 * known flag, so `--inn book.xlsx` never runs on a new empty workbook by accident.
 */
import { resolveLocale, type Locale } from '../src/core/i18n';
import { parseLocalDateTime } from '../src/core/dates';
import { commands } from './commands';
import { CliUsageError, type FlagKind, type ParsedArgs } from './types';

/** Flags every command takes. */
export const COMMON_FLAGS: Readonly<Record<string, FlagKind>> = {
  in: 'value',
  out: 'value',
  as: 'value',
  locale: 'value',
  now: 'value',
  json: 'boolean',
  help: 'boolean',
};

/** Edit distance (insert, delete, substitute, swap of neighbours) between two short flag names. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The known flag closest to `name`, or undefined when none is plausibly meant (more than a third of the
 * letters differ and it is not a prefix).
 */
export function closestFlag(name: string, known: readonly string[]): string | undefined {
  let best: { flag: string; score: number } | undefined;
  for (const flag of known) {
    const score = flag.startsWith(name) || name.startsWith(flag) ? 0.5 : distance(name, flag);
    if (!best || score < best.score) best = { flag, score };
  }
  if (!best) return undefined;
  return best.score <= Math.max(1, Math.ceil(Math.max(name.length, best.flag.length) / 3))
    ? best.flag
    : undefined;
}

/**
 * `en`, `zh-CN` and the spellings people and Apps Script use for them (`zh_CN`, `zh-cn`, `en_US`).
 * @throws CliUsageError for any other language.
 */
export function parseLocaleFlag(value: string): Locale {
  const lower = value.trim().toLowerCase().replace(/_/g, '-');
  if (!/^(en|zh)(-[a-z]+)?$/.test(lower) || /^zh-(tw|hk|hant|mo)$/.test(lower))
    throw new CliUsageError(`--locale must be en or zh-CN (zh_CN also works), not "${value}"`);
  return resolveLocale(lower);
}

/**
 * Parses the command line. Flags are checked against COMMON_FLAGS and the named command's own `flags`; for an
 * unknown command the flags are left unchecked (the caller reports the command).
 * @throws CliUsageError for an unknown flag, a missing value, a bad --locale or --now.
 */
export function parseArgs(argv: string[]): ParsedArgs {
  const [command = 'help', ...rest] = argv;
  const spec = commands.find((c) => c.name === command);
  const known: Record<string, FlagKind> = { ...COMMON_FLAGS, ...(spec?.flags ?? {}) };
  const flags: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
    const kind = known[name];
    if (spec && kind === undefined) {
      const near = closestFlag(name, Object.keys(known));
      throw new CliUsageError(
        `unknown flag ${arg.split('=')[0]} for "${command}"${near ? ` (did you mean --${near}?)` : ''}\n` +
          `usage: ${spec.usage}`,
      );
    }
    if (kind === 'boolean') {
      if (inline !== undefined && !/^(true|false)$/i.test(inline))
        throw new CliUsageError(`--${name} takes no value (or =true / =false), not "${inline}"`);
      flags[name] = inline === undefined || inline.toLowerCase() === 'true';
    } else if (inline !== undefined) flags[name] = inline;
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) flags[name] = rest[++i];
    else if (spec) throw new CliUsageError(`--${name} needs a value`);
    else flags[name] = true;
  }
  const text = (name: string): string | undefined => {
    const value = flags[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new CliUsageError(`--${name} needs a value`);
    return value;
  };
  const localeText = text('locale');
  const locale = localeText === undefined ? undefined : parseLocaleFlag(localeText);
  const now = text('now');
  if (now !== undefined) {
    try {
      // Only the form is checked here: the zone it is read in is the spreadsheet's (cli/workbook.ts).
      parseLocalDateTime(now, 'UTC');
    } catch {
      throw new CliUsageError(
        `--now must be yyyy-MM-dd, yyyy-MM-ddTHH:mm (spreadsheet time) or an ISO time with an offset, not "${now}"`,
      );
    }
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
