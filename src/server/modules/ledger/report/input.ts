import iconv from 'iconv-lite';
import { REPORT_PAGE_MAX_BYTES } from '../../../../common/ledger.report.js';
import '../../../../common/ledger.report.errors.js';
import { AppError } from '../../../../common/errors.js';

export type DecodedReport = { text: string; encoding: 'utf-8' | 'gbk' };

const MB = 1024 * 1024;
const roundMb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** Control characters other than tab, line feed, carriage return and form feed (page break). */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

/** A text with more control characters than this share is a binary file read as text. */
const MAX_CONTROL_SHARE = 0.01;

/** Refuses a text that is not a page of writing: NUL bytes or many control characters, or nothing but blanks. */
export function guardText(text: string): string {
  if (text.includes('\u0000')) throw new AppError('LEDGER_REPORT_BINARY');
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > Math.max(2, text.length * MAX_CONTROL_SHARE)) throw new AppError('LEDGER_REPORT_BINARY');
  if (text.trim() === '') throw new AppError('LEDGER_REPORT_EMPTY');
  return text.replace(/^\uFEFF/, '');
}

/** Refuses a page larger than `REPORT_PAGE_MAX_BYTES`, saying both sizes. */
export function guardPageSize(bytes: number): void {
  if (bytes > REPORT_PAGE_MAX_BYTES) {
    throw new AppError('LEDGER_REPORT_PAGE_TOO_LARGE', { maxMb: REPORT_PAGE_MAX_BYTES / MB, gotMb: roundMb(bytes) });
  }
}

/** Whether decoded text reads as Chinese writing: mostly CJK, ASCII text and punctuation, no replacement marks. */
function looksLikeChinese(text: string): boolean {
  if (text.includes('\uFFFD')) return false;
  let cjk = 0;
  let odd = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    else if (!(c < 0x80 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f))) odd++;
  }
  return cjk > 0 && odd <= cjk * 0.05;
}

/**
 * Reads an uploaded page: UTF-8 (with or without BOM), else GB 18030/GBK as older Chinese Windows tools save it,
 * else refused as binary. Size and emptiness are refused with their own messages.
 */
export function decodeReport(bytes: Uint8Array): DecodedReport {
  guardPageSize(bytes.byteLength);
  if (bytes.byteLength === 0) throw new AppError('LEDGER_REPORT_EMPTY');
  if (bytes.includes(0)) throw new AppError('LEDGER_REPORT_BINARY');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: guardText(text), encoding: 'utf-8' };
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  const gbk = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (!looksLikeChinese(gbk)) throw new AppError('LEDGER_REPORT_BINARY');
  return { text: guardText(gbk), encoding: 'gbk' };
}

/** A page given as text or bytes, checked and decoded. */
export function readPage(input: string | Uint8Array): DecodedReport {
  if (typeof input !== 'string') return decodeReport(input);
  guardPageSize(Buffer.byteLength(input, 'utf8'));
  return { text: guardText(input), encoding: 'utf-8' };
}
