/**
 * Parsing CSV text (RFC 4180: quoted fields with "" for a quote and line breaks inside) into records that remember the line of the file they started on, so a bad
 * row is reported as "line 1 234" — what the user sees in a text editor, and Excel's row number too when no
 * cell spans lines.
 */
import { stripBom } from './encoding';

export interface CsvRecord {
  /** 1-based line in the file where this record starts. */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  header: string[];
  headerLine: number;
  records: CsvRecord[];
  delimiter: string;
  /** Structural problems (an unclosed quote, text after a closing quote), by the line of their record. */
  problems: { line: number; message: string }[];
}

/** Line breaks (CRLF, LF or CR) in text[from, to). */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) count++;
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/** The delimiter of the first non-blank line: the one of , ; tab | that occurs most often outside quotes. */
export function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/).find((candidate) => candidate.trim() !== '') ?? '';
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
    ['|', 0],
  ]);
  let inQuotes = false;
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best = ',';
  for (const [candidate, count] of counts) if (count > (counts.get(best) as number)) best = candidate;
  return best;
}

export const UNTERMINATED_QUOTE = 'Quoted field unterminated';
export const MALFORMED_QUOTE = 'Trailing quote on quoted field is malformed';

/**
 * Parses CSV (comma, semicolon, tab or bar, detected), skipping blank lines and lines before the header.
 * The first non-blank record is the header. Line breaks are CRLF, LF or CR, mixed or not. A field is quoted only
 * when its first character is a quote (elsewhere a quote is text); a quote inside a quoted field that is neither
 * doubled nor followed by the delimiter or a line break (spaces may come between) or the end of the text is kept as text and reported, and
 * a quoted field left open runs to the end of the file and is reported. (papaparse did the same; this replaces
 * its 21 KB in Code.js.)
 */
export function parseCsv(input: string): ParsedCsv {
  const text = stripBom(input);
  const delimiter = guessDelimiter(text);
  const records: CsvRecord[] = [];
  const problems: { line: number; message: string }[] = [];
  const length = text.length;
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const delimiterCode = delimiter.charCodeAt(0);
  let i = 0;
  let line = 1;
  while (i <= length) {
    // One record: fields up to a line break outside quotes, or the end of the text.
    const firstLine = line;
    const cells: string[] = [];
    let problem: string | null = null;
    for (;;) {
      let cellText = '';
      if (text.charCodeAt(i) === QUOTE) {
        i++;
        const opened = i;
        let start = i;
        for (;;) {
          const next = text.indexOf('"', i);
          if (next < 0) {
            // Unterminated: the rest of the text as written, doubled quotes and all (as papaparse gives it).
            cellText = text.slice(opened);
            line += countNewlines(text, i, length);
            i = length;
            problem = UNTERMINATED_QUOTE;
            break;
          }
          line += countNewlines(text, i, next);
          if (text.charCodeAt(next + 1) === QUOTE) {
            cellText += text.slice(start, next + 1);
            i = next + 2;
            start = i;
            continue;
          }
          let after = next + 1;
          while (text.charCodeAt(after) === 32 || (text.charCodeAt(after) === 9 && delimiterCode !== 9))
            after++;
          const code = text.charCodeAt(after);
          // At the end of the text only a quote right at the end closes the field (as papaparse reads it).
          if (
            (after >= length && after === next + 1) ||
            code === delimiterCode ||
            code === CR ||
            code === LF
          ) {
            cellText += text.slice(start, next);
            i = after;
            break;
          }
          // A quote that neither closes the field nor is doubled: text, and a problem of this record.
          problem ??= MALFORMED_QUOTE;
          i = next + 1;
        }
      } else {
        let end = i;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === delimiterCode || code === CR || code === LF) break;
          end++;
        }
        cellText = text.slice(i, end);
        i = end;
      }
      cells.push(cellText);
      if (i < length && text.charCodeAt(i) === delimiterCode) {
        i++;
        continue;
      }
      break;
    }
    if (problem) problems.push({ line: firstLine, message: problem });
    if (!cells.every((cellText) => cellText.trim() === '')) records.push({ line: firstLine, cells });
    if (i >= length) break;
    // The line break ending the record.
    if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
    else i++;
    line++;
  }
  const headerRecord = records.shift();
  return {
    header: headerRecord ? headerRecord.cells.map((cellText) => cellText.trim()) : [],
    headerLine: headerRecord?.line ?? 1,
    records,
    delimiter,
    problems,
  };
}
