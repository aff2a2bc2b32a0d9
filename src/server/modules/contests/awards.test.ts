/**
 * Awards of the poetry contest (seed 004, issue #14): 37 acts, 3 最佳表演奖 / 6 最佳风采奖 / 9 优秀表演奖, 3 最佳创作奖
 * on the writing, 4 优秀组织奖 for units, the top 18 to the showcase; ties at a boundary broken by the declared chain
 * or the chief judge, else blocked. Properties: every tier filled exactly to its quota or the shortfall stated; each
 * entry in at most one tier of the ladder; the ladder follows the ranking.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awardPrizes, type AwardsInput, type ScoredEntry, type Tier } from './awards.js';
import { compare, rational } from './rational.js';

const ladder: Tier[] = [
  { id: 'best', name: '最佳表演奖', quota: 3 },
  { id: 'style', name: '最佳风采奖', quota: 6 },
  { id: 'merit', name: '优秀表演奖', quota: 9 },
];

function entry(i: number, score: number, content = 20, form = 20, unitId = `unit-${i}`): ScoredEntry {
  return {
    entryId: `act-${String(i).padStart(2, '0')}`,
    unitId,
    score: rational(score * 100, 100),
    criterionMeans: { content: rational(content), form: rational(form) },
  };
}

describe('the poetry contest of seed 004', () => {
  // 37 acts of 37 units, all scores different: act-01 best.
  const acts = Array.from({ length: 37 }, (_, i) => entry(i + 1, 95 - i * 0.5, i % 5 === 0 ? 29 : 20 - (i % 7)));

  it('fills 3 / 6 / 9 in rank order, 3 best-writing prizes, 4 organisation awards and the top 18 showcase', () => {
    const result = awardPrizes({
      entries: acts,
      tieBreakCriteria: ['content', 'form'],
      ladder,
      criterionPrizes: [{ id: 'writing', name: '最佳创作奖', quota: 3, criterionId: 'content' }],
      unitAward: { id: 'organisation', name: '优秀组织奖', quota: 4 },
      showcaseSize: 18,
    });
    if (result.status !== 'complete') throw new Error(JSON.stringify(result));
    expect(result.ladder.map((t) => t.winners.length)).toEqual([3, 6, 9]);
    expect(result.ladder[0]!.winners).toEqual(['act-01', 'act-02', 'act-03']);
    expect(result.ladder[1]!.winners[0]).toBe('act-04');
    expect(result.ladder.every((t) => t.shortfall === 0)).toBe(true);
    // content 29 for acts 1, 6, 11, … ; among them the higher total wins.
    expect(result.criterionPrizes[0]!.winners).toEqual(['act-01', 'act-06', 'act-11']);
    expect(result.unitAward!.winners).toEqual(['unit-1', 'unit-2', 'unit-3', 'unit-4']);
    expect(result.showcase!.winners).toHaveLength(18);
    expect(result.showcase!.winners).toEqual(result.ladder.flatMap((t) => t.winners));
  });

  it('breaks a tie on the third place by the higher 题材内容, then 表现形式', () => {
    const entries = [entry(1, 90), entry(2, 89), entry(3, 88, 25, 20), entry(4, 88, 25, 22), entry(5, 88, 24, 29)];
    const result = awardPrizes({ entries, tieBreakCriteria: ['content', 'form'], ladder });
    if (result.status !== 'complete') throw new Error('expected complete');
    expect(result.ladder[0]!.winners).toEqual(['act-01', 'act-02', 'act-04']);
    expect(result.ladder[1]!.winners).toEqual(['act-03', 'act-05']);
    expect(result.ladder.map((t) => t.shortfall)).toEqual([0, 4, 9]);
  });

  it('blocks a tie the chain cannot break and names the tied acts; the chief judge’s decision settles it', () => {
    const entries = [entry(1, 90), entry(2, 89), entry(3, 88), entry(4, 88), entry(5, 80)];
    const input: AwardsInput = { entries, tieBreakCriteria: ['content', 'form'], ladder };
    expect(awardPrizes(input)).toEqual({ status: 'blocked', ties: [{ context: 'overall', boundary: 3, ids: ['act-03', 'act-04'] }] });
    const decided = awardPrizes({ ...input, chiefDecisions: [{ context: 'overall', order: ['act-04', 'act-03'] }] });
    if (decided.status !== 'complete') throw new Error('expected complete');
    expect(decided.ladder[0]!.winners).toEqual(['act-01', 'act-02', 'act-04']);
    expect(decided.ranking.find((r) => r.entryId === 'act-04')).toMatchObject({ rank: 3, decidedByChief: true });
  });

  it('ranks units by their best act, or by the share of their acts that won, as declared', () => {
    // Unit A sends the best act and three that win nothing; unit B two acts that both win.
    const entries = [
      entry(1, 95, 20, 20, 'A'),
      entry(2, 94, 20, 20, 'B'),
      entry(3, 93, 20, 20, 'B'),
      entry(4, 50, 20, 20, 'A'),
      entry(5, 49, 20, 20, 'A'),
      entry(6, 48, 20, 20, 'A'),
    ];
    const base: AwardsInput = { entries, tieBreakCriteria: [], ladder: [{ id: 'best', name: '最佳表演奖', quota: 3 }] };
    const byBest = awardPrizes({ ...base, unitAward: { id: 'org', name: '优秀组织奖', quota: 1 } });
    const byRate = awardPrizes({ ...base, unitAward: { id: 'org', name: '优秀组织奖', quota: 1, rule: 'award-rate' } });
    if (byBest.status !== 'complete' || byRate.status !== 'complete') throw new Error('expected complete');
    expect(byBest.unitAward!.winners).toEqual(['A']);
    expect(byRate.unitAward!.winners).toEqual(['B']);
  });

  it('refuses a chief judge decision naming an unknown act or award', () => {
    const input: AwardsInput = { entries: [entry(1, 90)], tieBreakCriteria: [], ladder };
    expect(() => awardPrizes({ ...input, chiefDecisions: [{ context: 'overall', order: ['act-99'] }] })).toThrow('act-99');
    expect(() => awardPrizes({ ...input, chiefDecisions: [{ context: 'nope', order: [] }] })).toThrow('nope');
  });

  it('lets a tie inside one tier stand, with a shared rank', () => {
    const entries = [entry(1, 90), entry(2, 88), entry(3, 88), entry(4, 70)];
    const result = awardPrizes({ entries, tieBreakCriteria: [], ladder });
    if (result.status !== 'complete') throw new Error('expected complete');
    expect(result.ranking.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });
});

describe('properties', () => {
  const arbitraryInput = fc
    .record({
      scores: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
        minLength: 0,
        maxLength: 30,
      }),
      quotas: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 4 }),
      showcase: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      units: fc.integer({ min: 1, max: 6 }),
    })
    .map(({ scores, quotas, showcase, units }) => ({
      entries: scores.map(([s, c, f], i) => entry(i, s, c, f, `u${i % units}`)),
      tiers: quotas.map((quota, i) => ({ id: `t${i}`, name: `T${i}`, quota })),
      showcase,
    }));

  it('fills every tier exactly to its quota or states the shortfall, in rank order, each entry once', () => {
    fc.assert(
      fc.property(arbitraryInput, ({ entries, tiers, showcase }) => {
        const input: AwardsInput = {
          entries,
          tieBreakCriteria: ['content', 'form'],
          ladder: tiers,
          unitAward: { id: 'org', name: '优秀组织奖', quota: 2 },
          criterionPrizes: [{ id: 'writing', name: '最佳创作奖', quota: 2, criterionId: 'content' }],
          ...(showcase === undefined ? {} : { showcaseSize: showcase }),
        };
        let result = awardPrizes(input);
        if (result.status === 'blocked') {
          // Every named tie really straddles its boundary; the chief judge's order (here: by id) settles all.
          for (const tie of result.ties) expect(tie.ids.length).toBeGreaterThan(1);
          const chiefDecisions = [...new Set(result.ties.map((t) => t.context))].map((context) => ({
            context,
            order: result.status === 'blocked' ? result.ties.filter((t) => t.context === context).flatMap((t) => t.ids) : [],
          }));
          result = awardPrizes({ ...input, chiefDecisions });
        }
        if (result.status !== 'complete') throw new Error('a recorded decision must settle every tie');
        let left = entries.length;
        for (const [i, t] of result.ladder.entries()) {
          expect(t.winners.length).toBe(Math.min(tiers[i]!.quota, left));
          expect(t.shortfall).toBe(tiers[i]!.quota - t.winners.length);
          left -= t.winners.length;
        }
        const awarded = result.ladder.flatMap((t) => t.winners);
        expect(new Set(awarded).size).toBe(awarded.length);
        const score = new Map(entries.map((e) => [e.entryId, e.score]));
        const rank = new Map(result.ranking.map((r) => [r.entryId, r.rank]));
        const tierOf = new Map(result.ladder.flatMap((t, i) => t.winners.map((w) => [w, i] as const)));
        for (const a of entries) {
          for (const b of entries) {
            const ta = tierOf.get(a.entryId) ?? Number.POSITIVE_INFINITY;
            const tb = tierOf.get(b.entryId) ?? Number.POSITIVE_INFINITY;
            if (ta < tb) {
              expect(compare(score.get(a.entryId)!, score.get(b.entryId)!)).toBeGreaterThanOrEqual(0);
              expect(rank.get(a.entryId)!).toBeLessThan(rank.get(b.entryId)!);
            }
          }
        }
        if (showcase !== undefined) expect(result.showcase!.winners.length).toBe(Math.min(showcase, entries.length));
        expect(result.unitAward!.winners.length + result.unitAward!.shortfall).toBe(2);
        expect(result.criterionPrizes[0]!.winners.length + result.criterionPrizes[0]!.shortfall).toBe(2);
      }),
      { numRuns: 300 },
    );
  });
});
