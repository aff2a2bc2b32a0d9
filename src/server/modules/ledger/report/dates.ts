import type { PrintedDay, ReportDate } from '../../../../common/ledger.report.js';
import { chineseNumeral } from './numbers.js';
import { sourceRange, type Mapped } from './text.js';

const NUM = '(\\d{1,4}|[〇零一二两三四五六七八九十]{1,4})';
/** 2023年6月18日至19日, 6月18日至6月19日, 6月20日, 4月底 (a month only); 至 / 到 / - / — make a range. */
const DATE = new RegExp(
  `(?:(\\d{4})年)?${NUM}月(?:${NUM}[日号])?(?:\\s*(?:至|到|-|—|－|~)\\s*(?:${NUM}月)?${NUM}[日号])?`,
  'g',
);
const RELATIVE = /近日|日前|连日来|前不久|当天|昨天|今天|近期/;

function num(text: string | undefined): number | null {
  if (text === undefined) return null;
  return /^\d+$/.test(text) ? Number(text) : chineseNumeral(text);
}

function day(year: number | null, month: number | null, d: number | null): PrintedDay | null {
  if (month === null || month < 1 || month > 12) return null;
  if (d !== null && (d < 1 || d > 31)) return null;
  return { year, month, day: d };
}

/**
 * The first date printed in a text (the item's lead), as printed: a range when it is one, the year only when
 * printed (no year is invented); a month alone (4月底, 2021年4月成立以来) is background, not the day of the work.
 */
export function findDate(m: Mapped): ReportDate | null {
  DATE.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = DATE.exec(m.text)) !== null) {
    const [whole, y, mo, d, toMonth, toDay] = r;
    const before = m.text.slice(Math.max(0, r.index - 1), r.index);
    if (/\d/.test(before)) continue;
    const year = y === undefined ? null : Number(y);
    const from = day(year, num(mo), num(d));
    if (!from || from.day === null) continue;
    let to: PrintedDay | null = null;
    if (toDay !== undefined) to = day(year, num(toMonth) ?? from.month, num(toDay));
    return { from, to, snippet: { text: whole, ...sourceRange(m, r.index, r.index + whole.length) } };
  }
  return null;
}

/** 近日 / 连日来 / 日前 …: said instead of a date. */
export function findRelativeDate(text: string): string | null {
  return RELATIVE.exec(text)?.[0] ?? null;
}
