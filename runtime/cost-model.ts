/**
 * The modelled Apps Script time of an execution: every service call is priced from this table, so a test or
 * `npm run bench` can tell a batched operation (one getValues, one setValues) from one that calls Sheets per row.
 * Each figure cites its public source (collected in /work/shared/apps-script-limits.md); anecdotal sources are
 * orders of magnitude, and the model only has to rank designs correctly, not predict a stopwatch.
 */

/** Apps Script execution limit: 6 min (developers.google.com/apps-script/guides/services/quotas). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
/** Custom function limit: 30 s (guides/sheets/functions; quotas page). */
export const CUSTOM_FUNCTION_LIMIT_MS = 30 * 1000;

/**
 * One round trip reaching the Sheets backend (a read after a write, a flush, a metadata change): ~30 ms.
 * Source: Mogsdad, stackoverflow question 15145918 — 400 single-row writes with a flush per row took ~12 s.
 */
export const SHEETS_ROUND_TRIP_MS = 30;
/**
 * A call answered from Apps Script's cache (reads with no pending write, writes queued): ~0.3–1 ms; 0.4 ms used.
 * Sources: Tanaike (getValue in a tight loop ~0.3 ms); Mogsdad (400 cached single-row writes in 164 ms).
 */
export const CACHED_CALL_MS = 0.4;
/** Moving data: ~0.1 ms per 1 000 cells (Mogsdad: one setValues of 4 000 cells under 50 ms incl. the trip). */
export const MS_PER_THOUSAND_CELLS = 0.1;
/**
 * Builders and enums (newDataValidation().requireValueInList(...), Ui.ButtonSet) live in the script engine and
 * never leave it; priced like a cached call's lower bound (Tanaike, ~0.3 ms would overstate them; 0.05 ms).
 */
export const LOCAL_OBJECT_CALL_MS = 0.05;

/**
 * Properties and cache: ziritione.org/post/apps_script_performance (100 runs, averages):
 * getProperty 30 ms, setProperty 62 ms, cache get 3 ms, cache put 93 ms.
 */
export const PROPERTIES_READ_MS = 30;
export const PROPERTIES_WRITE_MS = 62;
export const CACHE_READ_MS = 3;
export const CACHE_WRITE_MS = 93;
/**
 * Sending a message: no published benchmark; an estimate of one Gmail API round trip (~500 ms), of the same
 * order as Firestore REST calls measured from Apps Script (~350 ms, justin.poehnelt.com/posts/apps-script-key-value-stores).
 */
export const MAIL_SEND_MS = 500;
/** Creating/deleting an installable trigger: estimate, same reasoning as MAIL_SEND_MS (a backend write). */
export const TRIGGER_CHANGE_MS = 300;
/** Lock acquisition without contention: a properties-like backend call (ziritione.org, ~30 ms for a read). */
export const LOCK_CALL_MS = 30;

/** Classes backed by the Sheets backend: their calls are subject to the read/write cache model. */
const SHEETS_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'NamedRange',
  'Protection',
  'ConditionalFormatRule',
  'DataValidation',
  'EmbeddedChart',
  'Filter',
]);

/** Structural changes that always reach the backend (apps-script-limits.md: "a metadata change"). */
const METADATA_METHODS = new Set([
  'insertSheet',
  'deleteSheet',
  'duplicateActiveSheet',
  'setDataValidation',
  'setDataValidations',
  'protect',
  'addEditor',
  'addEditors',
  'removeEditor',
  'removeEditors',
  'setWarningOnly',
  'setConditionalFormatRules',
  'insertRows',
  'insertRowsAfter',
  'insertRowsBefore',
  'insertColumns',
  'insertColumnsAfter',
  'insertColumnsBefore',
  'deleteRow',
  'deleteRows',
  'deleteColumn',
  'deleteColumns',
  'setFrozenRows',
  'setFrozenColumns',
  'setName',
  'setNamedRange',
  'setColumnWidth',
  'setColumnWidths',
  'hideSheet',
  'showSheet',
  'hideColumns',
  'hideRows',
  'showColumns',
  'showRows',
  'setTabColor',
  'insertChart',
  'removeChart',
  'updateChart',
  'sort',
  'createFilter',
]);

const WRITE_PREFIXES = [
  'set',
  'append',
  'clear',
  'insert',
  'delete',
  'add',
  'remove',
  'hide',
  'show',
  'merge',
  'copy',
  'sort',
  'protect',
  'activate',
  'auto',
  'trim',
  'uncheck',
  'check',
  'break',
];

/** Reads of sheet content (getRange, getSheetByName, getA1Notation only build or describe objects). */
const DATA_READ =
  /^get(Values?|DisplayValues?|Formulas?(R1C1)?|LastRow|LastColumn|DataRange|MaxRows|MaxColumns|Notes?|Backgrounds?|NumberFormats?|DataValidations?|FontWeights?|Protections|ConditionalFormatRules|FrozenRows|FrozenColumns|SheetValues|RichTextValues?|Charts|NamedRanges)$/;

/** Per-execution state the cache model needs: is a write pending, has anything been read yet. */
export interface CostState {
  pendingWrite: boolean;
  hasRead: boolean;
  /** Calls priced as a round trip to the Sheets backend so far (the figure batching can lower). */
  roundTrips: number;
}

export function newCostState(): CostState {
  return { pendingWrite: false, hasRead: false, roundTrips: 0 };
}

/** Counts cells in a 2-D array (args of setValues, results of getValues), 0 for anything else. */
export function cellsIn(value: unknown): number {
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) return 0;
  let cells = 0;
  for (const row of value) cells += Array.isArray(row) ? row.length : 0;
  return cells;
}

/**
 * Modelled milliseconds of one call. `cellsMoved` counts cells in 2-D arguments and results; `state` carries
 * the write cache across the calls of one execution.
 */
export function costOfCall(className: string, method: string, cellsMoved: number, state: CostState): number {
  const cellsMs = (cellsMoved / 1000) * MS_PER_THOUSAND_CELLS;
  switch (className) {
    case 'Properties':
      return method.startsWith('get') ? PROPERTIES_READ_MS : PROPERTIES_WRITE_MS;
    case 'Cache':
      return method.startsWith('get') ? CACHE_READ_MS : CACHE_WRITE_MS;
    case 'MailApp':
      return method === 'sendEmail' ? MAIL_SEND_MS : CACHED_CALL_MS;
    case 'Lock':
      return LOCK_CALL_MS;
    case 'TriggerBuilder':
    case 'ClockTriggerBuilder':
    case 'SpreadsheetTriggerBuilder':
      return method === 'create' ? TRIGGER_CHANGE_MS : LOCAL_OBJECT_CALL_MS;
    case 'ScriptApp':
      return method === 'deleteTrigger' || method.endsWith('Triggers')
        ? TRIGGER_CHANGE_MS
        : LOCAL_OBJECT_CALL_MS;
    default:
      break;
  }
  if (!SHEETS_CLASSES.has(className)) return LOCAL_OBJECT_CALL_MS + cellsMs;
  if (method === 'flush') {
    const pending = state.pendingWrite;
    state.pendingWrite = false;
    if (pending) state.roundTrips++;
    return pending ? SHEETS_ROUND_TRIP_MS : CACHED_CALL_MS;
  }
  if (METADATA_METHODS.has(method)) {
    state.pendingWrite = false;
    state.roundTrips++;
    return SHEETS_ROUND_TRIP_MS + cellsMs;
  }
  if (WRITE_PREFIXES.some((prefix) => method.startsWith(prefix))) {
    state.pendingWrite = true;
    return CACHED_CALL_MS + cellsMs;
  }
  if (!DATA_READ.test(method)) return CACHED_CALL_MS + cellsMs;
  // A data read: the first one fetches, and any read after a write commits the write cache first (Google's 2010 note).
  if (state.pendingWrite || !state.hasRead) {
    state.pendingWrite = false;
    state.hasRead = true;
    state.roundTrips++;
    return SHEETS_ROUND_TRIP_MS + cellsMs;
  }
  return CACHED_CALL_MS + cellsMs;
}
