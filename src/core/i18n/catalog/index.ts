/** Every feature catalogue; add a feature's catalogue here when it is created. */
import type { Catalog } from '../index';
import { assign } from './assign';
import { boot } from './boot';
import { checks } from './checks';
import { common } from './common';
import { dashboard } from './dashboard';
import { data } from './data';
import { forms } from './forms';
import { merge } from './merge';
import { onboarding } from './onboarding';
import { opportunities } from './opportunities';
import { reminders } from './reminders';
import { roles } from './roles';
import { routing } from './routing';
import { setup } from './setup';
import { service } from './service';

export const catalogs: Catalog[] = [
  assign,
  boot,
  checks,
  common,
  dashboard,
  data,
  forms,
  merge,
  onboarding,
  opportunities,
  reminders,
  roles,
  routing,
  setup,
  service,
];

/**
 * Every catalogue, for the merged table of src/core/i18n. The build (scripts/build.ts) replaces this module in
 * Code.js by the same data as one JSON text parsed on the first call: Apps Script compiles and runs the bundle's
 * global code at the start of every execution, and ~70 KB of object literals cost more to compile and build than
 * one string, which most executions (a custom function, a trigger with nothing to say) never parse.
 */
export function allCatalogs(): Catalog[] {
  return catalogs;
}

/**
 * The text of `key` in `locale` (no fallback), without building the merged table: the last catalogue that has it,
 * as the merged table takes it. In Code.js the build replaces this by a search of its catalogue text.
 */
export function findMessage(locale: 'en' | 'zh-CN', key: string): string | undefined {
  for (let i = catalogs.length - 1; i >= 0; i--) {
    const table = catalogs[i][locale];
    if (Object.prototype.hasOwnProperty.call(table, key)) return table[key];
  }
  return undefined;
}

/**
 * A text the merged table lacks. Here every text is in the table, so none; in Code.js the build replaces this module
 * and the texts only rare operations name (set-up, the reminder e-mails) are read from a project file instead
 * (src/server/rare-data.ts).
 */
export function rareMessage(_locale: string, _key: string): string | undefined {
  return undefined;
}
