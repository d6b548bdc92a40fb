/**
 * HTML escaping for the rare places a sidebar builds markup as a string. Prefer rendering through Preact (or
 * `textContent`), which escapes everything; use this only when a string of HTML is unavoidable.
 */
import { escapeHtml } from '../../core/html';

export { escapeHtml };

/** Tagged template that escapes every interpolated value: html`<b>${name}</b>`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce(
    (out, part, index) => out + part + (index < values.length ? escapeHtml(values[index]) : ''),
    '',
  );
}
