import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  idCheckChar,
  maskIdNumber,
  maskName,
  maskPersonalNumbers,
  maskPhone,
  normaliseIdNumber,
  parseIdNumber,
  parsePhone,
} from './identity.js';

const today = new Date('2026-11-21T00:00:00Z');

/** Arbitrary valid identity numbers: a real province prefix, a real birth date, any sequence. */
const validId = fc
  .record({
    prefix: fc.constantFrom('11', '12', '31', '44', '65', '81'),
    area: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ prefix, area, birth, seq }) => {
    const body = `${prefix}${String(area).padStart(4, '0')}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    return body + idCheckChar(body);
  });

describe('identity numbers (GB 11643)', () => {
  it('accepts a valid number and derives birth date and gender', () => {
    const result = parseIdNumber('11010519491231002X', today);
    expect(result).toEqual({
      ok: true,
      facts: { id: '11010519491231002X', birthDate: '1949-12-31', gender: 'female', regionCode: '110105' },
    });
  });

  it('accepts lower-case x, full-width digits and stray spaces by normalising', () => {
    for (const typed of [
      '11010519491231002x',
      '１１０１０５１９４９１２３１００２Ｘ',
      ' 110105 19491231 002X ',
      '110105\u300019491231002X',
    ]) {
      expect(parseIdNumber(typed, today)).toMatchObject({ ok: true, facts: { id: '11010519491231002X' } });
    }
  });

  it('says what is wrong with each kind of bad number', () => {
    expect(parseIdNumber('1.10105E+17', today)).toEqual({ ok: false, problem: { kind: 'scientific', shown: '1.10105E+17' } });
    expect(parseIdNumber('110105491231002', today)).toEqual({ ok: false, problem: { kind: 'legacy15' } });
    expect(parseIdNumber('1101051949123100', today)).toEqual({ ok: false, problem: { kind: 'length', length: 16 } });
    expect(parseIdNumber('11010519491231A02X', today)).toEqual({ ok: false, problem: { kind: 'char', position: 15, char: 'A' } });
    expect(parseIdNumber('99010519491231002X', today)).toEqual({ ok: false, problem: { kind: 'region', prefix: '99' } });
    expect(parseIdNumber('110105194902300028', today)).toMatchObject({ ok: false, problem: { kind: 'birthdate', date: '19490230' } });
    expect(parseIdNumber('110105199912310028', new Date('1999-01-01'))).toMatchObject({ ok: false, problem: { kind: 'birthdate' } });
    expect(parseIdNumber('110105194912310021', today)).toEqual({ ok: false, problem: { kind: 'check', expected: 'X', got: '1' } });
  });

  it('accepts every valid number however it is spaced, cased or widened', () => {
    const widen = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(validId, fc.constantFrom('plain', 'lower', 'wide', 'spaced'), (id, style) => {
        const typed =
          style === 'lower'
            ? id.toLowerCase()
            : style === 'wide'
              ? widen(id)
              : style === 'spaced'
                ? `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`
                : id;
        const result = parseIdNumber(typed, today);
        expect(result.ok && result.facts.id).toBe(id);
        expect(normaliseIdNumber(typed)).toBe(id);
      }),
    );
  });

  it('rejects every single-digit change of a valid number (the check digit catches it)', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (id, position, shift) => {
        const changed = id.slice(0, position) + String((Number(id.charAt(position)) + shift) % 10) + id.slice(position + 1);
        expect(parseIdNumber(changed, today).ok).toBe(false);
      }),
    );
  });

  it('masks all but the region code and last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('masking inside free text', () => {
  it('masks identity and phone numbers in a URL, leaving other numbers alone', () => {
    expect(maskPersonalNumbers('/api/members?orgId=12&q=11010519491231002X&limit=50')).toBe(
      '/api/members?orgId=12&q=110105********002X&limit=50',
    );
    expect(maskPersonalNumbers('q=13812345678&cursor=20260101')).toBe('q=138****5678&cursor=20260101');
  });
  it('never leaves a valid identity number or phone readable', () => {
    fc.assert(
      fc.property(validId, fc.string({ maxLength: 20 }), (id, noise) => {
        const masked = maskPersonalNumbers(`x=${id}&${noise.replace(/[0-9]/g, '')}`);
        expect(masked).not.toContain(id);
      }),
    );
  });
});

describe('mobile phone numbers', () => {
  it('normalises +86, 0086, spaces, dashes and full-width digits', () => {
    for (const typed of [
      '13812345678',
      '+86 138-1234-5678',
      '0086 13812345678',
      '8613812345678',
      '１３８１２３４５６７８',
      '(138) 1234 5678',
    ]) {
      expect(parsePhone(typed)).toEqual({ ok: true, phone: '13812345678' });
    }
  });

  it('says what is wrong', () => {
    expect(parsePhone('1381234567')).toEqual({ ok: false, problem: { kind: 'length', digits: 10 } });
    expect(parsePhone('23812345678')).toEqual({ ok: false, problem: { kind: 'prefix' } });
    expect(parsePhone('138123x5678')).toEqual({ ok: false, problem: { kind: 'char', char: 'x' } });
    expect(parsePhone('  ')).toEqual({ ok: false, problem: { kind: 'empty' } });
  });

  it('accepts every valid number with any mix of separators and prefix', () => {
    const phone = fc
      .tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{9}$/))
      .map(([second, rest]) => `1${second}${rest}`);
    fc.assert(
      fc.property(phone, fc.constantFrom('', '+86', '0086', '86', '+86 '), fc.constantFrom('', ' ', '-'), (p, prefix, sep) => {
        const typed = prefix + [p.slice(0, 3), p.slice(3, 7), p.slice(7)].join(sep);
        expect(parsePhone(typed)).toEqual({ ok: true, phone: p });
      }),
    );
  });

  it('masks the middle four digits, and a name after the surname', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
  });
});
