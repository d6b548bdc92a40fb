/**
 * Utilities: formatDate (Java patterns, any time zone), getUuid, sleep on the fake clock, base64, digests,
 * minimal blobs. Utilities.sleep in a worker execution really waits (so overlapping executions overlap).
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { notSupported, WouldBlock } from '../errors';
import type { Execution } from '../execution';
import type { FakeClock } from '../clock';
import { Charset, DigestAlgorithm, MacAlgorithm, RsaAlgorithm } from './enums';
import { formatDate } from './format-date';
import { formatString, parseDate } from './parse-date';

/** Apps Script's longest sleep: 5 minutes (reference/utilities/utilities#sleep). */
const MAX_SLEEP_MS = 300000;

type Bytes = number[];

/** Java bytes are signed: Apps Script returns digests and getBytes() as Byte[] in -128..127. */
const toSignedBytes = (buffer: Buffer): Bytes => [...buffer].map((b) => (b > 127 ? b - 256 : b));
const fromBytes = (data: unknown, charset?: unknown): Buffer => {
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  return charset === Charset.US_ASCII ? usAscii(String(data)) : Buffer.from(String(data), 'utf8');
};

/** Java's US-ASCII encoder: every character outside ASCII (a surrogate pair counts as one) becomes '?'. */
function usAscii(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => (ch.charCodeAt(0) < 128 && ch.length === 1 ? ch.charCodeAt(0) : 0x3f)),
  );
}

/** Apps Script's type names in its signature error ("The parameters (String,number[]) don't match ..."). */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return value.every((v) => typeof v === 'number') ? 'number[]' : 'Object[]';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  return 'Object';
}

/** The error Apps Script raises when no overload of a method takes the given arguments. */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return new Error(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

const isText = (v: unknown): boolean => typeof v === 'string';
const isBytes = (v: unknown): boolean => Array.isArray(v) && v.every((b) => typeof b === 'number');
const isEnum = (values: Record<string, unknown>) => (v: unknown) =>
  Object.values(values).includes(v as never);

/** File extensions Blob.setContentTypeFromExtension knows (reference/base/blob#setContentTypeFromExtension()). */
const MIME_BY_EXTENSION: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  xml: 'text/xml',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ics: 'text/calendar',
  vcf: 'text/vcard',
};

/** Blob (reference/base/blob); members it lacks are reported by the membrane. */
export class LocalBlob {
  constructor(
    private bytes: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}
  copyBlob(): LocalBlob {
    return new LocalBlob(Buffer.from(this.bytes), this.contentType, this.name);
  }
  getBytes(): Bytes {
    return toSignedBytes(this.bytes);
  }
  setBytes(data: Bytes): LocalBlob {
    this.bytes = fromBytes(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    if (charset === 'US-ASCII') return this.bytes.toString('ascii');
    // Other charsets (GBK, Shift_JIS, ISO-8859-1 ...) through ICU, as Java's charsets do in Apps Script.
    if (charset && !/^utf-?8$/i.test(charset)) return new TextDecoder(charset).decode(this.bytes);
    return this.bytes.toString('utf8');
  }
  setDataFromString(string: string, charset?: string): LocalBlob {
    this.bytes = Buffer.from(string, charset === 'US-ASCII' ? 'ascii' : 'utf8');
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): LocalBlob {
    this.contentType = contentType;
    return this;
  }
  /**
   * Sets the content type from the name's extension; null when it cannot be guessed
   * (developers.google.com/apps-script/reference/base/blob#setContentTypeFromExtension()).
   */
  setContentTypeFromExtension(): this {
    const extension = /\.([A-Za-z0-9]+)$/.exec(this.name ?? '')?.[1]?.toLowerCase();
    this.contentType = (extension && MIME_BY_EXTENSION[extension]) ?? null;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): LocalBlob {
    this.name = name;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  getBlob(): LocalBlob {
    return this;
  }
  getAllBlobs(): LocalBlob[] {
    return [this];
  }
}

/** Utilities (reference/utilities/utilities); members it lacks are reported by the membrane. */
export class LocalUtilities {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly RsaAlgorithm = RsaAlgorithm;

  constructor(
    private readonly clock: FakeClock,
    private readonly execution: () => Execution,
    private readonly inWorker: boolean,
  ) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!(date instanceof Date)) throw new Error('Invalid argument: date');
    return formatDate(date, String(timeZone), String(format));
  }
  /** Java's String.format (reference/utilities/utilities#formatString(String,Object...)). */
  formatString(template: string, ...args: unknown[]): string {
    if (typeof template !== 'string') throw signatureError('Utilities.formatString', [template, ...args]);
    return formatString(template, args);
  }
  getUuid(): string {
    return randomUUID();
  }

  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_SLEEP_MS)
      throw new Error('Invalid argument: milliseconds');
    const execution = this.execution();
    if (!this.inWorker) {
      // Alone, an execution only needs the time to pass: move the fake clock, wait for nothing.
      this.clock.advance(ms);
      execution.addModelledMs(ms);
      return;
    }
    // In a worker the clock runs with real time: the worker waits for real, then repeats the call to finish it.
    const key = 'Utilities.sleep';
    if (execution.pendingWait?.key === key) {
      execution.pendingWait = undefined;
      return;
    }
    execution.pendingWait = { key, deadlineRealMs: Date.now() + ms, startedRealMs: Date.now() };
    execution.addModelledMs(ms);
    throw new WouldBlock(ms);
  }

  base64Encode(data: unknown, charset?: unknown): string {
    return fromBytes(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return fromBytes(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): Bytes {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }
  base64DecodeWebSafe(encoded: string): Bytes {
    return toSignedBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  /**
   * Digest of bytes or text; text is encoded as US-ASCII unless a charset is given
   * (reference/utilities/utilities#computeDigest(DigestAlgorithm,String)).
   */
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: unknown,
    charset?: unknown,
  ): Bytes {
    // eslint-disable-next-line prefer-rest-params
    const args = [...arguments];
    const ok =
      isEnum(DigestAlgorithm)(algorithm) &&
      ((args.length === 2 && (isText(value) || isBytes(value))) ||
        (args.length === 3 && isText(value) && isEnum(Charset)(charset)));
    if (!ok) throw signatureError('Utilities.computeDigest', args);
    const names: Record<string, string> = {
      MD2: 'md2',
      MD5: 'md5',
      SHA_1: 'sha1',
      SHA_256: 'sha256',
      SHA_384: 'sha384',
      SHA_512: 'sha512',
    };
    const name = names[String(algorithm)];
    if (!name) return notSupported(`Utilities.computeDigest(${String(algorithm)})`);
    return toSignedBytes(
      createHash(name)
        .update(fromBytes(value, charset ?? Charset.US_ASCII))
        .digest(),
    );
  }
  /** HMAC of text (UTF-8 unless a charset says otherwise) or bytes (reference/utilities/utilities#computeHmacSignature). */
  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: unknown,
    key: unknown,
    charset?: unknown,
  ): Bytes {
    const names: Record<string, string> = {
      HMAC_MD5: 'md5',
      HMAC_SHA_1: 'sha1',
      HMAC_SHA_256: 'sha256',
      HMAC_SHA_384: 'sha384',
      HMAC_SHA_512: 'sha512',
    };
    // eslint-disable-next-line prefer-rest-params
    const args = [...arguments];
    const name = names[String(algorithm)];
    const bothText = isText(value) && isText(key);
    const bothBytes = isBytes(value) && isBytes(key);
    const ok =
      name !== undefined &&
      ((args.length === 3 && (bothText || bothBytes)) ||
        (args.length === 4 && bothText && isEnum(Charset)(charset)));
    if (!ok) throw signatureError('Utilities.computeHmacSignature', args);
    const encoding = charset ?? Charset.UTF_8;
    return toSignedBytes(
      createHmac(name, fromBytes(key, encoding)).update(fromBytes(value, encoding)).digest(),
    );
  }
  /** HMAC-SHA256 (reference/utilities/utilities#computeHmacSha256Signature(String,String)). */
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): Bytes {
    // eslint-disable-next-line prefer-rest-params
    const args = [...arguments];
    if (args.length < 2 || args.length > 3)
      throw signatureError('Utilities.computeHmacSha256Signature', args);
    return args.length === 3
      ? this.computeHmacSignature(MacAlgorithm.HMAC_SHA_256, value, key, charset)
      : this.computeHmacSignature(MacAlgorithm.HMAC_SHA_256, value, key);
  }
  /** A blob; one made from text is text/plain unless a type is given (reference/utilities/utilities#newBlob). */
  newBlob(data?: unknown, contentType?: string | null, name?: string | null): LocalBlob {
    return new LocalBlob(
      data === undefined ? Buffer.alloc(0) : fromBytes(data),
      contentType ?? (typeof data === 'string' ? 'text/plain' : null),
      name ?? null,
    );
  }
  parseCsv(csv: string, delimiter = ','): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i];
      if (quoted) {
        if (ch === '"' && csv[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && csv[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else field += ch;
    }
    if (field !== '' || row.length) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }
  /** Parses a date with a SimpleDateFormat pattern (reference/utilities/utilities#parseDate(String,String,String)). */
  parseDate(date: string, timeZone: string, format: string): Date {
    // eslint-disable-next-line prefer-rest-params
    const args = [...arguments];
    if (args.length !== 3 || !args.every(isText)) throw signatureError('Utilities.parseDate', args);
    return parseDate(date, timeZone, format);
  }
}
