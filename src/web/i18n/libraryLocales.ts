/**
 * The libraries' own strings (Ant Design, Pro components) in the console's language; dates: app/dates.ts.
 *
 * The locales come from antd's ES build on purpose: `antd/locale/zh_CN` is a CommonJS shim
 * (`module.exports = require('../lib/locale/zh_CN')`), and the bundler's interop hands ConfigProvider the module
 * object instead of the locale in it, so antd silently fell back to English ("No data", "Cancel", "OK") in the zh-CN
 * console. Pro components take their strings from the same ConfigProvider locale.
 */
import type { Locale as AntdLocale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { Locale } from '../../common/i18n.js';

export const antdLocales: Record<Locale, AntdLocale> = { 'zh-CN': zhCN, en: enUS };

/**
 * Accessible names that Ant Design's rc-components hard-code in English (no locale reaches them): the dialog's close
 * button ("Close", rc-dialog), the number input's steppers ("Increase Value" / "Decrease Value", rc-input-number) and
 * the tree's keyboard input ("for screen reader", rc-tree), the table's select-all box and the date range's
 * separator ("to", antd) and the segmented control (rc-segmented). A screen reader in the zh-CN console read them in English.
 */
export const hardCodedAriaLabels: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    Close: '关闭',
    'Increase Value': '增大数值',
    'Decrease Value': '减小数值',
    'for screen reader': '用方向键浏览组织树',
    'Select all': '全选',
    'Custom selection': '自定义选择',
    'segmented control': '分段选择',
    to: '至',
  },
  en: {
    Close: 'Close',
    'Increase Value': 'Increase value',
    'Decrease Value': 'Decrease value',
    'for screen reader': 'Browse the tree with the arrow keys',
  },
};

const ORIGINAL = 'data-library-label';

/** Puts each hard-coded label under `root` in `locale`, keeping the original so a change of language can redo it. */
export function localiseAriaLabels(root: ParentNode, locale: Locale): void {
  const labels = hardCodedAriaLabels[locale];
  for (const element of root.querySelectorAll<HTMLElement>('[aria-label]')) {
    const original = element.getAttribute(ORIGINAL) ?? element.getAttribute('aria-label') ?? '';
    const label = labels[original];
    if (label === undefined) continue;
    element.setAttribute(ORIGINAL, original);
    if (element.getAttribute('aria-label') !== label) element.setAttribute('aria-label', label);
  }
}

/** Keeps the labels localised as the libraries render them; returns the stop function. */
export function watchAriaLabels(root: HTMLElement, locale: () => Locale): () => void {
  localiseAriaLabels(root, locale());
  const observer = new MutationObserver(() => localiseAriaLabels(root, locale()));
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
