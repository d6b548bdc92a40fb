/**
 * The catalogue texts only this sidebar asks for, in both languages. Empty in the source (the server then sends every
 * text with apiBootstrap); scripts/build.ts fills it for each sidebar with the keys its code names and no server code
 * does, and leaves those keys out of Code.js, which every execution compiles.
 */
import type { Locale } from '../../core/i18n';

export const OWN_MESSAGES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {},
  'zh-CN': {},
};
