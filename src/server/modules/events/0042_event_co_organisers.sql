-- Co-organising nodes of an event (协办单位, issue #13). Each manages its own part: its cadres see the event, sign up
-- the members of their own subtree in bulk, see those sign-ups, and check them in (the scanner's pack holds only their
-- members' tickets). The event itself — sessions, capacity, draw, publish, close, cancel — stays with the owner node.
-- A list of nodes per event like event_audience, not a member-owned table: it needs no region_id.
CREATE TABLE event_co_organiser (
  event_id        bigint  NOT NULL REFERENCES event (id),
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  PRIMARY KEY (event_id, org_id)
);
CREATE INDEX event_co_organiser_path_gist ON event_co_organiser USING gist (org_path);

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('event_co_organiser', 'reference', NULL, NULL, NULL);

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('event_co_organiser', 'org_path', true);
