/**
 * Client-side translation: the same catalogue and `t` as the server (src/core/i18n), bound to the locale the server
 * chose in `apiBootstrap`, so a message reads the same whether the client or the server produced it.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { translator, type Locale, type Translate } from '../../core/i18n';

export interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'en', t: translator('en') });

export function I18nProvider(props: { locale: Locale; children: ComponentChildren }) {
  return (
    <I18nContext.Provider value={{ locale: props.locale, t: translator(props.locale) }}>
      {props.children}
    </I18nContext.Provider>
  );
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
