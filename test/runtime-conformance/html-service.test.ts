/**
 * Conformance of HtmlService to developers.google.com/apps-script/guides/html/templates and
 * reference/html/html-output.
 */
import { run, runtimeWith } from './helpers';

const html = {
  Page: '<html><head><?!= include("Stylesheet"); ?></head><body><h1><?= title; ?></h1><?= 1 + 1 ?></body></html>',
  Stylesheet: '<style>p { color: red; }</style>',
};
const code = String.raw`
function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function page() { var t = HtmlService.createTemplateFromFile('Page'); t.title = '<Hi>'; return t.evaluate().getContent(); }
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
});
