/**
 * Certificates (荣誉证书) as one PDF, one A4 landscape page per award: a library, no routes. Contests call it for their
 * awards; honours and training can call it for theirs. The text is Chinese, so the PDF embeds a subset of a CJK font
 * found on the machine (Debian's fonts-noto-cjk by default) or named by GONGHUI_CERTIFICATE_FONT; without one the
 * caller gets CERTIFICATE_FONT_MISSING, never a page of empty boxes.
 */
import fs from 'node:fs';
import { AppError } from '../../../common/errors.js';
import '../../../common/certificates.errors.js';
import type { Locale } from '../../../common/i18n.js';
import { loadPdfKit } from '../../http/file-libraries.js';

/** One award's certificate. */
export type Certificate = {
  /** Who receives it: a unit (优秀组织奖), or an entry and its unit ("《我们的城》 · 东城区总工会"). */
  recipient: string;
  /** What it was given in: the contest's or event's name. */
  occasion: string;
  /** The award itself: 最佳表演奖, 一等奖 … */
  award: string;
  /** Who gives it: the organising union's name, printed above the date. */
  issuer: string;
  /** The day it is dated, YYYY-MM-DD (the results' final day). */
  date: string;
  /** Its number, printed with the check code so a copy can be verified against the results. */
  serial: string;
  /** A short code derived from the frozen results (their hash), printed on the certificate. */
  checkCode: string;
};

/** A CJK font on disk; `name` picks the face inside a collection (.ttc). */
export type CertificateFont = { path: string; name?: string };

/** Where Debian's font packages put faces that hold Chinese; the first found serves. */
export const FONT_CANDIDATES: readonly CertificateFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', name: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', name: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' },
];

/**
 * The font certificates are set in: `configured` (a path, optionally `path#FaceName` for a collection) when given,
 * else the first candidate present. Throws CERTIFICATE_FONT_MISSING when none is readable.
 */
export function findCertificateFont(
  configured: string | undefined,
  candidates: readonly CertificateFont[] = FONT_CANDIDATES,
): CertificateFont {
  if (configured) {
    const [file, name] = configured.split('#') as [string, string | undefined];
    if (!fs.existsSync(file)) throw new AppError('CERTIFICATE_FONT_MISSING', { path: file });
    return name ? { path: file, name } : { path: file };
  }
  const found = candidates.find((c) => fs.existsSync(c.path));
  if (!found) throw new AppError('CERTIFICATE_FONT_MISSING', { path: candidates.map((c) => c.path).join(', ') });
  return found;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–31 as a date prints it: 一, 十, 十二, 二十, 二十一, 三十一. */
function chineseDayNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : DIGITS[ones]);
}

/** 2026-12-02 → 二〇二六年十二月二日, the way a certificate is dated. */
export function chineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const year = [...y].map((c) => DIGITS[Number(c)]).join('');
  return `${year}年${chineseDayNumber(Number(m))}月${chineseDayNumber(Number(d))}日`;
}

const TEXT = {
  'zh-CN': {
    title: '荣 誉 证 书',
    body: (c: Certificate) => `在“${c.occasion}”中荣获`,
    closing: '特发此证，以资鼓励。',
    date: (c: Certificate) => chineseDate(c.date),
    footer: (c: Certificate) => `证书编号：${c.serial}\u3000\u3000核验码：${c.checkCode}`,
    recipient: (c: Certificate) => `${c.recipient}：`,
  },
  en: {
    title: 'Certificate of Honour',
    body: (c: Certificate) => `is awarded, in "${c.occasion}",`,
    closing: 'In recognition of this achievement.',
    date: (c: Certificate) => c.date,
    footer: (c: Certificate) => `Certificate no. ${c.serial}    Check code ${c.checkCode}`,
    recipient: (c: Certificate) => c.recipient,
  },
} as const;

export type RenderOptions = {
  font: CertificateFont;
  language?: Locale;
  /** Streams uncompressed (tests read the embedded text map); compressed by default. */
  compress?: boolean;
};

/** The certificates as one PDF document, a page each, in the order given. */
export async function renderCertificates(certificates: readonly Certificate[], options: RenderOptions): Promise<Buffer> {
  if (certificates.length === 0) throw new AppError('CERTIFICATE_NONE');
  const text = TEXT[options.language ?? 'zh-CN'];
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    compress: options.compress ?? true,
    info: { Title: text.title.replace(/ /g, ''), Producer: 'gonghui', Creator: 'gonghui' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', options.font.path, options.font.name);
  for (const c of certificates) {
    doc.addPage();
    const { width, height } = doc.page;
    const inner = width - 240;
    doc
      .lineWidth(6)
      .strokeColor('#b8860b')
      .rect(28, 28, width - 56, height - 56)
      .stroke();
    doc
      .lineWidth(1.5)
      .rect(42, 42, width - 84, height - 84)
      .stroke();
    doc.font('cjk').fillColor('#b22222').fontSize(44).text(text.title, 0, 92, { width, align: 'center' });
    doc.fillColor('#000000').fontSize(22).text(text.recipient(c), 120, 200, { width: inner });
    doc.fontSize(20).text(text.body(c), 160, 250, { width: inner - 40 });
    doc.fillColor('#b22222').fontSize(34).text(c.award, 0, 300, { width, align: 'center' });
    doc
      .fillColor('#000000')
      .fontSize(20)
      .text(text.closing, 160, 370, { width: inner - 40 });
    doc.fontSize(20).text(c.issuer, width / 2, 430, { width: width / 2 - 120, align: 'right' });
    doc.fontSize(18).text(text.date(c), width / 2, 462, { width: width / 2 - 120, align: 'right' });
    doc
      .fillColor('#555555')
      .fontSize(10)
      .text(text.footer(c), 0, height - 76, { width, align: 'center' });
  }
  doc.end();
  return done;
}
