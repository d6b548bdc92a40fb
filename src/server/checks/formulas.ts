/**
 * Installs the template's live tier formulas (templates/formulas.ts) in the Customers computed columns: one array
 * formula in row 2 of each, the cells below cleared so the results can spill. Only SalesDesk output lives in those
 * columns, so nothing a user typed is lost. Refresh tiers later replaces them with values (see the README section).
 */
import { TIER_COLUMNS } from '../../core/tiering';
import { columnHeaders, SHEETS } from '../../../templates';
import { readTable } from '../../core/table';
import { columnLetter, tierFormulas } from '../../../templates/formulas';
import { findSheets } from '../adapters/workbook';
import { executionContext } from '../context';
import { withLock } from '../lock';

/**
 * Writes the live tier formulas (manager action; also used by set-up and `salesdesk tiers --formulas`).
 * @returns the formulas written, by column key.
 */
export function apiInstallTierFormulas(): Record<string, string> {
  const { locale, t, spreadsheet, workbookLocale } = executionContext();
  return withLock(t, 'action', () => {
    const found = findSheets(spreadsheet);
    for (const key of ['customers', 'deals', 'settings'] as const) {
      if (!found[key]) throw new Error(t('common.missingSheet', { sheet: SHEETS[key].names[locale] }));
    }
    const customersSheet = found.customers as GoogleAppsScript.Spreadsheet.Sheet;
    const dealsSheet = found.deals as GoogleAppsScript.Spreadsheet.Sheet;
    const settingsSheet = found.settings as GoogleAppsScript.Spreadsheet.Sheet;
    // Headers only: one single-row read per sheet.
    const header = (sheet: GoogleAppsScript.Spreadsheet.Sheet, key: 'customers' | 'deals' | 'settings') => {
      const width = Math.max(sheet.getLastColumn(), 1);
      return readTable(sheet.getRange(1, 1, 1, width).getValues(), columnHeaders(key));
    };
    const customers = header(customersSheet, 'customers');
    const deals = header(dealsSheet, 'deals');
    const settings = header(settingsSheet, 'settings');
    const letter = (
      table: typeof customers,
      sheetKey: 'customers' | 'deals' | 'settings',
      key: string,
    ): string => {
      const index = table.columns[key];
      if (index === undefined) {
        const column = SHEETS[sheetKey].columns.find((c) => c.key === key)?.headers[locale] ?? key;
        throw new Error(t('common.missingColumn', { sheet: SHEETS[sheetKey].names[locale], column }));
      }
      return columnLetter(index);
    };
    const formulas = tierFormulas({
      customers: {
        id: letter(customers, 'customers', 'id'),
        lastContact: letter(customers, 'customers', 'lastContact'),
        totalPurchases: letter(customers, 'customers', 'totalPurchases'),
        orderCount: letter(customers, 'customers', 'orderCount'),
        firstPurchase: letter(customers, 'customers', 'firstPurchase'),
        lastPurchase: letter(customers, 'customers', 'lastPurchase'),
      },
      deals: {
        sheet: dealsSheet.getName(),
        customerId: letter(deals, 'deals', 'customerId'),
        date: letter(deals, 'deals', 'date'),
        amount: letter(deals, 'deals', 'amount'),
        currency: letter(deals, 'deals', 'currency'),
        status: letter(deals, 'deals', 'status'),
      },
      settings: {
        sheet: settingsSheet.getName(),
        key: letter(settings, 'settings', 'key'),
        value: letter(settings, 'settings', 'value'),
      },
      language: workbookLocale,
    });
    const maxRows = customersSheet.getMaxRows();
    for (const key of TIER_COLUMNS) {
      const column = (customers.columns[key] as number) + 1;
      if (maxRows > 1) customersSheet.getRange(2, column, maxRows - 1, 1).clearContent();
      customersSheet.getRange(2, column).setFormula(formulas[key]);
    }
    return formulas;
  });
}

/**
 * SalesDesk → Use live tier formulas (managers): tiers then follow every Deals and Settings change at once.
 * Refresh tiers, a deal saved from the sidebar and an import write values there again, so the toast says so.
 */
export function menuUseLiveTierFormulas(): void {
  const { t } = executionContext();
  try {
    const formulas = apiInstallTierFormulas();
    SpreadsheetApp.getActive().toast(
      t('menu.liveTiersDone', { count: Object.keys(formulas).length }),
      'SalesDesk',
    );
  } catch (error) {
    SpreadsheetApp.getUi().alert(error instanceof Error ? error.message : String(error));
  }
}
