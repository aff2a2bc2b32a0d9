/**
 * Aggregation of the poetry contest (seed 004, issue #14): four criteria, weighted totals, trimmed mean from five
 * judges, normalisation only on a balanced assignment, missing scores block. Properties: the trimmed mean equals a
 * straightforward reference computation, and the result does not depend on the order of the judges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, maximumTotal, trimmedMean, weightedTotal, type Criterion, type ScoreSheet } from './aggregate.js';
import { ContestError } from '../../../common/contests.errors.js';
import { compare, rational, toFixed } from './rational.js';

const poetry: Criterion[] = [
  { id: 'content', name: '题材内容', weight: 1, maxScore: 30 },
  { id: 'form', name: '表现形式', weight: 1, maxScore: 30 },
  { id: 'quality', name: '选手素质', weight: 1, maxScore: 20 },
  { id: 'live', name: '现场发挥', weight: 1, maxScore: 20 },
];

function sheet(judgeId: string, entryId: string, content: number, form: number, quality: number, live: number): ScoreSheet {
  return { judgeId, entryId, scores: { content, form, quality, live } };
}

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ContestError) return e.code;
    throw e;
  }
  return undefined;
}

describe('weighted totals', () => {
  it('sums the four criteria of the poetry contest to a total out of 100', () => {
    expect(toFixed(maximumTotal(poetry))).toBe('100.00');
    expect(toFixed(weightedTotal(poetry, { content: 27.5, form: 26, quality: 18.25, live: 17 }))).toBe('88.75');
  });

  it('weights theory 30 % and practice 70 % in a skills contest, exactly', () => {
    const skills: Criterion[] = [
      { id: 'theory', name: '理论', weight: 0.3, maxScore: 100 },
      { id: 'practice', name: '实操', weight: 0.7, maxScore: 100 },
    ];
    const a = weightedTotal(skills, { theory: 0.1, practice: 0.2 });
    expect(compare(a, rational(17, 100))).toBe(0); // 0.1·0.3 + 0.2·0.7 = 0.17 with no float drift
  });

  it('refuses a score above the maximum, below zero or finer than hundredths', () => {
    expect(errorCode(() => weightedTotal(poetry, { content: 31, form: 1, quality: 1, live: 1 }))).toBe('CONTEST_SCORE_OUT_OF_RANGE');
    expect(errorCode(() => weightedTotal(poetry, { content: -1, form: 1, quality: 1, live: 1 }))).toBe('CONTEST_SCORE_OUT_OF_RANGE');
    expect(errorCode(() => weightedTotal(poetry, { content: 1.005, form: 1, quality: 1, live: 1 }))).toBe('CONTEST_SCORE_OUT_OF_RANGE');
  });
});

describe('aggregate', () => {
  const judges = ['j1', 'j2', 'j3', 'j4', 'j5'];

  it('drops one highest and one lowest total with five judges and says so', () => {
    const totals = [90, 80, 85, 70, 95];
    const result = aggregate({
      criteria: poetry,
      judges,
      entries: ['e1'],
      sheets: judges.map((j, i) => sheet(j, 'e1', totals[i]! - 70, 30, 20, 20)),
    });
    expect(result.status).toBe('complete');
    if (result.status !== 'complete') return;
    const e1 = result.entries[0]!;
    expect(e1.rule).toBe('trimmed-mean');
    expect(e1.display).toBe('85.00');
    expect(e1.judgeTotals.find((t) => t.dropped === 'highest')?.judgeId).toBe('j5');
    expect(e1.judgeTotals.find((t) => t.dropped === 'lowest')?.judgeId).toBe('j4');
    expect(result.rules.summary['zh-CN']).toContain('去掉一个最高分和一个最低分');
  });

  it('takes the plain mean below five judges', () => {
    const result = aggregate({
      criteria: poetry,
      judges: ['j1', 'j2', 'j3'],
      entries: ['e1'],
      sheets: [sheet('j1', 'e1', 30, 30, 20, 0), sheet('j2', 'e1', 30, 30, 20, 10), sheet('j3', 'e1', 30, 30, 20, 11)],
    });
    if (result.status !== 'complete') throw new Error('expected complete');
    expect(result.entries[0]!.rule).toBe('mean');
    expect(result.entries[0]!.display).toBe('87.00');
    expect(compare(result.entries[0]!.score, rational(261, 3))).toBe(0);
  });

  it('blocks on a missing score and names the judge, the entry and the criterion — never a zero', () => {
    const result = aggregate({
      criteria: poetry,
      judges: ['j1', 'j2'],
      entries: ['e1', 'e2'],
      sheets: [
        sheet('j1', 'e1', 1, 1, 1, 1),
        sheet('j2', 'e1', 1, 1, 1, 1),
        { judgeId: 'j1', entryId: 'e2', scores: { content: 1, form: 1, quality: 1 } },
      ],
    });
    expect(result).toEqual({
      status: 'blocked',
      missing: [
        { judgeId: 'j1', entryId: 'e2', criterionIds: ['live'] },
        { judgeId: 'j2', entryId: 'e2', criterionIds: ['content', 'form', 'quality', 'live'] },
      ],
    });
  });

  it('refuses a sheet from a judge not assigned to the entry, and two sheets for one pair', () => {
    const assignment = [{ judgeId: 'j1', entryId: 'e1' }];
    const base = { criteria: poetry, judges: ['j1', 'j2'], entries: ['e1'], assignment };
    expect(errorCode(() => aggregate({ ...base, sheets: [sheet('j2', 'e1', 1, 1, 1, 1)] }))).toBe('CONTEST_UNKNOWN_REFERENCE');
    expect(errorCode(() => aggregate({ ...base, sheets: [sheet('j1', 'e1', 1, 1, 1, 1), sheet('j1', 'e1', 1, 1, 1, 1)] }))).toBe(
      'CONTEST_DUPLICATE_SCORE',
    );
  });

  it('normalises per judge only on a balanced assignment', () => {
    const entries = ['e1', 'e2', 'e3'];
    // j2 is a harsh judge: the same ranking 10 points lower and spread twice as wide.
    const sheets = [
      ...entries.map((e, i) => sheet('j1', e, 20, 20, 10 + i, 10)),
      ...entries.map((e, i) => sheet('j2', e, 20, 20, 5 + 2 * i, 0)),
    ];
    const full = aggregate({ criteria: poetry, judges: ['j1', 'j2'], entries, sheets, normalisation: 'robust-z' });
    if (full.status !== 'complete') throw new Error('expected complete');
    expect(full.rules.balance).toBe('complete');
    const used = full.entries.map((e) => e.judgeTotals.map((t) => toFixed(t.used)));
    expect(used.every(([a, b]) => a === b)).toBe(true); // both judges agree once each is on the panel's scale
    const partial = {
      criteria: poetry,
      judges: ['j1', 'j2'],
      entries,
      assignment: [
        { judgeId: 'j1', entryId: 'e1' },
        { judgeId: 'j1', entryId: 'e2' },
        { judgeId: 'j2', entryId: 'e3' },
      ],
      sheets: [sheet('j1', 'e1', 1, 1, 1, 1), sheet('j1', 'e2', 2, 1, 1, 1), sheet('j2', 'e3', 1, 1, 1, 1)],
      normalisation: 'robust-z' as const,
    };
    expect(errorCode(() => aggregate(partial))).toBe('CONTEST_NORMALISATION_UNBALANCED');
    expect(errorCode(() => aggregate({ ...partial, declaredBalancedDesign: '每位评委评两个作品' }))).toBe(
      'CONTEST_NORMALISATION_UNBALANCED',
    );
  });
});

describe('a declared balanced design', () => {
  it('allows normalisation when every judge has the same load and every entry the same panel, and says which design', () => {
    const pairs = [
      ['j1', 'e1', 10],
      ['j1', 'e2', 14],
      ['j2', 'e3', 2],
      ['j2', 'e4', 9],
    ] as const;
    const result = aggregate({
      criteria: poetry,
      judges: ['j1', 'j2'],
      entries: ['e1', 'e2', 'e3', 'e4'],
      assignment: pairs.map(([judgeId, entryId]) => ({ judgeId, entryId })),
      sheets: pairs.map(([j, e, live]) => sheet(j, e, 20, 20, 10, live)),
      normalisation: 'robust-z',
      declaredBalancedDesign: '每位评委评两个作品，每个作品一位评委',
    });
    if (result.status !== 'complete') throw new Error('expected complete');
    expect(result.rules.balance).toBe('declared');
    expect(result.rules.summary['zh-CN']).toContain('平衡设计：每位评委评两个作品');
    // Each judge's better entry lands on the same rescaled value.
    const used = new Map(result.entries.map((e) => [e.entryId, e.display]));
    expect(used.get('e2')).toBe(used.get('e4'));
    expect(used.get('e1')).toBe(used.get('e3'));
  });
});

describe('properties', () => {
  const hundredths = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);

  it('the trimmed mean equals a reference computation on floats of hundredths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 12 }), (cents) => {
        const sorted = [...cents].sort((a, b) => a - b);
        const kept = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
        const reference = rational(
          kept.reduce((a, b) => a + b, 0),
          100 * kept.length,
        );
        const { mean } = trimmedMean(cents.map((c) => rational(c, 100)));
        expect(compare(mean, reference)).toBe(0);
      }),
    );
  });

  it('an entry’s score equals the reference: totals in cents, sorted, one dropped at each end from five judges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2000 })), { minLength: 1, maxLength: 9 }),
        (cents) => {
          const judges = cents.map((_, i) => `j${i}`);
          const result = aggregate({
            criteria: poetry,
            judges,
            entries: ['e1'],
            sheets: cents.map(([c, q], i) => sheet(`j${i}`, 'e1', c / 100, 0, q / 100, 0)),
          });
          if (result.status !== 'complete') throw new Error('expected complete');
          const totals = cents.map(([c, q]) => c + q).sort((a, b) => a - b);
          const kept = totals.length >= 5 ? totals.slice(1, -1) : totals;
          const reference = rational(
            kept.reduce((a, b) => a + b, 0),
            100 * kept.length,
          );
          expect(compare(result.entries[0]!.score, reference)).toBe(0);
          expect(result.entries[0]!.rule).toBe(totals.length >= 5 ? 'trimmed-mean' : 'mean');
          expect(result.entries[0]!.judgeTotals.filter((t) => t.dropped !== null)).toHaveLength(totals.length >= 5 ? 2 : 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('under normalisation a judge who is uniformly harsher or kinder changes no one’s place', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 30, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }),
        (judgeCount, entryCount, pool, shifts) => {
          const judges = Array.from({ length: judgeCount }, (_, i) => `j${i}`);
          const entries = Array.from({ length: entryCount }, (_, i) => `e${i}`);
          const run = (shifted: boolean) =>
            aggregate({
              criteria: poetry,
              judges,
              entries,
              normalisation: 'robust-z',
              sheets: judges.flatMap((j, ji) =>
                entries.map((e, ei) => sheet(j, e, pool[ji * 5 + ei]! + (shifted ? shifts[ji]! : 0), 10, 10, 10)),
              ),
            });
          const attempt = (shifted: boolean) => {
            try {
              return run(shifted);
            } catch (e) {
              if (e instanceof ContestError && e.code === 'CONTEST_NORMALISATION_DEGENERATE') return null;
              throw e;
            }
          };
          const plain = attempt(false);
          const moved = attempt(true);
          fc.pre(plain !== null && moved !== null);
          if (plain === null || moved === null) return;
          if (plain.status !== 'complete' || moved.status !== 'complete') throw new Error('expected complete');
          for (const a of plain.entries.keys()) {
            for (const b of plain.entries.keys()) {
              expect(compare(moved.entries[a]!.score, moved.entries[b]!.score)).toBe(
                compare(plain.entries[a]!.score, plain.entries[b]!.score),
              );
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the result does not depend on the order of the judges or the sheets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(hundredths, hundredths), { minLength: 28, maxLength: 28 }),
        fc.boolean(),
        (judgeCount, entryCount, pool, normalise) => {
          const criteria: Criterion[] = [
            { id: 'a', name: 'A', weight: 0.3, maxScore: 100 },
            { id: 'b', name: 'B', weight: 0.7, maxScore: 100 },
          ];
          const judges = Array.from({ length: judgeCount }, (_, i) => `j${i}`);
          const entries = Array.from({ length: entryCount }, (_, i) => `e${i}`);
          const sheets = judges.flatMap((j, ji) =>
            entries.map((e, ei) => {
              const [a, b] = pool[ji * 4 + ei]!;
              return { judgeId: j, entryId: e, scores: { a, b } };
            }),
          );
          const run = (js: string[], ss: ScoreSheet[]) => {
            try {
              return aggregate({ criteria, judges: js, entries, sheets: ss, normalisation: normalise ? 'robust-z' : 'none' });
            } catch (e) {
              if (e instanceof ContestError) return e.code;
              throw e;
            }
          };
          const forward = run(judges, sheets);
          const backward = run([...judges].reverse(), [...sheets].reverse());
          const scores = (r: ReturnType<typeof run>) =>
            typeof r === 'string' || r.status !== 'complete' ? r : r.entries.map((e) => [e.entryId, e.score, e.criterionMeans]);
          expect(scores(backward)).toEqual(scores(forward));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('robust-z never runs on an unbalanced assignment: it runs only when complete or when the declared design holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 30, maxLength: 30 }),
        fc.boolean(),
        (judgeCount, entryCount, taken, pool, isDeclared) => {
          const judges = Array.from({ length: judgeCount }, (_, i) => `j${i}`);
          const entries = Array.from({ length: entryCount }, (_, i) => `e${i}`);
          // Each entry keeps at least one judge (else the result is blocked before any rule runs).
          const assignment = entries.flatMap((e, ei) =>
            judges.filter((_, ji) => ji === ei % judgeCount || taken[ji * 6 + ei]!).map((judgeId) => ({ judgeId, entryId: e })),
          );
          const loads = judges.map((j) => assignment.filter((p) => p.judgeId === j).length);
          const panels = entries.map((e) => assignment.filter((p) => p.entryId === e).length);
          const isComplete = assignment.length === judgeCount * entryCount;
          const isBalanced = isComplete || (isDeclared && new Set(loads).size === 1 && new Set(panels).size === 1);
          const sheets = assignment.map((p, i) => sheet(p.judgeId, p.entryId, pool[i % 30]!, 10 + (i % 7), 10, 10));
          let outcome: string;
          try {
            const r = aggregate({
              criteria: poetry,
              judges,
              entries,
              assignment,
              sheets,
              normalisation: 'robust-z',
              ...(isDeclared ? { declaredBalancedDesign: '平衡设计' } : {}),
            });
            outcome = r.status === 'complete' ? `ran:${r.rules.normalisation}:${r.rules.balance}` : 'blocked';
          } catch (e) {
            if (!(e instanceof ContestError)) throw e;
            outcome = e.code;
          }
          if (isBalanced) expect(outcome).toMatch(/^(ran:robust-z:(complete|declared)|CONTEST_NORMALISATION_DEGENERATE)$/);
          else expect(outcome).toBe('CONTEST_NORMALISATION_UNBALANCED');
        },
      ),
      { numRuns: 300 },
    );
  });
});
