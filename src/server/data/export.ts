/**
 * Export the active sheet (or the rows its filter shows) as a CSV download: one getValues, the filter's
 * criteria read once per filtered column, the CSV built in src/core/csv, and a small dialog with a data: URL
 * link. Nothing is written to the spreadsheet.
 */
import { csvDataUrl, csvFileName, phoneColumns, toCsv } from '../../core/csv/export';
import { rowVisible, type ColumnCriteria } from '../../core/csv/filter';
import { DayClock, formatZoned } from '../../core/dashboard/days';
import type { Translate } from '../../core/i18n';
import { currentTranslator } from '../context';
import { escapeHtml } from '../../core/html';

export interface CsvExport {
  sheet: string;
  fileName: string;
  /** Data rows exported (the header row not counted). */
  rows: number;
  filtered: boolean;
  csv: string;
}

function filterCriteria(filter: GoogleAppsScript.Spreadsheet.Filter): {
  firstColumn: number;
  firstRow: number;
  lastRow: number;
  criteria: ColumnCriteria[];
} {
  const range = filter.getRange();
  const firstColumn = range.getColumn();
  const criteria: ColumnCriteria[] = [];
  for (let offset = 0; offset < range.getNumColumns(); offset++) {
    const column = firstColumn + offset;
    const found = filter.getColumnFilterCriteria(column);
    if (!found) continue;
    const type = found.getCriteriaType();
    criteria.push({
      column: column - 1,
      hiddenValues: found.getHiddenValues(),
      visibleValues: found.getVisibleValues(),
      criteriaType: type ? String(type) : null,
      criteriaValues: type ? found.getCriteriaValues() : null,
    });
  }
  return { firstColumn, firstRow: range.getRow(), lastRow: range.getLastRow(), criteria };
}

/** The sheet's filter, or null; an environment without filters (the local runtime) counts as none. */
function sheetFilter(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Filter | null {
  try {
    return sheet.getFilter();
  } catch {
    return null;
  }
}

/**
 * Builds the CSV of a sheet.
 * @param sheetName the sheet to export; the active sheet when omitted.
 * @param onlyFiltered keep only the rows the sheet's filter shows (default true when it has one).
 */
export function exportSheetCsv(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetName?: string,
  onlyFiltered = true,
): CsvExport {
  const sheet = sheetName ? spreadsheet.getSheetByName(sheetName) : spreadsheet.getActiveSheet();
  if (!sheet) throw new Error(currentTranslator()('common.missingSheet', { sheet: sheetName ?? '' }));
  const values = sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues();
  let rows = values;
  let filtered = false;
  const filter = onlyFiltered ? sheetFilter(sheet) : null;
  if (filter && values.length > 0) {
    const { firstRow, lastRow, criteria } = filterCriteria(filter);
    if (criteria.length > 0) {
      filtered = true;
      // Hidden values are compared as Sheets shows them; read display values only when they are needed.
      const needsDisplay = criteria.some(
        (c) => (c.hiddenValues?.length ?? 0) > 0 || (c.visibleValues?.length ?? 0) > 0,
      );
      const display = needsDisplay ? sheet.getDataRange().getDisplayValues() : null;
      rows = values.filter((row, index) => {
        const sheetRow = index + 1;
        // The filter's header row and rows outside its range always stay.
        if (sheetRow <= firstRow || sheetRow > lastRow) return true;
        return rowVisible(row, criteria, display ? display[index] : undefined);
      });
    }
  }
  // Trailing blank rows and columns (formatting only) are not data.
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell === '' || cell === null))
    rows = rows.slice(0, -1);
  const clock = new DayClock(spreadsheet.getSpreadsheetTimeZone());
  const csv = toCsv(rows, {
    formatDate: (date) => formatZoned(date, clock),
    phoneColumns: phoneColumns(rows[0] ?? []),
  });
  const today = formatZoned(new Date(), clock).slice(0, 10);
  return {
    sheet: sheet.getName(),
    fileName: csvFileName(sheet.getName(), today),
    rows: Math.max(rows.length - 1, 0),
    filtered,
    csv,
  };
}

/** The download dialog: escaped text, the CSV as a data: URL (BOM included), nothing else. */
export function exportDialogHtml(result: CsvExport, t: Translate): string {
  const lines = [
    `<p>${escapeHtml(t('data.export.ready', { rows: result.rows, sheet: result.sheet }))}</p>`,
    result.filtered ? `<p>${escapeHtml(t('data.export.filtered'))}</p>` : '',
    `<p><a id="download" download="${escapeHtml(result.fileName)}" href="${csvDataUrl(result.csv)}">` +
      `${escapeHtml(t('data.export.download', { file: result.fileName }))}</a></p>`,
    `<p class="note">${escapeHtml(t('data.export.note'))}</p>`,
  ];
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><style>' +
    'body{font:13px Arial,sans-serif;margin:12px}a{color:#1a73e8;font-weight:bold}.note{color:#5f6368;font-size:12px}' +
    `</style></head><body>${lines.join('')}</body></html>`
  );
}

/** SalesDesk → Data → Export this sheet as CSV: the active sheet, or what its filter shows. */
export function menuExportCsv(): void {
  const t = currentTranslator();
  const spreadsheet = SpreadsheetApp.getActive();
  const result = exportSheetCsv(spreadsheet);
  const ui = SpreadsheetApp.getUi();
  if (result.rows === 0 && result.csv.length <= 3) {
    ui.alert(t('data.export.empty', { sheet: result.sheet }));
    return;
  }
  const html = HtmlService.createHtmlOutput(exportDialogHtml(result, t)).setWidth(420).setHeight(200);
  ui.showModalDialog(html, t('data.export.title'));
}

/**
 * The CSV of a sheet for the CLI and tests (and any sidebar that wants it).
 * @param request sheet: the sheet name (the active sheet when empty); onlyFiltered: keep only the rows the
 *   filter shows (default true).
 */
export function apiExportCsv(request?: { sheet?: string; onlyFiltered?: boolean }): CsvExport {
  return exportSheetCsv(
    SpreadsheetApp.getActive(),
    request?.sheet || undefined,
    request?.onlyFiltered !== false,
  );
}
