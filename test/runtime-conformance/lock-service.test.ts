/** Conformance of LockService to developers.google.com/apps-script/reference/lock/lock. */
import { run, runtimeWith } from './helpers';

const code = String.raw`
function negativeTry() { return LockService.getScriptLock().tryLock(-100); }
function negativeWait() { try { LockService.getScriptLock().waitLock(-100); return 'acquired'; } catch (e) { return e.message; } }
`;

describe('LockService', () => {
  // reference/lock/lock#tryLock(Integer): "timeoutInMillis: how long to wait"; a negative wait is not a wait.
  // Apps Script then does not take the lock (tryLock false, waitLock throws): not documented, observed.
  it('a negative timeout never acquires the lock', async () => {
    const rt = await runtimeWith(code);
    expect(run(rt, 'negativeTry')).toBe(false);
    expect(run(rt, 'negativeWait')).toBe('Lock timeout: another process was holding the lock for too long.');
  });
});
