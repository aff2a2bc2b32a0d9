import type { ReportFigure } from '../../../../common/ledger.report.js';
import { sourceRange, type Mapped } from './text.js';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** The value of a Chinese numeral (十七 → 17, 两千三百 → 2300, 一万二千 → 12000, 百 → 100), or null. */
export function chineseNumeral(text: string): number | null {
  if (text === '') return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch] as number;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * (SMALL_UNITS[ch] as number);
      digit = null;
    } else if (ch in BIG_UNITS) {
      total = (total + section + (digit ?? 0)) * (BIG_UNITS[ch] as number);
      if (total === 0) total = BIG_UNITS[ch] as number;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Measure words and units a counted figure may carry, longest first so 班次 wins over 次. */
const UNITS = [
  '班次', '场次', '人次', '万元', '公斤', '平方米', '余人',
  '人', '名', '位', '家', '个', '支', '场', '册', '份', '斤', '吨', '次', '项', '所', '户', '辆', '件', '元',
  '台', '篇', '首', '批', '组', '条', '间', '套', '本', '张', '队', '处', '座', '节', '块', '棵', '盒', '箱', '%', '％',
];
const UNIT_RE = UNITS.map((u) => u.replace('%', '%')).join('|');
const CN = '[零〇一二两三四五六七八九十百千万亿]+';
/**
 * A figure: an optional 近/约/超过/逾 before, arabic or Chinese numerals, an optional 万/千/亿 multiplier, 余/多
 * before or after the unit, 左右/以上 after.
 */
const FIGURE = new RegExp(
  `(近|约|超过|逾|大约)?(?:(\\d+(?:\\.\\d+)?)([万千亿]?)|(${CN}))(余|多)?(${UNIT_RE})?(余|多|左右|以上)?`,
  'g',
);
/** Words after a number that make it a date, a time, an ordinal thing or a name, never a count. */
const NOT_A_COUNT = /^(?:年|月|日|号|周年|届|标|时|点|分|秒|天|小时|岁|周|大|种|级|线|倍|成|代|中|期间)/;
/** Nouns after a figure without a measure word that make it a count of people (3万职工). */
const PEOPLE = /^(?:名|位)?(职工|会员|人员|劳动者|工人|农民工|员工|群众|人)/;

/** Ranges inside “…” and 《…》: numbers there are names (“五个好”, 《2023年第二次…》), not figures. */
function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /“[^”]*”|《[^》]*》|"[^"\n]*"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** The few words after (or before) a figure that say what it counts. */
function countedThing(text: string, from: number, to: number): string | null {
  const after = /^[\u4e00-\u9fa5]{1,8}/.exec(text.slice(to, to + 8));
  const stop = /^(?:参加|参与|报名|进入|获得|走进|现场|累计|的|以上|左右|次|之|和|及|与|在|为|被|都|均|共|已|将|从)/;
  if (after && !stop.test(after[0])) {
    const word = after[0].replace(/(参加|参与|报名|进入|获得|现场|走进|的|和|及|与|在|为|共|已|将|均|都|受|送|提交).*$/, '');
    if (word.length >= 1) return word.slice(0, 6);
  }
  const before = /([\u4e00-\u9fa5]{1,8})$/.exec(text.slice(Math.max(0, from - 8), from));
  if (before) {
    const word = (before[1] as string)
      .replace(/(?:达到|达|共|计|约|有|为|举办|安排)$/, '')
      .replace(/^.*(?:的|有|共|达|覆盖|为|计|约|已|了|各|其中)/, '');
    if (word.length >= 2) return word;
  }
  return null;
}

/**
 * Every counted figure of a text: value, unit, what it counts, whether approximate, and where it is printed.
 * Dates, years, ordinals (第十七届), anniversaries, durations and numbers inside quoted names are left out; a
 * bare Chinese 一 (一名工会干部) is an article, not a figure.
 */
export function findFigures(m: Mapped): ReportFigure[] {
  const text = m.text;
  const quoted = quotedRanges(text);
  const out: ReportFigure[] = [];
  const seen = new Set<string>();
  FIGURE.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = FIGURE.exec(text)) !== null) {
    if (r[0] === '') {
      FIGURE.lastIndex++;
      continue;
    }
    const [whole, near, arabic, multiplier, chinese, moreBefore, unitRaw, moreAfter] = r;
    const start = r.index;
    let end = start + whole.length;
    const before = text.slice(Math.max(0, start - 1), start);
    const after = text.slice(end, end + 3);
    if (quoted.some(([a, b]) => start >= a && start < b)) continue;
    if (before === '第' || /[\dA-Za-z.]/.test(before)) continue;
    if (/[\d]/.test(after.slice(0, 1))) continue;
    let unit = unitRaw ?? null;
    let value: number;
    if (arabic !== undefined) {
      value = Number(arabic) * (multiplier === '万' ? 10_000 : multiplier === '千' ? 1000 : multiplier === '亿' ? 1e8 : 1);
    } else {
      const parsed = chineseNumeral(chinese ?? '');
      if (parsed === null || parsed < 2) continue;
      value = parsed;
      if (unit === null && !/[十百千万]/.test(chinese ?? '')) continue;
    }
    if (unit === null) {
      if (NOT_A_COUNT.test(after)) continue;
      const people = PEOPLE.exec(after);
      if (!people && !multiplier && !moreBefore && !near) continue;
      if (!people && arabic !== undefined && !multiplier) continue;
    } else if (NOT_A_COUNT.test(after) && unit !== '%' && unit !== '％') {
      if (/^(?:年|月|日)/.test(after)) continue;
    }
    if (unit === '名' && /[前后]$/.test(before)) continue;
    if (moreAfter === '以上') continue; // 百人以上单位: a threshold, not a count
    if (unit === '个' && /^(?:月|小时)/.test(after)) continue;
    if (unit === '余人') unit = '人';
    if (unit === '％') unit = '%';
    if (arabic !== undefined && unit === null && value >= 1900 && value <= 2100) continue;
    const approximate = Boolean(near || moreBefore || moreAfter || unitRaw === '余人');
    const key = `${value}|${unit ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      value,
      unit,
      counts: countedThing(text, start, end),
      approximate,
      snippet: { text: whole, ...sourceRange(m, start, end) },
    });
  }
  return out;
}
