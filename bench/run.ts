/**
 * `npm run bench`: for each operation, the Apps Script service calls, the modelled Apps Script time (from the
 * runtime's cost table) against the 6-minute limit, and the Node time and heap of the local run.
 * Pass a substring to run only matching cases: `npm run bench -- assign`.
 */
import { cases } from './cases';

const LIMIT_MS = 6 * 60 * 1000;

interface Row {
  operation: string;
  rows: number;
  serviceCalls: number;
  modelledS: string;
  ofLimit: string;
  nodeMs: number;
  /** Node CPU time (user + system) of the measured operation. */
  cpuMs: number;
  heapMB: number;
  /** Peak resident memory of the bench process so far (process.resourceUsage().maxRSS). */
  peakRssMB: number;
  ok: string;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const selected = cases.filter((c) => !filter || c.name.includes(filter));
  const rows: Row[] = [];
  for (const benchCase of selected) {
    const rt = await benchCase.setup();
    global.gc?.();
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const result = await benchCase.run(rt);
    const cpu = process.cpuUsage(cpuBefore);
    const nodeMs = Number(process.hrtime.bigint() - started) / 1e6;
    rows.push({
      operation: benchCase.name,
      rows: benchCase.rows,
      serviceCalls: result.totalCalls,
      modelledS: (result.modelledMs / 1000).toFixed(2),
      ofLimit: `${((result.modelledMs / LIMIT_MS) * 100).toFixed(1)}%`,
      nodeMs: Math.round(nodeMs),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      ok: result.error ? `error: ${result.error.message}` : 'ok',
    });
    console.log(JSON.stringify(rows[rows.length - 1]));
  }
  console.log('');
  console.table(rows);
  if (rows.some((r) => r.ok !== 'ok')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
