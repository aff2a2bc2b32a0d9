import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, normaliseUscc, USCC_CHARSET, usccCheckChar } from './uscc.js';

describe('unified social credit code (GB 32100)', () => {
  it('accepts published codes', () => {
    // Codes printed on public business licences.
    for (const code of ['91110000802100433B', '91350100M000100Y43', '91440300708461136T', '914403001922038216', '91110108551385082Q']) {
      expect(checkUscc(code)).toBeNull();
    }
  });
  it('reports a wrong check character with the expected one', () => {
    expect(checkUscc('91110000802100433C')).toEqual({ kind: 'check', expected: 'B' });
  });
  it('reports a forbidden letter with its position', () => {
    expect(checkUscc('9111000080210043IB')).toEqual({ kind: 'char', position: 17, char: 'I' });
  });
  it('reports the length', () => {
    expect(checkUscc('9111000080210043')).toEqual({ kind: 'length', length: 16 });
  });
  it('normalises full-width characters, spaces and lower case', () => {
    expect(normaliseUscc(' ９１１１0000 802100433b ')).toBe('91110000802100433B');
  });
  it('accepts every code whose last character is computed, and rejects every other last character', () => {
    const charOf = fc.integer({ min: 0, max: 30 }).map((i) => USCC_CHARSET.charAt(i));
    fc.assert(
      fc.property(fc.array(charOf, { minLength: 17, maxLength: 17 }), charOf, (chars, last) => {
        const body = chars.join('');
        const valid = body + usccCheckChar(body);
        expect(checkUscc(valid)).toBeNull();
        if (last !== usccCheckChar(body)) expect(checkUscc(body + last)?.kind).toBe('check');
      }),
    );
  });
});
