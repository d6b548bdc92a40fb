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
