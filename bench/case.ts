/**
 * Runs one bench case in its own process (`bench/run.ts` starts one per case): a case that runs out of memory or
 * crashes is then reported as failed while the others still run, and each case's peak memory is its own. Prints
 * one line `BENCH-RESULT <json>` (a CaseReport).
 */
import { LocalRuntime } from '../runtime';
import { cases } from './cases';
import type { CaseReport } from './types';

const MARK = 'BENCH-RESULT ';

async function main(): Promise<void> {
  const index = Number(process.argv[2]);
  const benchCase = cases[index];
  if (!benchCase) throw new Error(`no bench case ${process.argv[2]}`);
  // The script's own CPU is the execution's CPU less the time inside service calls.
  LocalRuntime.timeServiceCpu(true);
  const rt = await benchCase.setup();
  global.gc?.();
  const result = await benchCase.run(rt);
  const report: CaseReport = {
    operation: benchCase.name,
    rows: benchCase.rows,
    serviceCalls: result.totalCalls,
    roundTrips: result.roundTrips,
    modelledS: result.modelledMs / 1000,
    scriptCpuMs: result.cpuMs - result.runtimeCpuMs,
    runtimeCpuMs: result.runtimeCpuMs,
    peakMB: process.resourceUsage().maxRSS / 1024,
    extra: benchCase.extra?.(result) ?? {},
    ok: result.error ? `error: ${result.error.message}` : 'ok',
  };
  console.log(MARK + JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
