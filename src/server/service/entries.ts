/** Entry points of after-sales service (issue 14 §2): the Log service sidebar and the calls it makes. */
import { currentTranslator } from '../context';
import { refuseUntilSetUp } from '../onboarding';

export { apiSaveService, apiCustomerService, apiCloseService } from './save';

/** SalesDesk → Forms → Log service. */
export function menuLogService(): void {
  const t = currentTranslator();
  if (refuseUntilSetUp(t)) return;
  const html = HtmlService.createHtmlOutputFromFile('log-service').setTitle(t('service.logService.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}
