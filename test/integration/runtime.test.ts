/**
 * The local runtime end to end with the spreadsheet half: a hand-written bundle (independent of the product
 * build) driving SpreadsheetApp, formulas, custom functions, mail quota and locks across real worker threads.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalRuntime } from '../../runtime';
import { writeBundle } from '../unit/runtime/bundle-fixture';

const code = String.raw`
/**
 * Doubles every number of a range.
 * @customfunction
 */
function DOUBLE(input) {
  if (Array.isArray(input)) return input.map(function (row) { return row.map(function (v) { return v === '' ? '' : v * 2; }); });
  return input * 2;
}
/** @customfunction */
function SNEAKY_MAIL(x) { MailApp.sendEmail('a@x.com', 's', 'b'); return x; }
/** @customfunction */
function SNEAKY_WRITE(x) { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('Z1').setValue(1); return x; }
/** @customfunction */
function READS_SHEET() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('A1').getValue(); }

function onOpen() {
  SpreadsheetApp.getUi().createMenu('SalesDesk')
    .addItem('Set up', 'setup')
    .addSubMenu(SpreadsheetApp.getUi().createMenu('Tools').addItem('Ask', 'ask'))
    .addToUi();
}
function setup() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('Data') || ss.insertSheet('Data');
  sheet.getRange(1, 1, 3, 2).setValues([[1, 'a'], [2, 'b'], [3, 'c']]);
  sheet.getRange('C1').setFormula('=SUM(A1:A3)');
  sheet.getRange('D1').setFormula('=DOUBLE(A1:A3)');
  return sheet.getRange('C1').getValue();
}
function readBack() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('A1:D3').getValues(); }
function wrongShape() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange(1, 1, 2, 2).setValues([[1, 2], [3, 4], [5, 6]]); }
function wrongColumns() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange(1, 1, 1, 2).setValues([[1, 2, 3]]); }
function formulaOf(a1, formula) { var r = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange(a1); r.setFormula(formula); return r.getValue(); }
function ask() {
  var ui = SpreadsheetApp.getUi();
  var answer = ui.alert('Confirm', 'Go?', ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) return 'cancelled';
  var response = ui.prompt('Name?');
  ui.showSidebar(HtmlService.createHtmlOutput('<p>' + response.getResponseText() + '</p>').setTitle('Hi'));
  SpreadsheetApp.getActiveSpreadsheet().toast('done', 'SalesDesk');
  return response.getResponseText();
}
function mailAll(n) { for (var i = 0; i < n; i++) MailApp.sendEmail('rep' + i + '@x.com', 'Digest', 'Hello'); }
function bumpCell(useLock, sleepMs) {
  var lock = LockService.getDocumentLock();
  if (useLock) lock.waitLock(30000);
  var cell = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('F1');
  var n = Number(cell.getValue() || 0);
  Utilities.sleep(sleepMs);
  cell.setValue(n + 1);
  SpreadsheetApp.flush();
  return n;
}
/** @customfunction */
function SLOW(x) { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < 1100; i++) p.getProperty('k'); return x; }
function dateRoundTrip() {
  var cell = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('G1');
  cell.setValue(new Date(2026, 2, 2, 10, 30));
  var back = cell.getValue();
  return { isDate: back instanceof Date, iso: back.toISOString(), hours: back.getHours(), display: cell.getDisplayValue() !== '' };
}
function perRow(n) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data');
  for (var r = 1; r <= n; r++) { var v = sheet.getRange(r, 8).getValue(); sheet.getRange(r, 8).setValue(v + 1); }
}
function batched(n) {
  var range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange(1, 8, n, 1);
  range.setValues(range.getValues().map(function (row) { return [row[0] + 1]; }));
}
function onEdit(e) {
  if (e.range.getSheet().getName() !== 'Data') return;
  e.range.offset(0, 1).setValue('edited by ' + e.user.getEmail() + ' from ' + e.oldValue + ' to ' + e.value);
}
function intake() {
  ScriptApp.newTrigger('onFormSubmitted').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();
}
function onFormSubmitted(e) {
  PropertiesService.getDocumentProperties().setProperty('lastSubmit', e.namedValues['Company'][0] + '|' + e.range.getRow() + '|' + e.values.length);
}
`;

const customFunctions = [
  { name: 'DOUBLE', params: ['input'] },
  { name: 'SNEAKY_MAIL', params: ['x'] },
  { name: 'SNEAKY_WRITE', params: ['x'] },
  { name: 'READS_SHEET', params: [] },
  { name: 'SLOW', params: ['x'] },
];

describe('local runtime with SpreadsheetApp', () => {
  let rt: LocalRuntime;
  beforeEach(async () => {
    rt = await LocalRuntime.create({
      bundleDir: writeBundle({ code, customFunctions }),
      now: '2026-03-02T01:30:00Z',
      mailQuota: 3,
    });
    const setup = rt.execute('setup');
    expect(setup.error).toBeUndefined();
  });

  it('computes a formula written through setFormula', () => {
    expect(rt.lastExecution?.value).toBe(6);
    expect(rt.execute('formulaOf', ['E1', '=C1*10']).value).toBe(60);
  });

  it("computes the bundle's custom function inside a formula, spilling a 2-D result", () => {
    expect(rt.execute('readBack').value).toEqual([
      [1, 'a', 6, 2],
      [2, 'b', '', 4],
      [3, 'c', '', 6],
    ]);
    expect(rt.customFunctionCalls.some((call) => call.name === 'DOUBLE')).toBe(true);
  });

  it('runs custom functions restricted: no MailApp, no writes, reads allowed', () => {
    expect(rt.execute('formulaOf', ['E2', '=READS_SHEET()']).value).toBe(1);
    rt.execute('formulaOf', ['E3', '=SNEAKY_MAIL(1)']);
    expect(rt.customFunctionCalls.find((c) => c.name === 'SNEAKY_MAIL')?.error).toBe(
      'You do not have permission to call MailApp service.',
    );
    rt.execute('formulaOf', ['E4', '=SNEAKY_WRITE(1)']);
    expect(rt.customFunctionCalls.find((c) => c.name === 'SNEAKY_WRITE')?.error).toMatch(
      /You do not have permission/,
    );
    expect(rt.mail.outbox).toHaveLength(0);
  });

  it('TODAY() follows the fake clock in the spreadsheet', () => {
    const today = (): unknown => rt.execute('formulaOf', ['E6', '=TEXT(TODAY(),"yyyy-mm-dd")']).value;
    expect(today()).toBe('2026-03-02');
    rt.clock.advance(24 * 3600_000);
    expect(today()).toBe('2026-03-03');
  });

  it('saves the workbook as .xlsx and opens it again with values and formulas (custom ones too)', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-xlsx-')), 'book.xlsx');
    await rt.saveXlsx(file);
    const reopened = await LocalRuntime.fromXlsx(file, { bundleDir: writeBundle({ code, customFunctions }) });
    expect(reopened.execute('readBack').value).toEqual(rt.execute('readBack').value);
    expect(reopened.execute('formulaOf', ['E7', '=C1+D2']).value).toBe(10);
  });

  it('fails a custom function past 30 modelled seconds like Apps Script', () => {
    expect(rt.execute('formulaOf', ['E5', '=SLOW(1)']).value).toBe('#ERROR!');
    const slow = rt.customFunctionCalls.find((c) => c.name === 'SLOW');
    expect(slow?.error).toBe('Exceeded maximum execution time (line 0).');
    expect(slow?.modelledMs).toBeGreaterThan(30_000);
  });

  it('gives the script real Dates from cells, in the script time zone, inline and in workers', async () => {
    const expected = { isDate: true, iso: '2026-03-02T02:30:00.000Z', hours: 10, display: true };
    expect(rt.execute('dateRoundTrip').value).toEqual(expected);
    const [inWorker] = await rt.executeConcurrently([{ fn: 'dateRoundTrip' }]);
    expect(inWorker.value).toEqual(expected);
  });

  it("throws Apps Script's message for setValues with the wrong shape", () => {
    expect(rt.execute('wrongShape').error?.message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 3 but the range has 2.',
    );
    expect(rt.execute('wrongColumns').error?.message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  it("fails a mail over the daily quota with Apps Script's error", () => {
    const result = rt.execute('mailAll', [4]);
    expect(result.error?.message).toBe('Service invoked too many times for one day: email.');
    expect(rt.mail.outbox).toHaveLength(3);
    expect(result.calls['MailApp.sendEmail']).toBe(4);
  });

  it('builds menus, answers alerts and prompts, records sidebars and toasts', () => {
    rt.execute('onOpen');
    const menu = rt.ui.menu('SalesDesk');
    expect(menu && rt.ui.menuItems(menu)).toEqual([
      { caption: 'Set up', functionName: 'setup' },
      { caption: 'Ask', functionName: 'ask' },
    ]);
    rt.ui.answerNextAlert('NO');
    expect(rt.execute('ask').value).toBe('cancelled');
    rt.ui.answerNextAlert('YES');
    rt.ui.answerNextPrompt('Ann');
    expect(rt.execute('ask').value).toBe('Ann');
    expect(rt.ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.answer])).toEqual([
      ['Confirm', 'Go?', 'YES_NO', 'NO'],
      ['Confirm', 'Go?', 'YES_NO', 'YES'],
    ]);
    expect(rt.ui.sidebars).toEqual([{ title: 'Hi', html: '<p>Ann</p>', width: 0, height: 0 }]);
    expect(rt.ui.toasts).toEqual([{ message: 'done', title: 'SalesDesk', timeoutSeconds: undefined }]);
  });

  it('counts calls on returned objects and models Sheets round trips', () => {
    const result = rt.execute('readBack');
    expect(result.calls).toMatchObject({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 1,
      'Range.getValues': 1,
    });
    expect(result.modelledMs).toBeGreaterThanOrEqual(30);
  });

  it('prices per-row read/write far above one batched read and write (read after write = round trip)', () => {
    const slow = rt.execute('perRow', [200]);
    const fast = rt.execute('batched', [200]);
    expect(slow.error).toBeUndefined();
    expect(fast.error).toBeUndefined();
    expect(slow.calls['Range.getValue']).toBe(200);
    expect(fast.calls).toMatchObject({ 'Range.getValues': 1, 'Range.setValues': 1 });
    // 199 reads follow a write: ~30 ms each (Mogsdad's measurements), against a couple of round trips.
    expect(slow.modelledMs).toBeGreaterThan(199 * 30);
    expect(fast.modelledMs).toBeLessThan(100);
    expect(rt.workbook.sheetValues('Data')[199][7]).toBe(2);
  });

  it('fires onFormSubmit triggers with range, values and namedValues', () => {
    expect(rt.execute('intake').error).toBeUndefined();
    const fired = rt.submitForm({ Company: 'Acme', Email: 'a@acme.com' });
    expect(fired).toHaveLength(1);
    expect(fired[0].error).toBeUndefined();
    expect(rt.properties.document.get('lastSubmit')).toBe('Acme|2|3');
  });

  it('runs onEdit when a user edits a cell', () => {
    const [result] = rt.edit('Data', 'A2', 5, { user: 'rep@example.com' });
    expect(result.error).toBeUndefined();
    expect(rt.workbook.sheetValues('Data')[1].slice(0, 2)).toEqual([
      5,
      'edited by rep@example.com from 2 to 5',
    ]);
  });

  it('a lock held by one execution makes the other wait: two real workers, no lost update', async () => {
    const results = await rt.executeConcurrently([
      { fn: 'bumpCell', args: [true, 300] },
      { fn: 'bumpCell', args: [true, 300] },
    ]);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(rt.workbook.sheetValues('Data')[0][5]).toBe(2);
    expect(results[0].calls['Range.getValue']).toBe(1);
  });

  it('without the lock the two workers overlap and an update is lost', async () => {
    await rt.executeConcurrently([
      { fn: 'bumpCell', args: [false, 1500] },
      { fn: 'bumpCell', args: [false, 1500] },
    ]);
    expect(rt.workbook.sheetValues('Data')[0][5]).toBe(1);
  });
});
