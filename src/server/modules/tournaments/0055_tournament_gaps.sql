-- Tournaments, the gaps of issue #14: a re-row's recorded order, a withdrawable final draw and a revocable public link.

-- The order of a re-row (dragon boats, heat tie rule 'reRow'): the crews that were level at a cut, best first, as
-- the re-row decided. Immutable: a re-row is rowed once; progression reads the latest order naming the same crews.
CREATE SEQUENCE tournament_rerow_id_seq;
CREATE TABLE tournament_rerow (
  id              bigint   NOT NULL DEFAULT nextval('tournament_rerow_id_seq') PRIMARY KEY,
  tournament_id   bigint   NOT NULL REFERENCES tournament (id),
  team_ids        bigint[] NOT NULL CHECK (cardinality(team_ids) BETWEEN 2 AND 12),
  user_id         bigint   NOT NULL REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tournament_rerow_tournament_idx ON tournament_rerow (tournament_id);
CREATE TRIGGER tournament_rerow_immutable BEFORE UPDATE OR DELETE ON tournament_rerow
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A corrected heat can change who reaches the final: the final's draw is then withdrawn (its lanes, and any results
-- rowed in them, stay for the record) and drawn again. Only lanes not withdrawn are unique.
ALTER TABLE tournament_lane ADD COLUMN withdrawn_at timestamptz;
DROP INDEX tournament_lane_key;
CREATE UNIQUE INDEX tournament_lane_key ON tournament_lane (tournament_id, stage, heat_no, lane) WHERE withdrawn_at IS NULL;
DROP INDEX tournament_lane_team_key;
CREATE UNIQUE INDEX tournament_lane_team_key ON tournament_lane (tournament_id, stage, team_id) WHERE withdrawn_at IS NULL;

-- The public link names the tournament and this generation: revoking it moves the generation on (every link given
-- out so far stops working) and marks it revoked until the organiser asks for a new link.
ALTER TABLE tournament ADD COLUMN link_generation integer NOT NULL DEFAULT 1 CHECK (link_generation >= 1);
ALTER TABLE tournament ADD COLUMN link_revoked boolean NOT NULL DEFAULT false;

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('tournament_rerow', 'reference', NULL, NULL, NULL);
