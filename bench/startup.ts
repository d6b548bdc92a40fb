/**
 * Start-up of one Apps Script execution: compiling dist/Code.js and running its global code in a fresh context,
 * which Apps Script does before every menu click, sidebar call, trigger and custom-function recalculation.
 */
import * as fs from 'node:fs';
import * as vm from 'node:vm';

/** CPU ms (user + system) of `fn`. */
function cpuOf(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Median CPU ms of compile + global code over `runs` fresh contexts. Each run compiles a distinct source (a
 * trailing comment), so V8's compilation cache never serves a run from an earlier one.
 */
export function startupCpuMs(
  codeFile: string,
  runs = 15,
): { medianMs: number; minMs: number; maxMs: number } {
  const code = fs.readFileSync(codeFile, 'utf8');
  const times: number[] = [];
  // Unique across calls too: a second call in the same process must not hit the cache of the first.
  const nonce = process.hrtime.bigint().toString(36);
  for (let run = 0; run < runs; run++) {
    const source = `${code}\n// start-up run ${nonce}-${run}`;
    times.push(
      cpuOf(() => {
        const script = new vm.Script(source, { filename: `Code.js#${run}` });
        script.runInContext(vm.createContext({}));
      }),
    );
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(runs / 2)], minMs: times[0], maxMs: times[runs - 1] };
}
