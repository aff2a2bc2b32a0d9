-- Random grouping of a session (随机分组, issue #13): the session's present people (confirmed or attended) dealt into
-- groups from a seed (grouping.ts). A grouping is never changed: grouping a session again writes a new one, and the
-- latest (highest id) is the one shown; each is audited.
--  * event_grouping holds what recomputes it: the number of groups, the seed (given by the cadre, or random), and the
--    hash of the list of people; an event's row like event_draw, not member data: a reference table, and its rows are
--    refused any UPDATE or DELETE (refuse_change, 0033);
--  * event_grouping_member is one row per person: their registration (region_id, id — it moves with the member when a
--    subtree changes region, so it carries no trigger), the group number and the key that placed them there. Only
--    ever inserted (events.grouping.repo.ts has no update or delete).
CREATE SEQUENCE event_grouping_id_seq;
CREATE TABLE event_grouping (
  id              bigint  NOT NULL DEFAULT nextval('event_grouping_id_seq') PRIMARY KEY,
  event_id        bigint  NOT NULL REFERENCES event (id),
  session_id      bigint  NOT NULL REFERENCES event_session (id),
  groups          integer NOT NULL CHECK (groups BETWEEN 1 AND 1000),
  people          integer NOT NULL CHECK (people >= groups),
  seed            text    NOT NULL CHECK (length(seed) BETWEEN 1 AND 500),
  seed_source     text    NOT NULL CHECK (seed_source IN ('random', 'given')),
  list_hash       text    NOT NULL CHECK (list_hash ~ '^[0-9a-f]{64}$'),
  created_by      bigint,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_grouping_session ON event_grouping (session_id, id);
CREATE TRIGGER event_grouping_immutable BEFORE UPDATE OR DELETE ON event_grouping
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE event_grouping_member (
  region_id       bigint  NOT NULL,
  grouping_id     bigint  NOT NULL REFERENCES event_grouping (id),
  registration_id bigint  NOT NULL,
  group_no        integer NOT NULL CHECK (group_no BETWEEN 1 AND 1000),
  key             text    NOT NULL CHECK (key ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (region_id, grouping_id, registration_id),
  FOREIGN KEY (region_id, registration_id) REFERENCES event_registration (region_id, id)
);
CREATE INDEX event_grouping_member_grouping ON event_grouping_member (grouping_id, group_no);

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('event_grouping', 'reference', NULL, NULL, NULL),
  ('event_grouping_member', 'distributed', 'region_id', 'member', NULL);
