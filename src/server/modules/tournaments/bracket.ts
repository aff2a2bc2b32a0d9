import { TournamentInputError } from './errors.js';

/**
 * Knockout brackets (issue #14). A bracket of n entrants (2..64) is drawn on P slots, P the next power of two; the
 * slots follow the standard seeding order (round 1 pairs seed s with seed P + 1 − s, and seeds 1 and 2 sit in
 * opposite halves, 1–4 in different quarters, so the best can meet only late: 1 v 2 in the final at the earliest). The P − n missing seeds are byes, and since seed s faces seed P + 1 − s
 * the byes go to seeds 1..P − n. A bye is a round-1 match with one side empty (a walkover): it appears in round 1 only
 * and never against another bye, because n > P/2.
 */

export const BRACKET_LIMITS = { minEntrants: 2, maxEntrants: 64 } as const;

export type BracketSource =
  { kind: 'seed'; seed: number } | { kind: 'winner'; match: number } | { kind: 'groupRank'; group: number; rank: number };
export type BracketSlot = BracketSource | { kind: 'bye' };

/** Matches are numbered 1.. in round order, top of the bracket first. */
export type BracketMatch = { match: number; round: number; home: BracketSlot; away: BracketSlot };
export type Bracket = { size: number; rounds: number; matches: BracketMatch[] };

/** Seeds 1..size in bracket order (size a power of two): 8 → [1, 8, 4, 5, 2, 7, 3, 6]. */
export function seedingOrder(size: number): number[] {
  if (!Number.isSafeInteger(size) || size < 1 || (size & (size - 1)) !== 0)
    throw new TournamentInputError('invalid_input', '签位数须为2的幂', 'the bracket size must be a power of two');
  let order = [1];
  while (order.length < size) {
    const next = order.length * 2 + 1;
    order = order.flatMap((s) => [s, next - s]);
  }
  return order;
}

function bracketSize(entrants: number): number {
  if (!Number.isSafeInteger(entrants) || entrants < BRACKET_LIMITS.minEntrants || entrants > BRACKET_LIMITS.maxEntrants)
    throw new TournamentInputError(
      'invalid_input',
      `淘汰赛须有${BRACKET_LIMITS.minEntrants}至${BRACKET_LIMITS.maxEntrants}个参赛方`,
      `a knockout takes ${BRACKET_LIMITS.minEntrants} to ${BRACKET_LIMITS.maxEntrants} entrants`,
    );
  let size = 2;
  while (size < entrants) size *= 2;
  return size;
}

/** The bracket of `entrants` listed best first (entrants[0] is seed 1); byes to the best. */
export function bracketOf(entrants: readonly BracketSource[]): Bracket {
  const size = bracketSize(entrants.length);
  const slots: BracketSlot[] = seedingOrder(size).map((seed) => entrants[seed - 1] ?? { kind: 'bye' });
  const matches: BracketMatch[] = [];
  let previous: BracketSlot[] = slots;
  let round = 1;
  while (previous.length > 1) {
    const winners: BracketSlot[] = [];
    for (let i = 0; i < previous.length; i += 2) {
      const match = matches.length + 1;
      matches.push({ match, round, home: previous[i]!, away: previous[i + 1]! });
      winners.push({ kind: 'winner', match });
    }
    previous = winners;
    round += 1;
  }
  return { size, rounds: round - 1, matches };
}

/** A seeded knockout of `entrants` entrants, sources {kind:'seed'}. Throws TournamentInputError. */
export function seededBracket(entrants: number): Bracket {
  bracketSize(entrants);
  return bracketOf(Array.from({ length: entrants }, (_, i): BracketSource => ({ kind: 'seed', seed: i + 1 })));
}

/**
 * The knockout after a group stage: the top `qualifiers` of each of `groups` groups (the 通州 league: 8 of 3 groups,
 * 24 teams on 32 slots, 8 byes). The stated rule:
 * - Seeding by rank: every group winner is seeded above every runner-up, and so on (rank k of all groups are seeds
 *   (k − 1)·G + 1 .. k·G), so the byes go to the best ranks: here all rank-1 and rank-2 teams and two rank-3 teams.
 * - Within one rank the groups are placed on those seeds so that teams of the same group meet as late as possible:
 *   in every sub-bracket no group has more than its share (⌈teams there / G⌉). The first such placement in the order
 *   "rank by rank, groups permuted in lexicographic order" is taken, so the result is deterministic; which groups'
 *   rank-3 teams get the last byes follows from it (the test names them for the 24-team case).
 * - If no placement meets the shares (not the case for the usual sizes) the groups are rotated rank by rank instead.
 */
export function groupKnockout(input: { groups: number; qualifiers: number }): Bracket {
  const { groups, qualifiers } = input;
  if (!Number.isSafeInteger(groups) || groups < 1 || !Number.isSafeInteger(qualifiers) || qualifiers < 1)
    throw new TournamentInputError('invalid_input', '小组数与出线名额须为正整数', 'groups and qualifiers must be positive integers');
  const size = bracketSize(groups * qualifiers);
  const positionOfSeed = new Map(seedingOrder(size).map((seed, position) => [seed, position]));
  const groupOfSeed = placeGroups(groups, qualifiers, size, positionOfSeed) ?? rotated(groups, qualifiers);
  const entrants = groupOfSeed.map((group, i): BracketSource => ({ kind: 'groupRank', group, rank: Math.floor(i / groups) + 1 }));
  return bracketOf(entrants);
}

function rotated(groups: number, qualifiers: number): number[] {
  return Array.from({ length: groups * qualifiers }, (_, i) => ((i + Math.floor(i / groups)) % groups) + 1);
}

/** Backtracking over ranks: the group (1-based) of each seed, or null when the shares cannot all be met. */
function placeGroups(groups: number, qualifiers: number, size: number, positionOfSeed: Map<number, number>): number[] | null {
  const entrants = groups * qualifiers;
  // Teams in each sub-bracket (a block of 2^level slots), to know each group's share there.
  const teamsIn = new Map<string, number>();
  for (let seed = 1; seed <= entrants; seed += 1)
    for (let block = 2; block <= size; block *= 2) {
      const key = `${block}:${Math.floor(positionOfSeed.get(seed)! / block)}`;
      teamsIn.set(key, (teamsIn.get(key) ?? 0) + 1);
    }
  const counts = new Map<string, number>();
  const placed: number[] = [];
  const perms = permutations(groups);
  let steps = 0;
  const place = (rank: number): boolean => {
    if (rank === qualifiers) return true;
    for (const perm of perms) {
      steps += 1;
      if (steps > 200_000) return false;
      const touched: string[] = [];
      let fits = true;
      perm.forEach((group, k) => {
        const seed = rank * groups + k + 1;
        for (let block = 2; block <= size; block *= 2) {
          const where = `${block}:${Math.floor(positionOfSeed.get(seed)! / block)}`;
          const key = `${where}:${group}`;
          const count = (counts.get(key) ?? 0) + 1;
          counts.set(key, count);
          touched.push(key);
          if (count > Math.ceil(teamsIn.get(where)! / groups)) fits = false;
        }
      });
      if (fits) {
        placed.push(...perm);
        if (place(rank + 1)) return true;
        placed.splice(placed.length - groups, groups);
      }
      for (const key of touched) counts.set(key, counts.get(key)! - 1);
    }
    return false;
  };
  return place(0) ? placed : null;
}

function permutations(n: number): number[][] {
  if (n > 6) return [Array.from({ length: n }, (_, i) => i + 1)]; // too many to try: keep the given order
  const all: number[][] = [];
  const walk = (prefix: number[], rest: number[]): void => {
    if (rest.length === 0) all.push(prefix);
    rest.forEach((x, i) => walk([...prefix, x], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  walk(
    [],
    Array.from({ length: n }, (_, i) => i + 1),
  );
  return all;
}

/** The round in which two round-1 slots (0-based positions) would meet if both kept winning. */
export function meetingRound(positionA: number, positionB: number): number {
  let round = 1;
  let a = positionA >> 1;
  let b = positionB >> 1;
  while (a !== b) {
    a >>= 1;
    b >>= 1;
    round += 1;
  }
  return round;
}
