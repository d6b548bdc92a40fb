/**
 * Conformance of HtmlService to developers.google.com/apps-script/guides/html/templates and
 * reference/html/html-output.
 */
import { failure, run, runtimeWith } from './helpers';

const html = {
  Page: '<html><head><?!= include("Stylesheet"); ?></head><body><h1><?= title; ?></h1><?= 1 + 1 ?></body></html>',
  Stylesheet: '<style>p { color: red; }</style>',
  // A data file, as SalesDesk ships its sample: read whole, never served as a page.
  'sample-data':
    '<!-- data -->\n<script type="application/json">{"a":"\\u003c/script>","b":"客户 <?= 1 ?>","c":" x "}</script>\n',
};
const code = String.raw`
function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function page() { var t = HtmlService.createTemplateFromFile('Page'); t.title = '<Hi>'; return t.evaluate().getContent(); }
function data(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function blob() { var b = HtmlService.createHtmlOutput('<b>x</b>').setTitle('T').getBlob(); return [b.getContentType(), b.getDataAsString(), b.getName()]; }
`;

describe('HtmlService', () => {
  // developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript writes
  // <?!= include('Stylesheet'); ?>: a scriptlet expression may end in a semicolon.
  it('printing scriptlets accept a trailing semicolon', async () => {
    const rt = await runtimeWith(code, { html });
    expect(run(rt, 'page')).toBe(
      '<html><head><style>p { color: red; }</style></head><body><h1>&lt;Hi&gt;</h1>2</body></html>',
    );
  });

  // developers.google.com/apps-script/reference/html/html-output#getBlob(): the content as a blob. Its content
  // type (text/html) and name are not documented; text/html is what Apps Script reports.
  it('HtmlOutput.getBlob gives the HTML as a text/html blob', async () => {
    const rt = await runtimeWith(code, { html });
    expect(run(rt, 'blob')).toEqual(['text/html', '<b>x</b>', null]);
  });

  // guides/html/best-practices ("include"): createHtmlOutputFromFile(name).getContent() gives a project file's text,
  // which is how a script reads a data file: as written (no trimming, no escaping), scriptlets untouched (only
  // createTemplateFromFile evaluates them), any characters.
  it('createHtmlOutputFromFile(name).getContent() gives a data file exactly as written', async () => {
    const rt = await runtimeWith(code, { html });
    expect(run(rt, 'data', 'sample-data')).toBe(html['sample-data']);
  });

  // reference/html/html-service#createHtmlOutputFromFile(String): a missing file is an error.
  it('a project file that does not exist is an error', async () => {
    const rt = await runtimeWith(code, { html });
    expect(failure(rt, 'data', 'no-such-file')).toMatch(/No HTML file named no-such-file was found/);
  });
});
