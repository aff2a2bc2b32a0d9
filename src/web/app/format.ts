import { currentLocale } from '../i18n/index.js';

/** A 0..1 fraction as a percentage with one decimal (入会率 96.3%); "—" when there is nothing to divide. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

/** A 0–100 score with one decimal (数据质量 92.4); "—" when there is nothing to assess. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return '—';
  return score.toFixed(1);
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat(currentLocale()).format(value);
}

/** An instant as Beijing's clock reads it, whatever the browser's zone: the unions' days and hours are Beijing's. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(currentLocale(), { hour12: false, timeZone: 'Asia/Shanghai' });
}

/** A tracking code in groups of four (ABCD EFGH JKMN): easier to copy by hand and to read aloud. */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}
