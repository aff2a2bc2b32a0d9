import { z } from 'zod';
import type { Locale } from './i18n.js';

/**
 * The message of a custom check in both languages: zod's own locales only know their built-in checks, so a
 * refinement carries its text in `params` and the server's validation answer picks the caller's language.
 */
export function localizedCheck(zh: string, en: string): { params: Record<Locale, string>; message: string } {
  return { params: { 'zh-CN': zh, en }, message: en };
}

/** Dates a form or filter may carry: far wider than any membership, narrow enough for every engine and index. */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written `YYYY-MM-DD` within DATE_RANGE (no 2026-02-30, no year 0000). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match || value < DATE_RANGE.min || value > DATE_RANGE.max) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The one schema for a date in a query string or a body. */
export const CalendarDate = z
  .string()
  .refine(
    isCalendarDate,
    localizedCheck(
      `应为 ${DATE_RANGE.min} 至 ${DATE_RANGE.max} 之间的真实日期，格式 YYYY-MM-DD`,
      `must be a real date between ${DATE_RANGE.min} and ${DATE_RANGE.max}, written YYYY-MM-DD`,
    ),
  );
