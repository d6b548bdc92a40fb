/**
 * Turning a CSV file's bytes into text. Apps Script's V8 has no TextDecoder, so UTF-8 and UTF-16 are decoded
 * here in plain TS; GBK (what Excel on a Chinese Windows saves as "CSV") needs a real code table, so the caller
 * passes the platform's decoder: `new TextDecoder('gbk')` in the browser and Node,
 * `Utilities.newBlob(bytes).getDataAsString('GBK')` in Apps Script. Without one, GBK is refused with a clear
 * message rather than imported as mojibake.
 */

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

export type DecodeResult =
  | { ok: true; text: string; encoding: CsvEncoding }
  | {
      ok: false;
      /**
       * gbkUnsupported: looks like GBK but no decoder here; unknownEncoding: neither UTF-8 nor GBK; binary: e.g. an
       * .xlsx; mixedEncoding: some lines are UTF-8 and others are not (rows pasted together from two files).
       */
      reason: 'gbkUnsupported' | 'unknownEncoding' | 'binary' | 'mixedEncoding';
      /** Placeholders of the reason's message (`data.import.encoding.<reason>`): line numbers for mixedEncoding. */
      params?: Record<string, number>;
    };

export type GbkDecoder = (bytes: Uint8Array) => string;

/** Removes a leading byte-order mark from already-decoded text (pasted text may carry one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Strict UTF-8 decoding: returns null at the first invalid sequence (overlong forms, surrogates and
 * truncated sequences included), so a GBK file is never mistaken for UTF-8.
 */
export function decodeUtf8Strict(bytes: Uint8Array, start = 0): string | null {
  const parts: string[] = [];
  let codes: number[] = [];
  const flush = (): void => {
    parts.push(String.fromCharCode(...codes));
    codes = [];
  };
  let i = start;
  while (i < bytes.length) {
    const b0 = bytes[i];
    let cp: number;
    let need: number;
    if (b0 < 0x80) {
      cp = b0;
      need = 0;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      cp = b0 & 0x1f;
      need = 1;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      cp = b0 & 0x0f;
      need = 2;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      cp = b0 & 0x07;
      need = 3;
    } else return null;
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (need === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return null;
    if (need === 3 && (cp < 0x10000 || cp > 0x10ffff)) return null;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      codes.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else codes.push(cp);
    if (codes.length >= 8192) flush();
    i += need + 1;
  }
  flush();
  return parts.join('');
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const parts: string[] = [];
  let codes: number[] = [];
  for (let i = 2; i + 1 < bytes.length; i += 2) {
    codes.push(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
    if (codes.length >= 8192) {
      parts.push(String.fromCharCode(...codes));
      codes = [];
    }
  }
  parts.push(String.fromCharCode(...codes));
  return parts.join('');
}

/**
 * True when every byte sequence is well-formed GBK/GB18030 two-byte text (lead 0x81–0xFE, trail 0x40–0xFE but
 * not 0x7F) and at least one such pair occurs. Random binary or Latin-1 rarely passes.
 */
export function looksLikeGbk(bytes: Uint8Array): boolean {
  let pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (b === 0x80 || b === 0xff) return false;
    const trail = bytes[i + 1];
    if (trail === undefined || trail < 0x40 || trail === 0x7f || trail === 0xff) return false;
    pairs++;
    i++;
  }
  return pairs > 0;
}

function looksBinary(bytes: Uint8Array): boolean {
  // A NUL byte never appears in a text CSV; zip (xlsx) and old xls files start with known magic numbers.
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return true;
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return true;
  const probe = Math.min(bytes.length, 4096);
  for (let i = 0; i < probe; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * The first line (1-based) that is UTF-8 with non-ASCII text and the first that is not UTF-8 at all, when a file
 * has both: "Zürich AG" pasted as UTF-8 into a GBK file would otherwise be read as GBK and become "Z眉rich AG".
 * Lines are the unit because a file is mixed when rows from two files were put together. A GBK line of Chinese
 * text is almost never also valid UTF-8 (GBK pairs rarely line up as UTF-8 sequences).
 */
export function mixedEncodingLines(bytes: Uint8Array): { utf8Line: number; otherLine: number } | null {
  let utf8Line = 0;
  let otherLine = 0;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const slice = bytes.subarray(start, i);
    if (slice.some((b) => b >= 0x80)) {
      if (decodeUtf8Strict(slice) === null) otherLine ||= line;
      else utf8Line ||= line;
      if (utf8Line && otherLine) return { utf8Line, otherLine };
    }
    line++;
    start = i + 1;
  }
  return null;
}

/**
 * Decodes a CSV file: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), or GBK when the
 * bytes are not valid UTF-8 but are well-formed GBK and a decoder is given.
 */
export function decodeCsvBytes(bytes: Uint8Array, decodeGbk?: GbkDecoder): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8Strict(bytes, 3);
    if (text !== null) return { ok: true, text, encoding: 'utf-8-bom' };
    // A UTF-8 BOM on a file with GBK rows in it: say which lines, rather than "not UTF-8".
    const mixed = mixedEncodingLines(bytes.subarray(3));
    return mixed
      ? { ok: false, reason: 'mixedEncoding', params: mixed }
      : { ok: false, reason: 'unknownEncoding' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: decodeUtf16(bytes, true), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: decodeUtf16(bytes, false), encoding: 'utf-16be' };
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const mixed = mixedEncodingLines(bytes);
  if (mixed) return { ok: false, reason: 'mixedEncoding', params: mixed };
  if (!looksLikeGbk(bytes)) return { ok: false, reason: 'unknownEncoding' };
  if (!decodeGbk) return { ok: false, reason: 'gbkUnsupported' };
  let text: string;
  try {
    text = decodeGbk(bytes);
  } catch {
    return { ok: false, reason: 'unknownEncoding' };
  }
  // A replacement character means the platform decoder met bytes GBK does not define.
  if (text.includes('\ufffd')) return { ok: false, reason: 'unknownEncoding' };
  return { ok: true, text: stripBom(text), encoding: 'gbk' };
}
