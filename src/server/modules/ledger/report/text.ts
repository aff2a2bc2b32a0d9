/**
 * The page as blocks of text with the source offset of every character kept, so that whatever is found in the
 * normalised text can be pointed at in the page as printed. OCR noise is undone here: broken lines joined, stray
 * spaces between Chinese characters dropped, 入会 read as 人会 put back.
 */

/** Normalised text and, for each of its characters, the offset of that character in the source page. */
export type Mapped = { text: string; map: number[] };

export type BlockRole = 'label' | 'headline' | 'body' | 'credit';

export type Block = Mapped & {
  role: BlockRole;
  /** Markdown heading level when the page marks one (# banner, ## column, ### headline), else 0. */
  level: number;
  /** Offset in the source of the block's first and one past its last character. */
  start: number;
  end: number;
};

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》（）、]/;
const TERMINAL = /[。！？!?][”’"」』）)]?$/;
const CREDIT = /^(?:本报记者|记者|通讯员)[^。，,]{0,40}摄影报道$/;
/** Where OCR read 入 as 人: only before the words that follow 入会 / 加入 in union reports. */
const RUHUI = /人(?=会(?:申请|条件|程序|率|职工|手续|仪式|流程|意愿))|(?<=加)人(?=工会)/g;

/** A sub-range of a mapped text, with its map. */
export function slice(m: Mapped, from: number, to = m.text.length): Mapped {
  return { text: m.text.slice(from, to), map: m.map.slice(from, to) };
}

/** Source offsets [start, end) of a range of a mapped text. */
export function sourceRange(m: Mapped, from: number, to: number): { start: number; end: number } {
  const start = m.map[from] ?? m.map[m.map.length - 1] ?? 0;
  const last = m.map[Math.max(from, to - 1)] ?? start;
  return { start, end: last + 1 };
}

function concat(a: Mapped, b: Mapped): Mapped {
  return { text: a.text + b.text, map: a.map.concat(b.map) };
}

type RawBlock = { lines: { text: string; start: number }[]; start: number; end: number };

/** Blocks of non-blank lines; a form feed also ends a block. */
function rawBlocks(source: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let current: RawBlock | null = null;
  const lineRe = /[^\n\f]*(?:\r?\n|\f|$)/g;
  let match: RegExpExecArray | null;
  while ((match = lineRe.exec(source)) !== null && match[0] !== '') {
    const full = match[0];
    const text = full.replace(/\r?\n$|\f$/, '').replace(/\r$/, '');
    const start = match.index;
    if (text.trim() === '') {
      current = null;
    } else {
      if (!current) {
        current = { lines: [], start, end: start };
        blocks.push(current);
      }
      current.lines.push({ text, start });
      current.end = start + text.length;
    }
    if (full.endsWith('\f')) current = null;
  }
  return blocks;
}

/** Collapses a line: trims it, drops spaces between Chinese characters (kept in headlines: 学思想 强党性). */
function normaliseLine(text: string, start: number, keepSpaces: boolean): Mapped {
  const chars: string[] = [];
  const map: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0') {
      if (chars.length === 0) continue;
      let j = i;
      while (j < n && /[ \t\u3000\u00a0]/.test(text[j] as string)) j++;
      if (j >= n) break;
      const prev = chars[chars.length - 1] as string;
      const next = text[j] as string;
      const betweenCjk = CJK.test(prev) || CJK.test(next);
      if (!betweenCjk || keepSpaces) {
        chars.push(' ');
        map.push(start + i);
      }
      i = j - 1;
      continue;
    }
    chars.push(ch);
    map.push(start + i);
  }
  return { text: chars.join(''), map };
}

/** A headline: short, and no sentence punctuation outside quotes (“探秘中轴线,向劳模致敬” is a title). */
function isShort(text: string): boolean {
  const unquoted = text.replace(/“[^”]*”|"[^"]*"|《[^》]*》/g, '');
  return text.length <= 45 && !/[,，。！？；;]/.test(unquoted);
}

function classify(raw: RawBlock, isFirst: boolean): { role: BlockRole; level: number; body: Mapped } {
  const first = raw.lines[0] as { text: string; start: number };
  const heading = /^\s*(#{1,6})\s*/.exec(first.text);
  const level = heading ? (heading[1] as string).length : 0;
  const lines = raw.lines.map((l, i) =>
    i === 0 && heading ? { text: l.text.slice(heading[0].length), start: l.start + heading[0].length } : l,
  );
  const plain = lines.map((l) => l.text.trim()).join('');
  const short = isShort(plain);
  const keepSpaces = short;
  let body: Mapped = { text: '', map: [] };
  for (const line of lines) body = concat(body, normaliseLine(line.text, line.start, keepSpaces));
  const text = body.text;
  if (level === 1 || level === 2) return { role: 'label', level, body };
  if (/^[①-⑳]/.test(text)) return { role: 'label', level, body };
  if (CREDIT.test(text.replace(/\s+/g, ''))) return { role: 'credit', level, body };
  if (short && level !== 3) {
    if (isFirst) return { role: 'label', level, body };
    if (lines.length > 1 && lines.every((l) => l.text.trim().length <= 20)) return { role: 'label', level, body };
  }
  return { role: short ? 'headline' : 'body', level, body };
}

function fixOcr(m: Mapped): Mapped {
  return { text: m.text.replace(RUHUI, '入'), map: m.map };
}

/**
 * The page's blocks, classified, with broken lines joined: a body block that stops mid-sentence goes on in the
 * next body block (the OCR splits a paragraph where the column breaks).
 */
export function pageBlocks(source: string, startsPage = true): Block[] {
  const out: Block[] = [];
  let banner: string | null = null;
  rawBlocks(source).forEach((raw, i) => {
    const { role, level, body } = classify(raw, i === 0 && startsPage);
    if (body.text === '') return;
    const text = fixOcr(body);
    if (i === 0 && startsPage && role === 'label') banner = text.text;
    const block: Block = { ...text, role: banner === text.text ? 'label' : role, level, start: raw.start, end: raw.end };
    const prev = out[out.length - 1];
    const joins =
      prev !== undefined &&
      prev.role === 'body' &&
      block.role === 'body' &&
      !TERMINAL.test(prev.text) &&
      !/摄影报道$/.test(prev.text) &&
      !/^本报讯/.test(block.text);
    if (joins && prev) {
      const joined = concat(prev, block);
      out[out.length - 1] = { ...prev, ...joined, end: block.end };
    } else {
      out.push(block);
    }
  });
  return out;
}

/** Sentences of a text, each with its range; a sentence ends at 。！？ (and a closing quote after it). */
export function sentences(text: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  const re = /[^。！？!?]+(?:[。！？!?]+[”’"」』]?|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m[0] !== '') out.push({ from: m.index, to: m.index + m[0].length });
  return out;
}
