-- Quotas per unit for first-come sessions (分单位名额, issue #13). A quota reserves `places` of the session's capacity
-- for the members of one unit's subtree:
--  * a member belongs to the deepest quota unit of the session containing their union; such a member takes a quota
--    place first (… SET taken = taken + 1 WHERE taken < places), else an open place; members of no quota unit only
--    take open places. Open places = capacity − Σ places; when both are full the member waits on the one waitlist;
--  * the session's `confirmed` still counts every place held and its CHECK (confirmed ≤ capacity) stays the last line;
--    quota_places (Σ places) and quota_taken (Σ taken) are kept on the session row so that the open-place guard
--    (confirmed − quota_taken < capacity − quota_places) reads one row, atomically, in the same guarded UPDATE;
--  * a registration records the pool its place came from (quota_org_id, NULL: open), and a freed place returns there:
--    a freed quota place goes to the first waitlisted member of that unit, else stays free for the unit until the
--    sign-up window closes; after it closes, unused quota places count as open places (reserved = quota_taken);
--  * lock order: event, session, then quota row; every change of a quota row holds the session row first.
CREATE TABLE event_session_quota (
  session_id      bigint  NOT NULL REFERENCES event_session (id),
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  places          integer NOT NULL CHECK (places BETWEEN 1 AND 100000),
  taken           integer NOT NULL DEFAULT 0,
  PRIMARY KEY (session_id, org_id),
  CONSTRAINT event_session_quota_not_oversold CHECK (taken BETWEEN 0 AND places)
);
CREATE INDEX event_session_quota_path_gist ON event_session_quota USING gist (org_path);

ALTER TABLE event_session ADD COLUMN quota_places integer NOT NULL DEFAULT 0;
ALTER TABLE event_session ADD COLUMN quota_taken integer NOT NULL DEFAULT 0;
ALTER TABLE event_session ADD CONSTRAINT event_session_quotas_fit
  CHECK (quota_taken BETWEEN 0 AND quota_places AND quota_places <= capacity AND quota_taken <= confirmed);

-- The quota unit whose place the registration holds (NULL: an open place, or no place), set when the place is taken.
ALTER TABLE event_registration ADD COLUMN quota_org_id bigint;

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('event_session_quota', 'reference', NULL, NULL, NULL);

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('event_session_quota', 'org_path', true);
