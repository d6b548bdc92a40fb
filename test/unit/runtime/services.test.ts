import { LocalRuntime } from '../../../runtime';
import { formatDate } from '../../../runtime/services/format-date';
import { LocalUi, UiRecorder } from '../../../runtime/services/ui';
import { LocalHtmlOutput } from '../../../runtime/services/html';
import { writeBundle } from './bundle-fixture';

const code = String.raw`
var PAGE = 'page';
function sidebarHtml() { return HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Side').setWidth(300).getContent(); }
function templated(name) {
  var t = HtmlService.createTemplateFromFile('card');
  t.name = name; t.items = ['a', 'b'];
  var out = t.evaluate();
  return { html: out.getContent(), raw: t.getRawContent().length > 0 };
}
function missingHtml() { return HtmlService.createHtmlOutputFromFile('nope'); }
function cachePut(key, value, ttl) { CacheService.getScriptCache().put(key, value, ttl); }
function fillCache() { var c = CacheService.getScriptCache(); for (var i = 0; i < 1001; i++) c.put('k' + i, 'v', 100 + i); return [c.get('k0'), c.get('k100'), c.get('k101'), c.get('k1000')]; }
function cacheGet(key) { return CacheService.getScriptCache().get(key); }
function mail(to, n) { for (var i = 0; i < n; i++) MailApp.sendEmail(to, 'Subject ' + i, 'Body'); return MailApp.getRemainingDailyQuota(); }
function mailObject() { MailApp.sendEmail({ to: 'a@x.com,b@x.com', cc: 'c@x.com', subject: 'S', body: 'B', htmlBody: '<b>B</b>', name: 'SalesDesk', replyTo: 'r@x.com' }); return MailApp.getRemainingDailyQuota(); }
function quota() { return MailApp.getRemainingDailyQuota(); }
function bigProperty(size) { PropertiesService.getScriptProperties().setProperty('big', new Array(size + 1).join('x')); }
function fillStore() { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < 60; i++) p.setProperty('k' + i, new Array(9000).join('y')); }
function makeDaily(hour) { return ScriptApp.newTrigger('onDaily').timeBased().atHour(hour).nearMinute(15).everyDays(1).inTimezone('Asia/Shanghai').create().getUniqueId(); }
function makeHourly() { return ScriptApp.newTrigger('onDaily').timeBased().everyHours(1).create().getUniqueId(); }
function badMinutes() { ScriptApp.newTrigger('onDaily').timeBased().everyMinutes(7).create(); }
function listTriggers() { return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource())]; }); }
function deleteAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return ScriptApp.getProjectTriggers().length; }
function onDaily(e) { PropertiesService.getScriptProperties().setProperty('ran', String(Number(PropertiesService.getScriptProperties().getProperty('ran') || 0) + 1)); return e.triggerUid; }
function spin(n) { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < n; i++) p.getProperty('x'); return 'done'; }
function spinAndCatch(n) { try { spin(n); } catch (e) { return 'caught ' + e.message; } }
function lockInline() { var l = LockService.getDocumentLock(); var got = l.tryLock(10); var has = l.hasLock(); l.releaseLock(); return [got, has, l.hasLock()]; }
function utils() { return { uuid: Utilities.getUuid().length, b64: Utilities.base64Encode('hé'), back: Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode('hé'))).getDataAsString(),
  digest: Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc').length }; }
`;

const html = {
  sidebar: '<p>Hello</p>',
  card: '<h1><?= name ?></h1><? for (var i = 0; i < items.length; i++) { ?><li><?!= "<i>" + items[i] + "</i>" ?></li><? } ?><?= PAGE ?>',
};

describe('runtime services', () => {
  let rt: LocalRuntime;
  beforeEach(async () => {
    rt = await LocalRuntime.create({
      bundleDir: writeBundle({ code, html }),
      now: '2026-03-02T01:30:00Z',
      mailQuota: 5,
    });
  });

  it('HtmlService serves dist/<name>.html and evaluates templates with escaping', () => {
    expect(rt.call('sidebarHtml')).toBe('<p>Hello</p>');
    expect(rt.call('templated', '<Ann & Bo>')).toEqual({
      html: '<h1>&lt;Ann &amp; Bo&gt;</h1><li><i>a</i></li><li><i>b</i></li>page',
      raw: true,
    });
    expect(rt.execute('missingHtml').error?.message).toBe('No HTML file named nope was found.');
  });

  it('CacheService expires entries on the fake clock', () => {
    rt.execute('cachePut', ['k', 'v', 60]);
    expect(rt.call('cacheGet', 'k')).toBe('v');
    rt.clock.advance(61_000);
    expect(rt.call('cacheGet', 'k')).toBeNull();
    expect(rt.execute('cachePut', ['x'.repeat(251), 'v']).error?.message).toBe('Argument too large: key');
  });

  it('CacheService keeps the 900 items farthest from expiry past 1 000', () => {
    expect(rt.call('fillCache')).toEqual([null, null, 'v', 'v']);
  });

  it('MailApp records the outbox and enforces the daily recipient quota', () => {
    expect(rt.call('mailObject')).toBe(2);
    expect(rt.mail.outbox[0]).toMatchObject({
      to: ['a@x.com', 'b@x.com'],
      cc: ['c@x.com'],
      htmlBody: '<b>B</b>',
      name: 'SalesDesk',
    });
    const over = rt.execute('mail', ['rep@x.com', 3]);
    expect(over.error?.message).toBe('Service invoked too many times for one day: email.');
    expect(rt.mail.outbox).toHaveLength(3);
    expect(rt.call('quota')).toBe(0);
    // The quota day is the script's time zone day: 2026-03-02 ends at 16:00 UTC in Asia/Shanghai.
    rt.clock.set('2026-03-02T15:59:00Z');
    expect(rt.call('quota')).toBe(0);
    rt.clock.set('2026-03-02T16:00:00Z');
    expect(rt.call('quota')).toBe(5);
  });

  it("PropertiesService enforces Apps Script's value and store limits", () => {
    expect(rt.execute('bigProperty', [9 * 1024]).error).toBeUndefined();
    expect(rt.execute('bigProperty', [9 * 1024 + 1]).error?.message).toBe('Argument too large: value');
    expect(rt.execute('fillStore').error?.message).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
  });

  it('ScriptApp creates, lists and deletes triggers; daily triggers fire once in their hour', () => {
    rt.clock.set('2026-03-02T00:00:00Z'); // 08:00 in Shanghai
    rt.call('makeDaily', 9);
    expect(rt.call('listTriggers')).toEqual([['onDaily', 'CLOCK', 'CLOCK']]);
    expect(rt.fireDueTriggers()).toHaveLength(0);
    rt.clock.set('2026-03-02T01:10:00Z'); // 09:10 in Shanghai
    const fired = rt.fireDueTriggers();
    expect(fired).toHaveLength(1);
    expect(fired[0].error).toBeUndefined();
    rt.clock.advance(20 * 60_000);
    expect(rt.fireDueTriggers()).toHaveLength(0); // once per day
    rt.clock.advance(24 * 3600_000);
    expect(rt.fireDueTriggers()).toHaveLength(1);
    expect(rt.properties.script.get('ran')).toBe('2');
    expect(rt.execute('badMinutes').error?.message).toMatch(/everyMinutes must be 1, 5, 10, 15 or 30/);
    expect(rt.call('deleteAll')).toBe(0);
  });

  it('hourly triggers fire when their period has passed', () => {
    rt.call('makeHourly');
    expect(rt.fireDueTriggers()).toHaveLength(0);
    rt.clock.advance(3600_000);
    expect(rt.fireDueTriggers()).toHaveLength(1);
    expect(rt.fireDueTriggers()).toHaveLength(0);
  });

  it("limits triggers to 20 per user with Apps Script's error", () => {
    for (let i = 0; i < 20; i++)
      expect(rt.execute('makeHourly', [], { user: 'a@x.com' }).error).toBeUndefined();
    expect(rt.execute('makeHourly', [], { user: 'a@x.com' }).error?.message).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(rt.execute('makeHourly', [], { user: 'b@x.com' }).error).toBeUndefined();
    expect(rt.call('listTriggers', undefined, { user: 'b@x.com' })).toHaveLength(1);
  });

  it('counts calls, prices them, and fails an execution past 6 modelled minutes even if the script catches', () => {
    const small = rt.execute('spin', [10]);
    expect(small.calls['Properties.getProperty']).toBe(10);
    expect(small.calls['PropertiesService.getScriptProperties']).toBe(1);
    expect(small.modelledMs).toBeGreaterThanOrEqual(300);
    const long = rt.execute('spinAndCatch', [13_000]); // 13 000 × 30 ms > 360 s
    expect(long.error?.message).toBe('Exceeded maximum execution time');
    expect(long.modelledMs).toBeGreaterThan(360_000);
  });

  it('LockService works inline and releases at the end of the execution', () => {
    expect(rt.call('lockInline')).toEqual([true, true, false]);
  });

  it('Utilities: uuid, base64, blobs, digests', () => {
    expect(rt.call('utils')).toEqual({ uuid: 36, b64: 'aMOp', back: 'hé', digest: 16 });
  });
});

describe('Utilities.formatDate (Java patterns)', () => {
  const date = new Date('2026-03-02T01:05:09.007Z');
  it.each([
    ['yyyy-MM-dd HH:mm:ss', 'Asia/Shanghai', '2026-03-02 09:05:09'],
    ["yyyy-MM-dd'T'HH:mm", 'America/New_York', '2026-03-01T20:05'],
    ['EEE, d MMM yyyy h:mm a', 'UTC', 'Mon, 2 Mar 2026 1:05 AM'],
    ['EEEE MMMM dd yy', 'Asia/Shanghai', 'Monday March 02 26'],
    ['HH:mm:ss.SSS Z XXX', 'Asia/Kolkata', '06:35:09.007 +0530 +05:30'],
    ["'at' h 'o''clock'", 'UTC', "at 1 o'clock"],
    ['yyyy-MM-dd HH:mm', 'GMT+8', '2026-03-02 09:05'],
  ])('%s in %s', (pattern, tz, expected) => {
    expect(formatDate(date, tz, pattern)).toBe(expected);
  });
});

describe('Ui (SpreadsheetApp.getUi())', () => {
  it('records menus with sub-menus, answers alerts and prompts from the scripted queue', () => {
    const recorder = new UiRecorder();
    const ui = new LocalUi(recorder);
    const sub = ui.createMenu('More').addItem('Backup', 'menuBackupNow');
    ui.createMenu('SalesDesk')
      .addItem('Set up', 'menuSetupWorkbook')
      .addSeparator()
      .addSubMenu(sub)
      .addToUi();
    expect(recorder.menuItems(recorder.menu('SalesDesk')!)).toEqual([
      { caption: 'Set up', functionName: 'menuSetupWorkbook' },
      { caption: 'Backup', functionName: 'menuBackupNow' },
    ]);
    recorder.answerNextAlert('NO');
    expect(ui.alert('Title', 'Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    recorder.answerNextPrompt('42', 'OK');
    const response = ui.prompt('How many?', ui.ButtonSet.OK_CANCEL);
    expect([response.getResponseText(), response.getSelectedButton()]).toEqual(['42', ui.Button.OK]);
    expect(recorder.alerts.map((a) => a.prompt)).toEqual(['Sure?', 'Done']);
    recorder.answerNextAlert('YES');
    expect(() => ui.alert('x', ui.ButtonSet.OK_CANCEL)).toThrow(/not a button of ButtonSet.OK_CANCEL/);
    ui.showSidebar(new LocalHtmlOutput('<p>x</p>').setTitle('Customer'));
    expect(recorder.sidebars).toEqual([{ title: 'Customer', html: '<p>x</p>', width: 0, height: 0 }]);
  });
});
