/** Dashboard entry points (issue 7): the manager's menu item and the daily trigger. */
import { executionContext } from '../context';
import { dailyDashboardRefresh, refreshDashboard } from './refresh';

/** SalesDesk → Refresh dashboard (managers only). */
export function menuRefreshDashboard(): void {
  const { spreadsheet, t, locale, user, workbookLocale } = executionContext();
  const summary = refreshDashboard(spreadsheet, t, locale, user, new Date(), workbookLocale);
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
