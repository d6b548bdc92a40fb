/** Set-up as one unit of work (without UI), shared by the menu item, Load sample data and the CLI. */
import type { Locale } from '../../core/i18n';
import { isManager } from '../../core/roles';
import type { SetupChange } from '../../core/setup/plan';
import { describeSetup } from '../../core/setup/report';
import { executionContext, LOCALE_OVERRIDE_PROPERTY, refreshExecutionContext } from '../context';
import { withLock } from '../lock';
import { syncProtectionEditors } from '../protections';
import { installSettingsEditTrigger } from '../roles/entries';
import { runSetup } from './apply';

export interface SetupReport {
  ok: boolean;
  /** Language of the workbook's sheet names and headers. */
  language: Locale;
  changes: SetupChange[];
  /** The report as shown to the user, in their language. */
  lines: string[];
}

/** Runs `work` under the document lock (the "action" wait); `busy` answers when another run holds it too long. */
export function withSetupLock<T>(busy: () => T, work: () => T): T {
  const { t } = executionContext();
  try {
    return withLock(t, 'action', work);
  } catch (error) {
    if (error instanceof Error && error.message === t('common.busy')) return busy();
    throw error;
  }
}

/** Set-up of the active workbook; the caller holds the document lock. */
export function performSetup(): SetupReport {
  const context = executionContext();
  const { t, spreadsheet, user, owner } = context;
  const userLanguage = context.locale;
  const result = runSetup(spreadsheet, {
    userLanguage,
    userEmail: user,
    ownerEmail: owner,
    isManager: (managers) => isManager({ user, owner, managers }),
  });
  if (result.refused)
    return { ok: false, language: result.language, changes: [], lines: [t('setup.notManager')] };
  // Menus and messages follow Settings → locale from now on (context.ts reads this property).
  const fresh = refreshExecutionContext();
  PropertiesService.getDocumentProperties().setProperty(LOCALE_OVERRIDE_PROPERTY, fresh.settings.locale);
  // Set-up has just written the protections; record their editors and keep them following Settings edits.
  syncProtectionEditors(fresh, true);
  installSettingsEditTrigger(spreadsheet);
  return {
    ok: true,
    language: result.language,
    changes: result.changes,
    lines: describeSetup(result.changes, result.formattedSheets, t),
  };
}

/** Set-up under the document lock, without UI. */
export function setupWorkbook(): SetupReport {
  const { t, locale } = executionContext();
  return withSetupLock(
    () => ({ ok: false, language: locale, changes: [], lines: [t('common.busy')] }),
    performSetup,
  );
}
