/**
 * Translating with one message table: `{name}` placeholders and ICU plural forms, English then the key itself for a gap. Kept apart
 * from the catalogue (index.ts) so a sidebar can translate with the table the server sent, without bundling the
 * whole catalogue of both languages.
 */
import type { Locale, MessageParams, Translate } from './index';

/**
 * `{count, plural, one {# lead} other {# leads}}`: the ICU plural form, the only one of ICU's forms the catalogue
 * uses. Its options hold plain text and `#` (the number); `=0`-style exact matches win over categories.
 */
export const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
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

/**
 * `template` with its plural forms chosen by `locale`'s Intl.PluralRules and each `{param}` replaced; an unknown
 * placeholder stays as written.
 */
export function interpolate(template: string, params?: MessageParams, locale: Locale = 'en'): string {
  if (!params) return template;
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name);
  return template
    .replace(PLURAL, (whole, name: string, options: string) =>
      has(name) ? selectPlural(locale, params[name], options) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (has(name) ? String(params[name]) : whole));
}

/** A translator over one table (key → message); a missing key gives the key, so a gap never crashes. */
export function translatorOf(messages: Readonly<Record<string, string>>, locale: Locale = 'en'): Translate {
  return (key, params) =>
    interpolate(Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key, params, locale);
}
