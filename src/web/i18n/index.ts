import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, locales, type Locale } from '../../common/i18n.js';
import { appEn } from './en.js';
import { applyDateLocale, localiseAriaLabels, watchAriaLabels } from './libraryLocales.js';
import type { Messages, MessageTree } from './messages.js';
import { appZhCN } from './zh-CN.js';

export type { Messages } from './messages.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

type ModuleStrings = { messages: MessageTree };

// Every module's strings, found by file name: adding a module adds its files, this list needs no edit.
const zhCNOfModules = import.meta.glob<ModuleStrings>('../modules/*/i18n.zh-CN.ts', { eager: true });
const enOfModules = import.meta.glob<ModuleStrings>('../modules/*/i18n.en.ts', { eager: true });

/** The shared strings and each module's in one tree; a top-level key given twice is a mistake worth failing on. */
export function mergeMessages(shared: MessageTree, ofModules: Record<string, ModuleStrings>): MessageTree {
  const merged: Record<string, string | MessageTree> = { ...shared };
  for (const [file, { messages }] of Object.entries(ofModules)) {
    for (const [key, value] of Object.entries(messages)) {
      if (key in merged) throw new Error(`i18n: "${key}" of ${file} is already defined`);
      merged[key] = value;
    }
  }
  return merged;
}

export const resources = {
  'zh-CN': mergeMessages(appZhCN, zhCNOfModules),
  en: mergeMessages(appEn, enOfModules),
} satisfies Record<Locale, MessageTree>;

const STORAGE_KEY = 'gonghui.lang';

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return locales.find((l) => l === saved) ?? defaultLocale;
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } },
  lng: initialLocale(),
  fallbackLng: defaultLocale,
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = i18next.language;
applyDateLocale(currentLocale());
watchAriaLabels(document.body, currentLocale);

/** The selected language, as sent in Accept-Language. */
export function currentLocale(): Locale {
  return locales.find((l) => l === i18next.language) ?? defaultLocale;
}

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  applyDateLocale(locale);
  void i18next.changeLanguage(locale);
  localiseAriaLabels(document.body, locale);
}

export { i18next };
