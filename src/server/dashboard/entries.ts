/** Dashboard entry points (issue 7): the manager's menu item and the daily trigger. */
import { refuseUnlessManager } from '../auth';
import { translator } from '../../core/i18n';
import { currentLocale, currentUserEmail } from '../context';
import { dailyDashboardRefresh, refreshDashboard } from './refresh';

/** SalesDesk → Refresh dashboard (managers only). */
export function menuRefreshDashboard(): void {
  const locale = currentLocale();
  const t = translator(locale);
  const spreadsheet = SpreadsheetApp.getActive();
  if (!refuseUnlessManager(t, spreadsheet)) return;
  const summary = refreshDashboard(spreadsheet, t, locale, currentUserEmail());
  spreadsheet.toast(
    t('dashboard.refreshed', { customers: summary.customers, deals: summary.deals }),
    'SalesDesk',
  );
}

/**
 * Daily trigger handler: refreshes the Dashboard. Team F4's daily reminder handler may call
 * `dailyDashboardRefresh()` (src/server/dashboard/refresh.ts) instead of installing a second trigger.
 */
export function onDailyDashboard(): void {
  dailyDashboardRefresh();
}
