/**
 * Errors the local runtime raises, with Apps Script's own texts where Apps Script has one, so scripts and tests
 * see exactly what they would see on Google's servers.
 */

/** Thrown by any Apps Script member the local runtime does not implement: never a silent no-op. */
export function notSupported(member: string): never {
  throw new Error(`not supported by the local runtime: ${member}`);
}

/** Apps Script's message when an execution (6 min) or a custom function (30 s) runs too long. */
export const EXCEEDED_MAX_EXECUTION_TIME = 'Exceeded maximum execution time';

/** Raised when a modelled execution passes its time limit; scripts cannot swallow it (the runtime re-raises). */
export class ExecutionTimeoutError extends Error {
  constructor(message = EXCEEDED_MAX_EXECUTION_TIME) {
    super(message);
    this.name = 'Exception';
  }
}

/** Apps Script's text for a service a custom function is not allowed to call (guides/sheets/functions). */
export function noPermission(service: string): Error {
  return new Error(`You do not have permission to call ${service} service.`);
}

/**
 * Signal from a host-side service, inside a worker execution, that the worker must wait (really, on its own
 * thread) and then repeat the same call: the host thread never blocks, or it could not serve the other workers.
 */
export class WouldBlock {
  constructor(readonly waitMs: number) {}
}
