import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../../db/schema.js';
import type { ResultStatus, TournamentKind } from '../../../common/tournaments.js';

/** The tables of 0052_tournaments.sql and 0055_tournament_gaps.sql. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
export type TournamentTable = {
  id: Id;
  org_id: number;
  org_path: string;
  event_id: number | null;
  name: string;
  kind: TournamentKind;
  tie_breaks: string[];
  points_win: number;
  points_draw: number;
  points_loss: number;
  qualifiers: number | null;
  lanes: number | null;
  finalists: number | null;
  by_place: number | null;
  heat_tie_rule: 'lots' | 'reRow';
  prizes: number;
  merits: number;
  lots_seed: string;
  created_at: Timestamp;
  link_generation: Defaulted<number>;
  link_revoked: Defaulted<boolean>;
};

export type TournamentTeamTable = {
  id: Id;
  tournament_id: number;
  org_id: number | null;
  org_path: string | null;
  name: string;
  category: string | null;
  seed: number | null;
  group_no: number | null;
  draw_no: number | null;
  created_at: Timestamp;
};

export type TournamentMatchTable = {
  id: Id;
  tournament_id: number;
  stage: 'group' | 'knockout';
  group_no: number | null;
  round: number;
  bracket_no: number | null;
  home_team_id: number | null;
  away_team_id: number | null;
  home_source: string | null;
  away_source: string | null;
  kickoff: string | null;
  venue: string | null;
};

export type TournamentResultTable = {
  id: Id;
  match_id: number;
  version: number;
  status: ResultStatus;
  home_team_id: number;
  away_team_id: number;
  home_goals: number;
  away_goals: number;
  et_home: number | null;
  et_away: number | null;
  pen_home: number | null;
  pen_away: number | null;
  fair_play_home: number;
  fair_play_away: number;
  reason: string | null;
  is_override: boolean;
  user_id: number;
  created_at: Timestamp;
};

export type TournamentLaneTable = {
  id: Id;
  tournament_id: number;
  stage: 'heat' | 'final';
  heat_no: number;
  lane: number;
  team_id: number;
  withdrawn_at: string | null;
};

export type TournamentHeatResultTable = {
  id: Id;
  lane_id: number;
  version: number;
  status: 'entered' | 'confirmed';
  outcome: 'finished' | 'DNS' | 'DNF' | 'DSQ';
  time_ms: number | null;
  user_id: number;
  created_at: Timestamp;
};

export type TournamentRerowTable = { id: Id; tournament_id: number; team_ids: number[]; user_id: number; created_at: Timestamp };

export type TournamentRefereeTable = { user_id: number; tournament_id: number; created_at: Timestamp };
export type TournamentRefereeMatchTable = { user_id: number; match_id: number };

declare module '../../db/schema.js' {
  interface DB {
    tournament: TournamentTable;
    tournament_team: TournamentTeamTable;
    tournament_match: TournamentMatchTable;
    tournament_result: TournamentResultTable;
    tournament_lane: TournamentLaneTable;
    tournament_heat_result: TournamentHeatResultTable;
    tournament_referee: TournamentRefereeTable;
    tournament_rerow: TournamentRerowTable;
    tournament_referee_match: TournamentRefereeMatchTable;
  }
}
