-- Tournaments (赛事, issue #14): a league with groups and a knockout (通州 football) or heats and a final (东城 dragon
-- boats). Teams are sent by units, not members: no member-owned rows here, every table is a reference table.
-- Standings are never stored: they are computed from the counting results on every read. A result is an immutable
-- row; the latest row of a match says what counts (confirmed), what waits (entered) and what must be entered again
-- (voided by an audited override). The (match, version) key makes two racing confirmations or corrections collide.
CREATE SEQUENCE tournament_id_seq;
CREATE TABLE tournament (
  id              bigint  NOT NULL DEFAULT nextval('tournament_id_seq') PRIMARY KEY,
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  event_id        bigint  REFERENCES event (id),
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  kind            text    NOT NULL CHECK (kind IN ('league_knockout', 'heats')),
  -- The declared rules: the ordered tie-break list (ending with lots) and the points of a win, a draw and a loss.
  tie_breaks      text[]  NOT NULL,
  points_win      integer NOT NULL DEFAULT 3,
  points_draw     integer NOT NULL DEFAULT 1,
  points_loss     integer NOT NULL DEFAULT 0,
  qualifiers      integer CHECK (qualifiers BETWEEN 1 AND 64),
  lanes           integer CHECK (lanes BETWEEN 2 AND 12),
  finalists       integer CHECK (finalists BETWEEN 1 AND 12),
  by_place        integer CHECK (by_place >= 0),
  heat_tie_rule   text    NOT NULL DEFAULT 'lots' CHECK (heat_tie_rule IN ('lots', 'reRow')),
  prizes          integer NOT NULL DEFAULT 0 CHECK (prizes >= 0),
  merits          integer NOT NULL DEFAULT 0 CHECK (merits >= 0),
  -- The recorded seed of the drawing of lots (standings and equal times at a cut): anyone holding it can re-check.
  lots_seed       text    NOT NULL CHECK (length(lots_seed) BETWEEN 1 AND 200),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tournament_path_gist ON tournament USING gist (org_path);

CREATE SEQUENCE tournament_team_id_seq;
CREATE TABLE tournament_team (
  id              bigint  NOT NULL DEFAULT nextval('tournament_team_id_seq') PRIMARY KEY,
  tournament_id   bigint  NOT NULL REFERENCES tournament (id),
  -- The sending unit, when it is a node of the tree.
  org_id          bigint  REFERENCES org_unit (id),
  org_path        ltree,
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  category        text    CHECK (length(category) <= 50),
  seed            integer CHECK (seed >= 1),
  group_no        integer CHECK (group_no >= 1),
  -- The place of the team in its group's draw (the order the round-robin is generated from).
  draw_no         integer CHECK (draw_no >= 1),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((org_id IS NULL) = (org_path IS NULL))
);
CREATE UNIQUE INDEX tournament_team_name_key ON tournament_team (tournament_id, name);
CREATE INDEX tournament_team_path_gist ON tournament_team USING gist (org_path);

CREATE SEQUENCE tournament_match_id_seq;
CREATE TABLE tournament_match (
  id              bigint  NOT NULL DEFAULT nextval('tournament_match_id_seq') PRIMARY KEY,
  tournament_id   bigint  NOT NULL REFERENCES tournament (id),
  stage           text    NOT NULL CHECK (stage IN ('group', 'knockout')),
  group_no        integer CHECK (group_no >= 1),
  round           integer NOT NULL CHECK (round >= 1),
  -- Knockout matches: the bracket's match number, which "winner of match N" sources name.
  bracket_no      integer CHECK (bracket_no >= 1),
  home_team_id    bigint  REFERENCES tournament_team (id),
  away_team_id    bigint  REFERENCES tournament_team (id),
  -- Knockout sides not known when drawn: 'winner:N', 'rank:G:K' or 'bye'; resolved on read.
  home_source     text    CHECK (home_source ~ '^(winner:[0-9]+|rank:[0-9]+:[0-9]+|bye)$'),
  away_source     text    CHECK (away_source ~ '^(winner:[0-9]+|rank:[0-9]+:[0-9]+|bye)$'),
  kickoff         timestamptz,
  venue           text    CHECK (length(venue) <= 100),
  CHECK ((stage = 'group') = (group_no IS NOT NULL)),
  CHECK ((stage = 'knockout') = (bracket_no IS NOT NULL)),
  CHECK (home_team_id IS NOT NULL OR home_source IS NOT NULL),
  CHECK (away_team_id IS NOT NULL OR away_source IS NOT NULL)
);
CREATE INDEX tournament_match_tournament_idx ON tournament_match (tournament_id, stage, group_no, round);
CREATE UNIQUE INDEX tournament_match_bracket_key ON tournament_match (tournament_id, bracket_no);

CREATE SEQUENCE tournament_result_id_seq;
CREATE TABLE tournament_result (
  id              bigint  NOT NULL DEFAULT nextval('tournament_result_id_seq') PRIMARY KEY,
  match_id        bigint  NOT NULL REFERENCES tournament_match (id),
  version         integer NOT NULL CHECK (version >= 1),
  status          text    NOT NULL CHECK (status IN ('entered', 'confirmed', 'voided')),
  -- The sides the result was entered for (a knockout side resolved at the time).
  home_team_id    bigint  NOT NULL REFERENCES tournament_team (id),
  away_team_id    bigint  NOT NULL REFERENCES tournament_team (id),
  home_goals      integer NOT NULL CHECK (home_goals >= 0),
  away_goals      integer NOT NULL CHECK (away_goals >= 0),
  et_home         integer CHECK (et_home >= 0),
  et_away         integer CHECK (et_away >= 0),
  pen_home        integer CHECK (pen_home >= 0),
  pen_away        integer CHECK (pen_away >= 0),
  fair_play_home  integer NOT NULL DEFAULT 0 CHECK (fair_play_home >= 0),
  fair_play_away  integer NOT NULL DEFAULT 0 CHECK (fair_play_away >= 0),
  -- Why a confirmed result was corrected or voided (required for an override).
  reason          text    CHECK (length(reason) <= 500),
  is_override     boolean NOT NULL DEFAULT false,
  user_id         bigint  NOT NULL REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((et_home IS NULL) = (et_away IS NULL)),
  CHECK ((pen_home IS NULL) = (pen_away IS NULL))
);
CREATE UNIQUE INDEX tournament_result_version_key ON tournament_result (match_id, version);
CREATE TRIGGER tournament_result_immutable BEFORE UPDATE OR DELETE ON tournament_result
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Heats and the final: the lane of each crew (stage 'heat', heats 1..n; stage 'final', heat 1).
CREATE SEQUENCE tournament_lane_id_seq;
CREATE TABLE tournament_lane (
  id              bigint  NOT NULL DEFAULT nextval('tournament_lane_id_seq') PRIMARY KEY,
  tournament_id   bigint  NOT NULL REFERENCES tournament (id),
  stage           text    NOT NULL CHECK (stage IN ('heat', 'final')),
  heat_no         integer NOT NULL CHECK (heat_no >= 1),
  lane            integer NOT NULL CHECK (lane BETWEEN 1 AND 12),
  team_id         bigint  NOT NULL REFERENCES tournament_team (id)
);
CREATE UNIQUE INDEX tournament_lane_key ON tournament_lane (tournament_id, stage, heat_no, lane);
CREATE UNIQUE INDEX tournament_lane_team_key ON tournament_lane (tournament_id, stage, team_id);

-- A crew's time in a heat or the final: immutable rows, the latest of each crew and stage counts when confirmed.
CREATE SEQUENCE tournament_heat_result_id_seq;
CREATE TABLE tournament_heat_result (
  id              bigint  NOT NULL DEFAULT nextval('tournament_heat_result_id_seq') PRIMARY KEY,
  lane_id         bigint  NOT NULL REFERENCES tournament_lane (id),
  version         integer NOT NULL CHECK (version >= 1),
  status          text    NOT NULL CHECK (status IN ('entered', 'confirmed')),
  outcome         text    NOT NULL CHECK (outcome IN ('finished', 'DNS', 'DNF', 'DSQ')),
  time_ms         integer CHECK (time_ms > 0),
  user_id         bigint  NOT NULL REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((outcome = 'finished') = (time_ms IS NOT NULL))
);
CREATE UNIQUE INDEX tournament_heat_result_version_key ON tournament_heat_result (lane_id, version);
CREATE TRIGGER tournament_heat_result_immutable BEFORE UPDATE OR DELETE ON tournament_heat_result
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The referee accounts of a tournament (the account holds the role 'referee' on the organising node), and the
-- matches a referee is limited to (none listed: every match of the tournament).
CREATE TABLE tournament_referee (
  user_id         bigint  NOT NULL REFERENCES app_user (id) PRIMARY KEY,
  tournament_id   bigint  NOT NULL REFERENCES tournament (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tournament_referee_tournament_idx ON tournament_referee (tournament_id);
CREATE TABLE tournament_referee_match (
  user_id         bigint  NOT NULL REFERENCES tournament_referee (user_id),
  match_id        bigint  NOT NULL REFERENCES tournament_match (id),
  PRIMARY KEY (user_id, match_id)
);

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('tournament', 'reference', NULL, NULL, NULL),
  ('tournament_team', 'reference', NULL, NULL, NULL),
  ('tournament_match', 'reference', NULL, NULL, NULL),
  ('tournament_result', 'reference', NULL, NULL, NULL),
  ('tournament_lane', 'reference', NULL, NULL, NULL),
  ('tournament_heat_result', 'reference', NULL, NULL, NULL),
  ('tournament_referee', 'reference', NULL, NULL, NULL),
  ('tournament_referee_match', 'reference', NULL, NULL, NULL);

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('tournament', 'org_path', true),
  ('tournament_team', 'org_path', true);
