/**
 * Overlapping executions in real worker threads over one set of services: the lock must be real.
 * Counter tests: both executions read, sleep, write +1. Without the lock they overlap and one update is lost.
 */
import { LocalRuntime } from '../../../runtime';
import { writeBundle } from './bundle-fixture';

const code = String.raw`
function bump(useLock, sleepMs) {
  var lock = LockService.getScriptLock();
  if (useLock) lock.waitLock(20000);
  var props = PropertiesService.getScriptProperties();
  var n = Number(props.getProperty('n') || 0);
  Utilities.sleep(sleepMs);
  props.setProperty('n', String(n + 1));
  if (useLock) lock.releaseLock();
  return n;
}
function holdLock(ms) {
  var lock = LockService.getScriptLock();
  lock.waitLock(5000);
  PropertiesService.getScriptProperties().setProperty('holder', 'A');
  Utilities.sleep(ms);
  return lock.hasLock();
}
function waitThenLock(delayMs, timeoutMs) {
  Utilities.sleep(delayMs);
  var lock = LockService.getScriptLock();
  var started = Date.now();
  lock.waitLock(timeoutMs);
  return { waited: Date.now() - started, holder: PropertiesService.getScriptProperties().getProperty('holder') };
}
function tryLockLater(delayMs) {
  Utilities.sleep(delayMs);
  return LockService.getScriptLock().tryLock(50);
}
function globalsSeen() { return [typeof process, typeof Buffer, typeof setTimeout, typeof URL, typeof Intl, typeof LockService]; }
function whoAndWhen() { return { user: Session.getActiveUser().getEmail(), now: new Date().getTime(), isDate: new Date() instanceof Date }; }
`;

describe('executeConcurrently (worker threads)', () => {
  let rt: LocalRuntime;
  beforeEach(async () => {
    rt = await LocalRuntime.create({ bundleDir: writeBundle({ code }), now: '2026-03-02T01:00:00Z' });
  });

  it('loses an update without the lock: both executions really overlap', async () => {
    const results = await rt.executeConcurrently([
      { fn: 'bump', args: [false, 1500] },
      { fn: 'bump', args: [false, 1500] },
    ]);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(rt.properties.script.get('n')).toBe('1');
  });

  it('serialises the two executions with LockService.waitLock', async () => {
    const results = await rt.executeConcurrently([
      { fn: 'bump', args: [true, 300] },
      { fn: 'bump', args: [true, 300] },
    ]);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(rt.properties.script.get('n')).toBe('2');
    expect(results.map((r) => r.value).sort()).toEqual([0, 1]);
    expect(results[0].calls['Lock.waitLock']).toBe(1);
    expect(results[0].calls['Utilities.sleep']).toBe(1);
  });

  it('makes a second execution wait for the lock, then proceed', async () => {
    const [holder, waiter] = await rt.executeConcurrently([
      { fn: 'holdLock', args: [800] },
      { fn: 'waitThenLock', args: [300, 10000] },
    ]);
    expect(holder.value).toBe(true);
    expect(waiter.error).toBeUndefined();
    const value = waiter.value as { waited: number; holder: string };
    expect(value.holder).toBe('A');
    expect(value.waited).toBeGreaterThan(200);
    // The modelled time carries the sleep and the real wait for the lock.
    expect(waiter.modelledMs).toBeGreaterThanOrEqual(300 + value.waited - 20);
  });

  it("times out with Apps Script's error while the lock is held", async () => {
    const [holder, waiter, trier] = await rt.executeConcurrently([
      { fn: 'holdLock', args: [1500] },
      { fn: 'waitThenLock', args: [400, 200] },
      { fn: 'tryLockLater', args: [400] },
    ]);
    expect(holder.error).toBeUndefined();
    expect(waiter.error?.message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(trier.value).toBe(false);
    // The lock was released when the holder's execution ended.
    expect(rt.locks.holder('script')).toBeUndefined();
  });

  it('gives the script the same globals in a worker as in the vm context (no Node globals)', async () => {
    const inline = rt.execute('globalsSeen').value;
    expect(inline).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'object', 'object']);
    const [worker] = await rt.executeConcurrently([{ fn: 'globalsSeen' }]);
    expect(worker.value).toEqual(inline);
  });

  it('runs each worker as its own user, with the runtime clock', async () => {
    const results = await rt.executeConcurrently([
      { fn: 'whoAndWhen', opts: { user: 'a@example.com' } },
      { fn: 'whoAndWhen', opts: { user: 'b@example.com' } },
    ]);
    const values = results.map((r) => r.value as { user: string; now: number; isDate: boolean });
    expect(values.map((v) => v.user)).toEqual(['a@example.com', 'b@example.com']);
    for (const v of values) {
      expect(v.isDate).toBe(true);
      expect(v.now).toBeGreaterThanOrEqual(Date.parse('2026-03-02T01:00:00Z'));
      expect(v.now).toBeLessThan(Date.parse('2026-03-02T01:01:00Z'));
    }
  });
});
