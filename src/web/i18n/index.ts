import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, locales, type Locale } from '../../common/i18n.js';
import { localiseAriaLabels, watchAriaLabels } from './libraryLocales.js';
import { mergeMessages, type ModuleStrings } from './merge.js';
import type { Messages } from './messages.js';
import { appZhCN } from './zh-CN.js';

export type { Messages } from './messages.js';
export { mergeMessages } from './merge.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

// Every module's strings, found by file name: adding a module adds its files, this list needs no edit.
const zhCNOfModules = import.meta.glob<ModuleStrings>('../modules/*/i18n.zh-CN.ts', { eager: true });

/** The zh-CN strings (the default, loaded with the app); English comes from strings.en.ts when chosen. */
export const stringsZhCN = mergeMessages(appZhCN, zhCNOfModules);

const STORAGE_KEY = 'gonghui.lang';

function savedLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return locales.find((l) => l === saved) ?? defaultLocale;
}

void i18next.use(initReactI18next).init({
  resources: { [defaultLocale]: { translation: stringsZhCN } },
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = i18next.language;
watchAriaLabels(document.body, currentLocale);

/** The selected language, as sent in Accept-Language. */
export function currentLocale(): Locale {
  return locales.find((l) => l === i18next.language) ?? defaultLocale;
}

/** Makes the strings of `locale` available; English is fetched (once) the first time it is needed. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  const { stringsEn } = await import('./strings.en.js');
  i18next.addResourceBundle('en', 'translation', stringsEn);
}

async function switchTo(locale: Locale): Promise<void> {
  await loadLocale(locale);
  document.documentElement.lang = locale;
  await i18next.changeLanguage(locale);
  localiseAriaLabels(document.body, locale);
}

/** Settles once the saved language's strings are in (at once for zh-CN): main.tsx renders after it. */
export const i18nReady: Promise<void> = savedLocale() === defaultLocale ? Promise.resolve() : switchTo(savedLocale());

/** Chooses the language, remembered on this device; settles once the page shows it. */
export function setLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  return switchTo(locale);
}

export { i18next };
