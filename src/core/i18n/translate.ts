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

/** The forms of each plural's options text, read once per execution. */
const pluralForms = new Map<string, Map<string, string>>();

function selectPlural(locale: Locale, value: string | number, options: string): string {
  const n = Number(value);
  let forms = pluralForms.get(options);
  if (!forms) {
    forms = new Map<string, string>();
    for (const match of options.matchAll(PLURAL_OPTION)) forms.set(match[1], match[2]);
    if (pluralForms.size >= COMPILED_LIMIT) pluralForms.clear();
    pluralForms.set(options, forms);
  }
  const chosen =
    forms.get(`=${n}`) ??
    forms.get(Number.isFinite(n) ? pluralCategory(locale, n) : 'other') ??
    forms.get('other');
  return (chosen ?? '').replace(/#/g, String(value));
}

/** A template cut at its placeholders: text, then alternately a placeholder and the text after it. */
interface Compiled {
  /** Even indices: literal text; odd indices: a `{name}` placeholder's name or a plural form (PLURAL's match). */
  parts: (string | { name: string; options: string; whole: string })[];
}
const compiledTemplates = new Map<string, Compiled | null>();
const COMPILED_LIMIT = 2_000;

/**
 * `template` cut once into text and placeholders; null when text around them or inside a plural form holds a
 * brace, which only the two-pass path below reads exactly. The catalogue has a few hundred templates and a run formats
 * the same few many times (a reason per assigned lead), so each is cut once per execution.
 */
function compile(template: string): Compiled | null {
  let compiled = compiledTemplates.get(template);
  if (compiled !== undefined) return compiled;
  const parts: Compiled['parts'] = [];
  let last = 0;
  let simple = true;
  const TOKEN = new RegExp(`${PLURAL.source}|\\{(\\w+)\\}`, 'g');
  for (const match of template.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    const text = template.slice(last, index);
    if (/[{}]/.test(text)) simple = false;
    parts.push(text);
    if (match[1] !== undefined) {
      if (/\{\w+\}/.test(match[2])) simple = false;
      parts.push({ name: match[1], options: match[2], whole: match[0] });
    } else parts.push(match[3]);
    last = index + match[0].length;
  }
  const tail = template.slice(last);
  if (/[{}]/.test(tail)) simple = false;
  parts.push(tail);
  compiled = simple ? { parts } : null;
  if (compiledTemplates.size >= COMPILED_LIMIT) compiledTemplates.clear();
  compiledTemplates.set(template, compiled);
  return compiled;
}

/**
 * `template` with its plural forms chosen by `locale`'s Intl.PluralRules and each `{param}` replaced; an unknown
 * placeholder stays as written.
 */
export function interpolate(template: string, params?: MessageParams, locale: Locale = 'en'): string {
  if (!params) return template;
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name);
  const compiled = compile(template);
  if (compiled) {
    const { parts } = compiled;
    let out = parts[0] as string;
    for (let i = 1; i < parts.length; i += 2) {
      const part = parts[i];
      if (typeof part === 'string') out += has(part) ? String(params[part]) : `{${part}}`;
      else out += has(part.name) ? selectPlural(locale, params[part.name], part.options) : part.whole;
      out += parts[i + 1] as string;
    }
    return out;
  }
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
