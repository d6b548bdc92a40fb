/**
 * Utilities: formatDate (Java patterns, any time zone), getUuid, sleep on the fake clock, base64, digests,
 * minimal blobs. Utilities.sleep in a worker execution really waits (so overlapping executions overlap).
 */
import { createHash, randomUUID } from 'node:crypto';
import { format } from 'node:util';
import { notSupported, WouldBlock } from '../errors';
import type { Execution } from '../execution';
import type { FakeClock } from '../clock';
import { Charset, DigestAlgorithm, MacAlgorithm, RsaAlgorithm } from './enums';
import { formatDate } from './format-date';

/** Apps Script's longest sleep: 5 minutes (reference/utilities/utilities#sleep). */
const MAX_SLEEP_MS = 300000;

type Bytes = number[];

/** Java bytes are signed: Apps Script returns digests and getBytes() as Byte[] in -128..127. */
const toSignedBytes = (buffer: Buffer): Bytes => [...buffer].map((b) => (b > 127 ? b - 256 : b));
const fromBytes = (data: unknown, charset?: unknown): Buffer => {
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  return Buffer.from(String(data), charset === Charset.US_ASCII ? 'ascii' : 'utf8');
};

export class LocalBlob implements GoogleAppsScript.Base.Blob {
  constructor(
    private bytes: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}
  copyBlob(): GoogleAppsScript.Base.Blob {
    return new LocalBlob(Buffer.from(this.bytes), this.contentType, this.name);
  }
  getBytes(): Bytes {
    return toSignedBytes(this.bytes);
  }
  setBytes(data: Bytes): GoogleAppsScript.Base.Blob {
    this.bytes = fromBytes(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    if (charset === 'US-ASCII') return this.bytes.toString('ascii');
    // Other charsets (GBK, Shift_JIS, ISO-8859-1 ...) through ICU, as Java's charsets do in Apps Script.
    if (charset && !/^utf-?8$/i.test(charset)) return new TextDecoder(charset).decode(this.bytes);
    return this.bytes.toString('utf8');
  }
  setDataFromString(string: string, charset?: string): GoogleAppsScript.Base.Blob {
    this.bytes = Buffer.from(string, charset === 'US-ASCII' ? 'ascii' : 'utf8');
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): GoogleAppsScript.Base.Blob {
    this.contentType = contentType;
    return this;
  }
  setContentTypeFromExtension(): GoogleAppsScript.Base.Blob {
    return notSupported('Blob.setContentTypeFromExtension');
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): GoogleAppsScript.Base.Blob {
    this.name = name;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  getAs(): GoogleAppsScript.Base.Blob {
    return notSupported('Blob.getAs');
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this;
  }
  getAllBlobs(): GoogleAppsScript.Base.Blob[] {
    return [this];
  }
}

export class LocalUtilities implements GoogleAppsScript.Utilities.Utilities {
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
  formatString(template: string, ...args: unknown[]): string {
    return format(template, ...args);
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
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: unknown,
    charset?: unknown,
  ): Bytes {
    const names: Record<string, string> = {
      MD5: 'md5',
      SHA_1: 'sha1',
      SHA_256: 'sha256',
      SHA_384: 'sha384',
      SHA_512: 'sha512',
    };
    const name = names[String(algorithm)];
    if (!name) return notSupported(`Utilities.computeDigest(${String(algorithm)})`);
    return toSignedBytes(createHash(name).update(fromBytes(value, charset)).digest());
  }
  newBlob(data?: unknown, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    return new LocalBlob(
      data === undefined ? Buffer.alloc(0) : fromBytes(data),
      contentType ?? null,
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
  computeHmacSignature(): Bytes {
    return notSupported('Utilities.computeHmacSignature');
  }
  computeHmacSha256Signature(): Bytes {
    return notSupported('Utilities.computeHmacSha256Signature');
  }
  computeRsaSignature(): Bytes {
    return notSupported('Utilities.computeRsaSignature');
  }
  computeRsaSha1Signature(): Bytes {
    return notSupported('Utilities.computeRsaSha1Signature');
  }
  computeRsaSha256Signature(): Bytes {
    return notSupported('Utilities.computeRsaSha256Signature');
  }
  parseDate(_date: string, _timeZone: string, _format: string): Date {
    return notSupported('Utilities.parseDate');
  }
  gzip(): GoogleAppsScript.Base.Blob {
    return notSupported('Utilities.gzip');
  }
  ungzip(): GoogleAppsScript.Base.Blob {
    return notSupported('Utilities.ungzip');
  }
  zip(): GoogleAppsScript.Base.Blob {
    return notSupported('Utilities.zip');
  }
  unzip(): GoogleAppsScript.Base.Blob[] {
    return notSupported('Utilities.unzip');
  }
  jsonParse(): unknown {
    return notSupported('Utilities.jsonParse');
  }
  jsonStringify(): string {
    return notSupported('Utilities.jsonStringify');
  }
}
