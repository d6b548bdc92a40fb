/**
 * The fake clock every execution reads: `new Date()`/`Date.now()` in the script, TODAY()/NOW() in formulas,
 * cache expiry, the mail quota day and time-driven triggers. It stands still unless a test moves it, except
 * while executions overlap in worker threads, when it runs with real time so waits and sleeps mean something.
 */
export class FakeClock {
  private frozenMs: number;
  /** Real time (ms) when the clock was set running, or undefined while it stands still. */
  private runningSinceRealMs: number | undefined;

  constructor(start: Date | string | number = Date.now()) {
    this.frozenMs = toMs(start);
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    if (this.runningSinceRealMs === undefined) return this.frozenMs;
    return this.frozenMs + (Date.now() - this.runningSinceRealMs);
  }

  set(date: Date | string | number): void {
    this.frozenMs = toMs(date);
    if (this.runningSinceRealMs !== undefined) this.runningSinceRealMs = Date.now();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new Error(`clock.advance: expected a non-negative number, got ${ms}`);
    this.frozenMs += ms;
  }

  /** Lets the clock run with real time (overlapping executions); returns what a worker needs to follow it. */
  startRunning(): { baseMs: number; realStartMs: number } {
    if (this.runningSinceRealMs === undefined) this.runningSinceRealMs = Date.now();
    return { baseMs: this.frozenMs, realStartMs: this.runningSinceRealMs };
  }

  /** Freezes the clock where real time brought it. */
  stopRunning(): void {
    if (this.runningSinceRealMs === undefined) return;
    this.frozenMs = this.nowMs();
    this.runningSinceRealMs = undefined;
  }

  get running(): boolean {
    return this.runningSinceRealMs !== undefined;
  }
}

function toMs(value: Date | string | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`clock: not a date: ${String(value)}`);
  return ms;
}
