/**
 * One execution of the script (a menu click, a trigger, a google.script.run call, a custom function): who runs
 * it, the calls it made, its modelled Apps Script time and its logs. Services receive it so that they can count,
 * enforce the time limits, and release the locks it holds when it ends.
 */
import { costOfCall, newCostState, type CostState } from './cost-model';
import { EXCEEDED_MAX_EXECUTION_TIME, ExecutionTimeoutError } from './errors';

/** What `rt.execute` returns. */
export interface ExecutionResult<T = unknown> {
  value: T | undefined;
  /** The script's uncaught error (or the runtime's time-limit error), undefined on success. */
  error?: Error;
  /** Calls per 'Class.method', e.g. { 'Range.getValues': 1 }. */
  calls: Record<string, number>;
  totalCalls: number;
  /** Modelled Apps Script time (runtime/cost-model.ts). */
  modelledMs: number;
  /** Wall-clock Node time of the execution. */
  nodeMs: number;
  /**
   * Node CPU time of the execution (after its start-up): the script's own code plus the runtime's stand-ins. The
   * modelled time prices service calls only; an operation's cost in Apps Script is the modelled time plus the
   * script's own CPU (cpuMs − runtimeCpuMs). NaN for executeConcurrently (worker threads).
   */
  cpuMs: number;
  /**
   * The part of cpuMs spent inside service calls (the local stand-ins and formula engine, not the script); 0 unless
   * `LocalRuntime.timeServiceCpu(true)` (the bench) turned the timing on.
   */
  runtimeCpuMs: number;
  /** Calls priced as a round trip to the Sheets backend (runtime/cost-model.ts). */
  roundTrips: number;
  /** Logger.log and console.* output, in order. */
  logs: string[];
}

/** Per-execution choices: who runs it, in which locale. */
export interface ExecuteOptions {
  /** Active user's e-mail (Session.getActiveUser). Defaults to the owner. */
  user?: string;
  /** Active user's locale, 'en' / 'zh-CN' / 'zh_CN' (Session.getActiveUserLocale gives 'zh_CN'). */
  locale?: string;
}

export type ExecutionKind = 'inline' | 'worker' | 'custom-function' | 'trigger';

let nextExecutionId = 1;

export class Execution {
  readonly id = nextExecutionId++;
  readonly calls: Record<string, number> = {};
  totalCalls = 0;
  modelledMs = 0;
  /** CPU spent inside service calls (Membrane.invoke), for ExecutionResult.runtimeCpuMs. */
  runtimeCpuMs = 0;
  readonly logs: string[] = [];
  readonly costState: CostState = newCostState();
  /** Set once the modelled time passes the limit; reported even if the script catches the error. */
  timedOut: ExecutionTimeoutError | undefined;
  /** Service state of a blocking call a worker is repeating (waitLock, sleep). */
  pendingWait: { key: string; deadlineRealMs: number; startedRealMs: number } | undefined;
  /** True while a worker repeats a blocked call: the repeat is not a new call. */
  repeating = false;
  /** Set by runtime/faults.ts: called before each service call; throws to make that call fail. */
  faultHook: ((className: string, method: string) => void) | undefined;

  constructor(
    readonly kind: ExecutionKind,
    readonly user: string,
    readonly locale: string,
    readonly limitMs: number,
  ) {}

  /** Counts one call, prices it, and fails the execution when it passes its time limit. */
  record(className: string, method: string, cellsMoved: number): void {
    if (this.repeating) return;
    const key = `${className}.${method}`;
    this.calls[key] = (this.calls[key] ?? 0) + 1;
    this.totalCalls += 1;
    this.addModelledMs(costOfCall(className, method, cellsMoved, this.costState));
  }

  addModelledMs(ms: number): void {
    this.modelledMs += ms;
    this.checkTime();
  }

  checkTime(): void {
    if (this.timedOut) throw this.timedOut;
    if (this.modelledMs > this.limitMs) {
      // Apps Script appends the line; the local runtime has no line for service time, like a custom function's "(line 0)".
      this.timedOut = new ExecutionTimeoutError(
        this.kind === 'custom-function'
          ? `${EXCEEDED_MAX_EXECUTION_TIME} (line 0).`
          : EXCEEDED_MAX_EXECUTION_TIME,
      );
      throw this.timedOut;
    }
  }

  log(line: string): void {
    this.logs.push(line);
  }
}
