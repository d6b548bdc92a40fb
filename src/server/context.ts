/**
 * The one execution context: who is running, their role, their language and the workbook's, Settings parsed once,
 * the spreadsheet's time zone, and the lock helper. Built once per execution (src/server/entry-points.ts builds it
 * before any entry point runs) and handed to every feature, so no feature re-derives who is running or re-reads
 * Settings. Thin over Session/SpreadsheetApp; the decisions (locale resolution, roles) live in src/core.
 */
import { resolveLocale, translator, type Locale, type Translate } from '../core/i18n';
import { isManager, roleOf, type Role } from '../core/roles';
import type { Table } from '../core/table';
import type { Settings } from '../../templates';
import { readSettings, workbookLanguage, type SettingsRead } from './adapters/workbook';
import { withLock, type LockKind } from './lock';

/** Document property holding the Settings language override, written by set-up and Settings changes. */
export const LOCALE_OVERRIDE_PROPERTY = 'salesdesk.locale';

/**
 * The active user's e-mail. Consumer accounts may hide it from scripts run by others; the effective user
 * (the one who authorised the script, the trigger's owner in a trigger) is the best remaining answer.
 */
export function currentUserEmail(): string {
  const active = Session.getActiveUser().getEmail();
  if (active) return active.toLowerCase();
  return (Session.getEffectiveUser().getEmail() || '').toLowerCase();
}

/** The owner's e-mail, '' when unknown (a file on a shared drive has no owner). */
export function spreadsheetOwner(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return (spreadsheet.getOwner()?.getEmail() ?? '').toLowerCase();
  } catch {
    return '';
  }
}

function documentLocaleOverride(): string | null {
  try {
    return PropertiesService.getDocumentProperties().getProperty(LOCALE_OVERRIDE_PROPERTY);
  } catch {
    // onOpen in AuthMode.NONE cannot read properties: fall back to the user's locale.
    return null;
  }
}

/**
 * The UI language without reading any sheet (onOpen may run in AuthMode.NONE/LIMITED): the Settings override
 * recorded by set-up, else the user's locale, else the spreadsheet's locale. Everything else uses the context.
 */
export function currentLocale(): Locale {
  const override = documentLocaleOverride();
  const userLocale = Session.getActiveUserLocale();
  if (override && override !== 'auto') return resolveLocale(userLocale, override);
  if (userLocale) return resolveLocale(userLocale);
  try {
    return resolveLocale(SpreadsheetApp.getActive().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}

/** How an execution was started: by a person (menu, sidebar, CLI) or by an installed trigger. */
export type ExecutionKind = 'user' | 'trigger';

export interface ExecutionContext {
  kind: ExecutionKind;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Lower-case e-mail of whoever runs ('' when Google hides it); in a trigger, the trigger's owner. */
  user: string;
  /** The spreadsheet owner, '' on a shared drive. */
  owner: string;
  role: Role;
  /** Settings → managers plus the owner; never true in a trigger (nobody is there to be a manager). */
  isManager: boolean;
  /** The user's language (messages, sidebars); in a trigger the workbook's. */
  locale: Locale;
  t: Translate;
  /** The language the workbook's own texts are in (sheet names, list labels, log lines read by the whole team). */
  workbookLocale: Locale;
  /** Settings parsed once (defaults for blanks and bad values). */
  settings: Settings;
  /** The Settings read: its problems and sheet (null when the sheet is missing). */
  settingsRead: SettingsRead;
  /** The Settings sheet as read (exchange rates live there as an extra key); undefined when missing. */
  settingsTable: Table<string> | undefined;
  timeZone: string;
  /** Runs `task` under the document lock with the wait of `kind` (src/server/lock.ts). */
  withLock<T>(kind: LockKind, task: () => T): T;
}

let current: ExecutionContext | undefined;

/** Builds the context: one Settings read, one owner look-up, one Session look-up. */
function buildContext(kind: ExecutionKind): ExecutionContext {
  const spreadsheet = SpreadsheetApp.getActive();
  const settingsRead = readSettings(spreadsheet);
  const settings = settingsRead.settings;
  const user = currentUserEmail();
  const owner = spreadsheetOwner(spreadsheet);
  const facts = { user, owner, managers: settings.managers };
  const workbookLocale = workbookLanguage(spreadsheet, settings);
  let locale: Locale = workbookLocale;
  if (kind === 'user') {
    const userLocale = Session.getActiveUserLocale();
    if (settings.locale !== 'auto') locale = settings.locale;
    else if (userLocale) locale = resolveLocale(userLocale);
  }
  const t = translator(locale);
  return {
    kind,
    spreadsheet,
    user,
    owner,
    role: kind === 'trigger' ? 'rep' : roleOf(facts),
    isManager: kind === 'user' && isManager(facts),
    locale,
    t,
    workbookLocale,
    settings,
    settingsRead,
    settingsTable: settingsRead.table,
    timeZone: spreadsheet.getSpreadsheetTimeZone() || 'UTC',
    withLock: (lockKind, task) => withLock(t, lockKind, task),
  };
}

/**
 * The context of this execution, built on first use. Entry points run inside `runInContext`, which builds it
 * once and drops it when the call ends (a long-lived script context must not carry it into the next execution).
 */
export function executionContext(): ExecutionContext {
  current ??= buildContext('user');
  return current;
}

/**
 * Reads Settings again after the execution itself changed them (set-up, sample data): the rest of the run sees
 * the new managers and language.
 */
export function refreshExecutionContext(): ExecutionContext {
  current = buildContext(current?.kind ?? 'user');
  return current;
}

/** Runs an entry point with a fresh context of `kind`, dropped afterwards. */
export function runInContext<T>(kind: ExecutionKind, task: (context: ExecutionContext) => T): T {
  const previous = current;
  current = undefined;
  try {
    current = buildContext(kind);
    return task(current);
  } finally {
    current = previous;
  }
}

/** The user's translator from the context. */
export function currentTranslator(): Translate {
  return executionContext().t;
}
