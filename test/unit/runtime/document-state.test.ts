/**
 * What a document keeps beyond its cells survives saveXlsx → fromXlsx: document properties, each user's user
 * properties, installed triggers (owner, schedule, last firing); script properties belong to the script and do not.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalRuntime } from '../../../runtime';
import { writeBundle } from './bundle-fixture';

const code = String.raw`
function remember(value) {
  PropertiesService.getDocumentProperties().setProperty('doc', value);
  PropertiesService.getUserProperties().setProperty('mine', value + ' of ' + Session.getActiveUser().getEmail());
  PropertiesService.getScriptProperties().setProperty('script', value);
}
function recall() {
  return {
    doc: PropertiesService.getDocumentProperties().getProperty('doc'),
    mine: PropertiesService.getUserProperties().getProperty('mine'),
    script: PropertiesService.getScriptProperties().getProperty('script'),
  };
}
function installDaily() {
  return ScriptApp.newTrigger('daily').timeBased().atHour(9).everyDays(1).create().getUniqueId();
}
function triggerIds() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getUniqueId(); }); }
function daily() {
  var p = PropertiesService.getDocumentProperties();
  p.setProperty('runs', String(Number(p.getProperty('runs') || 0) + 1));
}
`;

test('document and user properties and triggers travel with the .xlsx; script properties do not', async () => {
  const bundleDir = writeBundle({ code });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-state-')), 'book.xlsx');
  const first = await LocalRuntime.create({
    bundleDir,
    now: '2026-03-02T00:30:00Z',
    owner: 'boss@example.com',
  });
  first.call('remember', 'v1', { user: 'ann@example.com' });
  const id = first.call<string>('installDaily', undefined, { user: 'ann@example.com' });
  // 09:10 in Shanghai: the daily trigger fires once today.
  first.clock.set('2026-03-02T01:10:00Z');
  expect(first.fireDueTriggers()).toHaveLength(1);
  await first.saveXlsx(file);

  const second = await LocalRuntime.fromXlsx(file, { bundleDir, now: '2026-03-02T01:50:00Z' });
  expect(second.call('recall', undefined, { user: 'ann@example.com' })).toEqual({
    doc: 'v1',
    mine: 'v1 of ann@example.com',
    script: null,
  });
  expect(second.call('recall', undefined, { user: 'bob@example.com' })).toMatchObject({ mine: null });
  expect(second.call('triggerIds', undefined, { user: 'ann@example.com' })).toEqual([id]);
  expect(second.call('triggerIds', undefined, { user: 'bob@example.com' })).toEqual([]);
  // Already fired today (saved with the trigger): nothing more until tomorrow's 9 o'clock hour.
  expect(second.fireDueTriggers()).toHaveLength(0);
  second.clock.set('2026-03-03T01:20:00Z');
  expect(second.fireDueTriggers().map((run) => run.error)).toEqual([undefined]);
  expect(second.properties.document.get('runs')).toBe('2');
  // A new trigger never reuses a restored id.
  const another = second.call<string>('installDaily', undefined, { user: 'ann@example.com' });
  expect(another).not.toBe(id);
});

test('a file saved without state, or by another program, opens with empty stores', async () => {
  const bundleDir = writeBundle({ code });
  const rt = await LocalRuntime.create({ bundleDir, now: '2026-03-02T00:30:00Z' });
  expect(() => rt.restoreDocumentState({ version: 2 })).toThrow('version 1');
  expect(rt.documentState()).toEqual({
    version: 1,
    documentProperties: {},
    userProperties: {},
    triggers: [],
  });
});

test('a file whose metadata sheet has another name (an earlier version, another metaSheetName) still opens whole', async () => {
  const bundleDir = writeBundle({ code });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-state-')), 'old.xlsx');
  const rt = await LocalRuntime.create({
    bundleDir,
    now: '2026-03-02T00:30:00Z',
    metaSheetName: '__old_meta__',
  });
  rt.call('remember', 'kept');
  await rt.saveXlsx(file);
  const back = await LocalRuntime.fromXlsx(file, { bundleDir });
  expect(back.workbook.sheets().map((sheet) => sheet.name)).toEqual(['Sheet1']);
  expect(back.properties.document.get('doc')).toBe('kept');
});
