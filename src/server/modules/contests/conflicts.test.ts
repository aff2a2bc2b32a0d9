/**
 * Conflicts of interest and the assignment of judges (issue #14). Properties: no conflicted pair is ever assigned;
 * every entry gets min(k, judges free to score it); loads are as even as the conflicts allow (checked against every
 * possible assignment on small contests); the same input in any order gives the same panels.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContestError } from '../../../common/contests.errors.js';
import { assignJudges, conflictOf, conflictsIn, type Entry, type Judge } from './conflicts.js';

describe('conflicts of interest', () => {
  const judge: Judge = { judgeId: 'j1', orgPath: '1.12.305' };

  it('refuses the judge’s own unit, a unit above it and a unit below it', () => {
    expect(conflictOf(judge, { entryId: 'e', orgPath: '1.12.305' })).toBe('same-unit');
    expect(conflictOf(judge, { entryId: 'e', orgPath: '1.12' })).toBe('unit-above');
    expect(conflictOf(judge, { entryId: 'e', orgPath: '1' })).toBe('unit-above');
    expect(conflictOf(judge, { entryId: 'e', orgPath: '1.12.305.7' })).toBe('unit-below');
  });

  it('allows a sibling unit and a unit whose id merely starts with the same digits', () => {
    expect(conflictOf(judge, { entryId: 'e', orgPath: '1.12.306' })).toBeNull();
    expect(conflictOf(judge, { entryId: 'e', orgPath: '1.12.3051' })).toBeNull();
    expect(conflictOf(judge, { entryId: 'e', orgPath: '1.120' })).toBeNull();
  });

  it('honours a declared conflict and refuses a malformed path', () => {
    expect(conflictOf(judge, { entryId: 'e', orgPath: '2' }, [{ judgeId: 'j1', entryId: 'e' }])).toBe('declared');
    expect(() => conflictOf(judge, { entryId: 'e', orgPath: '1..2' })).toThrow(ContestError);
  });

  it('names the conflicted pairs of a hand-made assignment', () => {
    const entries: Entry[] = [
      { entryId: 'a', orgPath: '1.12' },
      { entryId: 'b', orgPath: '1.13' },
    ];
    const pairs = [
      { judgeId: 'j1', entryId: 'a' },
      { judgeId: 'j1', entryId: 'b' },
    ];
    expect(conflictsIn([judge], entries, pairs)).toEqual([{ judgeId: 'j1', entryId: 'a', reason: 'unit-above' }]);
  });
});

describe('assignment', () => {
  it('gives each of 37 acts five judges from nine, none of their district, loads within one', () => {
    const districts = ['1.2', '1.3', '1.4'];
    const judges: Judge[] = Array.from({ length: 9 }, (_, i) => ({ judgeId: `j${i}`, orgPath: i < 3 ? '1.9' : `${districts[i % 3]!}` }));
    const entries: Entry[] = Array.from({ length: 37 }, (_, i) => ({ entryId: `act-${i}`, orgPath: `${districts[i % 3]!}.${100 + i}` }));
    const result = assignJudges(judges, entries, 5);
    expect(result.shortfalls).toEqual([]);
    expect(conflictsIn(judges, entries, result.pairs)).toEqual([]);
    const loads = Object.values(result.loads);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('reports an entry that cannot get k judges free of conflicts', () => {
    const judges: Judge[] = [
      { judgeId: 'j1', orgPath: '1.2' },
      { judgeId: 'j2', orgPath: '1.3' },
    ];
    const result = assignJudges(judges, [{ entryId: 'e', orgPath: '1.2.5' }], 2);
    expect(result.shortfalls).toEqual([{ entryId: 'e', assigned: 1, needed: 2 }]);
    expect(result.pairs).toEqual([{ judgeId: 'j2', entryId: 'e' }]);
  });
});

describe('properties', () => {
  const paths = fc.constantFrom('1', '1.2', '1.3', '1.2.4', '1.2.5', '1.3.6', '7', '7.8');
  const contest = fc.record({
    judges: fc.uniqueArray(fc.record({ judgeId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), orgPath: paths }), {
      selector: (j) => j.judgeId,
      minLength: 1,
      maxLength: 4,
    }),
    entries: fc.uniqueArray(fc.record({ entryId: fc.constantFrom('p', 'q', 'r', 's', 't'), orgPath: paths }), {
      selector: (e) => e.entryId,
      minLength: 1,
      maxLength: 4,
    }),
    k: fc.integer({ min: 1, max: 3 }),
    declared: fc.array(fc.record({ judgeId: fc.constantFrom('a', 'b', 'c'), entryId: fc.constantFrom('p', 'q') }), { maxLength: 2 }),
  });

  /** Every possible assignment: each entry takes min(k, eligible) of its eligible judges. The best [max, min] loads. */
  function bestLoads(judges: Judge[], entries: Entry[], k: number, declared: { judgeId: string; entryId: string }[]): [number, number] {
    const choices = entries.map((e) => {
      const ok = judges.filter((j) => conflictOf(j, e, declared) === null).map((j) => j.judgeId);
      const size = Math.min(k, ok.length);
      const subsets: string[][] = [];
      const pick = (from: number, chosen: string[]): void => {
        if (chosen.length === size) subsets.push(chosen);
        else for (let i = from; i < ok.length; i++) pick(i + 1, [...chosen, ok[i]!]);
      };
      pick(0, []);
      return subsets;
    });
    let bestMax = Number.POSITIVE_INFINITY;
    let bestMin = -1;
    const walk = (i: number, loads: Map<string, number>): void => {
      if (i === choices.length) {
        const values = judges.map((j) => loads.get(j.judgeId) ?? 0);
        bestMax = Math.min(bestMax, Math.max(...values));
        bestMin = Math.max(bestMin, Math.min(...values));
        return;
      }
      for (const subset of choices[i]!) {
        const next = new Map(loads);
        for (const j of subset) next.set(j, (next.get(j) ?? 0) + 1);
        walk(i + 1, next);
      }
    };
    walk(0, new Map());
    return [bestMax, bestMin];
  }

  it('never assigns a conflicted pair, fills each panel as far as possible and balances the loads', () => {
    fc.assert(
      fc.property(contest, ({ judges, entries, k, declared }) => {
        const result = assignJudges(judges, entries, k, declared);
        expect(conflictsIn(judges, entries, result.pairs, declared)).toEqual([]);
        for (const e of entries) {
          const free = judges.filter((j) => conflictOf(j, e, declared) === null).length;
          expect(result.pairs.filter((p) => p.entryId === e.entryId)).toHaveLength(Math.min(k, free));
          expect(result.shortfalls.some((s) => s.entryId === e.entryId)).toBe(free < k);
        }
        const loads = judges.map((j) => result.loads[j.judgeId]!);
        expect([Math.max(...loads), Math.min(...loads)]).toEqual(bestLoads(judges, entries, k, declared));
        expect(assignJudges([...judges].reverse(), [...entries].reverse(), k, declared)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });
});
