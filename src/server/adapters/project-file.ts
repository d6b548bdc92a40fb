/**
 * Reads a data file of the Apps Script project. Apps Script compiles every `.gs` file at the start of every
 * execution, but never an `.html` file: data that only a rare operation needs (the sample of Load sample data) is
 * shipped as an `.html` project file and read when that operation runs, with the documented idiom
 * `HtmlService.createHtmlOutputFromFile(name).getContent()` (developers.google.com/apps-script/guides/html/
 * best-practices, "include"; reference/html/html-service#createHtmlOutputFromFile(String)), which gives the file's
 * text as written. One HtmlService call; no scriptlet is evaluated (that would be createTemplateFromFile). The
 * reference documents an Error for malformed HTML (createHtmlOutput(html)), so the build writes each data file as
 * well-formed HTML: comments and one `<script type="application/json">` element (the format: src/core/data-file.ts);
 * test/runtime-conformance/html-service.test.ts checks the local runtime gives it back as is.
 */

/**
 * The text of the project file `name` (without `.html`).
 * @throws Error from HtmlService when the project has no such file.
 */
export function readProjectFile(name: string): string {
  return HtmlService.createHtmlOutputFromFile(name).getContent();
}
