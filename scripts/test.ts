/**
 * `npm test`: build, typecheck, lint and jest, overlapped for a 2-core machine. Typecheck (tsc) and lint (ESLint,
 * Prettier) start at once, beside the build, at low priority (nice); jest starts when the build is done (its tests
 * run dist/) and the two use what CPU jest leaves. Their output is held back and printed when they end (in
 * full when they fail); the run ends with jest's line `tests: N passed, N failed, N skipped`, and fails when any
 * step fails. tsc, ESLint and Prettier keep caches in .cache/ (git-ignored), so a second run checks only what
 * changed. Arguments go to jest: `npm test -- test/unit` (typecheck and lint still run over everything).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const cache = path.join(root, '.cache');

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
  output: string;
}

/**
 * `nice`, where there is one: typecheck and lint run at low priority, so the build (which jest waits for) and jest
 * get the cores first, and the checks fill the gaps (Chromium round trips, jest's last files on one worker).
 */
const NICE = ['/usr/bin/nice', '/bin/nice'].find((file) => fs.existsSync(file));

/** Runs a command; its output is kept (and also shown as it comes when `live`); `low` runs it under nice. */
function run(name: string, command: string, args: string[], live = false, low = false): Promise<Outcome> {
  const started = Date.now();
  if (low && NICE) {
    args = ['-n', '15', command, ...args];
    command = NICE;
  }
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const chunks: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk.toString());
      if (live) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      chunks.push(chunk.toString());
      if (live) process.stderr.write(chunk);
    });
    const finish = (ok: boolean, extra = '') =>
      resolve({ name, ok, seconds: (Date.now() - started) / 1000, output: chunks.join('') + extra });
    child.on('error', (error) => finish(false, `\n${error.message}\n`));
    child.on('close', (code) => finish(code === 0));
  });
}

/** A check (typecheck, ESLint, Prettier): run under nice, its output held back. */
function check(name: string, command: string, args: string[]): Promise<Outcome> {
  return run(name, command, args, false, true);
}

/**
 * Runs steps side by side (ESLint and Prettier: on a fresh checkout, without their caches, they are the run's last
 * work, and one after the other they would leave a core idle); one outcome for all.
 */
async function together(name: string, steps: (() => Promise<Outcome>)[]): Promise<Outcome> {
  const started = Date.now();
  const outcomes = await Promise.all(steps.map((step) => step()));
  return {
    name,
    ok: outcomes.every((outcome) => outcome.ok),
    seconds: (Date.now() - started) / 1000,
    output: outcomes.map((outcome) => outcome.output).join(''),
  };
}

function report(outcome: Outcome): void {
  const status = outcome.ok ? 'ok' : 'FAILED';
  if (!outcome.ok)
    process.stdout.write(`\n----- ${outcome.name} output -----\n${outcome.output.trimEnd()}\n`);
  process.stdout.write(`${outcome.name}: ${status} (${outcome.seconds.toFixed(0)} s)\n`);
}

async function main(): Promise<number> {
  fs.mkdirSync(cache, { recursive: true });
  const jestArgs = process.argv.slice(2);
  const typecheck = check('typecheck', bin('tsc'), [
    '--noEmit',
    '-p',
    'tsconfig.json',
    '--incremental',
    '--tsBuildInfoFile',
    path.join(cache, 'tsc', 'tsconfig.tsbuildinfo'),
  ]);
  const lint = together('lint', [
    () =>
      check('eslint', bin('eslint'), [
        '--cache',
        '--cache-strategy',
        'content',
        '--cache-location',
        path.join(cache, 'eslint') + path.sep,
        '.',
      ]),
    () =>
      check('prettier', bin('prettier'), [
        '--check',
        '--log-level',
        'warn',
        '--cache',
        '--cache-location',
        path.join(cache, 'prettier'),
        '.',
      ]),
  ]);
  const build = await run('build', bin('tsx'), ['scripts/build.ts']);
  // Workbooks the tests share (test/support/built-workbooks.ts) are keyed by the build: older ones are dead weight.
  fs.rmSync(path.join(cache, 'workbooks'), { recursive: true, force: true });
  report(build);
  let jest: Outcome | undefined;
  // A larger young generation for jest and its workers (they inherit Node's flags): the runtime and the formula
  // engine allocate many short-lived arrays, and with 32 MB semi-spaces the suite spends ~7 % less CPU in
  // scavenges (measured on the fault-loop and Check data tests, CPU time over three runs each).
  if (build.ok)
    jest = await run(
      'jest',
      process.execPath,
      ['--max-semi-space-size=32', require.resolve('jest/bin/jest'), ...jestArgs],
      true,
    );
  const others = await Promise.all([typecheck, lint]);
  others.forEach(report);
  const summary = jest?.output.match(/^tests: \d+ passed, \d+ failed, \d+ skipped$/m)?.[0];
  if (jest && !jest.ok) process.stdout.write(`jest: FAILED (${jest.seconds.toFixed(0)} s)\n`);
  else if (jest) process.stdout.write(`jest: ok (${jest.seconds.toFixed(0)} s)\n`);
  // The last line is jest's count, for CI.
  if (summary) process.stdout.write(`${summary}\n`);
  return build.ok && jest?.ok && others.every((o) => o.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
