/**
 * Round-robin by the circle method (issue #14): every pair meets exactly once, nobody twice in a round, n − 1 rounds
 * for even n and n for odd n (one bye a round), home and away balanced to within one, the same input the same fixtures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TournamentInputError } from './errors.js';
import { groupRoundRobins, groupSizes, roundRobin, type FixtureRound } from './fixtures.js';

const teams = (n: number, prefix = 't'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

function checkRoundRobin(ids: readonly string[], rounds: readonly FixtureRound[]): void {
  const n = ids.length;
  expect(rounds).toHaveLength(n % 2 === 0 ? n - 1 : n);
  const met = new Set<string>();
  const home = new Map<string, number>();
  const away = new Map<string, number>();
  const byes = new Set<string>();
  for (const round of rounds) {
    const playing = round.matches.flatMap((m) => [m.home, m.away]);
    if (round.bye !== null) playing.push(round.bye);
    expect(new Set(playing).size).toBe(playing.length); // nobody twice in a round
    expect(playing.length).toBe(n); // and nobody missing from it
    expect(round.bye === null).toBe(n % 2 === 0);
    if (round.bye !== null) {
      expect(byes.has(round.bye)).toBe(false);
      byes.add(round.bye);
    }
    for (const m of round.matches) {
      const pair = [m.home, m.away].sort().join('|');
      expect(met.has(pair)).toBe(false);
      met.add(pair);
      home.set(m.home, (home.get(m.home) ?? 0) + 1);
      away.set(m.away, (away.get(m.away) ?? 0) + 1);
    }
  }
  expect(met.size).toBe((n * (n - 1)) / 2); // every pair once
  for (const id of ids) expect(Math.abs((home.get(id) ?? 0) - (away.get(id) ?? 0))).toBeLessThanOrEqual(1);
}

describe('roundRobin', () => {
  it('schedules 4 teams in 3 rounds of 2 matches', () => {
    const rounds = roundRobin(['甲', '乙', '丙', '丁']);
    expect(rounds.map((r) => r.matches.length)).toEqual([2, 2, 2]);
    checkRoundRobin(['甲', '乙', '丙', '丁'], rounds);
  });

  it('gives each of 5 teams one bye and two home games', () => {
    const ids = teams(5);
    const rounds = roundRobin(ids);
    checkRoundRobin(ids, rounds);
    expect(rounds.map((r) => r.bye).sort()).toEqual([...ids].sort());
  });

  it('holds for every size from 2 to 40 and any order of the teams', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }).chain((n) => fc.shuffledSubarray(teams(n), { minLength: n, maxLength: n })),
        (ids) => {
          const rounds = roundRobin(ids);
          checkRoundRobin(ids, rounds);
          expect(roundRobin(ids)).toEqual(rounds); // deterministic
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses fewer than two teams and a team listed twice', () => {
    expect(() => roundRobin(['a'])).toThrow(TournamentInputError);
    expect(() => roundRobin(['a', 'b', 'a'])).toThrow(expect.objectContaining({ code: 'duplicate_team' }));
    expect(() => roundRobin(['a', ''])).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('groups of unequal size', () => {
  it('splits the 通州 league of 40 teams into 14/13/13', () => {
    expect(groupSizes(40, 3)).toEqual([14, 13, 13]);
    expect(groupSizes(17, 4)).toEqual([5, 4, 4, 4]);
    expect(() => groupSizes(5, 3)).toThrow(TournamentInputError);
  });

  it('plays a round-robin in each category group', () => {
    const groups = [
      { groupId: '市直机关', teamIds: teams(14, 'a') },
      { groupId: '区直属机关事业单位', teamIds: teams(13, 'b') },
      { groupId: '乡镇街道企业', teamIds: teams(13, 'c') },
    ];
    const fixtures = groupRoundRobins(groups);
    expect(fixtures.map((f) => f.rounds.length)).toEqual([13, 13, 13]);
    fixtures.forEach((f, g) => checkRoundRobin(groups[g]!.teamIds, f.rounds));
    expect(fixtures.flatMap((f) => f.rounds.flatMap((r) => r.matches))).toHaveLength(91 + 78 + 78);
  });

  it('refuses a team in two groups', () => {
    expect(() =>
      groupRoundRobins([
        { groupId: 'A', teamIds: ['x', 'y'] },
        { groupId: 'B', teamIds: ['y', 'z'] },
      ]),
    ).toThrow(expect.objectContaining({ code: 'duplicate_team' }));
  });
});
