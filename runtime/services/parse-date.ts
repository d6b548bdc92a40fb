/**
 * Utilities.parseDate(date, timeZone, format): Java SimpleDateFormat parsing (lenient about widths, like Java's
 * default), read as wall-clock time in the time zone
 * (developers.google.com/apps-script/reference/utilities/utilities#parseDate(String,String,String)).
 */
import { zonedTimeToUtc } from './format-date';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Java's ParseException text, which Apps Script passes on. */
const unparseable = (text: string): Error => new Error(`Unparseable date: "${text}"`);

/**
 * Parses `text` with a SimpleDateFormat `pattern` in `timeZone`.
 * @throws Error `Unparseable date: "…"` when the text does not match.
 */
export function parseDate(text: string, timeZone: string, pattern: string): Date {
  const f = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    pm: undefined as boolean | undefined,
  };
  let offsetMinutes: number | undefined;
  let pos = 0;
  let i = 0;
  const number = (maxDigits: number): number => {
    const m = new RegExp(`^[+-]?\\d{1,${maxDigits}}`).exec(text.slice(pos));
    if (!m) throw unparseable(text);
    pos += m[0].length;
    return Number(m[0]);
  };
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end === i + 1 ? "'" : pattern.slice(i + 1, end < 0 ? undefined : end);
      if (!text.startsWith(literal, pos)) throw unparseable(text);
      pos += literal.length;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      if (text[pos] !== ch) throw unparseable(text);
      pos++;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    // A field followed directly by another numeric field has a fixed width (yyyyMMdd).
    const next = pattern[i];
    const width = next && /[A-Za-z]/.test(next) ? n : 9;
    switch (ch) {
      case 'y':
      case 'Y': {
        const start = pos;
        const y = number(width === 9 ? 9 : Math.max(n, 4));
        // Two-digit years fall within 80 years before and 20 after now (Java); 2000-based is close enough here.
        f.year = n <= 2 && pos - start === 2 ? 2000 + y - (y > 79 ? 100 : 0) : y;
        break;
      }
      case 'M':
      case 'L':
        if (n >= 3) {
          const word = /^[A-Za-z]+/.exec(text.slice(pos))?.[0] ?? '';
          const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
          if (index < 0) throw unparseable(text);
          f.month = index + 1;
          pos += word.length;
        } else f.month = number(width === 9 ? 2 : n);
        break;
      case 'd':
        f.day = number(width === 9 ? 2 : n);
        break;
      case 'H':
      case 'k':
        f.hour = number(width === 9 ? 2 : n) % 24;
        break;
      case 'h':
      case 'K':
        f.hour = number(width === 9 ? 2 : n) % 12;
        break;
      case 'm':
        f.minute = number(width === 9 ? 2 : n);
        break;
      case 's':
        f.second = number(width === 9 ? 2 : n);
        break;
      case 'S':
        f.ms = number(width === 9 ? 3 : n);
        break;
      case 'a': {
        const word = /^[AaPp][Mm]/.exec(text.slice(pos))?.[0];
        if (!word) throw unparseable(text);
        f.pm = word.toLowerCase() === 'pm';
        pos += 2;
        break;
      }
      case 'E': {
        const word = /^[A-Za-z]+/.exec(text.slice(pos))?.[0];
        if (!word) throw unparseable(text);
        pos += word.length;
        break;
      }
      case 'Z':
      case 'X':
      case 'z': {
        const m = /^(Z|GMT|UTC)?(?:([+-])(\d{2}):?(\d{2})?)?/.exec(text.slice(pos));
        if (!m || m[0] === '') throw unparseable(text);
        pos += m[0].length;
        offsetMinutes = m[2] ? (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4] ?? 0)) : 0;
        break;
      }
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  if (f.pm !== undefined && f.pm && f.hour < 12) f.hour += 12;
  if (offsetMinutes !== undefined) {
    return new Date(
      Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms) - offsetMinutes * 60000,
    );
  }
  const instant = zonedTimeToUtc(String(timeZone), f.year, f.month, f.day, f.hour, f.minute, f.second);
  return new Date(instant.getTime() + f.ms);
}

/** Java's String.format for the conversions scripts use: %s %d %f %e %x %o %c %b %%, flags, width, precision. */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(\d+\$)?([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([sSdfeExXocbBn%])/g,
    (
      _all,
      index: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conv: string,
    ) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      const value = index ? args[Number(index.slice(0, -1)) - 1] : args[next++];
      let out: string;
      switch (conv) {
        case 'd':
          out = String(Math.trunc(Number(value)));
          if (flags.includes(',')) out = out.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
          break;
        case 'f':
          out = Number(value).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
        case 'E':
          out = Number(value).toExponential(precision === undefined ? 6 : Number(precision));
          out = out.replace(/e([+-])(\d)$/, 'e$10$2');
          if (conv === 'E') out = out.toUpperCase();
          break;
        case 'x':
        case 'X':
          out = Math.trunc(Number(value)).toString(16);
          if (conv === 'X') out = out.toUpperCase();
          break;
        case 'o':
          out = Math.trunc(Number(value)).toString(8);
          break;
        case 'c':
          out = typeof value === 'number' ? String.fromCharCode(value) : String(value).charAt(0);
          break;
        case 'b':
        case 'B':
          out = String(value !== null && value !== undefined && value !== false);
          break;
        default:
          out = value === null || value === undefined ? 'null' : String(value);
          if (precision !== undefined) out = out.slice(0, Number(precision));
          if (conv === 'S') out = out.toUpperCase();
      }
      if (flags.includes('+') && /^[dfeE]$/.test(conv) && !out.startsWith('-')) out = '+' + out;
      const w = width === undefined ? 0 : Number(width);
      if (out.length < w) {
        if (flags.includes('-')) out = out.padEnd(w);
        else if (flags.includes('0') && /^[dfeExXo]$/.test(conv)) {
          const sign = /^[+-]/.test(out) ? out[0] : '';
          out = sign + out.slice(sign.length).padStart(w - sign.length, '0');
        } else out = out.padStart(w);
      }
      return out;
    },
  );
}
