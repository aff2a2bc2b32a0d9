import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fieldsLackingConsent,
  keptVisible,
  parseProfileRef,
  profileRefOf,
  purgeDueAt,
  rankParticipants,
  seenBy,
} from './matchmaking.rules.js';

describe('matchmaking rules', () => {
  it('names a profile by region and id, and reads the name back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 40 }), (region_id, id) => {
        expect(parseProfileRef(profileRefOf({ region_id, id }))).toEqual({ regionId: region_id, id });
      }),
    );
  });

  it('refuses a sensitive field given without its own consent', () => {
    expect(fieldsLackingConsent({ nickname: '小燕', maritalHistory: 'never', incomeRange: '5k-10k' }, [{ field: 'incomeRange' }])).toEqual([
      'maritalHistory',
    ]);
    expect(fieldsLackingConsent({ nickname: '小燕', maritalHistory: null }, [])).toEqual([]);
  });

  it('shows others only the nickname and the fields made visible', () => {
    const fields = { nickname: '小燕', birthYear: 1995, hometown: '顺义', selfIntro: '喜欢爬山', incomeRange: '5k-10k' as const };
    const seen = seenBy(fields, ['hometown', 'heightCm'], '1-7', false);
    expect(seen).toEqual({ profileRef: '1-7', nickname: '小燕', hometown: '顺义', interested: false });
  });

  it('keeps a visibility flag only for a field that holds a value', () => {
    expect(keptVisible(['hometown', 'incomeRange', 'hometown'], { nickname: 'a', hometown: '通州' })).toEqual(['hometown']);
  });

  it('ranks by points, then earlier sign-up, then registration, selecting exactly the places', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ earned: fc.nat(50), signedUpAt: fc.constantFrom('2026-05-01', '2026-05-02') }), { maxLength: 40 }),
        fc.nat(50),
        (rows, places) => {
          const input = rows.map((r, i) => ({ ...r, registrationId: i + 1 }));
          const ranked = rankParticipants(input, places);
          expect(ranked.length).toBe(input.length);
          expect(ranked.filter((r) => r.selected).length).toBe(Math.min(places, input.length));
          for (let i = 1; i < ranked.length; i++) {
            const [a, b] = [ranked[i - 1]!, ranked[i]!];
            expect(a.earned >= b.earned).toBe(true);
            if (a.earned === b.earned) expect(a.signedUpAt <= b.signedUpAt).toBe(true);
            expect(a.rank + 1).toBe(b.rank);
          }
        },
      ),
    );
  });

  it('purges the retention days after the last session ends', () => {
    expect(purgeDueAt(new Date('2026-06-01T00:00:00Z'), 30).toISOString()).toBe('2026-07-01T00:00:00.000Z');
  });
});
