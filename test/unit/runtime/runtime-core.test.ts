import { LocalRuntime } from '../../../runtime';
import { writeBundle } from './bundle-fixture';

const code = String.raw`
var counter = 0;
var LOADED_AS = Session.getActiveUser().getEmail();
function bumpCounter() { counter += 1; return [counter, LOADED_AS]; }
function hello(name) { Logger.log('hello %s', name); console.log('via console', 1); return 'hi ' + name; }
function whoAmI() { return { active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail(),
  locale: Session.getActiveUserLocale(), tz: Session.getScriptTimeZone() }; }
function fails() { throw new Error('boom'); }
function dates() { var d = new Date(); return { now: Date.now(), iso: d.toISOString(), isDate: d instanceof Date,
  explicit: new Date(2024, 0, 2).getFullYear(), formatted: Utilities.formatDate(d, 'Asia/Shanghai', "yyyy-MM-dd HH:mm:ss EEE a Z") }; }
function sleepy() { var a = Date.now(); Utilities.sleep(5000); return Date.now() - a; }
function props(value) { var p = PropertiesService.getDocumentProperties(); p.setProperty('k', value); return p.getProperty('k'); }
function userProps() { PropertiesService.getUserProperties().setProperty('mine', Session.getActiveUser().getEmail()); }
function menu() { var ui = SpreadsheetAppUi(); }
function arrays() { var a = [[1, 'x'], [new Date(0), true]]; return { isArray: Array.isArray(a), rows: a.length }; }
function unsupported() { return Utilities.gzip(Utilities.newBlob('x')); }
function localTime() { var d = new Date(); var midnight = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  return { hours: d.getHours(), date: d.getDate(), text: String(d), midnight: midnight.toISOString(), offset: d.getTimezoneOffset(),
    intl: new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23' }).format(d), zone: Intl.DateTimeFormat().resolvedOptions().timeZone }; }
function echoDate(d) { return { isDate: d instanceof Date, ms: d.getTime() }; }
function dateKinds(d) { class Later extends Date {} var later = new Later(9); var made = new Date(7); var local = new Date(2024, 0, 2);
  return { fromHost: [d.constructor === Date, Object.getPrototypeOf(d) === Date.prototype, d.getHours()],
    made: [made.constructor === Date, made instanceof Date, made.getTime()], local: [local instanceof Date, local.toISOString()],
    subclass: [later instanceof Later, later instanceof Date, Object.getPrototypeOf(later) === Later.prototype, later.getTime()] }; }
`;

describe('LocalRuntime core', () => {
  let rt: LocalRuntime;
  beforeEach(async () => {
    rt = await LocalRuntime.create({
      bundleDir: writeBundle({ code }),
      now: '2026-03-02T01:30:00Z',
      owner: 'Owner@Example.com',
    });
  });

  it('runs a top-level function and captures Logger and console output', () => {
    const result = rt.execute('hello', ['Ann']);
    expect(result.error).toBeUndefined();
    expect(result.value).toBe('hi Ann');
    expect(result.logs).toEqual(['hello Ann', 'via console 1']);
    // The bundle's top-level code runs in every execution, and its calls count (like Apps Script).
    expect(result.calls).toEqual({
      'Session.getActiveUser': 1,
      'User.getEmail': 1,
      'Logger.log': 1,
      'console.log': 1,
    });
    expect(result.totalCalls).toBe(4);
    expect(result.modelledMs).toBeGreaterThan(0);
    expect(rt.lastExecution).toBe(result);
  });

  it('starts every execution with a fresh global scope, top-level code seeing the services', () => {
    expect(rt.execute('bumpCounter', [], { user: 'a@example.com' }).value).toEqual([1, 'a@example.com']);
    expect(rt.execute('bumpCounter', [], { user: 'b@example.com' }).value).toEqual([1, 'b@example.com']);
    expect(rt.functionNames()).toContain('bumpCounter');
  });

  it('sets the active user and locale per execution, owner is the effective user', () => {
    expect(rt.execute('whoAmI', [], { user: 'rep@example.com', locale: 'zh-CN' }).value).toEqual({
      active: 'rep@example.com',
      effective: 'owner@example.com',
      locale: 'zh_CN',
      tz: 'Asia/Shanghai',
    });
    expect(rt.execute('whoAmI').value).toMatchObject({ active: 'owner@example.com', locale: 'en' });
  });

  it('returns script errors as Node errors and call() throws them', () => {
    const result = rt.execute('fails');
    expect(result.error).toBeInstanceOf(Error);
    expect(result.error?.message).toBe('boom');
    expect(() => rt.call('fails')).toThrow('boom');
    expect(rt.execute('nope').error?.message).toBe('Script function not found: nope');
  });

  it('drives new Date() and Date.now() from the fake clock', () => {
    const value = rt.execute('dates').value as Record<string, unknown>;
    expect(value.now).toBe(Date.parse('2026-03-02T01:30:00Z'));
    expect(value.isDate).toBe(true);
    expect(value.explicit).toBe(2024);
    expect(value.formatted).toBe('2026-03-02 09:30:00 Mon AM +0800');
    rt.clock.advance(60_000);
    expect((rt.execute('dates').value as Record<string, unknown>).iso).toBe('2026-03-02T01:31:00.000Z');
  });

  it("works in the script's time zone for local-time Date members, whatever Node's zone", () => {
    expect(rt.execute('localTime').value).toEqual({
      hours: 9,
      date: 2,
      text: 'Mon Mar 02 2026 09:30:00 GMT+0800',
      midnight: '2026-03-01T16:00:00.000Z',
      offset: -480,
      intl: '09',
      zone: 'Asia/Shanghai',
    });
  });

  it('sleep moves the clock and the modelled time without waiting', () => {
    const started = Date.now();
    const result = rt.execute('sleepy');
    expect(result.value).toBe(5000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.modelledMs).toBeGreaterThanOrEqual(5000);
    expect(rt.clock.now().toISOString()).toBe('2026-03-02T01:30:05.000Z');
  });

  it('converts values across the realm boundary both ways', () => {
    expect(rt.execute('arrays').value).toEqual({ isArray: true, rows: 2 });
    expect(rt.execute('echoDate', [new Date(5)]).value).toEqual({ isDate: true, ms: 5 });
  });

  it('gives the script Dates of its own Date, local-time members in its zone, subclasses their prototype', () => {
    expect(rt.execute('dateKinds', [new Date('2026-03-01T16:00:00Z')]).value).toEqual({
      fromHost: [true, true, 0],
      made: [true, true, 7],
      local: [true, '2024-01-01T16:00:00.000Z'],
      subclass: [true, true, true, 9],
    });
  });

  it('stores properties per store and per user', () => {
    expect(rt.call('props', 'v1')).toBe('v1');
    expect(rt.properties.document.get('k')).toBe('v1');
    rt.execute('userProps', [], { user: 'a@example.com' });
    expect(rt.properties.userStore('a@example.com').get('mine')).toBe('a@example.com');
    expect(rt.properties.user.size).toBe(0);
  });

  it('rejects Date arguments in call() like google.script.run', () => {
    expect(() => rt.call('echoDate', new Date())).toThrow(/cannot pass a Date/);
  });

  it('throws a clear error for members the runtime does not support', () => {
    expect(rt.execute('unsupported').error?.message).toBe(
      'not supported by the local runtime: Utilities.gzip',
    );
  });
});
