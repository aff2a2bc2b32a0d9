/**
 * Standings from results (issue #14): three-way ties built to the published orders of FIFA (points, goal difference,
 * goals, head-to-head …) and UEFA (points, head-to-head re-applied to the teams still tied, …), one settled by lots
 * with a recorded seed; properties: the order is a permutation of the teams and more points always rank above.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TournamentInputError } from './errors.js';
import { roundRobin } from './fixtures.js';
import {
  DEFAULT_POINTS,
  FIFA_TIE_BREAKS,
  UEFA_TIE_BREAKS,
  computeStandings,
  knockoutWinner,
  lotsKey,
  type MatchResult,
} from './standings.js';

const uefa = { points: DEFAULT_POINTS, tieBreaks: UEFA_TIE_BREAKS, lotsSeed: '2026-12-01 福彩3D 3 8 1' };
const fifa = { ...uefa, tieBreaks: FIFA_TIE_BREAKS };
const game = (home: string, away: string, h: number, a: number, more: Partial<MatchResult> = {}): MatchResult => ({
  home,
  away,
  regular: { home: h, away: a },
  ...more,
});
const order = (rows: { team: string }[]): string[] => rows.map((r) => r.team);

describe('three-way ties', () => {
  // A, B and C beat one another in a circle and all beat D: 6 points each.
  const circle = [
    game('A', 'B', 3, 0),
    game('B', 'C', 1, 0),
    game('C', 'A', 1, 0),
    game('A', 'D', 1, 0),
    game('B', 'D', 5, 0),
    game('C', 'D', 2, 0),
  ];

  it('settles a three-way tie on the head-to-head mini-table (UEFA order)', () => {
    // Mini-table: all 3 points; goal difference A +2, C 0, B −2. Overall B has the best difference — it does not count yet.
    const rows = computeStandings(['A', 'B', 'C', 'D'], circle, uefa);
    expect(order(rows)).toEqual(['A', 'C', 'B', 'D']);
    expect(rows.map((r) => r.separatedFromNextBy)).toEqual(['headToHead', 'headToHead', 'points', null]);
    expect(rows.map((r) => r.points)).toEqual([6, 6, 6, 0]);
  });

  it('settles the same tie on overall goal difference, then goals, under the FIFA order', () => {
    // Overall: A +3 (4 goals), B +3 (6 goals), C +2: goals for puts B above A.
    const rows = computeStandings(['A', 'B', 'C', 'D'], circle, fifa);
    expect(order(rows)).toEqual(['B', 'A', 'C', 'D']);
    expect(rows.map((r) => r.separatedFromNextBy)).toEqual(['goalsFor', 'goalDifference', 'points', null]);
  });

  it('re-applies head-to-head to the two teams a three-team mini-table leaves level', () => {
    // X, Y, Z in a circle (3 mini-points each): Y and Z both +1 with 4 goals, X −2. Re-applied to Y and Z alone,
    // their own match (Y 3–0 Z) decides, although Z has the better fair-play record.
    const results = [
      game('X', 'Y', 3, 1),
      game('Z', 'X', 4, 0),
      game('Y', 'Z', 3, 0, { fairPlay: { home: 5, away: 0 } }),
      game('X', 'W', 1, 0),
      game('Y', 'W', 1, 0),
      game('Z', 'W', 1, 0),
    ];
    const rows = computeStandings(['W', 'X', 'Y', 'Z'], results, uefa);
    expect(order(rows)).toEqual(['Y', 'Z', 'X', 'W']);
    expect(rows.map((r) => r.separatedFromNextBy)).toEqual(['headToHead', 'headToHead', 'points', null]);
    // Without the re-application Y and Z would stay level (overall +2, 5 goals each) and fair play would put Z first.
    expect(rows.slice(0, 2).map((r) => [r.goalDifference, r.goalsFor])).toEqual([
      [2, 5],
      [2, 5],
    ]);
  });

  it('goes down to the drawing of lots with the recorded seed, and records each key', () => {
    // All three drew 1–1 with one another, beat D 2–0, no cards: nothing but lots can separate them.
    const results = [
      game('A', 'B', 1, 1),
      game('B', 'C', 1, 1),
      game('C', 'A', 1, 1),
      game('A', 'D', 2, 0),
      game('B', 'D', 2, 0),
      game('C', 'D', 2, 0),
    ];
    const rows = computeStandings(['A', 'B', 'C', 'D'], results, uefa);
    const expected = ['A', 'B', 'C'].sort((a, b) => (lotsKey(uefa.lotsSeed, a) < lotsKey(uefa.lotsSeed, b) ? -1 : 1));
    expect(order(rows)).toEqual([...expected, 'D']);
    expect(rows.map((r) => r.separatedFromNextBy)).toEqual(['lots', 'lots', 'points', null]);
    expect(rows.slice(0, 3).map((r) => r.lotsKey)).toEqual(expected.map((t) => lotsKey(uefa.lotsSeed, t)));
    expect(rows[3]!.lotsKey).toBeNull();
    expect(lotsKey('seed', 'A')).toMatch(/^[0-9a-f]{64}$/);
    // Another seed may give another order: the seed is the whole of the chance.
    const orders = new Set(
      ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'].map((s) =>
        order(computeStandings(['A', 'B', 'C', 'D'], results, { ...uefa, lotsSeed: s })).join(''),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('ranks by fair play before lots', () => {
    const results = [game('A', 'B', 0, 0, { fairPlay: { home: 3, away: 1 } })];
    expect(order(computeStandings(['A', 'B'], results, uefa))).toEqual(['B', 'A']);
  });
});

describe('extra time and penalties', () => {
  const final = game('甲', '乙', 1, 1, { extraTime: { home: 0, away: 0 }, penalties: { home: 4, away: 3 } });

  it('counts a match level after extra time as a draw in a table, whatever the shoot-out', () => {
    const rows = computeStandings(['甲', '乙'], [final], uefa);
    expect(rows.map((r) => [r.drawn, r.points])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('decides a knockout match on extra-time goals, else on penalties', () => {
    expect(knockoutWinner(final)).toBe('甲');
    expect(knockoutWinner(game('甲', '乙', 1, 1, { extraTime: { home: 0, away: 1 } }))).toBe('乙');
    expect(knockoutWinner(game('甲', '乙', 2, 2))).toBeNull();
    expect(computeStandings(['甲', '乙'], [game('甲', '乙', 1, 1, { extraTime: { home: 0, away: 1 } })], uefa)[0]!.team).toBe('乙');
  });
});

describe('input', () => {
  it('refuses an unknown team, a negative score, a list without lots and a missing seed', () => {
    expect(() => computeStandings(['A'], [game('A', 'Q', 1, 0)], uefa)).toThrow(expect.objectContaining({ code: 'unknown_team' }));
    expect(() => computeStandings(['A', 'B'], [game('A', 'B', -1, 0)], uefa)).toThrow(TournamentInputError);
    expect(() => computeStandings(['A', 'B'], [], { ...uefa, tieBreaks: ['points'] })).toThrow(TournamentInputError);
    expect(() => computeStandings(['A', 'B'], [], { ...uefa, lotsSeed: ' ' })).toThrow(TournamentInputError);
    expect(() => computeStandings(['A', 'B'], [], { ...uefa, points: { win: 1, draw: 1, loss: 0 } })).toThrow(TournamentInputError);
  });
});

describe('properties', () => {
  const goals = fc.integer({ min: 0, max: 3 });
  const league = fc.integer({ min: 2, max: 8 }).chain((n) => {
    const teams = Array.from({ length: n }, (_, i) => `t${i + 1}`);
    const fixtures = roundRobin(teams).flatMap((r) => r.matches);
    return fc.record({
      teams: fc.constant(teams),
      results: fc.tuple(
        ...fixtures.map((f) =>
          fc
            .tuple(goals, goals, fc.integer({ min: 0, max: 2 }))
            .map(([h, a, cards]) => game(f.home, f.away, h, a, { fairPlay: { home: cards, away: 0 } })),
        ),
      ),
      tieBreaks: fc.constantFrom(FIFA_TIE_BREAKS, UEFA_TIE_BREAKS),
      seed: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ''),
    });
  });

  it('orders the teams as a permutation, more points always above, independent of the order of the results', () => {
    fc.assert(
      fc.property(league, ({ teams, results, tieBreaks, seed }) => {
        const rules = { points: DEFAULT_POINTS, tieBreaks, lotsSeed: seed };
        const rows = computeStandings(teams, results, rules);
        expect(order(rows).sort()).toEqual([...teams].sort());
        expect(rows.map((r) => r.position)).toEqual(teams.map((_, i) => i + 1));
        for (let i = 1; i < rows.length; i += 1) expect(rows[i - 1]!.points).toBeGreaterThanOrEqual(rows[i]!.points);
        expect(computeStandings([...teams].reverse(), [...results].reverse(), rules)).toEqual(rows);
      }),
      { numRuns: 80 },
    );
  });
});
