/**
 * Every global service of an Apps Script project exists (developers.google.com/apps-script/reference lists
 * them); the ones the local runtime does not implement report it clearly instead of a ReferenceError.
 */
import { failure, run, runtimeWith } from './helpers';

const code = String.raw`
function kinds() {
  return [typeof Browser, typeof UrlFetchApp, typeof ContentService, typeof XmlService, typeof GmailApp,
    typeof DocumentApp, typeof Maps, typeof UrlFetchApp.fetch, typeof UrlFetchApp.noSuchMember];
}
function fetch() { return UrlFetchApp.fetch('https://example.com'); }
function gmail() { return GmailApp.getInboxThreads(); }
function doc() { return DocumentApp.create('x'); }
`;

describe('services the runtime does not implement', () => {
  // reference/url-fetch/url-fetch-app, reference/gmail/gmail-app, reference/document/document-app, ...
  it('exist as globals whose documented members throw "not supported by the local runtime"', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'kinds')).toEqual([
      'object',
      'object',
      'object',
      'object',
      'object',
      'object',
      'object',
      'function',
      'undefined',
    ]);
    expect(failure(rt, 'fetch')).toBe('not supported by the local runtime: UrlFetchApp.fetch');
    expect(failure(rt, 'gmail')).toBe('not supported by the local runtime: GmailApp.getInboxThreads');
    expect(failure(rt, 'doc')).toBe('not supported by the local runtime: DocumentApp.create');
  });
});

describe('services the runtime does not implement, in overlapping executions', () => {
  // The same report from a worker thread (executeConcurrently) as inline.
  it('report "not supported" from a worker too', async () => {
    const rt = await runtimeWith(code);
    const [result] = await rt.executeConcurrently([{ fn: 'fetch' }]);
    expect(result.error?.message).toBe('not supported by the local runtime: UrlFetchApp.fetch');
  });
});
