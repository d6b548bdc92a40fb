/**
 * Conformance of CacheService (developers.google.com/apps-script/reference/cache/cache) and LockService
 * (reference/lock/lock).
 */
import { run, runtimeWith } from './helpers';

const code = String.raw`
function cacheReturns() { var c = CacheService.getScriptCache(); return [c.put('a', '1'), c.remove('a'), c.putAll({ b: '2' }), c.removeAll(['b'])]; }
function negativeTry() { return LockService.getScriptLock().tryLock(-100); }
function negativeWait() { try { LockService.getScriptLock().waitLock(-100); return 'acquired'; } catch (e) { return e.message; } }
`;

describe('CacheService and LockService', () => {
  // reference/cache/cache#put(String,String): returns void, which Apps Script hands to the script as null
  // (not documented; issue 11 §1 observation). The same for remove, putAll and removeAll.
  it('Cache.put/remove/putAll/removeAll return null', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'cacheReturns')).toEqual([null, null, null, null]);
  });

  // reference/lock/lock#tryLock(Integer): "timeoutInMillis: how long to wait"; a negative wait is not a wait.
  // Apps Script then does not take the lock (tryLock false, waitLock throws): not documented, observed.
  it('a negative timeout never acquires the lock', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'negativeTry')).toBe(false);
    expect(run(rt, 'negativeWait')).toBe('Lock timeout: another process was holding the lock for too long.');
  });
});
