import {
  decodeCsvBytes,
  decodeUtf8Strict,
  looksLikeGbk,
  mixedEncodingLines,
} from '../../../src/core/csv/encoding';
import { t } from '../../../src/core/i18n';

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

describe('a file mixing UTF-8 and GBK (issue 13 §3)', () => {
  // A GBK encoder built from the platform's decoder: every two-byte code, decoded once.
  const gbkCodes = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !gbkCodes.has(ch)) gbkCodes.set(ch, [lead, trail]);
    }
  const gbk = (text: string): number[] =>
    Array.from(text).flatMap((ch) =>
      ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (gbkCodes.get(ch) ?? [0x3f]),
    );
  const utf8Of = (text: string): number[] => Array.from(new TextEncoder().encode(text));
  const GBK_ROWS = [
    '客户名称,联系人,电话,地址',
    '北京星河科技有限公司,张伟,13800138000,北京市海淀区中关村大街1号',
    '上海远航贸易有限公司,李娜,138 0013 8001,上海市浦东新区张江路88号',
    '深圳前海物流有限公司,刘洋,0755-1234567,深圳市南山区科技园南路112号',
    '广州嘉禾电子商务有限公司,王芳,020-87654321,广州市天河区珠江新城华夏路8号',
  ];

  it('reports the lines instead of decoding "Zürich AG" as "Z眉rich AG"', () => {
    const bytes = new Uint8Array([
      ...gbk(GBK_ROWS.join('\r\n') + '\r\n'),
      ...utf8Of('Zürich AG,Jürg Müller,+41 44 123 45 67,Bahnhofstrasse 1\r\n'),
    ]);
    const result = decodeCsvBytes(bytes, gbkDecoder);
    expect(result).toEqual({ ok: false, reason: 'mixedEncoding', params: { utf8Line: 6, otherLine: 1 } });
    if (!result.ok) {
      expect(t('en', `data.import.encoding.${result.reason}`, result.params)).toContain('line 6 is UTF-8');
      expect(t('zh-CN', `data.import.encoding.${result.reason}`, result.params)).toContain('第 6 行是 UTF-8');
    }
    // Also behind a UTF-8 byte-order mark.
    const withBom = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), gbkDecoder);
    expect(withBom).toMatchObject({ ok: false, reason: 'mixedEncoding' });
  });

  it('still reads a whole GBK file as GBK and a whole UTF-8 file as UTF-8', () => {
    const text = GBK_ROWS.join('\r\n');
    expect(decodeCsvBytes(new Uint8Array(gbk(text)), gbkDecoder)).toEqual({
      ok: true,
      text,
      encoding: 'gbk',
    });
    const mixedScripts = `${text}\r\nZürich AG,Jürg Müller,+41 44 123 45 67,Bahnhofstrasse 1`;
    expect(decodeCsvBytes(new Uint8Array(utf8Of(mixedScripts)), gbkDecoder)).toEqual({
      ok: true,
      text: mixedScripts,
      encoding: 'utf-8',
    });
    expect(mixedEncodingLines(new Uint8Array(gbk(text)))).toBeNull();
  });
});
