/**
 * Parsing CSV text with papaparse into records that remember the line of the file they started on, so a bad
 * row is reported as "line 1 234" — what the user sees in a text editor, and Excel's row number too when no
 * cell spans lines.
 */
import type PapaParse from 'papaparse';
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
  /** Structural problems papaparse met (an unclosed quote), by line. */
  problems: { line: number; message: string }[];
}

/**
 * papaparse, loaded on first use. Apps Script runs the bundle's global code at the start of every execution, and
 * an `import` would run papaparse's module factory in every menu click and custom-function call; a `require` in a
 * function is bundled by esbuild as a lazy module that runs only when a CSV is parsed.
 */
function papa(): typeof PapaParse {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('papaparse') as typeof PapaParse;
}

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

/**
 * Parses CSV (comma, semicolon or tab, detected), skipping blank lines and lines before the header.
 * The first non-blank record is the header.
 */
export function parseCsv(input: string): ParsedCsv {
  const text = stripBom(input);
  const records: CsvRecord[] = [];
  const problems: { line: number; message: string }[] = [];
  let cursor = 0;
  let line = 1;
  const delimiter = guessDelimiter(text);
  papa().parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter,
    step: (result) => {
      const start = cursor;
      const startLine = line;
      // Skip the newline(s) in front of this record that belong to the previous one.
      const end = result.meta.cursor;
      line += countNewlines(text, start, end);
      cursor = end;
      let firstLine = startLine;
      // A record begins after its leading line break; the line count of that break belongs to it.
      if (text.charCodeAt(start) === 13 || text.charCodeAt(start) === 10) {
        firstLine += 1;
      }
      const cells = (result.data as unknown as string[]).map((cell) => (cell ?? '').toString());
      for (const error of result.errors) {
        if (error.type === 'Quotes') problems.push({ line: firstLine, message: error.message });
      }
      if (cells.every((cellText) => cellText.trim() === '')) return;
      records.push({ line: firstLine, cells });
    },
  });
  const headerRecord = records.shift();
  return {
    header: headerRecord ? headerRecord.cells.map((cellText) => cellText.trim()) : [],
    headerLine: headerRecord?.line ?? 1,
    records,
    delimiter,
    problems,
  };
}
