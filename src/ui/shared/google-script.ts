/**
 * Types for the browser side of Apps Script HTML service (`google.script.run`, `google.script.host`), which
 * @types/google-apps-script does not describe. Only what SalesDesk sidebars use is declared.
 */

/** The chainable runner: handlers return a new runner; any other property is a server function. */
export interface GoogleScriptRunner {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): GoogleScriptRunner;
  withFailureHandler(handler: (error: Error, userObject?: unknown) => void): GoogleScriptRunner;
  withUserObject(userObject: unknown): GoogleScriptRunner;
  [serverFunction: string]: unknown;
}

export interface GoogleScriptHost {
  close(): void;
  setHeight?(height: number): void;
  setWidth?(width: number): void;
  editor?: { focus(): void };
}

export interface GoogleScriptClient {
  script: { run: GoogleScriptRunner; host: GoogleScriptHost };
}

declare global {
  // Apps Script injects `google` into every HtmlService page; the local preview injects a bridge with the same shape.
  var google: GoogleScriptClient | undefined;
}
