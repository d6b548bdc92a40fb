/**
 * The format of the project's data files (`sample-data.html`, `rare-data.html`): JSON that Apps Script never
 * compiles, shipped as an `.html` project file and read with HtmlService (src/server/adapters/project-file.ts).
 * The reference documents an Error for malformed HTML, so each file is well-formed HTML: comment lines saying what
 * it is, then one `<script type="application/json">` element holding the value (`<` written `\u003c`, so the
 * text can never close the element).
 */
const OPEN = '<script type="application/json">';
const CLOSE = '</script>';

/** The file's text: `comments` (one `<!-- … -->` line each), then `value` as JSON in the script element. */
export function dataFileHtml(comments: readonly string[], value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c');
  return [...comments.map((line) => `<!-- ${line} -->`), `${OPEN}${json}${CLOSE}`, ''].join('\n');
}

/** The value a data file holds, or undefined when `html` holds no such element. */
export function dataFileValue(html: string): unknown {
  const start = html.indexOf(OPEN);
  const end = html.lastIndexOf(CLOSE);
  return start < 0 || end < start ? undefined : (JSON.parse(html.slice(start + OPEN.length, end)) as unknown);
}
