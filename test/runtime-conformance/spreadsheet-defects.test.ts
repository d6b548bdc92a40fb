/**
 * Conformance of SpreadsheetApp to the Apps Script reference: the defects of issue 11 §1 (formula precision,
 * custom functions, checkboxes, data-validation builders, A1/R1C1 parsing, protections, feature detection).
 * Each test names the reference page it follows; where the behaviour is not documented, the test says so.
 */
import { failure, run, runtimeWith } from './helpers';

const code = String.raw`
function precision() {
  var s = SpreadsheetApp.getActiveSheet();
  s.getRange('A1:A3').setFormulas([['=1/3'], ['=2^0.5'], ['=ROOT2()']]);
  return s.getRange('A1:A3').getValues().map(function (r) { return r[0]; });
}
/** @customfunction */
function ROOT2() { return Math.SQRT2; }

/** Google's summarize-sheets-data sample, reduced: a custom function reading other sheets. */
/** @customfunction */
function SUMMARY() {
  var out = [];
  SpreadsheetApp.getActiveSpreadsheet().getSheets().forEach(function (sheet) {
    if (sheet.getName() === 'Summary') return;
    var values = sheet.getDataRange().getValues();
    out.push([sheet.getName(), values.length - 1]);
  });
  return out;
}
function summarize() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.getSheets()[0].setName('Alpha').getRange('A1:A3').setValues([['Status'], ['Open'], ['Done']]);
  ss.insertSheet('Beta').getRange('A1:A2').setValues([['Status'], ['Open']]);
  var summary = ss.insertSheet('Summary');
  summary.getRange('A1').setFormula('=SUMMARY()');
  return summary.getRange('A1:B2').getValues();
}

/** Google's sample: =CORNER_SUM(A1:B3) returns one number. */
/** @customfunction */
function CORNER_SUM(range) { return range[0][0] + range[range.length - 1][range[0].length - 1]; }
function cornerSum() {
  var s = SpreadsheetApp.getActiveSheet();
  s.getRange('A1:B3').setValues([[1, 2], [3, 4], [5, 9]]);
  s.getRange('C2').setValue('taken');
  s.getRange('C1').setFormula('=CORNER_SUM(A1:B3)');
  return [s.getRange('C1').getValue(), s.getRange('C2').getValue()];
}

function checkboxes() {
  var s = SpreadsheetApp.getActiveSheet();
  s.getRange('A1:A2').insertCheckboxes('yes', 'no');
  s.getRange('A3').setValue('free text');
  s.getRange('A1:A3').check();
  var afterCheck = s.getRange('A1:A3').getValues().map(function (r) { return r[0]; });
  var checked = s.getRange('A1:A2').isChecked();
  s.getRange('A1:A3').uncheck();
  return { afterCheck: afterCheck, checked: checked, afterUncheck: s.getRange('A1:A3').getValues().map(function (r) { return r[0]; }) };
}

function validationBuilders() {
  var b = SpreadsheetApp.newDataValidation();
  var c = SpreadsheetApp.DataValidationCriteria;
  return {
    relative: [c.DATE_AFTER_RELATIVE, c.DATE_BEFORE_RELATIVE, c.DATE_EQUAL_TO_RELATIVE].map(String),
    text: String(b), type: b.getCriteriaType(), help: b.getHelpText(),
    rule: String(b.requireNumberBetween(1, 2).build()),
  };
}

function r1c1() {
  var s = SpreadsheetApp.getActiveSheet();
  return [s.getRange('R5C3').getA1Notation(), s.getRange('!c2:e5').getA1Notation(), s.getRange('R2C1:R3C4').getA1Notation()];
}

function warningOnlyEditors() {
  var p = SpreadsheetApp.getActiveSheet().getRange('A1:B2').protect().setWarningOnly(true);
  return p.getEditors().length;
}

function detection() {
  var s = SpreadsheetApp.getActiveSheet();
  return [typeof SpreadsheetApp.getFoo, typeof s.getFoo, 'getFoo' in s, typeof s.getRange('A1').noSuchThing,
    typeof SpreadsheetApp.getActive, typeof s.getRange('A1').getValue, s.getBar ? 'wrong branch' : 'right branch'];
}
function documentedButMissing() { return SpreadsheetApp.getActiveSheet().getRange('A1').createPivotTable(SpreadsheetApp.getActiveSheet().getRange('B1')); }
`;

const customFunctions = ['ROOT2', 'SUMMARY', 'CORNER_SUM'];

describe('SpreadsheetApp defects (issue 11 §1)', () => {
  // developers.google.com/apps-script/reference/spreadsheet/range#getValues: numbers come back as JavaScript
  // numbers (doubles); Sheets keeps 15+ significant digits, it does not round to 10.
  it('formula results keep the full double (=1/3, =2^0.5, a custom function returning Math.SQRT2)', async () => {
    const rt = await runtimeWith(code, { customFunctions });
    expect(run(rt, 'precision')).toEqual([1 / 3, Math.SQRT2, Math.SQRT2]);
  });

  // developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services: a custom function may
  // read the spreadsheet (read-only); samples/custom-functions/summarize-sheets-data reads every other sheet.
  it('a custom function that reads sheets does not re-enter itself', async () => {
    const rt = await runtimeWith(code, { customFunctions });
    expect(run(rt, 'summarize')).toEqual([
      ['Alpha', 2],
      ['Beta', 1],
    ]);
  });

  // developers.google.com/apps-script/guides/sheets/functions#optimization: a range argument arrives as a 2-D
  // array; only a 2-D *result* spills. One value returned stays in its cell whatever the cell below holds.
  it('a custom function returning one value from a multi-row range does not spill into #REF!', async () => {
    const rt = await runtimeWith(code, { customFunctions });
    expect(run(rt, 'cornerSum')).toEqual([10, 'taken']);
  });

  // developers.google.com/apps-script/reference/spreadsheet/range#check(): "Ignores the cells in the range
  // which currently do not contain either the checked or unchecked value configured." (same for uncheck()).
  it('Range.check/uncheck use the custom checked/unchecked values and leave other cells alone', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'checkboxes')).toEqual({
      afterCheck: ['yes', 'yes', 'free text'],
      checked: true,
      afterUncheck: ['no', 'no', 'free text'],
    });
  });

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria lists the *_RELATIVE
  // criteria; reference/spreadsheet/data-validation-builder#getCriteriaType() / #getHelpText() return null when
  // unset. toString() giving the class name is not documented: it is what Apps Script objects print.
  it('DataValidationCriteria.*_RELATIVE exist; builders print their class name; a fresh builder has null criteria', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'validationBuilders')).toEqual({
      relative: ['DATE_AFTER_RELATIVE', 'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE'],
      text: 'DataValidationBuilder',
      type: null,
      help: null,
      rule: 'DataValidation',
    });
  });

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String): "the range as specified in
  // A1 notation or R1C1 notation". A leading '!' and lower-case letters are not documented; Apps Script accepts
  // them (issue 11 §1 observation).
  it('Sheet.getRange accepts R1C1 notation, lower case and a leading "!"', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'r1c1')).toEqual(['C5', 'C2:E5', 'A2:D3']);
  });

  // developers.google.com/apps-script/reference/spreadsheet/protection#setWarningOnly(Boolean): a warning-only
  // protection lets everyone edit; it has no editors. That getEditors() is then empty is not stated on the page;
  // it is what Apps Script returns (issue 11 §1 observation).
  it('a warning-only protection reports no editors', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'warningOnlyEditors')).toBe(0);
  });

  // Apps Script objects have no members beyond those the reference lists (e.g. reference/spreadsheet/sheet):
  // anything else is undefined, so `if (obj.method)` feature detection works.
  it('unknown members are undefined; documented members the runtime lacks throw "not supported"', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'detection')).toEqual([
      'undefined',
      'undefined',
      false,
      'undefined',
      'function',
      'function',
      'right branch',
    ]);
    expect(failure(rt, 'documentedButMissing')).toBe(
      'not supported by the local runtime: Range.createPivotTable',
    );
  });
});
