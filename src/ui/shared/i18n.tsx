/**
 * Client-side translation: the server's catalogue for the user's locale, received with the start-up data
 * (`apiBootstrap` → messages), plus the few texts only this sidebar uses (own-messages.ts, bundled by the build so
 * Code.js need not carry them), with the same `{param}` interpolation as the server (src/core/i18n/translate.ts), so a
 * message reads the same whether the client or the server produced it. The whole catalogue is not bundled: every
 * sidebar would carry both languages of every feature (about 50 KB each) for the few dozen strings it shows.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import type { Locale, Translate } from '../../core/i18n';
import { boot } from '../../core/i18n/catalog/boot';
import { translatorOf } from '../../core/i18n/translate';
import { OWN_MESSAGES } from './own-messages';

export interface I18n {
  locale: Locale;
  t: Translate;
}

/** Before start-up only the boot strings exist (the loading line, a failed start). */
const I18nContext = createContext<I18n>({ locale: 'en', t: translatorOf(boot.en) });

export function I18nProvider(props: {
  locale: Locale;
  messages: Readonly<Record<string, string>>;
  children: ComponentChildren;
}) {
  const value = useMemo(
    () => ({
      locale: props.locale,
      // The sidebar's own texts (own-messages.ts, filled by the build), then the server's.
      t: translatorOf({ ...OWN_MESSAGES[props.locale], ...props.messages }, props.locale),
    }),
    [props.locale, props.messages],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** The current locale and its translator. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Guesses the locale before the server has answered (for the loading text only). */
export function browserLocale(): Locale {
  const language = (globalThis.navigator?.language ?? 'en').toLowerCase();
  return language.startsWith('zh') ? 'zh-CN' : 'en';
}

/** The translator of the boot strings, for what a sidebar shows before the server has answered. */
export function earlyTranslator(locale: Locale): Translate {
  return translatorOf(boot[locale], locale);
}
