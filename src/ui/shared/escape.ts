/**
 * HTML escaping for the rare places a sidebar builds markup as a string. Prefer rendering through Preact (or
 * `textContent`), which escapes everything; use this only when a string of HTML is unavoidable.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes a value for use in HTML text or a quoted attribute. `null`/`undefined` become ''. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (ch) => ENTITIES[ch]);
}

/** Tagged template that escapes every interpolated value: html`<b>${name}</b>`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce(
    (out, part, index) => out + part + (index < values.length ? escapeHtml(values[index]) : ''),
    '',
  );
}
