import { sourceRange, type Block, type Mapped } from './text.js';

/** One news item of a page, before anything is read from it. */
export type NewsItem = {
  /** Headline candidates printed above the body (headline and kicker, in page order). */
  heads: Block[];
  body: Block[];
  /** A separate photo credit line (本报记者 … 摄影报道), when the page has one. */
  credit: Block | null;
  isPhoto: boolean;
  start: number;
  end: number;
};

const INLINE_CREDIT = /(?:本报记者|通讯员)[^。，,]{0,40}摄影报道$/;

function itemOf(heads: Block[], body: Block[]): NewsItem {
  const first = heads[0] ?? body[0];
  const last = body[body.length - 1] ?? heads[heads.length - 1];
  return { heads, body, credit: null, isPhoto: false, start: first?.start ?? 0, end: last?.end ?? 0 };
}

/**
 * Splits a page's blocks into news items. A run of headline blocks followed by body starts an item; so does a
 * body starting with 本报讯 after another item's body, and a photo caption: the paragraph before a credit line
 * (本报记者 … 摄影报道), or a paragraph ending with one. Banners and column labels belong to no item.
 */
export function splitItems(blocks: Block[]): NewsItem[] {
  const items: NewsItem[] = [];
  let heads: Block[] = [];
  let current: NewsItem | null = null;
  for (const block of blocks) {
    if (block.role === 'label') continue;
    if (block.role === 'headline') {
      heads.push(block);
      continue;
    }
    if (block.role === 'credit') {
      if (!current || current.body.length === 0) continue;
      if (current.body.length > 1 || current.heads.length === 0) {
        const caption = current.body.pop() as Block;
        current.end = current.body[current.body.length - 1]?.end ?? current.end;
        current = itemOf([], [caption]);
        items.push(current);
      }
      current.credit = block;
      current.isPhoto = true;
      current.end = block.end;
      heads = [];
      continue;
    }
    const inlineCredit = INLINE_CREDIT.test(block.text);
    const startsNew =
      heads.length > 0 || current === null || (current.body.length > 0 && (/^本报讯/.test(block.text) || inlineCredit));
    if (startsNew) {
      current = itemOf(heads, [block]);
      items.push(current);
      heads = [];
    } else if (current) {
      current.body.push(block);
      current.end = block.end;
    }
    if (inlineCredit && current) current.isPhoto = true;
  }
  return items;
}

/** The whole body of an item as one mapped text, paragraphs separated by a line break mapped to nothing new. */
export function bodyText(item: NewsItem): Mapped {
  const text: string[] = [];
  const map: number[] = [];
  item.body.forEach((b, i) => {
    if (i > 0) {
      text.push('\n');
      map.push(b.start);
    }
    text.push(b.text);
    for (const offset of b.map) map.push(offset);
  });
  return { text: text.join(''), map };
}

export { sourceRange };
