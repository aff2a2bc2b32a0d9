import type { Match, TournamentDetail } from '../../../common/tournaments.js';

type Side = Match['home'];
export const team = (teamId: number, name: string): Side => ({ teamId, name, source: null });
export const from = (source: string): Side => ({ teamId: null, name: null, source });

/** A match with overrides: a group match without a result unless told. */
export const buildMatch = (over: Partial<Match> = {}): Match => ({
  id: 1,
  stage: 'group',
  group: 1,
  round: 1,
  bracketNo: null,
  home: team(11, '市直机关队1'),
  away: team(12, '市直机关队2'),
  kickoff: null,
  venue: null,
  result: null,
  winnerTeamId: null,
  ...over,
});

export const confirmedResult = (over: Partial<NonNullable<Match['result']>> = {}): NonNullable<Match['result']> => ({
  version: 1,
  status: 'confirmed',
  regular: { home: 1, away: 1 },
  extraTime: null,
  penalties: null,
  fairPlay: { home: 0, away: 0 },
  ...over,
});

/** The 通州 league, no teams yet. */
export const buildTournament = (over: Partial<TournamentDetail> = {}): TournamentDetail => ({
  id: 5,
  orgId: 1,
  orgName: '通州区总工会',
  eventId: null,
  name: '通州区职工足球联赛',
  kind: 'league_knockout',
  tieBreaks: ['points', 'lots'],
  points: { win: 3, draw: 1, loss: 0 },
  qualifiers: 8,
  lanes: null,
  finalists: null,
  byPlace: null,
  heatTieRule: 'lots',
  prizes: 0,
  merits: 0,
  lotsSeed: 'seed',
  createdAt: '2026-12-01T00:00:00Z',
  teams: [],
  ...over,
});
