/**
 * Menu entry points of the template area: SalesDesk → Set up workbook and → Load sample data.
 * Both run under the document lock and return their report, which the CLI prints as JSON.
 */
import { alert } from '../adapters/alert';
import { executionContext } from '../context';
import { setupWorkbook, type SetupReport } from './run';
import { loadSampleData, type SampleLoadResult } from './sample';
import { buildMenu } from '../menu';

/** After set-up the full menu replaces the set-up menu at once, without a reload. */
function showFullMenu(): void {
  try {
    buildMenu(ScriptApp.AuthMode.FULL);
  } catch {
    // No UI (the CLI, a trigger): the menu is built on the next open.
  }
}

/** SalesDesk → Set up workbook: builds or repairs the workbook and says what changed. */
export function menuSetupWorkbook(): SetupReport {
  const { t } = executionContext();
  const report = setupWorkbook();
  if (report.ok) showFullMenu();
  alert(report.lines.join('\n'), t('setup.title'));
  return report;
}

/** SalesDesk → Load sample data: fills an empty workbook with sample data (setting it up first when needed). */
export function menuLoadSampleData(): SampleLoadResult {
  const { t } = executionContext();
  const result = loadSampleData();
  showFullMenu();
  alert(result.lines.join('\n'), t('sample.title'));
  return result;
}
