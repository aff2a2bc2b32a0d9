-- Check-in (签到, issue #13): signed tickets, offline scans synced later, manual check-in, attendance points.
--  * a ticket is signed (Ed25519) over the registration id, its session and ticket_version; raising the version
--    would make older printed codes invalid;
--  * every synced scan is an immutable row keyed by the scanner's own id (scan_id, a uuid the phone made): a re-sync
--    finds it and answers the same outcome;
--  * at most one accepted check-in per registration (partial unique index), and the registration's status moves
--    confirmed → attended only by a guarded update (the transition table of 0036 allows exactly that edge).
ALTER TABLE event ADD COLUMN points_programme_id bigint;
ALTER TABLE event_registration ADD COLUMN ticket_version integer NOT NULL DEFAULT 1;

CREATE TABLE event_checkin (
  region_id       bigint  NOT NULL,
  scan_id         uuid    NOT NULL,
  registration_id bigint  NOT NULL,
  session_id      bigint  NOT NULL REFERENCES event_session (id),
  org_path        ltree   NOT NULL,
  outcome         text    NOT NULL CHECK (outcome IN ('accepted', 'duplicate', 'cancelled_while_offline')),
  via             text    NOT NULL CHECK (via IN ('scan', 'manual')),
  device_id       text    CHECK (length(device_id) <= 100),
  scanned_at      timestamptz NOT NULL,
  synced_at       timestamptz NOT NULL DEFAULT now(),
  checked_by      bigint  NOT NULL,
  PRIMARY KEY (region_id, scan_id),
  FOREIGN KEY (region_id, registration_id) REFERENCES event_registration (region_id, id),
  CHECK (region_id = (CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint)
);
CREATE UNIQUE INDEX event_checkin_one_accepted ON event_checkin (region_id, registration_id) WHERE outcome = 'accepted';
CREATE INDEX event_checkin_session_idx ON event_checkin (region_id, session_id);
CREATE INDEX event_checkin_path_gist ON event_checkin USING gist (org_path);

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('event_checkin', 'distributed', 'region_id', 'member', 'org_path');

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('event_checkin', 'org_path', true);
