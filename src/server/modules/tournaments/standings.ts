import { createHmac } from 'node:crypto';
import { TournamentInputError, assertDistinctIds } from './errors.js';

/**
 * Group standings (issue #14), computed from the results every time — never stored. For a group table a match is
 * decided by the goals of regular plus extra time; penalties are recorded (a knockout match may be decided on them,
 * see knockoutWinner) but a match level after extra time is a draw in the table.
 *
 * Ties are broken by a declared ordered list of criteria. The overall ones (points, goal difference, goals for,
 * fair-play) compare the teams over all their matches. `headToHead` builds the mini-table of the matches among the
 * teams still tied — points, then goal difference, then goals for in those matches only — and, when that splits the
 * tied teams but leaves some of them level, is RE-APPLIED to each smaller set still level (its own mini-table), as
 * UEFA's regulations do; only when a mini-table separates nobody do the next criteria apply. `lots` is the drawing of
 * lots with a recorded seed: each team's key is hex(HMAC-SHA256(key = UTF-8(seed), message = UTF-8("gonghui.lots/1\n"
 * + teamId))), the smaller key ranks above, so anyone holding the seed can check the draw.
 */

export type TieBreak = 'points' | 'goalDifference' | 'goalsFor' | 'headToHead' | 'fairPlay' | 'lots';

/**
 * The order of FIFA's World Cup regulations (2018, 2022): overall points, goal difference, goals; then head-to-head;
 * fair play; lots. FIFA applies the head-to-head mini-table once; here it is re-applied like every `headToHead`.
 */
export const FIFA_TIE_BREAKS: readonly TieBreak[] = ['points', 'goalDifference', 'goalsFor', 'headToHead', 'fairPlay', 'lots'];
/** UEFA club competitions order: head-to-head straight after points. */
export const UEFA_TIE_BREAKS: readonly TieBreak[] = ['points', 'headToHead', 'goalDifference', 'goalsFor', 'fairPlay', 'lots'];

export const LOTS_FORMAT = 'gonghui.lots/1';

export type Score = { home: number; away: number };
export type MatchResult = {
  home: string;
  away: string;
  /** Goals in the 90 minutes (or the regular time of the competition). */
  regular: Score;
  /** Goals in extra time only, when it was played. */
  extraTime?: Score | null;
  /** The shoot-out, when there was one; never counts in a table. */
  penalties?: Score | null;
  /** Disciplinary points of each side in the match (yellow 1, second yellow 3, red 4 …): fewer ranks above. */
  fairPlay?: Score | null;
};

export type StandingsRules = {
  points: { win: number; draw: number; loss: number };
  tieBreaks: readonly TieBreak[];
  /** The recorded seed of the drawing of lots; required when `lots` is in the list. */
  lotsSeed?: string;
};

export const DEFAULT_POINTS = { win: 3, draw: 1, loss: 0 } as const;

export type Standing = {
  position: number;
  team: string;
  played: number;
  won: number;
  drawn: number;
  lost: number;
  goalsFor: number;
  goalsAgainst: number;
  goalDifference: number;
  points: number;
  fairPlay: number;
  /** The criterion that placed this team above the next one; null for the last team. */
  separatedFromNextBy: TieBreak | null;
  /** This team's key in the drawing of lots, when lots were drawn for it. */
  lotsKey: string | null;
};

type Totals = Omit<Standing, 'position' | 'team' | 'separatedFromNextBy' | 'lotsKey'>;

/** The key of a team in the drawing of lots (see the header). */
export function lotsKey(seed: string, teamId: string): string {
  return createHmac('sha256', Buffer.from(seed, 'utf8')).update(`${LOTS_FORMAT}\n${teamId}`, 'utf8').digest('hex');
}

/** The goals that count for the result: regular plus extra time. */
export function goalsAfterExtraTime(result: MatchResult): Score {
  return { home: result.regular.home + (result.extraTime?.home ?? 0), away: result.regular.away + (result.extraTime?.away ?? 0) };
}

/** The winner of a knockout match: after extra time, else on penalties; null when neither decides (invalid). */
export function knockoutWinner(result: MatchResult): string | null {
  const goals = goalsAfterExtraTime(result);
  if (goals.home !== goals.away) return goals.home > goals.away ? result.home : result.away;
  const pens = result.penalties;
  if (pens && pens.home !== pens.away) return pens.home > pens.away ? result.home : result.away;
  return null;
}

/** The table of `teams` from `results` under `rules`. Throws TournamentInputError on a malformed input. */
export function computeStandings(teams: readonly string[], results: readonly MatchResult[], rules: StandingsRules): Standing[] {
  assertDistinctIds(teams);
  validate(teams, results, rules);
  const overall = totals(teams, results, rules);
  const separatedBy = new Map<string, TieBreak | null>();
  const keys = new Map<string, string>();

  const resolve = (tied: readonly string[], k: number): string[] => {
    if (tied.length <= 1) return [...tied];
    const criterion = rules.tieBreaks[k];
    if (criterion === undefined) return [...tied].sort(); // not reached: validate() makes lots the last criterion
    if (criterion === 'lots') {
      const seed = rules.lotsSeed!;
      tied.forEach((team) => keys.set(team, lotsKey(seed, team)));
      const ordered = [...tied].sort((a, b) => (keys.get(a)! < keys.get(b)! ? -1 : 1));
      ordered.slice(0, -1).forEach((team) => separatedBy.set(team, 'lots'));
      return ordered;
    }
    if (criterion === 'headToHead') return headToHead(tied, k);
    return split(
      tied,
      (team) => overallValue(overall.get(team)!, criterion),
      criterion,
      (part) => resolve(part, k + 1),
    );
  };

  const headToHead = (tied: readonly string[], k: number): string[] => {
    const among = new Set(tied);
    const mini = totals(
      tied,
      results.filter((r) => among.has(r.home) && among.has(r.away)),
      rules,
    );
    const value = (team: string): number[] => {
      const t = mini.get(team)!;
      return [t.points, t.goalDifference, t.goalsFor];
    };
    const parts = partition(tied, value);
    if (parts.length === 1) return resolve(tied, k + 1);
    return join(parts, 'headToHead', (part) => (part.length === 1 ? part : headToHead(part, k)));
  };

  const split = (
    tied: readonly string[],
    value: (team: string) => number,
    criterion: TieBreak,
    next: (part: string[]) => string[],
  ): string[] =>
    join(
      partition(tied, (team) => [value(team)]),
      criterion,
      next,
    );

  const join = (parts: string[][], criterion: TieBreak, next: (part: string[]) => string[]): string[] => {
    const ordered: string[] = [];
    parts.forEach((part, i) => {
      const inner = next(part);
      if (i < parts.length - 1) separatedBy.set(inner.at(-1)!, criterion);
      ordered.push(...inner);
    });
    return ordered;
  };

  const order = resolve([...teams].sort(), 0);
  return order.map((team, i) => ({
    position: i + 1,
    team,
    ...overall.get(team)!,
    separatedFromNextBy: i === order.length - 1 ? null : (separatedBy.get(team) ?? null),
    lotsKey: keys.get(team) ?? null,
  }));
}

/** Teams grouped by equal value, best first (values compared lexicographically, larger better). */
function partition(teams: readonly string[], value: (team: string) => number[]): string[][] {
  const withValue = teams.map((team) => ({ team, v: value(team) }));
  withValue.sort((a, b) => compareDesc(a.v, b.v) || (a.team < b.team ? -1 : 1));
  const parts: string[][] = [];
  withValue.forEach((entry, i) => {
    if (i > 0 && compareDesc(withValue[i - 1]!.v, entry.v) === 0) parts.at(-1)!.push(entry.team);
    else parts.push([entry.team]);
  });
  return parts;
}

function compareDesc(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}

function overallValue(t: Totals, criterion: Exclude<TieBreak, 'headToHead' | 'lots'>): number {
  switch (criterion) {
    case 'points':
      return t.points;
    case 'goalDifference':
      return t.goalDifference;
    case 'goalsFor':
      return t.goalsFor;
    case 'fairPlay':
      return -t.fairPlay; // fewer disciplinary points rank above
  }
}

function totals(teams: readonly string[], results: readonly MatchResult[], rules: StandingsRules): Map<string, Totals> {
  const table = new Map<string, Totals>(
    teams.map((team) => [
      team,
      { played: 0, won: 0, drawn: 0, lost: 0, goalsFor: 0, goalsAgainst: 0, goalDifference: 0, points: 0, fairPlay: 0 },
    ]),
  );
  for (const result of results) {
    const goals = goalsAfterExtraTime(result);
    const sides = [
      { team: result.home, scored: goals.home, conceded: goals.away, cards: result.fairPlay?.home ?? 0 },
      { team: result.away, scored: goals.away, conceded: goals.home, cards: result.fairPlay?.away ?? 0 },
    ];
    for (const side of sides) {
      const t = table.get(side.team)!;
      t.played += 1;
      t.goalsFor += side.scored;
      t.goalsAgainst += side.conceded;
      t.goalDifference = t.goalsFor - t.goalsAgainst;
      t.fairPlay += side.cards;
      if (side.scored > side.conceded) {
        t.won += 1;
        t.points += rules.points.win;
      } else if (side.scored === side.conceded) {
        t.drawn += 1;
        t.points += rules.points.draw;
      } else {
        t.lost += 1;
        t.points += rules.points.loss;
      }
    }
  }
  return table;
}

function validate(teams: readonly string[], results: readonly MatchResult[], rules: StandingsRules): void {
  const known = new Set(teams);
  const count = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
  const score = (s: Score | null | undefined): boolean => s == null || (count(s.home) && count(s.away));
  for (const r of results) {
    if (!known.has(r.home) || !known.has(r.away))
      throw new TournamentInputError(
        'unknown_team',
        '比赛结果中有不在本组的队伍',
        `a result names a team outside the group: ${r.home} v ${r.away}`,
      );
    if (r.home === r.away) throw new TournamentInputError('invalid_input', '一场比赛的双方不能是同一队', 'a team cannot play itself');
    if (!score(r.regular) || !score(r.extraTime) || !score(r.penalties) || !score(r.fairPlay))
      throw new TournamentInputError('invalid_input', '比分须为非负整数', 'scores must be whole numbers, zero or more');
  }
  const { win, draw, loss } = rules.points;
  if (![win, draw, loss].every(Number.isSafeInteger) || !(win > draw && draw >= loss))
    throw new TournamentInputError('invalid_input', '积分须满足 胜 > 平 ≥ 负', 'points must be win > draw ≥ loss');
  const breaks = rules.tieBreaks;
  if (new Set(breaks).size !== breaks.length || breaks.at(-1) !== 'lots')
    throw new TournamentInputError(
      'invalid_input',
      '排名规则须各列一次，并以抽签结束',
      'each tie-break may be listed once and the list must end with the drawing of lots',
    );
  if (rules.lotsSeed === undefined || rules.lotsSeed.trim() === '')
    throw new TournamentInputError('invalid_input', '抽签须记录种子', 'the drawing of lots needs a recorded seed');
}
