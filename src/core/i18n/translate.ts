/**
 * Translating with one message table: `{name}` placeholders, English then the key itself for a gap. Kept apart
 * from the catalogue (index.ts) so a sidebar can translate with the table the server sent, without bundling the
 * whole catalogue of both languages.
 */
import type { MessageParams, Translate } from './index';

/** `template` with each `{param}` replaced; an unknown placeholder stays as written. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** A translator over one table (key → message); a missing key gives the key, so a gap never crashes. */
export function translatorOf(messages: Readonly<Record<string, string>>): Translate {
  return (key, params) =>
    interpolate(Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key, params);
}
