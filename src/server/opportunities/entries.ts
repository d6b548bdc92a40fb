/** Entry points of opportunities (issue 14 §1): the Log opportunity sidebar and the calls it makes. */
import { currentTranslator } from '../context';
import { findSheet } from '../adapters/workbook';
import { refuseUntilSetUp } from '../onboarding';

export { apiOpportunityForm, apiSaveOpportunity, apiDealFromOpportunity } from './save';

/** SalesDesk → Forms → Log opportunity. A workbook set up before opportunities existed is told to re-run set-up. */
export function menuLogOpportunity(): void {
  const t = currentTranslator();
  if (refuseUntilSetUp(t)) return;
  const spreadsheet = SpreadsheetApp.getActive();
  if (!findSheet(spreadsheet, 'opportunities') || !findSheet(spreadsheet, 'stageHistory')) {
    SpreadsheetApp.getUi().alert(t('opps.needsSetup'));
    return;
  }
  const html = HtmlService.createHtmlOutputFromFile('log-opportunity').setTitle(t('opps.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}
