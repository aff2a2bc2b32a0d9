import type { Match } from '../../../common/tournaments.js';

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
