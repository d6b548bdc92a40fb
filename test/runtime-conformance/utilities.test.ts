/** Conformance of Utilities and Blob to developers.google.com/apps-script/reference/utilities/utilities. */
import { createHash, createHmac } from 'node:crypto';
import { failure, run, runtimeWith } from './helpers';

const code = String.raw`
function hex(bytes) { return bytes.map(function (b) { return ('0' + (b & 255).toString(16)).slice(-2); }).join(''); }
function digests(text) {
  var U = Utilities;
  return [hex(U.computeDigest(U.DigestAlgorithm.MD5, text)),
    hex(U.computeDigest(U.DigestAlgorithm.MD5, text, U.Charset.US_ASCII)),
    hex(U.computeDigest(U.DigestAlgorithm.MD5, text, U.Charset.UTF_8))];
}
function digestNoArgs() { return Utilities.computeDigest(); }
function digestTooMany() { return Utilities.computeDigest('x', 'a', 'b', 4); }
function textBlob() { var b = Utilities.newBlob('hello'); return [b.getContentType(), Utilities.newBlob([104, 105]).getContentType()]; }
function hmac(key, text) { return hex(Utilities.computeHmacSha256Signature(text, key)); }
function parse() { return Utilities.parseDate('2026-03-05 14:30', 'Asia/Shanghai', 'yyyy-MM-dd HH:mm').toISOString(); }
function badParse() { return Utilities.parseDate('nope', 'UTC', 'yyyy-MM-dd'); }
function fmt() { return Utilities.formatString('%s has %d items (%.2f%%) %05d', 'Ann', 3, 12.345, 42); }
function fromExtension() { return Utilities.newBlob('a,b', null, 'report.csv').setContentTypeFromExtension().getContentType(); }
`;

describe('Utilities', () => {
  // reference/utilities/utilities#computeDigest(DigestAlgorithm,String): without a charset the text is encoded
  // as US-ASCII (the Java default of the service): characters outside ASCII become '?' — the reason the page's
  // three-argument form exists. US_ASCII gives the same bytes.
  it('computeDigest encodes text as US-ASCII (non-ASCII → "?") unless a charset says otherwise', async () => {
    const rt = await runtimeWith(code);
    const md5 = (data: string | Buffer): string => createHash('md5').update(data).digest('hex');
    expect(run(rt, 'digests', 'héllo 😀')).toEqual([
      md5(Buffer.from('h?llo ?', 'latin1')),
      md5(Buffer.from('h?llo ?', 'latin1')),
      md5(Buffer.from('héllo 😀', 'utf8')),
    ]);
  });

  // Apps Script rejects an argument list no overload of the reference takes with this text (its wording is not on
  // the reference pages; it is the service's standard message).
  it('wrong argument lists fail with "The parameters (…) don\'t match the method signature"', async () => {
    const rt = await runtimeWith(code);
    expect(failure(rt, 'digestNoArgs')).toBe(
      "The parameters () don't match the method signature for Utilities.computeDigest.",
    );
    expect(failure(rt, 'digestTooMany')).toBe(
      "The parameters (String,String,String,number) don't match the method signature for Utilities.computeDigest.",
    );
  });

  // reference/utilities/utilities#newBlob(String): a blob made from a string is text/plain (not stated on the
  // page; Apps Script reports it). A blob from bytes has no content type.
  it('newBlob(text) is text/plain', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'textBlob')).toEqual(['text/plain', null]);
  });

  // reference/utilities/utilities#computeHmacSha256Signature(String,String)
  it('computeHmacSha256Signature matches HMAC-SHA256 of the UTF-8 text', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'hmac', 'key', 'The quick brown fox')).toBe(
      createHmac('sha256', 'key').update('The quick brown fox').digest('hex'),
    );
  });

  // reference/utilities/utilities#parseDate(String,String,String): SimpleDateFormat patterns, in the time zone.
  it('parseDate reads SimpleDateFormat patterns in a time zone', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'parse')).toBe('2026-03-05T06:30:00.000Z');
    expect(failure(rt, 'badParse')).toMatch(/Unparseable date: "nope"/);
  });

  // reference/utilities/utilities#formatString(String,Object...): sprintf-like formatting.
  it('formatString formats like sprintf', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'fmt')).toBe('Ann has 3 items (12.35%) 00042');
  });

  // reference/base/blob#setContentTypeFromExtension()
  it('Blob.setContentTypeFromExtension sets the type from the name', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'fromExtension')).toBe('text/csv');
  });
});
