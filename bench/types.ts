/** A bench case: set up a runtime (not measured), then one measured operation through the built bundle. */
import type { ExecutionResult, LocalRuntime } from '../runtime';

export interface BenchCase {
  /** e.g. "assign 10 000 leads". */
  name: string;
  /** Rows the operation works over, to show calls do not grow with it. */
  rows: number;
  setup(): Promise<LocalRuntime>;
  run(rt: LocalRuntime): ExecutionResult<unknown> | Promise<ExecutionResult<unknown>>;
}
