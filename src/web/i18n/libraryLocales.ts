/**
 * The libraries' own strings (Ant Design, Pro components, dates) in the console's language.
 *
 * The locales come from antd's ES build on purpose: `antd/locale/zh_CN` is a CommonJS shim
 * (`module.exports = require('../lib/locale/zh_CN')`), and the bundler's interop hands ConfigProvider the module
 * object instead of the locale in it, so antd silently fell back to English ("No data", "Cancel", "OK") in the zh-CN
 * console. Pro components take their strings from the same ConfigProvider locale.
 */
import type { Locale as AntdLocale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '../../common/i18n.js';

export const antdLocales: Record<Locale, AntdLocale> = { 'zh-CN': zhCN, en: enUS };

const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** Month and weekday names in date pickers follow the console's language. */
export function applyDateLocale(locale: Locale): void {
  dayjs.locale(dayjsLocales[locale]);
}
