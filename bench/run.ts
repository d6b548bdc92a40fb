/**
 * `npm run bench`: what every execution pays and what each operation costs.
 *  1. Bytes of every output of dist/ against its budget (bench/budgets.ts), and the modules that weigh most in
 *     Code.js (from esbuild's metafile, out/build-meta/).
 *  2. Start-up of one execution: compile + global code of Code.js in a fresh context, CPU ms (median of 15).
 *  3. Operations, each in its own process (a crash or out-of-memory fails that case, not the bench): service calls,
 *     round trips, modelled Apps Script time against the 6-minute limit, the script's own JavaScript CPU apart from
 *     the runtime's overhead, and peak memory. An operation's cost in Apps Script ≈ modelled + script CPU.
 * Pass a substring to run only matching operations: `npm run bench -- assign`; `npm run bench -- none` prints
 * only the bytes and the start-up.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  byteBudgetOf,
  CPU_MS_TARGETS,
  kib,
  REMINDER_PROPERTY_WRITES_TARGET,
  STARTUP_CPU_MS_TARGET,
} from './budgets';
import { cases } from './cases';
import { startupCpuMs } from './startup';
import type { CaseReport } from './types';

const LIMIT_MS = 6 * 60 * 1000;
const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const MARK = 'BENCH-RESULT ';

function verdict(value: number, target: number, must?: number): string {
  if (value <= target) return 'meets target';
  if (must !== undefined && value <= must) return 'within must, over target';
  return must !== undefined ? 'OVER MUST' : 'over target';
}

function bytesSection(): boolean {
  const files = fs
    .readdirSync(dist)
    .filter((file) => byteBudgetOf(file))
    .sort((a, b) => (a === 'Code.js' ? -1 : b === 'Code.js' ? 1 : a.localeCompare(b)));
  let ok = true;
  const rows = files.map((file) => {
    const bytes = fs.statSync(path.join(dist, file)).size;
    const budget = byteBudgetOf(file)!;
    if (bytes > budget.must) ok = false;
    return {
      file: `dist/${file}`,
      bytes,
      size: kib(bytes),
      target: kib(budget.target),
      must: kib(budget.must),
      verdict: verdict(bytes, budget.target, budget.must),
    };
  });
  for (const row of rows) console.log(JSON.stringify(row));
  console.table(rows);
  const metaFile = path.join(root, 'out', 'build-meta', 'Code.js.json');
  if (fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const groups = new Map<string, number>();
    for (const output of Object.values(meta.outputs))
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
        const key = pkg ? `${pkg[1]} (package)` : input;
        groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
      }
    const top = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`heaviest in Code.js: ${top.map(([name, bytes]) => `${name} ${kib(bytes)}`).join(', ')}`);
  }
  return ok;
}

function startupSection(): void {
  const { medianMs, minMs, maxMs } = startupCpuMs(path.join(dist, 'Code.js'));
  const row = {
    figure: 'start-up of one execution (compile + global code, fresh context), CPU ms',
    median: Number(medianMs.toFixed(1)),
    min: Number(minMs.toFixed(1)),
    max: Number(maxMs.toFixed(1)),
    target: STARTUP_CPU_MS_TARGET,
    verdict: verdict(medianMs, STARTUP_CPU_MS_TARGET),
  };
  console.log(JSON.stringify(row));
}

/** One case in a child process with the same TypeScript loader, gc exposed and room for 200 000-row workbooks. */
function runCase(index: number): CaseReport {
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      '--expose-gc',
      '--max-old-space-size=12288',
      path.join(__dirname, 'case.ts'),
      String(index),
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const line = child.stdout.split('\n').find((candidate) => candidate.startsWith(MARK));
  if (line) return JSON.parse(line.slice(MARK.length)) as CaseReport;
  const lastError =
    child.stderr
      .split('\n')
      .map((text) => text.trim())
      .filter(Boolean)
      .find((text) => /error|heap|memory|killed/i.test(text)) ?? child.stderr.trim().split('\n').pop();
  const how = child.signal ? `signal ${child.signal}` : `exit code ${child.status}`;
  return {
    operation: cases[index].name,
    rows: cases[index].rows,
    serviceCalls: 0,
    roundTrips: 0,
    modelledS: 0,
    scriptCpuMs: 0,
    runtimeCpuMs: 0,
    peakMB: 0,
    extra: {},
    ok: `FAILED (${how}): ${lastError ?? 'no output'}`,
  };
}

function targetNote(report: CaseReport): string {
  const notes: string[] = [];
  for (const { match, targetMs } of CPU_MS_TARGETS)
    if (match.test(report.operation))
      notes.push(`script CPU ${verdict(report.scriptCpuMs, targetMs)} (≤ ${targetMs} ms)`);
  if (report.extra.propertyWrites !== undefined)
    notes.push(
      `property writes ${verdict(report.extra.propertyWrites, REMINDER_PROPERTY_WRITES_TARGET)} (≤ ${REMINDER_PROPERTY_WRITES_TARGET})`,
    );
  return notes.join('; ');
}

function main(): void {
  const filter = process.argv[2];
  const bytesOk = bytesSection();
  startupSection();
  const selected = cases
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => !filter || c.name.includes(filter));
  const rows = selected.map(({ index }) => {
    const report = runCase(index);
    const row = {
      operation: report.operation,
      rows: report.rows,
      calls: report.serviceCalls,
      roundTrips: report.roundTrips,
      modelledS: Number(report.modelledS.toFixed(2)),
      ofLimit: `${((report.modelledS * 1000 * 100) / LIMIT_MS).toFixed(1)}%`,
      scriptCpuMs: Math.round(report.scriptCpuMs),
      runtimeCpuMs: Math.round(report.runtimeCpuMs),
      appsScriptS: Number((report.modelledS + report.scriptCpuMs / 1000).toFixed(2)),
      peakMB: Math.round(report.peakMB),
      ...report.extra,
      ok: report.ok,
      targets: targetNote(report),
    };
    console.log(JSON.stringify(row));
    return row;
  });
  if (rows.length > 0) {
    console.log('');
    console.table(rows);
  }
  const failed = rows.filter((row) => row.ok !== 'ok');
  if (failed.length > 0)
    console.log(`${failed.length} case(s) failed: ${failed.map((r) => r.operation).join('; ')}`);
  if (failed.length > 0 || !bytesOk) process.exitCode = 1;
}

main();
