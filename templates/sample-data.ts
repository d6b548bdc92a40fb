/**
 * The default sample (templates/sample.ts with its defaults) as data that holds for any day, zone and language, so
 * that Load sample data needs no generator in Code.js. The build (scripts/build.ts) encodes it once into the
 * project file `sample-data.html`; Load sample data (src/server/setup/sample.ts) reads that file and materialises
 * it for today in the spreadsheet's zone and the workbook's language. Materialised, it is exactly what
 * `generateSample({ now, timeZone, language })` gives (test/unit/template/sample-data.test.ts).
 *
 * Why that holds: the generator places every date relative to its "today" (day numbers `today + offset`; nothing
 * depends on the month, the weekday or the year) and uses the language only for list labels. So, per column (the
 * template's column types say which):
 *  - date columns hold the day offset from today (`''` stays `''`);
 *  - datetime columns hold `offset * 1440 + minutes` (wall-clock 'yyyy-MM-dd HH:mm' in the spreadsheet's zone);
 *  - list columns hold the list code, labelled in the workbook's language when materialised;
 *  - other columns whose text differs by language (labels the generator joins or copies into text columns) hold
 *    `[en, zh-CN]` where the two differ;
 *  - everything else is stored as it is.
 * The encoder lives here too (build and tests use it; esbuild leaves it out of Code.js, which imports only the
 * materialiser).
 */
import { dataFileHtml, dataFileValue } from '../src/core/data-file';
import { dayNumberOfIso, isoOfDayNumber } from '../src/core/dates';
import { LISTS, listLabel, type Language, type ListKey } from './lists';
import { SHEETS, type SheetKey } from './workbook';

/** The project file (`sample-data.html` in dist/) the build writes and Load sample data reads. */
export const SAMPLE_DATA_FILE = 'sample-data';

export type SampleValue = string | number | boolean;
export type SampleRecord = Record<string, SampleValue>;

/** The sheets of the sample, in SampleData's order. */
export const SAMPLE_SHEETS = [
  'reps',
  'customers',
  'deals',
  'followups',
  'opportunities',
  'stageHistory',
  'service',
] as const satisfies readonly SheetKey[];
export type SampleSheet = (typeof SAMPLE_SHEETS)[number];

/** The sample rows of one day, in one language: what generateSample returns (and Load sample data writes). */
export interface MaterialisedSample extends Record<SampleSheet, SampleRecord[]> {
  today: string;
  managers: string[];
}

/** How a column's cells are stored: see the file header. */
export type ColumnKind = 'plain' | 'date' | 'datetime' | 'both' | `list:${string}`;

type EncodedCell = SampleValue | [string, string];

export interface EncodedSheet {
  columns: string[];
  kinds: ColumnKind[];
  rows: EncodedCell[][];
}

export interface EncodedSample {
  /** Format version: a reader refuses a file it does not know. */
  version: 1;
  managers: string[];
  sheets: Record<SampleSheet, EncodedSheet>;
}

const MINUTES_PER_DAY = 1440;

/* ---------- reading (in Code.js) ---------- */

/**
 * The sample for `today` in `language`, records exactly as generateSample gives them.
 * @param today the spreadsheet's today, 'yyyy-MM-dd'.
 */
export function materialiseSample(
  encoded: EncodedSample,
  today: string,
  language: Language,
): MaterialisedSample {
  const todayDay = dayNumberOfIso(today);
  const pad = (n: number) => String(n).padStart(2, '0');
  const decode = (kind: ColumnKind, cell: EncodedCell): SampleValue => {
    if (Array.isArray(cell)) return cell[language === 'en' ? 0 : 1];
    if (cell === '' || kind === 'plain' || kind === 'both') return cell;
    if (kind === 'date') return isoOfDayNumber(todayDay + Number(cell));
    if (kind === 'datetime') {
      const day = Math.floor(Number(cell) / MINUTES_PER_DAY);
      const minutes = Number(cell) - day * MINUTES_PER_DAY;
      return `${isoOfDayNumber(todayDay + day)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
    }
    const list = kind.slice(5) as ListKey;
    return String(cell)
      .split(',')
      .map((code) => listLabel(list, code, language) ?? code)
      .join(', ');
  };
  const out = { today, managers: [...encoded.managers] } as MaterialisedSample;
  for (const key of SAMPLE_SHEETS) {
    const { columns, kinds, rows } = encoded.sheets[key];
    out[key] = rows.map((row) => {
      const record: SampleRecord = {};
      columns.forEach((column, index) => (record[column] = decode(kinds[index], row[index])));
      return record;
    });
  }
  return out;
}

/**
 * The sample out of the text of `sample-data.html`.
 * @throws Error when the text is not a sample data file of this format.
 */
export function parseSampleDataHtml(html: string): EncodedSample {
  const parsed = dataFileValue(html) as Partial<EncodedSample> | undefined;
  if (!parsed || parsed.version !== 1 || !parsed.sheets) throw new Error('not a SalesDesk sample data file');
  return parsed as EncodedSample;
}

/* ---------- writing (build and tests) ---------- */

/**
 * The project file's text: the encoded sample as JSON in a script element, so the file is well-formed HTML
 * (HtmlService builds an HtmlOutput from it). `<` is written `\u003c`, so no text of the sample can end the element.
 */
export function sampleDataHtml(encoded: EncodedSample): string {
  return dataFileHtml(
    [
      'SalesDesk sample data, built by scripts/build.ts from templates/sample.ts (templates/sample-data.ts).',
      'Read by Load sample data only; Apps Script never compiles .html files. Do not edit.',
    ],
    encoded,
  );
}

function kindOf(key: SampleSheet, column: string, en: SampleRecord[], zh: SampleRecord[]): ColumnKind {
  const spec = SHEETS[key].columns.find((candidate) => candidate.key === column);
  if (spec?.type === 'date' || spec?.type === 'datetime') return spec.type;
  if (spec?.list) return `list:${spec.list}`;
  return en.some((record, index) => record[column] !== zh[index][column]) ? 'both' : 'plain';
}

function encodeCell(kind: ColumnKind, en: SampleValue, zh: SampleValue, todayDay: number): EncodedCell {
  const where = () => `${kind} cell ${JSON.stringify(en)} / ${JSON.stringify(zh)}`;
  if (kind === 'both') return en === zh ? en : [String(en), String(zh)];
  if (en !== zh && !kind.startsWith('list:'))
    throw new Error(`sample data: a ${where()} differs by language`);
  if (en === '' || kind === 'plain') return en;
  if (kind === 'date' || kind === 'datetime') {
    const match = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}))?$/.exec(String(en));
    if (!match || (kind === 'datetime') !== (match[2] !== undefined))
      throw new Error(`sample data: a ${where()} is not of its type`);
    const offset = dayNumberOfIso(match[1]) - todayDay;
    return kind === 'date' ? offset : offset * MINUTES_PER_DAY + Number(match[2]) * 60 + Number(match[3]);
  }
  const list = kind.slice(5) as ListKey;
  return String(en)
    .split(', ')
    .map((label) => LISTS[list].items.find((item) => item.en === label)?.code ?? label)
    .join(',');
}

/**
 * Encodes a sample given in both languages for one day.
 * @param en the sample in English; @param zh the same sample (same now, zone and options) in Chinese.
 * @throws Error when a cell does not fit its column's encoding, or the encoding does not give both samples back.
 */
export function encodeSample(en: MaterialisedSample, zh: MaterialisedSample): EncodedSample {
  if (en.today !== zh.today)
    throw new Error('sample data: the two languages were generated for different days');
  const todayDay = dayNumberOfIso(en.today);
  const sheets = {} as Record<SampleSheet, EncodedSheet>;
  for (const key of SAMPLE_SHEETS) {
    const enRows = en[key];
    const zhRows = zh[key];
    if (enRows.length !== zhRows.length) throw new Error(`sample data: ${key} differs in length by language`);
    const columns = [...new Set(enRows.flatMap((record) => Object.keys(record)))];
    const kinds = columns.map((column) => kindOf(key, column, enRows, zhRows));
    sheets[key] = {
      columns,
      kinds,
      rows: enRows.map((record, row) =>
        columns.map((column, index) =>
          encodeCell(kinds[index], record[column], zhRows[row][column], todayDay),
        ),
      ),
    };
  }
  const encoded: EncodedSample = { version: 1, managers: [...en.managers], sheets };
  for (const [language, sample] of [
    ['en', en],
    ['zh-CN', zh],
  ] as const) {
    const back = materialiseSample(encoded, en.today, language);
    if (JSON.stringify(back) !== JSON.stringify({ ...pick(sample) }))
      throw new Error(`sample data: the encoding does not give the ${language} sample back`);
  }
  return encoded;
}

/** The fields materialiseSample gives, in its order (for comparing JSON texts). */
function pick(sample: MaterialisedSample): MaterialisedSample {
  const out = { today: sample.today, managers: sample.managers } as MaterialisedSample;
  for (const key of SAMPLE_SHEETS) out[key] = sample[key];
  return out;
}
