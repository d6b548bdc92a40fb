/**
 * The message catalogue: every user-facing string of SalesDesk in en and zh-CN.
 * Catalogues are split per feature (catalog/*.ts) so each area owns its keys; `t` looks a key up in the
 * merged catalogue and interpolates `{name}` placeholders.
 */
import { allCatalogs, findMessage, rareMessage } from './catalog';
import { interpolate, PLURAL } from './translate';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

export type MessageParams = Record<string, string | number>;
export type Catalog = { en: Record<string, string>; 'zh-CN': Record<string, string> };

let mergedCatalog: Record<Locale, Record<string, string>> | undefined;
/** Texts looked up one by one so far (t), before the tables were built. */
let lookups = 0;
/** Every feature's catalogue merged per locale, on first use (not in the global code every execution runs). */
function merged(): Record<Locale, Record<string, string>> {
  if (!mergedCatalog) {
    const catalogs = allCatalogs();
    // Code.js has one catalogue already merged by the build (scripts/build.ts): its tables are used as they are,
    // not copied key by key in every execution that translates.
    if (catalogs.length === 1) mergedCatalog = { en: catalogs[0].en, 'zh-CN': catalogs[0]['zh-CN'] };
    else {
      mergedCatalog = { en: {}, 'zh-CN': {} };
      for (const catalog of catalogs) {
        for (const locale of LOCALES) Object.assign(mergedCatalog[locale], catalog[locale]);
      }
    }
  }
  return mergedCatalog;
}

/** All keys of a locale, for the completeness test. */
export function catalogKeys(locale: Locale): string[] {
  return Object.keys(merged()[locale]);
}

/** The parameter names a message uses, plain `{name}` and plural `{name, plural, …}` alike (for the catalogue test). */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLURAL)) names.add(match[1]);
  for (const match of template.replace(PLURAL, '').matchAll(/\{(\w+)\}/g)) names.add(match[1]);
  return [...names].sort();
}

/**
 * Translates `key` into `locale`, choosing plural forms (`{count, plural, one {…} other {…}}`, by the locale's
 * Intl.PluralRules) and replacing `{param}` placeholders.
 * A missing key falls back to English, then to the key itself, so a gap never crashes a user's run. Code.js reads the
 * texts only rare operations name from a project file when first asked for one (catalog/index.ts rareMessage).
 */
export function t(locale: Locale, key: string, params?: MessageParams): string {
  // Once the tables are built (a sidebar's start-up sends them whole) they answer; until then one text is looked up
  // alone: most executions translate a handful of keys, and building the tables costs each of them ~0.3 ms.
  // An execution that translates much (a preview row per lead) builds the tables after its first 64 lookups.
  const table = mergedCatalog ?? (++lookups > 64 ? merged() : undefined);
  const text = table
    ? (table[locale][key] ?? table.en[key])
    : (findMessage(locale, key) ?? (locale === 'en' ? undefined : findMessage('en', key)));
  return interpolate(text ?? rareMessage(locale, key) ?? key, params, locale);
}

/**
 * Every message of `locale`, English filling its gaps: the table a sidebar receives with its start-up data, so it
 * translates exactly as `t(locale, …)` does here.
 */
export function messagesOf(locale: Locale): Record<string, string> {
  const table = merged();
  return { ...table.en, ...table[locale] };
}

/** A translator bound to one locale. */
export type Translate = (key: string, params?: MessageParams) => string;
export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}

/**
 * Chooses the UI language: an explicit override from Settings ('en' / 'zh-CN') wins; otherwise the user's
 * locale as Apps Script reports it ('zh_CN', 'zh-TW', 'en_US', ...). Any Chinese locale gets zh-CN.
 */
export function resolveLocale(userLocale: string | null | undefined, override?: string | null): Locale {
  const normalised = (value: string | null | undefined): Locale | null => {
    if (!value) return null;
    const lower = value.trim().toLowerCase().replace('_', '-');
    if (lower === '' || lower === 'auto') return null;
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
    return null;
  };
  return normalised(override) ?? normalised(userLocale) ?? 'en';
}
