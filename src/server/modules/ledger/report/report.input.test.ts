import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/errors.js';
import { REPORT_PAGE_MAX_BYTES } from '../../../../common/ledger.report.js';
import { demoReportTree } from './demo-tree.fixture.js';
import { proposeEntries } from './propose.js';
import { seedPages } from './seeds.fixture.js';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

const page = seedPages()['003_d64f82ff6841a4f4.txt'] as string;

describe('what proposeEntries refuses', () => {
  it('refuses an empty page and a page of blanks, saying so in Chinese and English', () => {
    for (const input of ['', '  \n\n\t  ', new Uint8Array()]) {
      const error = refusal(() => proposeEntries(input, demoReportTree));
      expect(error.code).toBe('LEDGER_REPORT_EMPTY');
      expect(error.toBody('zh-CN').message).toContain('报道内容为空');
      expect(error.toBody('en').message).toContain('empty');
    }
  });

  it('refuses a binary file: NUL bytes, a PNG header, random bytes', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    for (const input of [png, noise, 'abc\u0000def']) {
      const error = refusal(() => proposeEntries(input, demoReportTree));
      expect(error.code).toBe('LEDGER_REPORT_BINARY');
      expect(error.status).toBe(415);
      expect(error.toBody('zh-CN').message).toContain('不是文本文件');
    }
  });

  it('reads a GBK-encoded page as the same page', () => {
    const fromGbk = proposeEntries(iconv.encode(page, 'gbk'), demoReportTree);
    const fromUtf8 = proposeEntries(Buffer.from(page, 'utf8'), demoReportTree);
    expect(fromGbk.map((p) => p.headline)).toEqual(fromUtf8.map((p) => p.headline));
    expect(fromGbk).toHaveLength(7);
  });

  it('refuses a page over the named limit, and a 50 MB text, with both sizes in the message', () => {
    const big = 'x'.repeat(REPORT_PAGE_MAX_BYTES + 1);
    expect(refusal(() => proposeEntries(big, demoReportTree)).code).toBe('LEDGER_REPORT_PAGE_TOO_LARGE');
    const fifty = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    const error = refusal(() => proposeEntries(fifty, demoReportTree));
    expect(error.code).toBe('LEDGER_REPORT_PAGE_TOO_LARGE');
    expect(error.status).toBe(413);
    expect(error.toBody('zh-CN').message).toContain('最多 2 MB（收到 50 MB）');
    expect(error.toBody('en').message).toContain('at most 2 MB (got 50 MB)');
  });

  it('accepts a page exactly at the limit', () => {
    const filler = '\n\n' + '职工。'.repeat(1000) + '\n';
    let text = page;
    while (Buffer.byteLength(text + filler) <= REPORT_PAGE_MAX_BYTES) text += filler;
    expect(proposeEntries(text, demoReportTree).length).toBeGreaterThanOrEqual(7);
  });
});
