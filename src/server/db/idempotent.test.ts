import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors.js';
import '../../common/points.errors.js';
import '../../common/welfare.errors.js';
import { replayOf, requestHash } from './idempotent.js';

describe('requestHash', () => {
  it('is the base64url SHA-256 of the canonical JSON', () => {
    const expected = createHash('sha256').update('{"amount":5,"kind":"spend"}').digest('base64url');
    expect(requestHash({ kind: 'spend', amount: 5 })).toBe(expected);
    expect(requestHash({ kind: 'spend', amount: 5 })).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('does not depend on the order of keys, at any depth', () => {
    expect(requestHash({ a: 1, b: { x: [1, { p: 1, q: 2 }], y: 'z' } })).toBe(requestHash({ b: { y: 'z', x: [1, { q: 2, p: 1 }] }, a: 1 }));
  });

  it('treats an absent field as null, but tells other values and array orders apart', () => {
    expect(requestHash({ kind: 'award', reason: undefined })).toBe(requestHash({ kind: 'award', reason: null }));
    expect(requestHash({ amount: 5 })).not.toBe(requestHash({ amount: 6 }));
    expect(requestHash({ amount: 5 })).not.toBe(requestHash({ amount: '5' }));
    expect(requestHash([1, 2])).not.toBe(requestHash([2, 1]));
    expect(requestHash({ reason: null })).not.toBe(requestHash({ reason: '' }));
  });
});

describe('replayOf', () => {
  const stored = { id: 7, request_hash: requestHash({ amount: 5 }) };

  it('answers nothing for a key not used before', () => {
    expect(replayOf(undefined, stored.request_hash, 'POINTS_KEY_REUSED')).toBeUndefined();
  });

  it('answers the stored row when the same key comes with the same fields', () => {
    expect(replayOf(stored, requestHash({ amount: 5 }), 'POINTS_KEY_REUSED')).toBe(stored);
  });

  it('refuses the same key with other fields with the module code (409)', () => {
    for (const code of ['POINTS_KEY_REUSED', 'WELFARE_KEY_REUSED'] as const) {
      let error: unknown;
      try {
        replayOf(stored, requestHash({ amount: 6 }), code);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
      expect((error as AppError).status).toBe(409);
    }
  });
});
