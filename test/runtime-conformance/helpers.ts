/** Shared set-up of the conformance suite: a runtime over a tiny hand-written bundle (no product build needed). */
import { LocalRuntime } from '../../runtime';
import { writeBundle } from '../unit/runtime/bundle-fixture';

/** Fixed instant for every conformance test: no test reads the wall clock. */
export const NOW = '2026-03-02T09:00:00Z';

/**
 * A runtime whose bundle is `code` (plain Apps Script JavaScript), with optional custom functions and HTML files.
 * @returns the runtime, owned by owner@example.com, time zone Etc/UTC.
 */
export async function runtimeWith(
  code: string,
  options: { customFunctions?: string[]; html?: Record<string, string> } = {},
): Promise<LocalRuntime> {
  return LocalRuntime.create({
    bundleDir: writeBundle({
      code,
      customFunctions: (options.customFunctions ?? []).map((name) => ({ name, params: [] })),
      html: options.html,
    }),
    now: NOW,
    timeZone: 'Etc/UTC',
    owner: 'owner@example.com',
  });
}

/** Runs `fn` and returns its value, failing the test with the script's own error. */
export function run<T = unknown>(rt: LocalRuntime, fn: string, ...args: unknown[]): T {
  const result = rt.execute<T>(fn, args);
  if (result.error) throw result.error;
  return result.value as T;
}

/** The error message `fn` fails with ('' when it does not fail). */
export function failure(rt: LocalRuntime, fn: string, ...args: unknown[]): string {
  return rt.execute(fn, args).error?.message ?? '';
}
