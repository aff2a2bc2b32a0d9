import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/tournaments.errors.js';
import type { HeatsView, Match, Standings } from '../../../common/tournaments.js';
import { computeStandings, knockoutWinner, type MatchResult, type Standing, type StandingsRules, type TieBreak } from './standings.js';
import { finalPlaces, progressToFinal, type HeatResult, type Progression } from './heats.js';
import { TournamentInputError } from './errors.js';
import * as repo from './tournaments.repo.js';

/** Runs a pure tournament function, turning its input error into the module's 400 in both languages. */
export function domain<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof TournamentInputError) throw new AppError('TOURNAMENT_INPUT_INVALID', { zh: error.zh, en: error.message });
    throw error;
  }
}

export function rulesOf(t: repo.TournamentRow): StandingsRules {
  return {
    points: { win: t.points_win, draw: t.points_draw, loss: t.points_loss },
    tieBreaks: t.tie_breaks as TieBreak[],
    lotsSeed: t.lots_seed,
  };
}

type Side = number | 'bye' | null;
export type ResolvedMatch = { row: repo.MatchRow; home: Side; away: Side; winner: number | null; latest: repo.ResultRow | null };

/**
 * The tournament as its results make it now: each group's table (computed, never stored), every knockout side
 * resolved from its source ("rank k of group g" once the group is complete, "winner of match N" once N is decided by
 * a counting result for the sides it was entered for) and each match's latest result. Only a confirmed latest row
 * counts.
 */
export type LeagueState = {
  teams: Map<number, repo.TeamRow>;
  groups: { group: number; complete: boolean; table: Standing[] }[];
  matches: ResolvedMatch[];
};

export async function leagueState(db: Executor, t: repo.Reachable & repo.TournamentRow): Promise<LeagueState> {
  const [teams, matches, latest] = await Promise.all([repo.teamsOf(db, t), repo.matchesOf(db, t), repo.latestResults(db, t)]);
  const latestOf = new Map(latest.map((r) => [r.match_id, r]));
  const counting = (m: repo.MatchRow) => {
    const r = latestOf.get(m.id);
    return r && r.status === 'confirmed' ? r : null;
  };
  const groupNos = [...new Set(teams.flatMap((tm) => (tm.group_no === null ? [] : [tm.group_no])))].sort((a, b) => a - b);
  const groups = groupNos.map((group) => {
    const ids = teams.filter((tm) => tm.group_no === group).map((tm) => String(tm.id));
    const played = matches.filter((m) => m.stage === 'group' && m.group_no === group);
    const results = played.flatMap((m) => {
      const r = counting(m);
      return r ? [asMatchResult(r)] : [];
    });
    const table = domain(() => computeStandings(ids, results, rulesOf(t)));
    return { group, complete: played.length > 0 && results.length === played.length, table };
  });
  const winners = new Map<number, number | null>();
  const side = (teamId: number | null, source: string | null): Side => {
    if (teamId !== null) return teamId;
    if (source === 'bye') return 'bye';
    const [kind, a, b] = (source ?? '').split(':');
    if (kind === 'winner') return winners.get(Number(a)) ?? null;
    if (kind === 'rank') {
      const g = groups.find((x) => x.group === Number(a));
      const row = g?.complete ? g.table[Number(b) - 1] : undefined;
      return row ? Number(row.team) : null;
    }
    return null;
  };
  const resolved = matches.map((m): ResolvedMatch => {
    const home = side(m.home_team_id, m.home_source);
    const away = side(m.away_team_id, m.away_source);
    const r = counting(m);
    let winner: number | null = null;
    if (m.stage === 'knockout') {
      if (home === 'bye' && typeof away === 'number') winner = away;
      else if (away === 'bye' && typeof home === 'number') winner = home;
      else if (r && r.home_team_id === home && r.away_team_id === away) {
        const w = knockoutWinner(asMatchResult(r));
        winner = w === null ? null : Number(w);
      }
      winners.set(m.bracket_no!, winner);
    }
    return { row: m, home, away, winner, latest: latestOf.get(m.id) ?? null };
  });
  return { teams: new Map(teams.map((tm) => [tm.id, tm])), groups, matches: resolved };
}

export function asMatchResult(r: repo.ResultRow): MatchResult {
  return {
    home: String(r.home_team_id),
    away: String(r.away_team_id),
    regular: { home: r.home_goals, away: r.away_goals },
    extraTime: r.et_home === null ? null : { home: r.et_home, away: r.et_away! },
    penalties: r.pen_home === null ? null : { home: r.pen_home, away: r.pen_away! },
    fairPlay: { home: r.fair_play_home, away: r.fair_play_away },
  };
}

/** The matches that depend on `match`, transitively: the knockout matches its group or its winner feeds. */
export function downstreamOf(state: LeagueState, match: repo.MatchRow): ResolvedMatch[] {
  const knockout = state.matches.filter((m) => m.row.stage === 'knockout');
  const feeds = (m: ResolvedMatch, from: repo.MatchRow): boolean => {
    const sources = [m.row.home_source, m.row.away_source];
    if (from.stage === 'group') return sources.some((s) => s?.startsWith(`rank:${from.group_no}:`));
    return sources.includes(`winner:${from.bracket_no}`);
  };
  const found = new Map<number, ResolvedMatch>();
  const walk = (from: repo.MatchRow) => {
    for (const m of knockout)
      if (!found.has(m.row.id) && feeds(m, from)) {
        found.set(m.row.id, m);
        walk(m.row);
      }
  };
  walk(match);
  return [...found.values()];
}

export function presentMatch(state: LeagueState, m: ResolvedMatch): Match {
  const side = (s: Side, source: string | null) => ({
    teamId: typeof s === 'number' ? s : null,
    name: typeof s === 'number' ? (state.teams.get(s)?.name ?? null) : null,
    source,
  });
  const r = m.latest;
  return {
    id: m.row.id,
    stage: m.row.stage,
    group: m.row.group_no,
    round: m.row.round,
    bracketNo: m.row.bracket_no,
    home: side(m.home, m.row.home_source),
    away: side(m.away, m.row.away_source),
    kickoff: m.row.kickoff === null ? null : new Date(m.row.kickoff).toISOString(),
    venue: m.row.venue,
    result: r
      ? {
          version: r.version,
          status: r.status,
          regular: { home: r.home_goals, away: r.away_goals },
          extraTime: r.et_home === null ? null : { home: r.et_home, away: r.et_away! },
          penalties: r.pen_home === null ? null : { home: r.pen_home, away: r.pen_away! },
          fairPlay: { home: r.fair_play_home, away: r.fair_play_away },
        }
      : null,
    winnerTeamId: m.winner,
  };
}

export function presentStandings(state: LeagueState): Standings['groups'] {
  return state.groups.map((g) => ({
    group: g.group,
    complete: g.complete,
    rows: g.table.map((s) => ({
      position: s.position,
      teamId: Number(s.team),
      name: state.teams.get(Number(s.team))?.name ?? '',
      played: s.played,
      won: s.won,
      drawn: s.drawn,
      lost: s.lost,
      goalsFor: s.goalsFor,
      goalsAgainst: s.goalsAgainst,
      goalDifference: s.goalDifference,
      points: s.points,
      fairPlay: s.fairPlay,
      separatedFromNextBy: s.separatedFromNextBy,
      lotsKey: s.lotsKey,
    })),
  }));
}

/** Heats, the progression to the final (once every heat result is confirmed), the final and its places. */
export async function heatsState(db: Executor, t: repo.Reachable & repo.TournamentRow) {
  const [lanes, results, reRows] = await Promise.all([repo.lanesOf(db, t), repo.latestHeatResults(db, t), repo.reRowsOf(db, t)]);
  const resultOf = new Map(results.map((r) => [r.lane_id, r]));
  const heatLanes = lanes.filter((l) => l.stage === 'heat');
  const finalLanes = lanes.filter((l) => l.stage === 'final');
  const confirmed = (ls: repo.LaneRow[]) => ls.length > 0 && ls.every((l) => resultOf.get(l.id)?.status === 'confirmed');
  const asHeatResult = (l: repo.LaneRow): HeatResult => {
    const r = resultOf.get(l.id)!;
    return { crewId: String(l.team_id), heat: l.heat_no, status: r.outcome, ...(r.time_ms === null ? {} : { timeMs: r.time_ms }) };
  };
  let progression: Progression | null = null;
  if (confirmed(heatLanes)) {
    progression = domain(() =>
      progressToFinal({
        results: heatLanes.map(asHeatResult),
        finalists: t.finalists ?? 1,
        ...(t.by_place === null ? {} : { byPlace: t.by_place }),
        tieRule: t.heat_tie_rule === 'lots' ? { kind: 'lots', seed: t.lots_seed } : { kind: 'reRow' },
        decided: reRows.map((order) => order.map(String)),
      }),
    );
  }
  const places = confirmed(finalLanes)
    ? domain(() => finalPlaces(finalLanes.map(asHeatResult), { prizes: t.prizes, merits: t.merits }))
    : null;
  return { lanes, heatLanes, finalLanes, resultOf, progression, places };
}

export type HeatsState = Awaited<ReturnType<typeof heatsState>>;

export function presentHeats(t: { id: number }, s: HeatsState): HeatsView {
  const nameOf = new Map(s.lanes.map((l) => [l.team_id, l.name]));
  const laneRow = (l: repo.LaneRow) => {
    const r = s.resultOf.get(l.id);
    return {
      lane: l.lane,
      teamId: l.team_id,
      name: l.name,
      outcome: r?.outcome ?? null,
      timeMs: r?.time_ms ?? null,
      status: r?.status ?? null,
    };
  };
  const heatNos = [...new Set(s.heatLanes.map((l) => l.heat_no))];
  return {
    tournamentId: t.id,
    heats: heatNos.map((heat) => ({ heat, lanes: s.heatLanes.filter((l) => l.heat_no === heat).map(laneRow) })),
    progression: s.progression && {
      finalists: s.progression.finalists.map((f) => ({
        teamId: Number(f.crewId),
        name: nameOf.get(Number(f.crewId)) ?? '',
        heat: f.heat,
        place: f.place,
        timeMs: f.timeMs,
        via: f.via,
      })),
      reRows: s.progression.reRows.map((r) => ({ teamIds: r.crewIds.map(Number), cut: r.cut, heat: r.heat })),
      lots: s.progression.lots.map((l) => ({ teamId: Number(l.crewId), key: l.key })),
      shortfall: s.progression.shortfall,
    },
    final: s.finalLanes.length > 0 ? s.finalLanes.map(laneRow) : null,
    places:
      s.places &&
      s.places.map((p) => ({
        teamId: Number(p.crewId),
        name: nameOf.get(Number(p.crewId)) ?? '',
        place: p.place,
        timeMs: p.timeMs,
        outcome: p.status,
        award: p.award,
      })),
  };
}
