/**
 * Load sample data through dist/ (the data file sample-data.html, materialised for today in the spreadsheet's zone
 * and the workbook's language) writes exactly the rows of `generateSample({ now, timeZone, language })`, which is
 * what it wrote while it ran the generator itself: every cell of the seven sample sheets, read back from the
 * workbook, for a month end, a DST day and a year end, in both languages.
 */
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { parseLocalDateTime } from '../../src/core/dates';
import { readTable } from '../../src/core/table';
import { columnHeaders, generateSample, SHEETS } from '../../templates';
import { SAMPLE_SHEETS } from '../../templates/sample-data';

const distDir = process.env.SALESDESK_DIST ?? path.resolve(__dirname, '../../dist');
const OWNER = 'owner@example.com';
/** Every sheet Load sample data fills. */
const SHEETS_OF_SAMPLE = SAMPLE_SHEETS;

describe.each([
  ['2026-01-31T23:30:00Z', 'Asia/Shanghai', 'en'],
  ['2026-03-08T07:30:00Z', 'America/New_York', 'zh-CN'],
  ['2026-12-31T20:00:00Z', 'Pacific/Auckland', 'en'],
] as const)('Load sample data at %s in %s (%s)', (now, timeZone, language) => {
  it('writes every cell generateSample gives', async () => {
    const rt = await LocalRuntime.create({ bundleDir: distDir, now, timeZone, owner: OWNER });
    for (const fn of ['menuSetupWorkbook', 'menuLoadSampleData']) {
      const result = rt.execute(fn, [], { user: OWNER, locale: language });
      expect(result.error).toBeUndefined();
    }
    const expected = generateSample({ now, timeZone, language });
    for (const key of SHEETS_OF_SAMPLE) {
      const table = readTable(rt.workbook.sheetValues(SHEETS[key].names[language]), columnHeaders(key));
      const records = expected[key];
      expect({ key, rows: table.rows.length }).toEqual({ key, rows: records.length });
      const timed = new Set(
        SHEETS[key].columns
          .filter((column) => column.type === 'date' || column.type === 'datetime')
          .map((column) => column.key),
      );
      // Every mismatch is collected and compared once (an expect per cell cost seconds over ~50 000 cells).
      const wrong: unknown[] = [];
      records.forEach((record, row) => {
        for (const [column, value] of Object.entries(record)) {
          const index = table.columns[column as keyof typeof table.columns];
          if (index === undefined) {
            wrong.push({ key, column, found: false });
            continue;
          }
          const cell = table.rows[row][index];
          const want =
            timed.has(column) && value !== '' ? parseLocalDateTime(String(value), timeZone) : value;
          if (cell instanceof Date && want instanceof Date) {
            if (cell.getTime() !== want.getTime()) wrong.push({ key, row, column, cell, want });
          } else if (!Object.is(cell, want)) wrong.push({ key, row, column, cell, want });
        }
      });
      expect(wrong).toEqual([]);
    }
  });
});
