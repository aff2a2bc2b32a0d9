/**
 * Knockout brackets (issue #14): for every size 2..64 every entrant appears exactly once in round 1 (a bye is a round-1
 * walkover), byes only in round 1 and never bye against bye, byes to the top seeds, and the winners resolve to one
 * final. The 24-team knockout after three groups keeps teams of one group apart until the round of 8.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TournamentInputError } from './errors.js';
import { groupKnockout, meetingRound, seededBracket, seedingOrder, type Bracket, type BracketSlot } from './bracket.js';

const label = (slot: BracketSlot): string => JSON.stringify(slot);

function checkBracket(bracket: Bracket, entrants: readonly string[]): void {
  const roundOne = bracket.matches.filter((m) => m.round === 1);
  expect(roundOne).toHaveLength(bracket.size / 2);
  const seen = roundOne.flatMap((m) => [m.home, m.away]).filter((s) => s.kind !== 'bye');
  expect(seen.map(label).sort()).toEqual([...entrants].sort()); // every entrant exactly once
  for (const m of bracket.matches) {
    expect(m.home.kind === 'bye' && m.away.kind === 'bye').toBe(false);
    if (m.round > 1) {
      expect(m.home.kind).toBe('winner');
      expect(m.away.kind).toBe('winner');
    }
  }
  // Every match's winner goes on exactly once, except the final's; sources point backwards.
  const used = bracket.matches.flatMap((m) => [m.home, m.away].flatMap((s) => (s.kind === 'winner' ? [[s.match, m.match]] : [])));
  for (const [from, to] of used) expect(from!).toBeLessThan(to!);
  const fed = used.map(([from]) => from!).sort((a, b) => a - b);
  const final = bracket.matches.at(-1)!;
  expect(fed).toEqual(bracket.matches.filter((m) => m !== final).map((m) => m.match));
  expect(final.round).toBe(bracket.rounds);
  expect(bracket.matches.filter((m) => m.round === bracket.rounds)).toHaveLength(1);
  expect(bracket.matches).toHaveLength(bracket.size - 1);
}

describe('seeded brackets', () => {
  it('orders seeds so that 1 and 2 meet only in the final, 1 and 4 in the semi-final', () => {
    expect(seedingOrder(8)).toEqual([1, 8, 4, 5, 2, 7, 3, 6]);
    const order = seedingOrder(16);
    expect(meetingRound(order.indexOf(1), order.indexOf(2))).toBe(4);
    expect(meetingRound(order.indexOf(1), order.indexOf(4))).toBe(3);
    expect(meetingRound(order.indexOf(3), order.indexOf(4))).toBe(4);
  });

  it('holds for every size from 2 to 64, byes to the top seeds', () => {
    for (let n = 2; n <= 64; n += 1) {
      const bracket = seededBracket(n);
      checkBracket(
        bracket,
        Array.from({ length: n }, (_, i) => label({ kind: 'seed', seed: i + 1 })),
      );
      const byes = bracket.matches
        .filter((m) => m.away.kind === 'bye' || m.home.kind === 'bye')
        .map((m) => (m.home.kind === 'seed' ? m.home.seed : m.away.kind === 'seed' ? m.away.seed : 0))
        .sort((a, b) => a - b);
      expect(byes).toEqual(Array.from({ length: bracket.size - n }, (_, i) => i + 1));
    }
  });

  it('refuses 1 or 65 entrants', () => {
    expect(() => seededBracket(1)).toThrow(TournamentInputError);
    expect(() => seededBracket(65)).toThrow(TournamentInputError);
  });
});

describe('the knockout after the group stage', () => {
  it('builds the 通州 league knockout: 24 teams, 8 byes to the best ranks, one group per first-round block', () => {
    const bracket = groupKnockout({ groups: 3, qualifiers: 8 });
    const entrants = [1, 2, 3].flatMap((group) => [1, 2, 3, 4, 5, 6, 7, 8].map((rank) => label({ kind: 'groupRank', group, rank })));
    checkBracket(bracket, entrants);
    expect(bracket.size).toBe(32);
    const byes = bracket.matches.filter((m) => m.away.kind === 'bye').map((m) => m.home);
    const byeRanks = byes.map((s) => (s.kind === 'groupRank' ? s.rank : 0)).sort();
    expect(byeRanks).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
    // The stated result of the rule: the rank-3 teams of groups 1 and 2 get the last two byes.
    expect(
      byes
        .filter((s) => s.kind === 'groupRank' && s.rank === 3)
        .map((s) => (s.kind === 'groupRank' ? s.group : 0))
        .sort(),
    ).toEqual([1, 2]);
    // Two teams of one group cannot meet before round 3 (the round of 8): pigeonhole makes round 3 the best possible.
    const slots = bracket.matches.filter((m) => m.round === 1).flatMap((m) => [m.home, m.away]);
    for (let a = 0; a < slots.length; a += 1)
      for (let b = a + 1; b < slots.length; b += 1) {
        const [x, y] = [slots[a]!, slots[b]!];
        if (x.kind === 'groupRank' && y.kind === 'groupRank' && x.group === y.group) expect(meetingRound(a, b)).toBeGreaterThanOrEqual(3);
      }
  });

  it('is a valid bracket for any number of groups and qualifiers up to 64 teams', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((groups) =>
            fc.record({ groups: fc.constant(groups), qualifiers: fc.integer({ min: groups === 1 ? 2 : 1, max: Math.floor(64 / groups) }) }),
          ),
        ({ groups, qualifiers }) => {
          const bracket = groupKnockout({ groups, qualifiers });
          const entrants = Array.from({ length: groups }, (_, g) => g + 1).flatMap((group) =>
            Array.from({ length: qualifiers }, (_, r) => label({ kind: 'groupRank', group, rank: r + 1 })),
          );
          checkBracket(bracket, entrants);
          expect(groupKnockout({ groups, qualifiers })).toEqual(bracket);
        },
      ),
      { numRuns: 25 },
    );
  });
});
