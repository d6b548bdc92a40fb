/**
 * The message catalogue: every user-facing string of SalesDesk in en and zh-CN.
 * Catalogues are split per feature (catalog/*.ts) so each area owns its keys; `t` looks a key up in the
 * merged catalogue and interpolates `{name}` placeholders.
 */
import { catalogs } from './catalog';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

export type MessageParams = Record<string, string | number>;
export type Catalog = { en: Record<string, string>; 'zh-CN': Record<string, string> };

const merged: Record<Locale, Record<string, string>> = { en: {}, 'zh-CN': {} };
for (const catalog of catalogs) {
  for (const locale of LOCALES) Object.assign(merged[locale], catalog[locale]);
}

/** All keys of a locale, for the completeness test. */
export function catalogKeys(locale: Locale): string[] {
  return Object.keys(merged[locale]);
}

/**
 * `{count, plural, one {# lead} other {# leads}}`: the ICU plural form, the only one of ICU's forms the catalogue
 * uses. Its options hold plain text and `#` (the number); `=0`-style exact matches win over categories.
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_OPTION = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

const pluralRulesCache = new Map<Locale, (n: number) => string>();
/**
 * The plural category of `n` in `locale`. Intl.PluralRules exists in Apps Script's V8 and in every browser a sidebar
 * runs in; the fallback only keeps English right should an engine ever lack it.
 */
function pluralCategory(locale: Locale, n: number): string {
  let rule = pluralRulesCache.get(locale);
  if (!rule) {
    if (typeof Intl !== 'undefined' && typeof Intl.PluralRules === 'function') {
      const rules = new Intl.PluralRules(locale);
      rule = (value) => rules.select(value);
    } else {
      rule = (value) => (locale === 'en' && value === 1 ? 'one' : 'other');
    }
    pluralRulesCache.set(locale, rule);
  }
  return rule(n);
}

function selectPlural(locale: Locale, value: string | number, options: string): string {
  const n = Number(value);
  const forms = new Map<string, string>();
  for (const match of options.matchAll(PLURAL_OPTION)) forms.set(match[1], match[2]);
  const chosen =
    forms.get(`=${n}`) ??
    forms.get(Number.isFinite(n) ? pluralCategory(locale, n) : 'other') ??
    forms.get('other');
  return (chosen ?? '').replace(/#/g, String(value));
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
 * A missing key falls back to English, then to the key itself, so a gap never crashes a user's run.
 */
export function t(locale: Locale, key: string, params?: MessageParams): string {
  const template = merged[locale][key] ?? merged.en[key] ?? key;
  if (!params) return template;
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name);
  return template
    .replace(PLURAL, (whole, name: string, options: string) =>
      has(name) ? selectPlural(locale, params[name], options) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (has(name) ? String(params[name]) : whole));
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
