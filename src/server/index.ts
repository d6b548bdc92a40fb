/**
 * Everything Apps Script can call, one by one, each with its audience (src/server/entry-points.ts guards it before
 * it runs). scripts/build.ts emits a top-level function in dist/Code.js for each declaration here and nothing
 * else, and records the audience in dist/manifest.json; an export that is not declared through an audience
 * wrapper fails the build. Only declarations live here.
 */
import * as assign from './assign/entries';
import * as checks from './checks/entries';
import * as dashboard from './dashboard/entries';
import * as data from './data/entries';
import * as forms from './forms/entries';
import * as functions from '../functions';
import * as menu from './menu';
import * as opportunities from './opportunities/entries';
import * as merge from './merge/entries';
import * as onboarding from './onboarding';
import * as reminders from './reminders/entries';
import * as roles from './roles/entries';
import * as setup from './setup/entries';
import * as service from './service/entries';
import { anyone, customFunction, manager, managerMenu, rep, trigger } from './entry-points';

// The menu (simple triggers: may run before the add-on is authorised, so no context).
export const onOpen = anyone(menu.onOpen);
export const onInstall = anyone(menu.onInstall);
// Help works before set-up and for anyone who can open the spreadsheet.
export const menuHelp = anyone(onboarding.menuHelp);

// Set-up and sample data (a missing Settings sheet leaves only the owner as manager).
export const menuSetupWorkbook = managerMenu(setup.menuSetupWorkbook);
export const menuLoadSampleData = managerMenu(setup.menuLoadSampleData);
export const onSettingsEdit = trigger('onSettingsEdit', roles.onSettingsEdit);

// Rep forms: a rep reads and writes only the customers they own (src/server/forms).
export const apiBootstrap = rep(forms.apiBootstrap);
export const menuNewCustomer = rep(forms.menuNewCustomer);
export const menuLogFollowUp = rep(forms.menuLogFollowUp);
export const menuLogDeal = rep(forms.menuLogDeal);
export const menuCustomerCard = rep(forms.menuCustomerCard);
export const apiListCustomers = rep(forms.apiListCustomers);
export const apiSearchCustomers = rep(forms.apiSearchCustomers);
export const apiSaveCustomer = rep(forms.apiSaveCustomer);
export const apiSaveFollowUp = rep(forms.apiSaveFollowUp);
export const apiSaveDeal = rep(forms.apiSaveDeal);
export const apiCustomerCard = rep(forms.apiCustomerCard);

// Opportunities: a rep logs and moves only their own customers' opportunities (as in Log deal).
export const menuLogOpportunity = rep(opportunities.menuLogOpportunity);
export const apiOpportunityForm = rep(opportunities.apiOpportunityForm);
export const apiSaveOpportunity = rep(opportunities.apiSaveOpportunity);
export const apiDealFromOpportunity = rep(opportunities.apiDealFromOpportunity);
// After-sales service: a rep logs and closes service only for customers they own (src/server/service).
export const menuLogService = rep(service.menuLogService);
export const apiSaveService = rep(service.apiSaveService);
export const apiCustomerService = rep(service.apiCustomerService);
export const apiCloseService = rep(service.apiCloseService);

// Dashboard.
export const menuRefreshDashboard = managerMenu(dashboard.menuRefreshDashboard);
export const onDailyDashboard = trigger('onDailyDashboard', dashboard.onDailyDashboard);

// Data: a rep imports only customers they own; export and the import preview read what the spreadsheet shows
// anyone who can open it (Sheets has no row-level read security).
export const menuImportCsv = rep(data.menuImportCsv);
export const apiPreviewImport = rep(data.apiPreviewImport);
export const apiImportCustomers = rep(data.apiImportCustomers);
export const menuExportCsv = rep(data.menuExportCsv);
export const apiExportCsv = rep(data.apiExportCsv);
export const menuBackupNow = managerMenu(data.menuBackupNow);
export const apiListBackups = manager(data.apiListBackups);

// Reminders.
export const menuTurnOnReminders = managerMenu(reminders.menuTurnOnReminders);
export const menuTurnOffReminders = managerMenu(reminders.menuTurnOffReminders);
export const menuSendRemindersNow = managerMenu(reminders.menuSendRemindersNow);
export const apiPreviewReminders = manager(reminders.apiPreviewReminders);
export const onDailyReminders = trigger('onDailyReminders', reminders.onDailyReminders);
export const onRemindersContinue = trigger('onRemindersContinue', reminders.onRemindersContinue);
export const menuMyFollowUps = rep(reminders.menuMyFollowUps);
export const apiMyFollowUps = rep(reminders.apiMyFollowUps);
export const apiMarkFollowUpDone = rep(reminders.apiMarkFollowUpDone);
export const apiRevealReminderRow = rep(reminders.apiRevealReminderRow);

// Lead assignment.
export const menuAssignLeads = managerMenu(assign.menuAssignLeads);
export const apiPreviewAssignment = manager(assign.apiPreviewAssignment);
export const apiConfirmAssignment = manager(assign.apiConfirmAssignment);
export const apiSendPendingNotices = manager(assign.apiSendPendingNotices);
export const menuUndoLastAssignment = managerMenu(assign.menuUndoLastAssignment);
export const menuTurnOnFormIntake = managerMenu(assign.menuTurnOnFormIntake);
export const onFormSubmitAssign = trigger('onFormSubmitAssign', assign.onFormSubmitAssign);

// Checks and tiers: checking only reads; highlighting and the computed columns are the managers'.
export const apiValidateWorkbook = rep(checks.apiValidateWorkbook);
export const apiCheckReport = manager(checks.apiCheckReport);
export const apiGoToCell = rep(checks.apiGoToCell);
export const menuCheckData = managerMenu(checks.menuCheckData);
export const apiRunCheck = manager(checks.apiRunCheck);
export const apiClearHighlights = manager(checks.apiClearHighlights);
export const menuClearHighlights = managerMenu(checks.menuClearHighlights);
export const menuRefreshTiers = managerMenu(checks.menuRefreshTiers);
export const apiInstallTierFormulas = manager(checks.apiInstallTierFormulas);
export const menuUseLiveTierFormulas = managerMenu(checks.menuUseLiveTierFormulas);

// Merge duplicates (issue 14 §5): customers, their child records and the log are every manager's to change.
export const menuMergeDuplicates = managerMenu(merge.menuMergeDuplicates);
export const apiPreviewMerge = manager(merge.apiPreviewMerge);
export const apiConfirmMerge = manager(merge.apiConfirmMerge);
export const apiUndoMerge = manager(merge.apiUndoMerge);
export const menuUndoLastMerge = managerMenu(merge.menuUndoLastMerge);

// Custom functions (=SALESDESK_TIER(...)): no user, no authorisation, read nothing but their arguments.
export const SALESDESK_DAYS_SINCE = customFunction(functions.SALESDESK_DAYS_SINCE);
export const SALESDESK_NORMALIZE_PHONE = customFunction(functions.SALESDESK_NORMALIZE_PHONE);
export const SALESDESK_IS_EMAIL = customFunction(functions.SALESDESK_IS_EMAIL);
export const SALESDESK_TIER = customFunction(functions.SALESDESK_TIER);
export const SALESDESK_RFM = customFunction(functions.SALESDESK_RFM);
