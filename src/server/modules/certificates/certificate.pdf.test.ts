import { describe, expect, it } from 'vitest';
import { AppError } from '../../../common/errors.js';
import { chineseDate, findCertificateFont, renderCertificates, type Certificate } from './certificate.pdf.js';

const award = (n: number, prize: string): Certificate => ({
  recipient: `《我们的城》 · 东城区总工会${n}`,
  occasion: '首都职工诗歌朗诵大赛',
  award: prize,
  issuer: '北京市总工会',
  date: '2026-12-02',
  serial: `2026-${String(n).padStart(3, '0')}`,
  checkCode: 'A1B2C3D4',
});

/** The Unicode code points a PDF's ToUnicode maps name (pdfkit writes `<gid> <UTF-16BE>` pairs). */
function mappedCharacters(pdf: Buffer): Set<string> {
  const out = new Set<string>();
  for (const m of pdf.toString('latin1').matchAll(/<([0-9a-f]{4})>/gi)) out.add(String.fromCharCode(parseInt(m[1]!, 16)));
  return out;
}

describe('certificates as PDF', () => {
  it('dates a certificate in Chinese numerals', () => {
    expect(chineseDate('2026-12-02')).toBe('二〇二六年十二月二日');
    expect(chineseDate('2027-10-31')).toBe('二〇二七年十月三十一日');
    expect(chineseDate('2030-01-20')).toBe('二〇三〇年一月二十日');
    expect(() => chineseDate('2026-1-2')).toThrow(RangeError);
  });

  it('prints one page per award with the Chinese text embedded in a font subset', async () => {
    const font = findCertificateFont(undefined);
    const pdf = await renderCertificates([award(1, '最佳表演奖'), award(2, '优秀组织奖'), award(3, '最佳创作奖')], {
      font,
      compress: false,
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3);
    expect(pdf.toString('latin1')).toMatch(/\/FontFile[23]?\b/);
    const chars = mappedCharacters(pdf);
    for (const ch of '荣誉证书最佳表演奖优秀组织创作北京市总工会特发此以资鼓励二〇六年十月日') expect(chars.has(ch), ch).toBe(true);
  });

  it('names the missing font instead of printing empty boxes, and refuses an empty list', async () => {
    expect(() => findCertificateFont('/nonexistent/font.ttc')).toThrow(AppError);
    expect(() => findCertificateFont(undefined, [{ path: '/nonexistent/a.ttc' }])).toThrow(
      expect.objectContaining({ code: 'CERTIFICATE_FONT_MISSING', status: 503 }),
    );
    await expect(renderCertificates([], { font: findCertificateFont(undefined) })).rejects.toMatchObject({ code: 'CERTIFICATE_NONE' });
  });

  it('prints in English when asked', async () => {
    const pdf = await renderCertificates([award(1, 'Best performance')], {
      font: findCertificateFont(undefined),
      language: 'en',
      compress: false,
    });
    const chars = mappedCharacters(pdf);
    for (const ch of 'Certificate of Honour') if (ch !== ' ') expect(chars.has(ch), ch).toBe(true);
  });
});
