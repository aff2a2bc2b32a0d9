import { TournamentInputError, assertDistinctIds } from './errors.js';

/**
 * Fixtures of a group stage (issue #14): a single round-robin by the circle method. Team 1 stays put, the others
 * rotate one place a round; with an odd number of teams a phantom joins and whoever meets it has the bye. Every pair
 * meets once, n − 1 rounds for even n and n for odd n.
 *
 * Home and away do not depend on the round: of teams i < j (0-based, in the order given) the home side is the one
 * that the "rotational" rule names — on the odd circle of m teams (m = n, or n − 1 with the last team set aside),
 * i hosts j when (j − i) mod m ≤ (m − 1)/2, otherwise j hosts i; the team set aside hosts those of even 0-based index.
 * Each team then hosts exactly (m − 1)/2 games on the odd circle, so home and away differ by at most one.
 */

export const FIXTURE_LIMITS = { teams: 200 } as const;

export type Fixture = { home: string; away: string };
export type FixtureRound = { round: number; matches: Fixture[]; bye: string | null };

/** The round-robin of `teamIds` (in the order given: the order is the draw). Deterministic. Throws TournamentInputError. */
export function roundRobin(teamIds: readonly string[]): FixtureRound[] {
  assertDistinctIds(teamIds);
  const n = teamIds.length;
  if (n < 2) throw new TournamentInputError('too_few_teams', '循环赛至少需要2支队伍', 'a round-robin needs at least 2 teams');
  if (n > FIXTURE_LIMITS.teams)
    throw new TournamentInputError(
      'too_many_teams',
      `一个小组最多${FIXTURE_LIMITS.teams}支队伍`,
      `at most ${FIXTURE_LIMITS.teams} teams in a group`,
    );
  const slots = n % 2 === 0 ? n : n + 1; // slot n (when n is odd) is the phantom: meeting it is the bye
  const rotating = Array.from({ length: slots - 1 }, (_, i) => i + 1);
  const rounds: FixtureRound[] = [];
  for (let r = 0; r < slots - 1; r += 1) {
    const circle = [0, ...rotating];
    const matches: Fixture[] = [];
    let bye: string | null = null;
    for (let k = 0; k < slots / 2; k += 1) {
      const a = circle[k]!;
      const b = circle[slots - 1 - k]!;
      if (a >= n || b >= n) {
        bye = teamIds[Math.min(a, b)]!;
        continue;
      }
      const [low, high] = a < b ? [a, b] : [b, a];
      const [home, away] = isHome(low, high, n) ? [low, high] : [high, low];
      matches.push({ home: teamIds[home]!, away: teamIds[away]! });
    }
    rounds.push({ round: r + 1, matches, bye });
    rotating.unshift(rotating.pop()!);
  }
  return rounds;
}

/** Whether team i hosts team j (i < j) — the rotational rule of the header. */
function isHome(i: number, j: number, n: number): boolean {
  const m = n % 2 === 1 ? n : n - 1;
  if (j === m) return i % 2 === 1; // the team set aside (even n) hosts teams 0, 2, 4, … and visits 1, 3, 5, …
  return (j - i) % m <= (m - 1) / 2;
}

/** Sizes of `groups` groups for `teams` teams, differing by at most one, larger groups first (40 in 3: 14/13/13). */
export function groupSizes(teams: number, groups: number): number[] {
  if (!Number.isSafeInteger(groups) || groups < 1 || !Number.isSafeInteger(teams) || teams < groups * 2)
    throw new TournamentInputError('invalid_input', '每个小组至少需要2支队伍', 'every group needs at least 2 teams');
  return Array.from({ length: groups }, (_, g) => Math.floor(teams / groups) + (g < teams % groups ? 1 : 0));
}

export type GroupInput = { groupId: string; teamIds: readonly string[] };
export type GroupFixtures = { groupId: string; rounds: FixtureRound[] };

/**
 * The round-robins of groups that need not be of equal size — groups by category, as the 通州 league's 市直机关,
 * 区直属机关事业单位 and 乡镇街道企业. A team may be in one group only.
 */
export function groupRoundRobins(groups: readonly GroupInput[]): GroupFixtures[] {
  assertDistinctIds(groups.map((g) => g.groupId));
  assertDistinctIds(groups.flatMap((g) => g.teamIds));
  return groups.map((g) => ({ groupId: g.groupId, rounds: roundRobin(g.teamIds) }));
}
