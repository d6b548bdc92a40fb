import Papa from 'papaparse';
import { exportCellText, toCsv } from '../../../src/core/csv/export';

describe('toCsv', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, 2],
      ]),
    ).toBe('\ufeffa,b\r\n1,2\r\n');
  });

  it('neutralises every formula trigger with a leading apostrophe', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(exportCellText(text)).toBe(`'${text}`);
    }
    expect(exportCellText('a=b')).toBe('a=b');
    expect(exportCellText(-5)).toBe('-5');
  });

  it('quotes commas, quotes, line breaks and edge spaces, and round-trips through papaparse', () => {
    const rows = [['x,y', 'say "hi"', 'two\nlines', ' padded ', '中文', '=1+1']];
    const csv = toCsv(rows);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([['x,y', 'say "hi"', 'two\nlines', ' padded ', '中文', "'=1+1"]]);
  });

  it('writes dates through the given formatter and booleans as TRUE/FALSE', () => {
    const date = new Date('2026-03-04T00:00:00Z');
    expect(toCsv([[date, true, false, null]], { formatDate: () => '2026-03-04' })).toBe(
      '\ufeff2026-03-04,TRUE,FALSE,\r\n',
    );
  });
});
