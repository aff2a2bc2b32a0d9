// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { addStrings, i18next, mergeMessages } from './index.js';
import type { ModuleStrings } from './merge.js';
import { stringsEn } from './strings.en.js';
import { consoleStringModules, stringsZhCN } from './strings.zh-CN.js';
import { appZhCN } from './zh-CN.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every key path of a string tree, sorted. */
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`)))
    .sort();
}

const folderOf = (file: string) => file.split('/')[2] ?? file;
const zhCNOfModules = import.meta.glob<ModuleStrings>('../modules/*/i18n.zh-CN.ts', { eager: true });
const withConsolePages = new Set(Object.keys(import.meta.glob('../modules/*/module.tsx')).map(folderOf));
const withPhonePages = new Set(Object.keys(import.meta.glob('../modules/*/public.tsx')).map(folderOf));

describe('the console’s strings', () => {
  it('starts with the shared strings only, zh-CN the default; the console’s chunk adds every module’s', () => {
    expect(i18next.language).toBe('zh-CN');
    expect(i18next.t('app.name')).toBe('工会工作平台');
    // A phone page does not download the console's strings.
    expect(i18next.exists('outbox.nav')).toBe(false);

    addStrings(stringsZhCN);
    // One of a module found by file name, not listed anywhere.
    expect(i18next.t('outbox.nav')).toBe('短信发件箱');
    expect(i18next.t('org.menu')).toBe('组织体系');
  });

  it('leaves out of the console’s chunk exactly the modules whose pages are all phone pages', () => {
    const modules = Object.keys(zhCNOfModules).map(folderOf);
    const phoneOnly = modules.filter((m) => withPhonePages.has(m) && !withConsolePages.has(m));
    expect(phoneOnly).toEqual(['join', 'myevents']);
    expect([...consoleStringModules].sort()).toEqual(modules.filter((m) => !phoneOnly.includes(m)).sort());
  });

  it('has the same keys in English as in Chinese', () => {
    // The console's and the phone pages' zh-CN strings together.
    expect(keysOf(stringsEn)).toEqual(keysOf(mergeMessages(appZhCN, zhCNOfModules)));
  });

  it('refuses two modules claiming the same top-level key', () => {
    expect(() => mergeMessages({ app: { name: 'x' } }, { '../modules/a/i18n.zh-CN.ts': { messages: { app: { other: 'y' } } } })).toThrow(
      /"app" of \.\.\/modules\/a\/i18n\.zh-CN\.ts/,
    );
  });
});
