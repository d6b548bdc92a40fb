/**
 * HTML escaping: the one function every place that builds HTML from user-typed text goes through (reminder
 * and assignment mails, the export dialog, sidebars that must build markup as a string).
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes a value for HTML text or a quoted attribute; `null`/`undefined` become ''. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"'`]/g, (ch) => ENTITIES[ch]);
}
