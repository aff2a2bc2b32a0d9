import { appEn } from './en.js';
import { mergeMessages, type ModuleStrings } from './merge.js';

// A chunk of its own, fetched when English is chosen: the zh-CN default does not download it.
const enOfModules = import.meta.glob<ModuleStrings>('../modules/*/i18n.en.ts', { eager: true });

/** The English strings: the shared ones and every module's. */
export const stringsEn = mergeMessages(appEn, enOfModules);
