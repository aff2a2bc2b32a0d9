// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { i18next, mergeMessages, stringsZhCN } from './index.js';
import { stringsEn } from './strings.en.js';

type Tree = { readonly [key: string]: string | Tree };

/** Every key path of a string tree, sorted. */
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree)
    .flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`)))
    .sort();
}

describe('the console’s strings', () => {
  it('gathers every module’s strings, zh-CN the default', () => {
    expect(i18next.language).toBe('zh-CN');
    // One shared string and one of a module found by file name, not listed anywhere.
    expect(i18next.t('app.name')).toBe('工会工作平台');
    expect(i18next.t('outbox.nav')).toBe('短信发件箱');
    expect(i18next.t('org.menu')).toBe('组织体系');
  });

  it('has the same keys in English as in Chinese', () => {
    expect(keysOf(stringsEn)).toEqual(keysOf(stringsZhCN));
  });

  it('refuses two modules claiming the same top-level key', () => {
    expect(() => mergeMessages({ app: { name: 'x' } }, { '../modules/a/i18n.zh-CN.ts': { messages: { app: { other: 'y' } } } })).toThrow(
      /"app" of \.\.\/modules\/a\/i18n\.zh-CN\.ts/,
    );
  });
});
