/**
 * Conformance of the Spreadsheet-service members real scripts use (issue 11 §2): each test names the
 * developers.google.com/apps-script/reference/spreadsheet/... page it follows.
 */
import { run, runtimeWith } from './helpers';

const code = String.raw`
function sheet() { return SpreadsheetApp.getActiveSheet(); }
function col(r) { return r.getValues().map(function (x) { return x[0]; }); }
function menus() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.addMenu('Tools', [{ name: 'Run', functionName: 'run' }, null, { name: 'Stop', functionName: 'stop' }]);
  ss.updateMenu('Tools', [{ name: 'Only', functionName: 'only' }]);
  ss.addMenu('Other', [{ name: 'X', functionName: 'x' }]);
  ss.removeMenu('Other');
}
function spreadsheets() {
  var made = SpreadsheetApp.create('Report', 50, 5);
  made.getSheets()[0].getRange('A1').setValue('hello');
  var byId = SpreadsheetApp.openById(made.getId());
  var byUrl = SpreadsheetApp.openByUrl(made.getUrl());
  return [made.getName(), byId.getSheets()[0].getRange('A1').getValue(), byUrl.getName(), made.getSheets()[0].getMaxRows(),
    made.getSheets()[0].getMaxColumns(), SpreadsheetApp.getActiveSpreadsheet().getId() !== made.getId()];
}
function sorting() {
  var s = sheet();
  s.getRange('A1:B6').setValues([['name', 'n'], ['pear', 3], ['', 9], ['Apple', 2], ['banana', 2], [true, 1]]);
  s.getRange('C2:C6').setFormula('=B2*10');
  s.setFrozenRows(1);
  s.sort(1);
  var byName = s.getRange('A2:C6').getValues();
  s.getRange('A2:C6').sort([{ column: 2, ascending: false }, 1]);
  return { byName: byName, byN: s.getRange('A2:C6').getValues() };
}
function merging() {
  var s = sheet();
  s.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
  var r = s.getRange('A1:B2').merge();
  var merged = [r.isPartOfMerge(), s.getRange('B2').isPartOfMerge(), s.getRange('C3').isPartOfMerge(),
    s.getRange('B1:C1').getMergedRanges().map(function (m) { return m.getA1Notation(); }), col(s.getRange('A1:A2')), s.getRange('B1').getValue()];
  s.getRange('B2').breakApart();
  s.getRange('A4:B5').mergeAcross();
  return merged.concat([s.getRange('A1').isPartOfMerge(), s.getRange('A4:B5').getMergedRanges().map(function (m) { return m.getA1Notation(); })]);
}
function copying() {
  var s = sheet();
  s.getRange('A1:A2').setValues([[1], [2]]);
  s.getRange('B1').setFormula('=A1*2').setBackground('#ff0000').setNumberFormat('0.00');
  s.getRange('B1').copyTo(s.getRange('B2'));
  s.getRange('B1:B2').copyValuesToRange(s, 3, 3, 1, 2);
  s.getRange('B1').copyTo(s.getRange('D1'), SpreadsheetApp.CopyPasteType.PASTE_FORMAT, false);
  var out = { formulas: s.getRange('B1:B2').getFormulas(), values: s.getRange('B1:C2').getValues(), c: s.getRange('C1').getFormula(),
    d: [s.getRange('D1').getBackground(), s.getRange('D1').getNumberFormat(), s.getRange('D1').getValue()] };
  s.getRange('A1:A2').setBackground('#00ff00').moveTo(s.getRange('E5'));
  out.moved = [col(s.getRange('E5:E6')), col(s.getRange('A1:A2')), s.getRange('E6').getBackground(), s.getRange('A1').getBackground()];
  return out;
}
function regions() {
  var s = sheet();
  s.getRange('B2:D4').setValues([[1, 2, 3], [4, '', 6], [7, 8, 9]]);
  s.getRange('F2').setValue('x');
  return [s.getRange('C3').getDataRegion().getA1Notation(), s.getRange('C3').getDataRegion(SpreadsheetApp.Dimension.ROWS).getA1Notation(),
    s.getRange('B2').getNextDataCell(SpreadsheetApp.Direction.DOWN).getA1Notation(),
    s.getRange('B2').getNextDataCell(SpreadsheetApp.Direction.NEXT).getA1Notation(),
    s.getRange('D2').getNextDataCell(SpreadsheetApp.Direction.NEXT).getA1Notation(),
    s.getRange('A1').getNextDataCell(SpreadsheetApp.Direction.UP).getA1Notation()];
}
function cleaning() {
  var s = sheet();
  s.getRange('A1:B5').setValues([['  a   b ', 1], ['x', 2], ['  a   b ', 1], ['x', 3], ['y\t\tz', 4]]);
  s.getRange('A1:B5').trimWhitespace();
  var trimmed = col(s.getRange('A1:A5'));
  var left = s.getRange('A1:B5').removeDuplicates([1]).getA1Notation();
  return { trimmed: trimmed, left: left, rows: s.getRange('A1:B5').getValues() };
}
function r1c1() {
  var s = sheet();
  s.getRange('A1:A3').setValues([[1], [2], [3]]);
  s.getRange('B1:B3').setFormulaR1C1('=R[0]C[-1]*10+R1C1');
  return [s.getRange('B1:B3').getFormulas(), col(s.getRange('B1:B3')), s.getRange('B2:B3').getFormulasR1C1(), s.getRange('C1').getFormulaR1C1()];
}
function fonts() {
  var r = sheet().getRange('A1:B1');
  r.setFontFamily('Georgia').setFontSize(14).setFontStyle('italic').setFontLine('underline').setVerticalAlignment('middle')
    .setBorder(true, true, true, true, null, null, '#000000', SpreadsheetApp.BorderStyle.SOLID);
  sheet().getRange('B1').setFontWeight('bold');
  var st = sheet().getRange('B1').getTextStyle();
  sheet().getRange('C1').setTextStyle(SpreadsheetApp.newTextStyle().setFontSize(20).setBold(true).build());
  return { families: r.getFontFamilies(), size: r.getFontSize(), styles: r.getFontStyles(), line: r.getFontLine(),
    v: r.getVerticalAlignments(), defaults: [sheet().getRange('D1').getFontFamily(), sheet().getRange('D1').getFontSize(),
    sheet().getRange('D1').getFontStyle(), sheet().getRange('D1').getFontLine(), sheet().getRange('D1').getVerticalAlignment()],
    style: [st.getFontFamily(), st.getFontSize(), st.isBold(), st.isItalic(), st.isUnderline()],
    c1: [sheet().getRange('C1').getFontSize(), sheet().getRange('C1').getFontWeight()] };
}
function hiding() {
  var s = sheet();
  s.hideColumns(2, 2); s.hideRows(5); s.hideRow(s.getRange('7:8')); s.showColumns(3); s.setRowHeight(2, 40); s.setRowHeights(3, 2, 30);
  return [s.isColumnHiddenByUser(2), s.isColumnHiddenByUser(3), s.isRowHiddenByUser(5), s.isRowHiddenByUser(8), s.isRowHiddenByUser(6),
    s.getRowHeight(1), s.getRowHeight(2), s.getRowHeight(4), s.getRowHeight(5)];
}
function finding() {
  var s = sheet();
  s.getRange('A1:B3').setValues([['Apple pie', 'apple'], ['pear', 'APPLE'], ['grape', 'pineapple']]);
  var all = s.createTextFinder('apple').findAll().map(function (r) { return r.getA1Notation(); });
  var exact = s.createTextFinder('apple').matchCase(true).matchEntireCell(true).findAll().map(function (r) { return r.getA1Notation(); });
  var f = s.createTextFinder('apple');
  var first = f.findNext().getA1Notation(); var second = f.findNext().getA1Notation();
  var n = s.getRange('B1:B3').createTextFinder('apple').replaceAllWith('fig');
  return { all: all, exact: exact, next: [first, second], replaced: n, b: col(s.getRange('B1:B3')),
    ss: SpreadsheetApp.getActiveSpreadsheet().createTextFinder('grape').findAll().length };
}
function rangeName() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.setNamedRange('Totals', sheet().getRange('C2:D9'));
  var p = sheet().getRange('A1').protect().setRangeName('Totals');
  return [p.getRange().getA1Notation(), p.getRangeName()];
}
function token() { return typeof ScriptApp.getOAuthToken() === 'string' && ScriptApp.getOAuthToken().length > 0; }
`;

describe('Spreadsheet-service members (issue 11 §2)', () => {
  // reference/spreadsheet/spreadsheet#addMenu(String,Object), #updateMenu(String,Object), #removeMenu(String)
  it('Spreadsheet.addMenu/updateMenu/removeMenu manage top-level menus; null entries are separators', async () => {
    const rt = await runtimeWith(code);
    run(rt, 'menus');
    expect(rt.ui.menus.map((m) => m.title)).toEqual(['Tools']);
    expect(rt.ui.menuItems(rt.ui.menu('Tools')!)).toEqual([{ caption: 'Only', functionName: 'only' }]);
  });

  // reference/spreadsheet/spreadsheet-app#create(String,Integer,Integer), #openById(String), #openByUrl(String)
  it('SpreadsheetApp.create makes another spreadsheet that openById/openByUrl find', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'spreadsheets')).toEqual(['Report', 'hello', 'Report', 50, 5, true]);
  });

  // reference/spreadsheet/sheet#sort(Integer) sorts below the frozen rows; reference/spreadsheet/range#sort(Object)
  // by several columns. Order: numbers, text (case-insensitive), booleans, empty cells last. Formulas move with
  // their row.
  it('Sheet.sort and Range.sort order rows like Sheets, formulas moving with their rows', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'sorting')).toEqual({
      byName: [
        ['Apple', 2, 20],
        ['banana', 2, 20],
        ['pear', 3, 30],
        [true, 1, 10],
        ['', 9, 90],
      ],
      byN: [
        ['', 9, 90],
        ['pear', 3, 30],
        ['Apple', 2, 20],
        ['banana', 2, 20],
        [true, 1, 10],
      ],
    });
  });

  // reference/spreadsheet/range#merge(), #breakApart(), #isPartOfMerge(), #getMergedRanges(), #mergeAcross().
  // Merging keeps the top-left value (Sheets' merge).
  it('merge, mergeAcross, breakApart, isPartOfMerge, getMergedRanges', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'merging')).toEqual([
      true,
      true,
      false,
      ['A1:B2'],
      [1, ''],
      '',
      false,
      ['A4:B4', 'A5:B5'],
    ]);
  });

  // reference/spreadsheet/range#copyTo(Range), #copyTo(Range,CopyPasteType,Boolean), #copyValuesToRange(Sheet,...),
  // #moveTo(Range)
  it('copyTo moves relative references and formats; copyValuesToRange pastes values; moveTo cuts', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'copying')).toEqual({
      formulas: [['=A1*2'], ['=A2*2']],
      values: [
        [2, 2],
        [4, 4],
      ],
      c: '',
      d: ['#ff0000', '0.00', ''],
      moved: [[1, 2], ['', ''], '#00ff00', '#ffffff'],
    });
  });

  // reference/spreadsheet/range#getDataRegion(), #getDataRegion(Dimension), #getNextDataCell(Direction)
  it('getDataRegion and getNextDataCell follow the data like Ctrl+A and Ctrl+arrow', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'regions')).toEqual(['B2:D4', 'C2:C4', 'B4', 'D2', 'F2', 'A1']);
  });

  // reference/spreadsheet/range#trimWhitespace(), #removeDuplicates(Integer)
  it('trimWhitespace collapses whitespace; removeDuplicates keeps first rows and shrinks the range', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'cleaning')).toEqual({
      trimmed: ['a b', 'x', 'a b', 'x', 'y z'],
      left: 'A1:B3',
      rows: [
        ['a b', 1],
        ['x', 2],
        ['y z', 4],
        ['', ''],
        ['', ''],
      ],
    });
  });

  // reference/spreadsheet/range#setFormulaR1C1(String), #getFormulasR1C1()
  it('setFormulaR1C1 and getFormulasR1C1 translate relative and absolute R1C1 references', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'r1c1')).toEqual([
      [['=A1*10+$A$1'], ['=A2*10+$A$1'], ['=A3*10+$A$1']],
      [11, 21, 31],
      [['=RC[-1]*10+R1C1'], ['=RC[-1]*10+R1C1']],
      '',
    ]);
  });

  // reference/spreadsheet/range#setFontFamily(String), #setFontSize(Integer), #setFontStyle(String),
  // #setFontLine(String), #setVerticalAlignment(String), #setBorder(...), #getTextStyle(), #setTextStyle(TextStyle)
  it('font family/size/style/line, vertical alignment, borders and text styles', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'fonts')).toEqual({
      families: [['Georgia', 'Georgia']],
      size: 14,
      styles: [['italic', 'italic']],
      line: 'underline',
      v: [['middle', 'middle']],
      defaults: ['Arial', 10, 'normal', 'none', 'bottom'],
      style: ['Georgia', 14, true, true, true],
      c1: [20, 'bold'],
    });
  });

  // reference/spreadsheet/sheet#hideColumns(Integer,Integer), #hideRow(Range), #showColumns(Integer),
  // #isColumnHiddenByUser(Integer), #setRowHeight(Integer,Integer), #getRowHeight(Integer) (default 21 px: not
  // documented, Sheets' default)
  it('hiding and showing rows and columns; row heights', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'hiding')).toEqual([true, false, true, true, false, 21, 40, 30, 21]);
  });

  // reference/spreadsheet/text-finder: findAll, findNext, matchCase, matchEntireCell, replaceAllWith
  it('createTextFinder finds and replaces text in a range, a sheet and the spreadsheet', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'finding')).toEqual({
      all: ['A1', 'B1', 'B2', 'B3'],
      exact: ['B1'],
      next: ['A1', 'B1'],
      replaced: 3,
      b: ['fig', 'fig', 'pinefig'],
      ss: 1,
    });
  });

  // reference/spreadsheet/protection#setRangeName(String)
  it('Protection.setRangeName protects the named range', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'rangeName')).toEqual(['C2:D9', 'Totals']);
  });

  // reference/script/script-app#getOAuthToken()
  it('ScriptApp.getOAuthToken gives a token string', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'token')).toBe(true);
  });
});
