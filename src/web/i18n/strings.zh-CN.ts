import { mergeMessages, type ModuleStrings } from './merge.js';
import { appZhCN } from './zh-CN.js';

// The strings of every module with console pages (and of libraries such as cards), found by file name: adding a module
// adds its files, this list needs no edit. Left out: join and myevents, whose pages are all phone pages (a public.tsx and
// no module.tsx) — each of their pages adds its own strings (`addStrings`); i18n.test.tsx checks the list.
// `?console`: the console's own copy, bundled with its chunk as one file, where the phone pages import the modules'
// files one by one — Chinese text compresses about a third better together than in one file per module.
const zhCNOfModules = import.meta.glob<ModuleStrings>(['../modules/*/i18n.zh-CN.ts', '!../modules/{join,myevents}/i18n.zh-CN.ts'], {
  eager: true,
  query: '?console',
});

/** The folders (`modules/<m>`) whose strings the console's chunk brings. */
export const consoleStringModules = Object.keys(zhCNOfModules).map((file) => file.split('/')[2]);

/** The console's zh-CN strings: Console.tsx adds them when its chunk loads; a phone page adds only its own. */
export const stringsZhCN = mergeMessages(appZhCN, zhCNOfModules);
