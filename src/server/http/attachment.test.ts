import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './attachment.js';

describe('attachmentDisposition', () => {
  it('names the file in UTF-8 (RFC 5987) with an ASCII fallback', () => {
    expect(attachmentDisposition('东城区总工会_覆盖情况统计表_2026-11-30.xlsx', 'coverage-report.xlsx')).toBe(
      `attachment; filename="coverage-report.xlsx"; filename*=UTF-8''${encodeURIComponent('东城区总工会_覆盖情况统计表_2026-11-30.xlsx')}`,
    );
  });

  it("percent-encodes the characters RFC 5987 does not allow bare (' ( ) *) and keeps quotes out of the fallback", () => {
    expect(attachmentDisposition("a'(b)*.csv", 'a"b.csv')).toBe(`attachment; filename="a_b.csv"; filename*=UTF-8''a%27%28b%29%2A.csv`);
  });
});
