/**
 * dayjs and antd's date pickers in the console's language: dayjs's own names (`format('dddd')`) follow it, and the
 * zh-cn data is registered that antd's pickers read for a week starting on Monday.
 *
 * Only pages with a date picker or date arithmetic load dayjs (≈ 3.5 KB gzip): the phone pages, the sign-in and the
 * 工作台 do not. So every use goes through this file, which sets dayjs's locale when it loads and follows each change
 * of language; eslint refuses `dayjs` and antd's `DatePicker` imported anywhere else.
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '../../common/i18n.js';
import { currentLocale, i18next } from '../i18n/index.js';

const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** Month and weekday names in date pickers follow the console's language. */
export function applyDateLocale(locale: Locale): void {
  dayjs.locale(dayjsLocales[locale]);
}

applyDateLocale(currentLocale());
i18next.on('languageChanged', () => applyDateLocale(currentLocale()));

export { DatePicker, dayjs };
export type { Dayjs } from 'dayjs';
