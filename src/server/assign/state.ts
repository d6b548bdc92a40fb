/**
 * The assignment state sheet: a hidden sheet, protected so only the owner and the managers (and SalesDesk running
 * for them) can edit it, holding the rotation pointers, the last run's undo data, the journal of a run in progress
 * and unsent notices as one JSON document split over the cells of column A (src/core/assign/state.ts). One read
 * (getDataRange().getValues()) and one write (setValues over the used rows) each; the write replaces the whole
 * document at once, so the state is never half-written.
 *
 * A workbook from before the state sheet kept pointers in document properties (`salesdesk.assign.pointer.<pool>`):
 * they are read when the sheet does not exist yet and carried into it on the first write.
 */
import {
  STATE_MARKER,
  decodeState,
  emptyState,
  encodeState,
  parsePointer,
  type AssignState,
  type RotationState,
} from '../../core/assign';
import { parseEmailList } from '../../core/roles';
import { PROTECTION_TAG } from '../../../templates';

/** Name of the state sheet (the same in every language: nobody is meant to open it). */
export const STATE_SHEET_NAME = 'SalesDesk state';
/** Description of the state sheet's protection (SalesDesk's tag first, as set-up's own protections). */
const STATE_PROTECTION = `${PROTECTION_TAG} assignment state (rotation, undo data)`;
/** Where workbooks before the state sheet kept the pointers (read once, when migrating). */
export const LEGACY_POINTER_PREFIX = 'salesdesk.assign.pointer.';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The state as read, and what writing it back needs. */
export interface StateHandle {
  sheet: Sheet | null;
  state: AssignState;
  /** Rows of column A holding the current document (rows beyond are blanked by a shorter write). */
  usedRows: number;
  /** The sheet lacks SalesDesk's protection (new, or its creation was interrupted). */
  needsProtection: boolean;
}

function legacyRotation(): RotationState {
  const rotation: RotationState = {};
  const all = PropertiesService.getDocumentProperties().getProperties();
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(LEGACY_POINTER_PREFIX))
      rotation[key.slice(LEGACY_POINTER_PREFIX.length)] = parsePointer(value);
  }
  return rotation;
}

/**
 * Reads the state: one getDataRange().getValues() of the state sheet (plus, only before the sheet exists, one
 * read of the document properties for pointers saved by earlier versions).
 * @throws Error when the sheet exists but its text was edited so that it no longer reads: overwriting it would
 *   lose the rotation and the undo data silently.
 */
export function readState(spreadsheet: Spreadsheet): StateHandle {
  const sheet = spreadsheet.getSheetByName(STATE_SHEET_NAME);
  if (!sheet)
    return {
      sheet: null,
      state: { ...emptyState(), rotation: legacyRotation() },
      usedRows: 0,
      needsProtection: true,
    };
  const values = sheet.getDataRange().getValues();
  const cells = values.map((row) => row[0]);
  const needsProtection = !sheet
    .getProtections(SpreadsheetApp.ProtectionType.SHEET)
    .some((protection) => protection.getDescription() === STATE_PROTECTION);
  // An empty sheet is one whose creation was interrupted before its first write.
  if (cells.every((value) => value === '' || value === null))
    return { sheet, state: { ...emptyState(), rotation: legacyRotation() }, usedRows: 0, needsProtection };
  const state = decodeState(cells);
  if (!state)
    throw new Error(
      `The sheet "${STATE_SHEET_NAME}" was edited and can no longer be read (cell A1 must say "${STATE_MARKER}"). ` +
        'Restore it from the version history (File → Version history), then try again.',
    );
  let used = cells.length;
  while (used > 0 && (cells[used - 1] === '' || cells[used - 1] === null)) used--;
  return { sheet, state, usedRows: used, needsProtection };
}

/**
 * Writes the whole state in ONE setValues (growing the sheet first when needed: extra blank rows are harmless),
 * creating the hidden, protected sheet on first use. Updates `handle` to what was written.
 * @param managers the Settings → managers list: editors of the protection besides the owner and the user.
 */
export function writeState(
  spreadsheet: Spreadsheet,
  handle: StateHandle,
  next: AssignState,
  managers: unknown,
): void {
  const sheet = handle.sheet ?? spreadsheet.insertSheet(STATE_SHEET_NAME);
  handle.sheet = sheet;
  const cells = encodeState(next);
  const rows = Math.max(cells.length, handle.usedRows);
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const block: string[][] = [];
  for (let i = 0; i < rows; i++) block.push([i < cells.length ? cells[i] : '']);
  sheet.getRange(1, 1, rows, 1).setValues(block);
  handle.state = next;
  handle.usedRows = cells.length;
  if (handle.needsProtection) {
    // After the first write, so that an interrupted creation still leaves a readable state; re-done until done.
    protectStateSheet(sheet, managers);
    handle.needsProtection = false;
  }
}

/**
 * Hides the sheet and lets only the owner, the managers and the user running SalesDesk edit it. The description
 * (with SalesDesk's tag) is set last: it marks the protection complete, so an interrupted one is redone.
 */
function protectStateSheet(sheet: Sheet, managers: unknown): void {
  sheet.hideSheet();
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? sheet.protect();
  const editors = parseEmailList(managers);
  const me = Session.getEffectiveUser().getEmail();
  if (me) editors.push(me.toLowerCase());
  // Whoever protects is an editor already (Protection reference: "the user who creates the protection");
  // managers are added, nobody else is.
  if (editors.length > 0) protection.addEditors(editors);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  protection.setDescription(`${STATE_PROTECTION}`);
}
