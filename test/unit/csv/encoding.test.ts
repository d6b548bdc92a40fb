import { decodeCsvBytes, decodeUtf8Strict, looksLikeGbk } from '../../../src/core/csv/encoding';

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const gbkDecoder = (bytes: Uint8Array): string => new TextDecoder('gbk', { fatal: true }).decode(bytes);
// 公司,联系人\r\n华为,张三 in GBK
const gbkBytes = new Uint8Array([
  0xb9, 0xab, 0xcb, 0xbe, 0x2c, 0xc1, 0xaa, 0xcf, 0xb5, 0xc8, 0xcb, 0x0d, 0x0a, 0xbb, 0xaa, 0xce, 0xaa, 0x2c,
  0xd5, 0xc5, 0xc8, 0xfd,
]);

describe('decodeCsvBytes', () => {
  it('decodes UTF-8 with and without a BOM', () => {
    expect(decodeCsvBytes(utf8('公司,联系人\r\n'))).toEqual({
      ok: true,
      text: '公司,联系人\r\n',
      encoding: 'utf-8',
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b')]);
    expect(decodeCsvBytes(withBom)).toEqual({ ok: true, text: 'a,b', encoding: 'utf-8-bom' });
  });

  it('decodes emoji and supplementary characters like TextDecoder', () => {
    const text = 'name😀,𠀀,é,中';
    expect(decodeUtf8Strict(utf8(text))).toBe(text);
  });

  it('rejects invalid UTF-8 (overlong, surrogate, truncated)', () => {
    expect(decodeUtf8Strict(new Uint8Array([0xc0, 0xaf]))).toBeNull();
    expect(decodeUtf8Strict(new Uint8Array([0xed, 0xa0, 0x80]))).toBeNull();
    expect(decodeUtf8Strict(new Uint8Array([0x61, 0xe4, 0xb8]))).toBeNull();
  });

  it('detects GBK and decodes it with the platform decoder', () => {
    expect(looksLikeGbk(gbkBytes)).toBe(true);
    expect(decodeCsvBytes(gbkBytes, gbkDecoder)).toEqual({
      ok: true,
      text: '公司,联系人\r\n华为,张三',
      encoding: 'gbk',
    });
  });

  it('refuses GBK clearly when no decoder is available', () => {
    expect(decodeCsvBytes(gbkBytes)).toEqual({ ok: false, reason: 'gbkUnsupported' });
  });

  it('refuses binary files such as an .xlsx', () => {
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({
      ok: false,
      reason: 'binary',
    });
  });

  it('refuses bytes that are neither UTF-8 nor GBK', () => {
    expect(decodeCsvBytes(new Uint8Array([0x61, 0xff, 0x62]), gbkDecoder)).toEqual({
      ok: false,
      reason: 'unknownEncoding',
    });
  });

  it('decodes UTF-16LE with a BOM (Excel "Unicode text")', () => {
    const body = Buffer.from('a\tb\r\n中\t文', 'utf16le');
    const bytes = new Uint8Array([0xff, 0xfe, ...body]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: 'a\tb\r\n中\t文', encoding: 'utf-16le' });
  });
});
