/**
 * The one way a sidebar talks to the server: a typed, promise-based wrapper over `google.script.run`.
 * Types come from the server's entry file through `import type`, so a wrong function name or argument is a compile
 * error and no server code can end up in a sidebar bundle.
 */
import type * as Server from '../../server/index';
import type { GoogleScriptRunner } from './google-script';

export type ServerApi = typeof Server;

/** Names of the server's exported functions (`api*` are the ones meant for sidebars). */
export type ServerFunctionName = {
  [K in keyof ServerApi]: ServerApi[K] extends (...args: never[]) => unknown ? K : never;
}[keyof ServerApi];

type ServerFunction<K extends ServerFunctionName> = ServerApi[K] extends (...args: infer A) => infer R
  ? { args: A; result: Awaited<R> }
  : never;

export type ServerArgs<K extends ServerFunctionName> = ServerFunction<K>['args'];
export type ServerResult<K extends ServerFunctionName> = ServerFunction<K>['result'];

/** A failed server call: the message is the script's own (already localised by the server). */
export class ServerCallError extends Error {
  constructor(
    message: string,
    readonly functionName: string,
  ) {
    super(message);
    this.name = 'ServerCallError';
  }
}

/** Strips the "Exception: " / "Error: " prefix Apps Script puts in front of a thrown message. */
export function cleanServerMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
  return raw.replace(/^(ScriptError|Exception|Error|TypeError):\s*/, '').trim() || raw;
}

function runner(): GoogleScriptRunner {
  const run = globalThis.google?.script?.run;
  if (!run) throw new ServerCallError('google.script.run is not available on this page.', '');
  return run;
}

/**
 * Calls server function `name` with `args` and resolves with its result.
 * Success and failure handlers are always both set, so a server error never disappears silently.
 * @throws ServerCallError (as a rejected promise) when the server throws or the call cannot be made.
 */
export function serverCall<K extends ServerFunctionName>(
  name: K,
  ...args: ServerArgs<K>
): Promise<ServerResult<K>> {
  return new Promise<ServerResult<K>>((resolve, reject) => {
    let chained: GoogleScriptRunner;
    try {
      chained = runner()
        .withSuccessHandler((value) => resolve(value as ServerResult<K>))
        .withFailureHandler((error) => reject(new ServerCallError(cleanServerMessage(error), name)));
    } catch (error) {
      reject(error instanceof ServerCallError ? error : new ServerCallError(cleanServerMessage(error), name));
      return;
    }
    const fn = chained[name];
    if (typeof fn !== 'function') {
      reject(new ServerCallError(`The server has no function ${name}.`, name));
      return;
    }
    (fn as (...callArgs: unknown[]) => void).apply(chained, args as unknown[]);
  });
}

/** Closes the sidebar or dialog (no-op outside Apps Script and the preview). */
export function closeSidebar(): void {
  globalThis.google?.script?.host?.close();
}
