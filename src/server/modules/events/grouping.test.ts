/**
 * Random grouping (issue #13): the psychology class's 48 sign-ups into 6 groups of 8; for any n and k, sizes differ
 * by at most one and everyone is in exactly one group; the same seed gives the same groups.
 */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupAtRandom } from './grouping.js';

const class48 = Array.from({ length: 48 }, (_, i) => `m${i + 1}`);

describe('random grouping', () => {
  it('splits the psychology class’s 48 sign-ups into 6 groups of 8, reproducibly from the seed', () => {
    const grouping = groupAtRandom({ personIds: class48, groups: 6, seed: 'a1b2' });
    expect(grouping.groups.map((g) => g.length)).toEqual([8, 8, 8, 8, 8, 8]);
    expect(
      grouping.groups
        .flat()
        .map((p) => p.entryId)
        .sort(),
    ).toEqual([...class48].sort());
    expect(groupAtRandom({ personIds: [...class48].reverse(), groups: 6, seed: ' a1b2 ' })).toEqual(grouping);
    expect(groupAtRandom({ personIds: class48, groups: 6, seed: 'a1b3' }).groups).not.toEqual(grouping.groups);
  });

  it('hashes the documented list and deals people in ascending key order round the groups', () => {
    const text = 'gonghui.grouping/1\ngroups\t2\nperson\ta\nperson\tb\nperson\tc\n';
    const listHash = createHash('sha256').update(text, 'utf8').digest('hex');
    const key = (id: string) =>
      createHmac('sha256', 's')
        .update(listHash + id)
        .digest('hex');
    const dealt = ['c', 'a', 'b'].map((entryId) => ({ entryId, key: key(entryId) })).sort((x, y) => (x.key < y.key ? -1 : 1));
    const grouping = groupAtRandom({ personIds: ['c', 'a', 'b'], groups: 2, seed: 's' });
    expect(grouping.listHash).toBe(listHash);
    expect(grouping.groups).toEqual([[dealt[0], dealt[2]], [dealt[1]]]);
  });

  it.each<[string, { personIds: string[]; groups: number; seed: string }, RegExp]>([
    ['no group', { personIds: ['a'], groups: 0, seed: 's' }, /^invalid: groups/],
    ['a person twice', { personIds: ['a', 'b', 'a'], groups: 2, seed: 's' }, /^duplicate_entry: a/],
    ['an id that is not opaque', { personIds: ['张三'], groups: 1, seed: 's' }, /^invalid: person id/],
    ['an empty seed', { personIds: ['a'], groups: 1, seed: '  ' }, /^invalid: seed/],
  ])('refuses %s', (_, input, problem) => {
    expect(() => groupAtRandom(input)).toThrow(problem);
  });

  it('for any n people and k groups: sizes differ by at most one, everyone in exactly one group, same seed same groups', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/), { maxLength: 120 }),
        fc.integer({ min: 1, max: 20 }),
        fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== ''),
        (personIds, k, seed) => {
          const { groups } = groupAtRandom({ personIds, groups: k, seed });
          expect(groups).toHaveLength(k);
          const sizes = groups.map((g) => g.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          const placed = groups.flat().map((p) => p.entryId);
          expect(placed).toHaveLength(personIds.length);
          expect(new Set(placed)).toEqual(new Set(personIds));
          expect(groupAtRandom({ personIds: [...personIds].reverse(), groups: k, seed }).groups).toEqual(groups);
        },
      ),
      { numRuns: 300 },
    );
  });
});
