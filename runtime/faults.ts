/**
 * Fault injection, a test facility of the local runtime: make the Nth service call of the next execution fail
 * (as a Sheets/Properties/Mail error would) or hit the 6-minute limit right there. Tests loop k = 1..N over every
 * call of an operation and check that whatever the operation had written by then is consistent, and that a re-run
 * or an undo completes it exactly.
 *
 * Semantics, chosen to match Apps Script: the failing call has no effect (it is counted, as Apps Script counts a
 * failed call); every call before it has taken effect (Apps Script does not roll back writes when a script
 * fails); after a time-limit fault every further call fails too and the execution ends with "Exceeded maximum
 * execution time" even if the script catches the error.
 */
import { ExecutionTimeoutError } from './errors';
import type { Execution } from './execution';

/** One planned fault. */
export interface FaultSpec {
  /** 1-based index of the call that fails, counting only calls of `member` when given, else every service call. */
  call: number;
  /** 'Class.method', e.g. 'Range.setValues'; omitted = any service call. */
  member?: string;
  /** 'error' (default): the call throws `message`; 'timeout': the execution runs out of time at that call. */
  kind?: 'error' | 'timeout';
  /** Error text for kind 'error'. */
  message?: string;
  /** Only executions of this top-level function (default: the next execution of any function). */
  fn?: string;
}

/** What a fault did, for test messages. */
export interface FiredFault {
  spec: FaultSpec;
  member: string;
  fn: string;
}

/** The default error text: what Apps Script says when a service fails for a passing reason. */
export const INJECTED_FAULT_MESSAGE = 'Service error: injected fault';

/**
 * Faults armed on a runtime (`rt.faults`). Each armed fault is used by one execution (the next one whose function
 * matches) and then disarmed, fired or not.
 */
export class FaultPlan {
  private armed: FaultSpec[] = [];
  /** Faults that fired, in order. */
  readonly fired: FiredFault[] = [];

  /** Arms a fault for the next matching execution. */
  inject(spec: FaultSpec): this {
    if (!Number.isInteger(spec.call) || spec.call < 1)
      throw new Error(`faults.inject: call must be a positive integer, got ${spec.call}`);
    this.armed.push(spec);
    return this;
  }

  /** Disarms every fault not yet used. */
  clear(): void {
    this.armed = [];
  }

  /** True when a fault is armed and not yet used. */
  get pending(): boolean {
    return this.armed.length > 0;
  }

  /**
   * Attaches the first armed fault matching `fn` to an execution (called by the runtime when it starts one).
   * The fault is consumed whether or not the execution reaches the call.
   */
  attach(execution: Execution, fn: string): void {
    const index = this.armed.findIndex((spec) => spec.fn === undefined || spec.fn === fn);
    if (index < 0) return;
    const [spec] = this.armed.splice(index, 1);
    let seen = 0;
    execution.faultHook = (className: string, method: string): void => {
      const member = `${className}.${method}`;
      if (spec.member !== undefined && spec.member !== member) return;
      seen += 1;
      if (seen !== spec.call) return;
      this.fired.push({ spec, member, fn });
      if (spec.kind === 'timeout') {
        // The limit is reached at this call: it and every later call fail, like Apps Script killing the script.
        execution.timedOut ??= new ExecutionTimeoutError();
        throw execution.timedOut;
      }
      throw new Error(spec.message ?? INJECTED_FAULT_MESSAGE);
    };
  }
}
