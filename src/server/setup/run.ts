/** Set-up as one unit of work (without UI), shared by the menu item, Load sample data and the CLI. */
import { translator, type Locale } from '../../core/i18n';
import { isManager } from '../../core/roles';
import type { SetupChange } from '../../core/setup/plan';
import { describeSetup } from '../../core/setup/report';
import { readSettings } from '../adapters/workbook';
import { spreadsheetOwner } from '../auth';
import { currentLocale, currentUserEmail, LOCALE_OVERRIDE_PROPERTY } from '../context';
import { runSetup } from './apply';

const LOCK_WAIT_MS = 30_000;

export interface SetupReport {
  ok: boolean;
  /** Language of the workbook's sheet names and headers. */
  language: Locale;
  changes: SetupChange[];
  /** The report as shown to the user, in their language. */
  lines: string[];
}

/** Runs `work` under the document lock; `busy` answers when another run holds it for too long. */
export function withDocumentLock<T>(busy: () => T, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return busy();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** Set-up of the active workbook; the caller holds the document lock. */
export function performSetup(): SetupReport {
  const userLanguage = currentLocale();
  const t = translator(userLanguage);
  const spreadsheet = SpreadsheetApp.getActive();
  const user = currentUserEmail();
  const owner = spreadsheetOwner(spreadsheet);
  const result = runSetup(spreadsheet, {
    userLanguage,
    userEmail: user,
    ownerEmail: owner,
    isManager: (managers) => isManager({ user, owner, managers }),
  });
  if (result.refused)
    return { ok: false, language: result.language, changes: [], lines: [t('setup.notManager')] };
  // Menus and messages follow Settings → locale from now on (context.ts reads this property).
  const { settings } = readSettings(spreadsheet);
  PropertiesService.getDocumentProperties().setProperty(LOCALE_OVERRIDE_PROPERTY, settings.locale);
  return {
    ok: true,
    language: result.language,
    changes: result.changes,
    lines: describeSetup(result.changes, result.formattedSheets, t),
  };
}

/** Set-up under the document lock, without UI. */
export function setupWorkbook(): SetupReport {
  const t = translator(currentLocale());
  return withDocumentLock(
    () => ({ ok: false, language: currentLocale(), changes: [], lines: [t('common.busy')] }),
    performSetup,
  );
}
