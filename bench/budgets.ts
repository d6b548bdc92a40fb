/**
 * The performance budgets of issue 12, in one place: `npm run bench` prints each figure against its target, and
 * test/integration/bundle-size.test.ts fails the build when an output passes its "must" limit (bytes are
 * deterministic; times are only benched, never asserted in a test).
 */

const KIB = 1024;

/** Bytes of one output file of dist/. */
export interface ByteBudget {
  target: number;
  must: number;
}

/** dist/Code.js: compiled and run at the start of every execution, each custom-function recalculation too. */
export const BUNDLE_BYTES: ByteBudget = { target: 300 * KIB, must: 500 * KIB };

/** Each dist/<sidebar>.html: sidebars share nothing at run time, so each is budgeted on its own. */
export const SIDEBAR_BYTES: ByteBudget = { target: 100 * KIB, must: 150 * KIB };

/**
 * Data files of the project (dist/<name>.html, read with HtmlService only by the operation that needs them, never
 * compiled: scripts/build.ts). Each is read whole and parsed when its operation runs, so each has a budget of its
 * own: the default sample (Load sample data) and the texts and template data of rare operations (set-up, reminder
 * e-mails, import, merge).
 */
export const DATA_BYTES: Readonly<Record<string, ByteBudget>> = {
  'sample-data.html': { target: 300 * KIB, must: 400 * KIB },
  'rare-data.html': { target: 50 * KIB, must: 100 * KIB },
};

/** CPU of one execution's start-up (compile + global code in a fresh context), in ms. */
export const STARTUP_CPU_MS_TARGET = 20;

/** Node CPU of the script's own code (not the runtime's) for the big operations, in ms. */
export const CPU_MS_TARGETS: { match: RegExp; targetMs: number }[] = [
  { match: /^assign 50 000 leads/, targetMs: 1000 },
  { match: /^validate \(50,000 customers/, targetMs: 1500 },
];

/** Properties writes (setProperty/setProperties/deleteProperty) of one daily reminder run. */
export const REMINDER_PROPERTY_WRITES_TARGET = 3;

/** The byte budget of a dist/ file, or undefined for files that are not code (manifests). */
export function byteBudgetOf(file: string): ByteBudget | undefined {
  if (file === 'Code.js') return BUNDLE_BYTES;
  if (DATA_BYTES[file]) return DATA_BYTES[file];
  if (file.endsWith('.html')) return SIDEBAR_BYTES;
  return undefined;
}

/** "288.4 KB" (KB = 1 024 bytes, as the issue measured). */
export function kib(bytes: number): string {
  return `${(bytes / KIB).toFixed(1)} KB`;
}
