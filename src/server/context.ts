/**
 * Who is running, in which language, at what time: the per-execution facts every entry point needs.
 * Thin over Session/PropertiesService; the decisions (locale resolution) live in src/core/i18n.
 */
import { resolveLocale, translator, type Locale, type Translate } from '../core/i18n';

/** Document property holding the Settings language override, written by set-up and Settings changes. */
export const LOCALE_OVERRIDE_PROPERTY = 'salesdesk.locale';

/**
 * The active user's e-mail. Consumer accounts may hide it from scripts run by others; the effective user
 * (the one who authorised the script) is the best remaining answer.
 */
export function currentUserEmail(): string {
  const active = Session.getActiveUser().getEmail();
  if (active) return active.toLowerCase();
  return (Session.getEffectiveUser().getEmail() || '').toLowerCase();
}

function documentLocaleOverride(): string | null {
  try {
    return PropertiesService.getDocumentProperties().getProperty(LOCALE_OVERRIDE_PROPERTY);
  } catch {
    // onOpen in AuthMode.NONE cannot read properties: fall back to the user's locale.
    return null;
  }
}

/** The UI language: Settings override, else the user's locale, else the spreadsheet's locale. */
export function currentLocale(): Locale {
  const override = documentLocaleOverride();
  const userLocale = Session.getActiveUserLocale();
  if (override && override !== 'auto') return resolveLocale(userLocale, override);
  if (userLocale) return resolveLocale(userLocale);
  try {
    return resolveLocale(SpreadsheetApp.getActive().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}

export function currentTranslator(): Translate {
  return translator(currentLocale());
}
