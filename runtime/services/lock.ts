/**
 * LockService: document, script and user locks shared by every execution of the runtime, including executions
 * overlapping in worker threads. A lock is released when its execution ends, as in Apps Script.
 */
import { WouldBlock } from '../errors';
import type { Execution } from '../execution';
import type { FakeClock } from '../clock';

/** Reported Apps Script text (apps-script-limits.md). */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';
/** How often a waiting worker looks at the lock again. */
const POLL_MS = 5;

/** Which execution holds which lock; owned by the runtime (the host thread). */
export class LockTable {
  private readonly holders = new Map<string, number>();
  /**
   * Test switch: every lock is granted at once, as if the script took none, to show what the lock prevents.
   * Apps Script has no such thing.
   */
  disabled = false;

  holder(key: string): number | undefined {
    return this.holders.get(key);
  }
  tryAcquire(key: string, executionId: number): boolean {
    if (this.disabled) return true;
    const holder = this.holders.get(key);
    if (holder !== undefined && holder !== executionId) return false;
    this.holders.set(key, executionId);
    return true;
  }
  release(key: string, executionId: number): void {
    if (this.holders.get(key) === executionId) this.holders.delete(key);
  }
  releaseAll(executionId: number): void {
    for (const [key, holder] of this.holders) if (holder === executionId) this.holders.delete(key);
  }
}

export class LocalLock implements GoogleAppsScript.Lock.Lock {
  constructor(
    private readonly table: LockTable,
    private readonly key: string,
    private readonly execution: () => Execution,
    private readonly clock: FakeClock,
    private readonly inWorker: boolean,
  ) {}

  hasLock(): boolean {
    return this.table.holder(this.key) === this.execution().id;
  }
  releaseLock(): void {
    this.table.release(this.key, this.execution().id);
  }
  tryLock(timeoutInMillis: number): boolean {
    return this.acquire(timeoutInMillis, 'tryLock');
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.acquire(timeoutInMillis, 'waitLock')) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  private acquire(timeoutInMillis: number, method: string): boolean {
    const execution = this.execution();
    // A negative timeout is no wait at all: Apps Script does not take the lock (not documented; observed).
    if (Number(timeoutInMillis) < 0) return false;
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    const waitKey = `Lock.${method}:${this.key}`;
    if (!this.inWorker) {
      if (this.table.tryAcquire(this.key, execution.id)) return true;
      // Held by an execution in a worker, which cannot move while this thread runs: the wait can only time out.
      this.clock.advance(timeout);
      execution.addModelledMs(timeout);
      return false;
    }
    const now = Date.now();
    const pending = execution.pendingWait?.key === waitKey ? execution.pendingWait : undefined;
    if (this.table.tryAcquire(this.key, execution.id)) {
      if (pending) {
        execution.pendingWait = undefined;
        execution.addModelledMs(now - pending.startedRealMs);
      }
      return true;
    }
    if (!pending) {
      execution.pendingWait = { key: waitKey, deadlineRealMs: now + timeout, startedRealMs: now };
      if (timeout === 0) {
        execution.pendingWait = undefined;
        return false;
      }
      throw new WouldBlock(Math.min(POLL_MS, timeout));
    }
    if (now >= pending.deadlineRealMs) {
      execution.pendingWait = undefined;
      execution.addModelledMs(now - pending.startedRealMs);
      return false;
    }
    throw new WouldBlock(Math.min(POLL_MS, pending.deadlineRealMs - now));
  }
}

export class LocalLockService implements GoogleAppsScript.Lock.LockService {
  constructor(
    private readonly table: LockTable,
    private readonly execution: () => Execution,
    private readonly clock: FakeClock,
    private readonly inWorker: boolean,
  ) {}
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return this.lock('document');
  }
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return this.lock('script');
  }
  getUserLock(): GoogleAppsScript.Lock.Lock {
    return this.lock(`user:${this.execution().user}`);
  }
  private lock(key: string): GoogleAppsScript.Lock.Lock {
    return new LocalLock(this.table, key, this.execution, this.clock, this.inWorker);
  }
}
