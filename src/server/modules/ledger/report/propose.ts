import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import {
  REPORT_STREAM_MAX_BYTES,
  type Proposal,
  type ProposedOrganiser,
  type ReportFigure,
  type ReportTreeNode,
} from '../../../../common/ledger.report.js';
import '../../../../common/ledger.report.errors.js';
import { AppError } from '../../../../common/errors.js';
import { findDate, findRelativeDate } from './dates.js';
import { beijingDistricts, districtNamed } from './districts.js';
import { readPage } from './input.js';
import { bodyText, splitItems, type NewsItem } from './items.js';
import { kindOf } from './kinds.js';
import { findFigures } from './numbers.js';
import { findMentions, resolveMention } from './organisers.js';
import { pageBlocks, sentences, slice, sourceRange, type Block, type Mapped } from './text.js';

const BYLINE = /^本报讯\s*[（(][^)）]{0,40}[)）]\s*/;
const INLINE_CREDIT = /(?:本报记者|通讯员)[^。，,]{0,40}摄影报道$/;

function pickHeadline(heads: Block[], tree: readonly ReportTreeNode[]): Block | null {
  if (heads.length <= 1) return heads[0] ?? null;
  const marked = heads.find((h) => h.level === 3);
  if (marked) return marked;
  const named = heads.find((h) => findMentions(h.text, tree).some((m) => resolveMention(m.printed, tree, null)?.status === 'existing'));
  return named ?? heads[0] ?? null;
}

function organisersOf(texts: Mapped[], tree: readonly ReportTreeNode[], district: string | null): ProposedOrganiser[] {
  const out: ProposedOrganiser[] = [];
  const seen = new Set<string>();
  for (const m of texts) {
    for (const mention of findMentions(m.text, tree)) {
      const match = resolveMention(mention.printed, tree, district);
      if (!match) continue;
      const key = match.status === 'existing' ? match.nodeId : match.name;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        role: out.length === 0 ? 'organiser' : 'co_organiser',
        printed: { text: mention.printed, ...sourceRange(m, mention.from, mention.to) },
        match,
      });
    }
  }
  return out;
}

function proposalOf(item: NewsItem, index: number, tree: readonly ReportTreeNode[], source: string): Proposal {
  const headBlock = pickHeadline(item.heads, tree);
  const kicker = item.heads.filter((h) => h !== headBlock).map((h) => h.text);
  const first = item.body[0];
  const firstText: Mapped = first ?? { text: '', map: [] };
  const byline = BYLINE.exec(firstText.text);
  const lead = byline ? slice(firstText, byline[0].length) : firstText;
  const leadSentences = sentences(lead.text).slice(0, 2);
  const leadPart = slice(lead, 0, leadSentences[leadSentences.length - 1]?.to ?? lead.text.length);
  const headline = headBlock?.text ?? null;
  const printedDistrict = districtNamed(headline ?? '') ?? districtNamed(leadPart.text);
  const organisers = organisersOf(headBlock ? [headBlock, leadPart] : [leadPart], tree, printedDistrict?.code ?? null);
  const organiserNode = organisers
    .map((o) => (o.match.status === 'existing' ? tree.find((n) => n.id === (o.match as { nodeId: string }).nodeId) : undefined))
    .find((n) => n?.district);
  const district = printedDistrict ?? beijingDistricts.find((d) => d.code === organiserNode?.district) ?? null;
  const { kind, because } = kindOf(headline ?? '', leadPart.text);
  const body = bodyText(item);
  const figures = new Map<string, ReportFigure>();
  for (const m of [body, ...item.heads]) for (const f of findFigures(m)) figures.set(`${f.value}|${f.unit ?? ''}`, figures.get(`${f.value}|${f.unit ?? ''}`) ?? f);
  const credit = item.credit?.text ?? INLINE_CREDIT.exec(body.text)?.[0] ?? null;
  return {
    index,
    headline,
    kicker: kicker.length > 0 ? kicker.join(' / ') : null,
    byline: byline ? printed(source, firstText, byline[0].trimEnd().length) : credit,
    isPhoto: item.isPhoto,
    span: { start: item.start, end: item.end },
    organisers,
    district,
    kind,
    kindBecause: because,
    date: findDate(lead),
    relativeDate: findRelativeDate(leadPart.text),
    figures: [...figures.values()],
  };
}

/** The source text of the first `length` characters of a mapped text: a byline as printed (记者 任洁 通讯员 马特). */
function printed(source: string, m: Mapped, length: number): string {
  const { start, end } = sourceRange(m, 0, length);
  return source.slice(start, end);
}

/**
 * Proposes one ledger entry per news item of a page (text or bytes: UTF-8 or GBK). Pure: reads nothing, writes
 * nothing; every value carries its snippet's offsets into the page so the cadre sees where it came from.
 */
export function proposeEntries(input: string | Uint8Array, tree: readonly ReportTreeNode[]): Proposal[] {
  const { text } = readPage(input);
  return splitItems(pageBlocks(text)).map((item, i) => proposalOf(item, i, tree, text));
}

function shift(p: Proposal, by: number, index: number): Proposal {
  if (by === 0) return { ...p, index };
  const s = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + by, end: x.end + by });
  return {
    ...p,
    index,
    span: s(p.span),
    organisers: p.organisers.map((o) => ({ ...o, printed: s(o.printed) })),
    date: p.date ? { ...p.date, snippet: s(p.date.snippet) } : null,
    figures: p.figures.map((f) => ({ ...f, snippet: s(f.snippet) })),
  };
}

/** How much text is held before a cut is looked for: a few pages. */
const STREAM_WINDOW_CHARS = 64 * 1024;

/**
 * Where the buffered text can be cut without splitting an item: after a page break, else before the headline of
 * the last 本报讯 item, else (a page with no 本报讯 at all) at the last blank line. -1 when it is too early to cut.
 */
function cutPoint(buffer: string, final: boolean): { at: number; pageBreak: boolean } {
  const page = buffer.lastIndexOf('\f');
  if (page >= 0) return { at: page + 1, pageBreak: true };
  if (final || buffer.length < STREAM_WINDOW_CHARS) return { at: -1, pageBreak: false };
  let at = buffer.lastIndexOf('\n本报讯');
  if (at > 0) {
    for (let steps = 0; steps < 3; steps++) {
      const blank = buffer.lastIndexOf('\n\n', at - 1);
      if (blank < 0) break;
      const block = buffer.slice(blank, at).trim();
      if (block.length === 0 || block.length > 45 || /[,，。]/.test(block)) break;
      at = blank;
    }
    return { at: at + 1, pageBreak: false };
  }
  at = buffer.lastIndexOf('\n\n');
  return { at: at > 0 ? at + 1 : buffer.length, pageBreak: false };
}

export type StreamOptions = { maxBytes?: number; declaredBytes?: number };

/**
 * Proposes item by item from a stream of pages (pages may be separated by form feeds), holding only a window of
 * text: memory stays small whatever the upload's size. UTF-8 or GBK (told from the first bytes); refused past
 * `REPORT_STREAM_MAX_BYTES` (at once when the size is declared), when binary, or when empty.
 */
export async function* proposeStream(
  readable: Readable | AsyncIterable<Uint8Array | string>,
  tree: readonly ReportTreeNode[],
  options: StreamOptions = {},
): AsyncGenerator<Proposal> {
  const maxBytes = options.maxBytes ?? REPORT_STREAM_MAX_BYTES;
  const tooLarge = () => new AppError('LEDGER_REPORT_UPLOAD_TOO_LARGE', { maxMb: Math.round((maxBytes / 1048576) * 10) / 10 });
  if (options.declaredBytes !== undefined && options.declaredBytes > maxBytes) throw tooLarge();
  let decode: ((chunk: Buffer, end: boolean) => string) | null = null;
  let bytes = 0;
  let buffer = '';
  let consumed = 0;
  let index = 0;
  let startsPage = true;
  let sawText = false;
  const flush = function* (final: boolean): Generator<Proposal> {
    for (;;) {
      const { at, pageBreak } = final && buffer.length > 0 && !buffer.includes('\f') ? { at: buffer.length, pageBreak: false } : cutPoint(buffer, final);
      if (at <= 0) return;
      const part = buffer.slice(0, at);
      if (part.trim() !== '') {
        sawText = true;
        for (const item of splitItems(pageBlocks(part, startsPage))) {
          yield shift(proposalOf(item, index, tree, part), consumed, index);
          index++;
        }
      }
      buffer = buffer.slice(at);
      consumed += at;
      startsPage = pageBreak;
      if (buffer.length === 0) return;
    }
  };
  for await (const raw of readable) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    bytes += chunk.byteLength;
    if (bytes > maxBytes) throw tooLarge();
    if (chunk.includes(0)) throw new AppError('LEDGER_REPORT_BINARY');
    if (!decode) decode = chooseDecoder(chunk);
    const text = decode(chunk, false);
    if (/[\u0000-\u0008\u000B\u000E-\u001F]/.test(text)) throw new AppError('LEDGER_REPORT_BINARY');
    buffer += text;
    yield* flush(false);
  }
  if (decode) buffer += decode(Buffer.alloc(0), true);
  yield* flush(true);
  if (!sawText) throw new AppError('LEDGER_REPORT_EMPTY');
}

/** UTF-8 unless the first bytes are not UTF-8 but read as Chinese in GB 18030; neither: binary. */
function chooseDecoder(first: Buffer): (chunk: Buffer, end: boolean) => string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    utf8.decode(first.subarray(0, Math.max(0, first.byteLength - 3)), { stream: true });
    const decoder = new TextDecoder('utf-8', { fatal: true });
    return (chunk, end) => {
      try {
        return decoder.decode(chunk, { stream: !end });
      } catch {
        throw new AppError('LEDGER_REPORT_BINARY');
      }
    };
  } catch {
    const sample = iconv.decode(first, 'gb18030');
    if (sample.includes('\uFFFD') || !/[\u4e00-\u9fff]/.test(sample)) throw new AppError('LEDGER_REPORT_BINARY');
    const decoder = iconv.getDecoder('gb18030');
    return (chunk, end) => decoder.write(chunk) + (end ? (decoder.end() ?? '') : '');
  }
}
