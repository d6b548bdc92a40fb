/**
 * Number formats: how Sheets turns typed text into values (the "user entered" parsing that setValue applies
 * to strings), and how it displays a value under a number format (getDisplayValues).
 */
import { serialToWallClock, wallClockToSerial } from './dates';

export type CellLiteral = string | number | boolean;

export interface ParsedInput {
  value: CellLiteral;
  /** Number format Sheets applies when the text implied one (a date, a percentage, a currency). */
  numberFormat?: string;
}

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m - 1]) return false;
  if (m === 2 && d === 29) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return true;
}

function parseNumberText(text: string): number | undefined {
  if (!NUMBER_RE.test(text) || !/\d/.test(text)) return undefined;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

function parseTimePart(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*([ap]\.?m\.?)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] ? Number(m[3]) : 0;
  const ms = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  if (m[5]) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = m[5].toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return (hour * 3600 + minute * 60 + second + ms / 1000) / 86400;
}

/** Date text Sheets recognises when typed: ISO `2024-03-01`, `2024/3/1`, and the locale's day order. */
function parseDateText(text: string, locale: string): ParsedInput | undefined {
  const [datePart, ...rest] = text.trim().split(/\s+/);
  const timeText = rest.join(' ');
  const time = timeText ? parseTimePart(timeText) : 0;
  if (time === undefined) return undefined;
  let y: number, m: number, d: number, format: string;
  let match = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(datePart);
  if (match) {
    y = Number(match[1]);
    m = Number(match[3]);
    d = Number(match[4]);
    format = `yyyy${match[2]}mm${match[2]}dd`;
  } else {
    match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(datePart);
    if (!match) return undefined;
    const dayFirst = !/^en(_US)?$/i.test(locale) && !/^en_(PH|CA)$/i.test(locale);
    y = Number(match[4]);
    m = Number(dayFirst ? match[3] : match[1]);
    d = Number(dayFirst ? match[1] : match[3]);
    format = dayFirst ? 'd/M/yyyy' : 'M/d/yyyy';
  }
  if (!validYmd(y, m, d)) return undefined;
  const serial = wallClockToSerial({ year: y, month: m, day: d }) + time;
  return { value: serial, numberFormat: timeText ? `${format} H:mm:ss` : format };
}

/**
 * Interprets a string the way Sheets interprets text written by setValue/setValues: numbers, booleans,
 * percentages, currency and dates become typed values (so "007" is stored as 7, as in Sheets), a leading
 * apostrophe forces text, and a cell formatted as plain text (`@`) keeps the string as is.
 */
export function parseUserInput(text: string, locale: string, cellFormat: string | null): ParsedInput {
  if (cellFormat === '@') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const t = text.trim();
  if (t === '') return { value: text };
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  const plain = parseNumberText(t);
  if (plain !== undefined) {
    return t.includes(',')
      ? { value: plain, numberFormat: t.includes('.') ? '#,##0.00' : '#,##0' }
      : { value: plain };
  }
  if (t.endsWith('%')) {
    const n = parseNumberText(t.slice(0, -1).trim());
    if (n !== undefined) return { value: n / 100, numberFormat: t.includes('.') ? '0.00%' : '0%' };
  }
  const currency = /^([+-]?)([$¥€£])\s?(.+)$/.exec(t);
  if (currency) {
    const n = parseNumberText(currency[3]);
    if (n !== undefined)
      return { value: currency[1] === '-' ? -n : n, numberFormat: `"${currency[2]}"#,##0.00` };
  }
  const date = parseDateText(t, locale);
  if (date) return date;
  const time = parseTimePart(t);
  if (time !== undefined) return { value: time, numberFormat: 'H:mm:ss' };
  return { value: text };
}

/** Default format Sheets gives a cell when a script writes a Date into it. */
export function defaultDateFormat(locale: string, hasTime: boolean): string {
  const us = /^en(_US)?$/i.test(locale);
  const date = us ? 'M/d/yyyy' : /^en_/i.test(locale) ? 'd/M/yyyy' : 'yyyy-MM-dd';
  return hasTime ? `${date} H:mm:ss` : date;
}

/** Strips quoted literals, backslash escapes and [..] tokens so only the format codes remain. */
function formatCodes(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

const dateFormatCache = new Map<string, boolean>();

/** True when a number format displays a date or time (the value then reads back as a Date). */
export function isDateTimeFormat(format: string | null | undefined): boolean {
  if (!format || format === '@') return false;
  let known = dateFormatCache.get(format);
  if (known === undefined) {
    known = computeIsDateTimeFormat(format);
    if (dateFormatCache.size < 10_000) dateFormatCache.set(format, known);
  }
  return known;
}

function computeIsDateTimeFormat(format: string): boolean {
  const codes = formatCodes(format.split(';')[0]);
  if (/general/i.test(codes)) return false;
  return /[dyhs]|m/i.test(codes) && !/[0#?]/.test(codes.replace(/\.0+/g, ''));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Formats a serial with a Sheets date/time format such as `yyyy-mm-dd`, `M/d/yyyy H:mm:ss`, `mmm d`. */
export function formatDateSerial(serial: number, format: string): string {
  const w = serialToWallClock(serial);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const hasAmPm = /am\/pm|a\/p/i.test(format);
  const tokens = /"[^"]*"|\\.|\[[^\]]*\]|am\/pm|a\/p|y+|m+|d+|h+|s+|\.0+|./gi;
  const parts = format.match(tokens) ?? [];
  const out: string[] = [];
  // An m right after an h, or right before an s, means minutes (Excel/Sheets rule).
  const isMinute = (index: number): boolean => {
    for (let i = index - 1; i >= 0; i--) {
      if (/^h+$/i.test(parts[i])) return true;
      if (/^[dyms]+$/i.test(parts[i])) break;
    }
    for (let i = index + 1; i < parts.length; i++) {
      if (/^s+$/i.test(parts[i])) return true;
      if (/^[dymh]+$/i.test(parts[i])) break;
    }
    return false;
  };
  parts.forEach((part, index) => {
    const lower = part.toLowerCase();
    if (part.startsWith('"')) out.push(part.slice(1, -1));
    else if (part.startsWith('\\')) out.push(part.slice(1));
    else if (part.startsWith('[')) {
      const elapsed = /^\[(h+|m+|s+)\]$/i.exec(part);
      if (elapsed) {
        const total =
          serial * 24 * (elapsed[1][0].toLowerCase() === 'h' ? 1 : elapsed[1][0] === 'm' ? 60 : 3600);
        out.push(pad(Math.floor(total), elapsed[1].length));
      }
    } else if (lower === 'am/pm') out.push(w.hour < 12 ? 'AM' : 'PM');
    else if (lower === 'a/p') out.push(w.hour < 12 ? 'A' : 'P');
    else if (/^y+$/.test(lower)) out.push(lower.length <= 2 ? pad(w.year % 100, 2) : String(w.year));
    else if (/^m+$/.test(lower)) {
      if (lower.length <= 2 && isMinute(index))
        out.push(lower.length === 2 ? pad(w.minute, 2) : String(w.minute));
      else if (lower.length === 1) out.push(String(w.month));
      else if (lower.length === 2) out.push(pad(w.month, 2));
      else if (lower.length === 3) out.push(MONTHS[w.month - 1].slice(0, 3));
      else if (lower.length === 5) out.push(MONTHS[w.month - 1][0]);
      else out.push(MONTHS[w.month - 1]);
    } else if (/^d+$/.test(lower)) {
      if (lower.length === 1) out.push(String(w.day));
      else if (lower.length === 2) out.push(pad(w.day, 2));
      else if (lower.length === 3) out.push(DAYS[weekday].slice(0, 3));
      else out.push(DAYS[weekday]);
    } else if (/^h+$/.test(lower)) {
      const hour = hasAmPm ? w.hour % 12 || 12 : w.hour;
      out.push(lower.length >= 2 ? pad(hour, 2) : String(hour));
    } else if (/^s+$/.test(lower)) out.push(lower.length >= 2 ? pad(w.second, 2) : String(w.second));
    else if (/^\.0+$/.test(lower)) out.push('.' + pad(w.millisecond, 3).slice(0, lower.length - 1));
    else out.push(part);
  });
  return out.join('');
}

/** Splits a format into its `;` sections, ignoring semicolons inside quotes. */
function sections(format: string): string[] {
  const result: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      result.push(current);
      current = '';
    } else current += ch;
  }
  result.push(current);
  return result;
}

function withThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats a number with a numeric format section such as `#,##0.00`, `0%`, `"$"#,##0`, `[$¥]#,##0.00`. */
function formatNumberSection(value: number, section: string): string {
  let prefix = '';
  let suffix = '';
  let codes = '';
  const tokens = section.match(/"[^"]*"|\\.|\[\$[^\]]*\]|\[[^\]]*\]|_.|\*.|./g) ?? [];
  let seenDigits = false;
  for (const token of tokens) {
    let literal: string | undefined;
    if (token.startsWith('"')) literal = token.slice(1, -1);
    else if (token.startsWith('\\')) literal = token.slice(1);
    else if (token.startsWith('[$')) literal = token.slice(2, -1).split('-')[0];
    else if (token.startsWith('[')) literal = '';
    else if (token.startsWith('_')) literal = ' ';
    else if (token.startsWith('*')) literal = '';
    else if (
      /[0#?.,]/.test(token) ||
      (/[eE+-]/.test(token) && seenDigits && /[0#]/.test(codes.slice(-1) + token))
    )
      codes += token;
    else if (token === '%') {
      codes += '%';
      literal = undefined;
    } else literal = token;
    if (/[0#?]/.test(token)) seenDigits = true;
    if (literal !== undefined) {
      if (seenDigits) suffix += literal;
      else prefix += literal;
    }
  }
  let n = value;
  const percent = (section.replace(/"[^"]*"/g, '').match(/%/g) ?? []).length;
  if (percent) {
    n *= 100 ** percent;
    suffix = suffix + '%'.repeat(percent);
  }
  const numeric = codes.replace(/%/g, '');
  const exp = /[eE][+-]/.test(numeric);
  const [intCodes, decCodes = ''] = numeric.replace(/[eE][+-]0+/, '').split('.');
  const decimals = (decCodes.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decCodes.match(/0/g) ?? []).length;
  const minInt = (intCodes.match(/0/g) ?? []).length;
  const thousands = /[0#?],[0#?]/.test(intCodes);
  if (exp) {
    return (
      prefix +
      Math.abs(n)
        .toExponential(decimals)
        .toUpperCase()
        .replace(/E\+?(-?)(\d)$/, 'E+$1$2') +
      suffix
    );
  }
  let text = Math.abs(n).toFixed(decimals);
  let [intPart, decPart = ''] = text.split('.');
  while (decPart.length > minDecimals && decPart.endsWith('0')) decPart = decPart.slice(0, -1);
  if (minInt === 0 && intPart === '0') intPart = '';
  intPart = intPart.padStart(minInt, '0');
  if (thousands) intPart = withThousands(intPart);
  text = decPart ? `${intPart}.${decPart}` : intPart;
  if (text === '' && minInt === 0 && decimals === 0) text = '';
  return prefix + text + suffix;
}

/** Sheets' "Automatic" display of a number: up to ten significant digits, no trailing zeros. */
export function formatGeneralNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e15 || Math.abs(value) < 1e-9)) {
    return value
      .toExponential(5)
      .replace(/\.?0+e/, 'E')
      .replace('E+', 'E+')
      .toUpperCase();
  }
  return String(Number(value.toPrecision(10)));
}

/** Display text for a computed value under a number format, as getDisplayValues returns it. */
export function formatForDisplay(
  value: CellLiteral | null,
  format: string | null,
  treatAsDate: boolean,
): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    const textSection = format ? sections(format)[3] : undefined;
    return textSection ? textSection.replace(/"([^"]*)"/g, '$1').replace('@', value) : value;
  }
  if (!format || /^general$/i.test(format) || format === '@') {
    if (treatAsDate && (!format || format !== '@')) return formatDateSerial(value, 'M/d/yyyy');
    return formatGeneralNumber(value);
  }
  if (isDateTimeFormat(format)) return formatDateSerial(value, sections(format)[0]);
  const parts = sections(format);
  if (value < 0 && parts.length > 1) return formatNumberSection(-value, parts[1]);
  if (value === 0 && parts.length > 2) return formatNumberSection(0, parts[2]);
  const text = formatNumberSection(value, parts[0]);
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}
