import fc from 'fast-check';
import Papa from 'papaparse';
import { parseCsv } from '../../../src/core/csv/parse';

describe('parseCsv', () => {
  it('gives each record the line it starts on, across blank lines and quoted line breaks', () => {
    const parsed = parseCsv('a,b\r\n1,2\r\n\r\n3,"x\r\ny"\r\n4,5\r\n');
    expect(parsed.header).toEqual(['a', 'b']);
    expect(parsed.records.map((record) => record.line)).toEqual([2, 4, 6]);
    expect(parsed.records[1].cells).toEqual(['3', 'x\r\ny']);
  });

  it('detects semicolons and tabs and skips a BOM and leading blank lines', () => {
    const parsed = parseCsv('\ufeff\n\na;b\n1;2\n');
    expect(parsed).toMatchObject({ header: ['a', 'b'], headerLine: 3, delimiter: ';' });
    expect(parsed.records).toEqual([{ line: 4, cells: ['1', '2'] }]);
    expect(parseCsv('a\tb\n1\t2').records[0].cells).toEqual(['1', '2']);
  });

  it('reports an unterminated quote with its line', () => {
    expect(parseCsv('a,b\n1,"oops\n').problems).toEqual([{ line: 2, message: 'Quoted field unterminated' }]);
  });
});

describe('parseCsv against papaparse (which it replaced in the bundle)', () => {
  /** Papaparse's records, blank ones dropped, as parseCsv gives them (header first). */
  function papaRecords(text: string, delimiter: string): { rows: string[][]; problemRows: number } {
    const rows: string[][] = [];
    let problemRows = 0;
    Papa.parse<string[]>(text, {
      delimiter,
      step: (result) => {
        if (result.errors.some((error) => error.type === 'Quotes')) problemRows++;
        const cells = result.data as unknown as string[];
        if (!cells.every((cell) => (cell ?? '').trim() === '')) rows.push(cells);
      },
    });
    return { rows, problemRows };
  }

  it('reads quotes, doubled quotes, spaces after a closing quote and malformed quotes the same way', () => {
    const texts = [
      'a,b\n"x"y,2\n3,4\n',
      'a,b\n"x" ,2\n',
      'h\n"a""b",c\n',
      'a,b\r1,2\r3,"4\r5"',
      'x,y\n a , "b" \n',
      'a,b\n1,2,3\n,\n"",""\n',
      'q\n"a\nb"c"\n"d",e\nf,g\n',
    ];
    for (const text of texts) {
      const parsed = parseCsv(text);
      const papa = papaRecords(text, parsed.delimiter);
      expect([parsed.header, ...parsed.records.map((record) => record.cells)]).toEqual(papa.rows);
      expect(new Set(parsed.problems.map((problem) => problem.line)).size).toBe(papa.problemRows);
    }
    expect(parseCsv('q\n"a\nb"c"\n"d",e\nf,g\n').problems).toEqual([
      { line: 2, message: 'Trailing quote on quoted field is malformed' },
    ]);
  });

  it('gives the same cells as papaparse on any text of commas, quotes, spaces and line feeds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', ',', '"', '\n', ' ', '中'), { maxLength: 40 }),
        (chars) => {
          const text = `h,i\n${chars.join('')}`;
          const parsed = parseCsv(text);
          const papa = papaRecords(text, ',');
          expect([parsed.header, ...parsed.records.map((record) => record.cells)]).toEqual(papa.rows);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
