/** Menu handlers that open the rep form sidebars (the HTML files are built from src/ui/<name>/index.tsx). */
import { currentTranslator } from '../context';
import { refuseUntilSetUp } from '../onboarding';

function showSidebar(file: string, titleKey: string): void {
  const t = currentTranslator();
  if (refuseUntilSetUp(t)) return;
  const html = HtmlService.createHtmlOutputFromFile(file).setTitle(t(titleKey));
  SpreadsheetApp.getUi().showSidebar(html);
}

/** SalesDesk → Forms → New customer. */
export function menuNewCustomer(): void {
  showSidebar('new-customer', 'forms.newCustomer.title');
}

/** SalesDesk → Forms → Log follow-up. */
export function menuLogFollowUp(): void {
  showSidebar('log-follow-up', 'forms.logFollowUp.title');
}

/** SalesDesk → Forms → Log deal. */
export function menuLogDeal(): void {
  showSidebar('log-deal', 'forms.logDeal.title');
}

/** SalesDesk → Forms → Customer card (selected row). */
export function menuCustomerCard(): void {
  showSidebar('customer-card', 'forms.card.title');
}
