/**
 * The poetry recital of seed 004 (诗歌朗诵, issue #14) from assignment to awards: 37 acts of 37 units in three
 * districts, nine judges, panels of five free of conflicts, four criteria, trimmed means, then 3 / 6 / 9 awards,
 * 3 最佳创作奖, 4 优秀组织奖 and the top 18 to the showcase.
 */
import { describe, expect, it } from 'vitest';
import { aggregate, type Criterion } from './aggregate.js';
import { awardPrizes } from './awards.js';
import { assignJudges, conflictsIn, type Entry, type Judge } from './conflicts.js';

const criteria: Criterion[] = [
  { id: 'content', name: '题材内容', weight: 1, maxScore: 30 },
  { id: 'form', name: '表现形式', weight: 1, maxScore: 30 },
  { id: 'quality', name: '选手素质', weight: 1, maxScore: 20 },
  { id: 'live', name: '现场发挥', weight: 1, maxScore: 20 },
];

describe('seed 004: 诗歌朗诵', () => {
  const districts = ['1.2', '1.3', '1.4'];
  const judges: Judge[] = Array.from({ length: 9 }, (_, i) => ({
    judgeId: `judge-${i + 1}`,
    orgPath: i < 3 ? `1.9.${i}` : districts[i % 3]!,
  }));
  const acts: Entry[] = Array.from({ length: 37 }, (_, i) => ({
    entryId: `act-${String(i + 1).padStart(2, '0')}`,
    orgPath: `${districts[i % 3]!}.${100 + i}`,
  }));

  it('runs from panels to prizes', () => {
    const assignment = assignJudges(judges, acts, 5);
    expect(assignment.shortfalls).toEqual([]);
    expect(conflictsIn(judges, acts, assignment.pairs)).toEqual([]);

    // Deterministic scores: act i is a little better than act i + 1; each judge has a small bias of their own.
    const sheets = assignment.pairs.map(({ judgeId, entryId }) => {
      const i = Number(entryId.slice(4));
      const bias = Number(judgeId.slice(6)) % 3;
      return {
        judgeId,
        entryId,
        scores: { content: 29 - (i % 9) * 0.5, form: 28 - i * 0.25 + bias * 0.25, quality: 18 - (i % 4) * 0.5, live: 17 + bias * 0.5 },
      };
    });
    const result = aggregate({
      criteria,
      judges: judges.map((j) => j.judgeId),
      entries: acts.map((a) => a.entryId),
      assignment: assignment.pairs,
      sheets,
    });
    if (result.status !== 'complete') throw new Error('expected complete');
    expect(result.rules.trimmedEntries).toBe(37);
    expect(result.rules.balance).toBe('unbalanced');

    const unitOf = new Map(acts.map((a) => [a.entryId, a.orgPath]));
    const awards = awardPrizes({
      entries: result.entries.map((e) => ({
        entryId: e.entryId,
        unitId: unitOf.get(e.entryId)!,
        score: e.score,
        criterionMeans: e.criterionMeans,
      })),
      tieBreakCriteria: ['content', 'form', 'quality', 'live'],
      ladder: [
        { id: 'best', name: '最佳表演奖', quota: 3 },
        { id: 'style', name: '最佳风采奖', quota: 6 },
        { id: 'merit', name: '优秀表演奖', quota: 9 },
      ],
      criterionPrizes: [{ id: 'writing', name: '最佳创作奖', quota: 3, criterionId: 'content' }],
      unitAward: { id: 'organisation', name: '优秀组织奖', quota: 4 },
      showcaseSize: 18,
    });
    if (awards.status !== 'complete') throw new Error(JSON.stringify(awards.ties));
    expect(awards.ladder.map((t) => [t.winners.length, t.shortfall])).toEqual([
      [3, 0],
      [6, 0],
      [9, 0],
    ]);
    expect(awards.showcase!.winners).toEqual(awards.ladder.flatMap((t) => t.winners));
    expect(awards.criterionPrizes[0]!.winners).toHaveLength(3);
    expect(awards.unitAward!.winners).toHaveLength(4);
    expect(awards.ranking[0]!.entryId).toBe('act-01');
  });
});
