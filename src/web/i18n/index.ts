import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, locales, type Locale } from '../../common/i18n.js';
import { localiseAriaLabels, watchAriaLabels } from './libraryLocales.js';
import type { Messages, MessageTree } from './messages.js';
import { appZhCN } from './zh-CN.js';

export type { Messages } from './messages.js';
export { mergeMessages } from './merge.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = 'gonghui.lang';

function savedLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return locales.find((l) => l === saved) ?? defaultLocale;
}

void i18next.use(initReactI18next).init({
  // A copy: addStrings merges into the store's object, which must not be appZhCN itself.
  resources: { [defaultLocale]: { translation: { ...appZhCN } } },
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = i18next.language;
watchAriaLabels(document.body, currentLocale);

/**
 * Adds modules' zh-CN strings (the `messages` of `modules/<m>/i18n.zh-CN.ts`). The app starts with the shared ones
 * only: the console's chunk adds every module's (`strings.zh-CN.ts`), a phone page those it shows, so /join does not
 * download the console's (#16). English comes whole from strings.en.ts when chosen.
 */
export function addStrings(...trees: MessageTree[]): void {
  for (const tree of trees) i18next.addResourceBundle(defaultLocale, 'translation', tree, true, true);
}

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
