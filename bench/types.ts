/** A bench case: set up a runtime (not measured), then one measured operation through the built bundle. */
import type { ExecutionResult, LocalRuntime } from '../runtime';

export interface BenchCase {
  /** e.g. "assign 10 000 leads". */
  name: string;
  /** Rows the operation works over, to show calls do not grow with it. */
  rows: number;
  setup(): Promise<LocalRuntime>;
  run(rt: LocalRuntime): ExecutionResult<unknown> | Promise<ExecutionResult<unknown>>;
  /** Figures of this case beyond the common ones (e.g. property writes of the reminder run), from its result. */
  extra?(result: ExecutionResult<unknown>): Record<string, number>;
}

/** What one case reports (one JSON line from its own process). */
export interface CaseReport {
  operation: string;
  rows: number;
  serviceCalls: number;
  roundTrips: number;
  /** Modelled Apps Script time of the service calls, seconds. */
  modelledS: number;
  /** Node CPU of the script's own code (the bundle), ms: what Apps Script would also spend, on top of modelledS. */
  scriptCpuMs: number;
  /** Node CPU inside service calls (the local stand-ins, HyperFormula), ms: the runtime's overhead, not Apps Script's. */
  runtimeCpuMs: number;
  /** Peak resident memory of the case's process (workbook set-up included), MB. */
  peakMB: number;
  extra: Record<string, number>;
  /** 'ok', or what failed (the script's error, a crash, a limit). */
  ok: string;
}
