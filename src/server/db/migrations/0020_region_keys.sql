-- Issue #10: every member-owned row carries its region (the second label of its org path: a district federation or a
-- city-level industry union; the root's own id for the root), set by the application, in every key — so that on
-- Citus each table is sharded by region_id and a district's rows of every table sit on one shard. See
-- docs/scale-out.md and table_placement (0019).

-- IDENTITY columns can never be distributed later: ids come from sequences the column owns (so
-- pg_get_serial_sequence still finds them), continuing where the identity left off.
ALTER TABLE org_unit ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE org_unit_id_seq OWNED BY org_unit.id;
SELECT setval('org_unit_id_seq', coalesce(max(id), 0) + 1, false) FROM org_unit;
ALTER TABLE org_unit ALTER COLUMN id SET DEFAULT nextval('org_unit_id_seq');

ALTER TABLE collaboration_zone ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE collaboration_zone_id_seq OWNED BY collaboration_zone.id;
SELECT setval('collaboration_zone_id_seq', coalesce(max(id), 0) + 1, false) FROM collaboration_zone;
ALTER TABLE collaboration_zone ALTER COLUMN id SET DEFAULT nextval('collaboration_zone_id_seq');

ALTER TABLE employer ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE employer_id_seq OWNED BY employer.id;
SELECT setval('employer_id_seq', coalesce(max(id), 0) + 1, false) FROM employer;
ALTER TABLE employer ALTER COLUMN id SET DEFAULT nextval('employer_id_seq');

ALTER TABLE app_user ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE app_user_id_seq OWNED BY app_user.id;
SELECT setval('app_user_id_seq', coalesce(max(id), 0) + 1, false) FROM app_user;
ALTER TABLE app_user ALTER COLUMN id SET DEFAULT nextval('app_user_id_seq');

ALTER TABLE role_grant ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE role_grant_id_seq OWNED BY role_grant.id;
SELECT setval('role_grant_id_seq', coalesce(max(id), 0) + 1, false) FROM role_grant;
ALTER TABLE role_grant ALTER COLUMN id SET DEFAULT nextval('role_grant_id_seq');

ALTER TABLE outreach_meeting ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE outreach_meeting_id_seq OWNED BY outreach_meeting.id;
SELECT setval('outreach_meeting_id_seq', coalesce(max(id), 0) + 1, false) FROM outreach_meeting;
ALTER TABLE outreach_meeting ALTER COLUMN id SET DEFAULT nextval('outreach_meeting_id_seq');

ALTER TABLE audit_log ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
SELECT setval('audit_log_id_seq', coalesce(max(id), 0) + 1, false) FROM audit_log;
ALTER TABLE audit_log ALTER COLUMN id SET DEFAULT nextval('audit_log_id_seq');

ALTER TABLE member ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE member_id_seq OWNED BY member.id;
SELECT setval('member_id_seq', coalesce(max(id), 0) + 1, false) FROM member;
ALTER TABLE member ALTER COLUMN id SET DEFAULT nextval('member_id_seq');

ALTER TABLE member_status_history ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE member_status_history_id_seq OWNED BY member_status_history.id;
SELECT setval('member_status_history_id_seq', coalesce(max(id), 0) + 1, false) FROM member_status_history;
ALTER TABLE member_status_history ALTER COLUMN id SET DEFAULT nextval('member_status_history_id_seq');

ALTER TABLE member_application ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE member_application_id_seq OWNED BY member_application.id;
SELECT setval('member_application_id_seq', coalesce(max(id), 0) + 1, false) FROM member_application;
ALTER TABLE member_application ALTER COLUMN id SET DEFAULT nextval('member_application_id_seq');

ALTER TABLE member_transfer ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE member_transfer_id_seq OWNED BY member_transfer.id;
SELECT setval('member_transfer_id_seq', coalesce(max(id), 0) + 1, false) FROM member_transfer;
ALTER TABLE member_transfer ALTER COLUMN id SET DEFAULT nextval('member_transfer_id_seq');

ALTER TABLE import_job ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE import_job_id_seq OWNED BY import_job.id;
SELECT setval('import_job_id_seq', coalesce(max(id), 0) + 1, false) FROM import_job;
ALTER TABLE import_job ALTER COLUMN id SET DEFAULT nextval('import_job_id_seq');

-- Keys between member-owned tables are rebuilt with region_id in them; the foreign keys go first.
ALTER TABLE member_affiliation DROP CONSTRAINT member_affiliation_member_id_fkey;
ALTER TABLE member_status_history DROP CONSTRAINT member_status_history_member_id_fkey;
ALTER TABLE member_transfer DROP CONSTRAINT member_transfer_member_id_fkey;
ALTER TABLE import_job_elsewhere DROP CONSTRAINT import_job_elsewhere_job_id_fkey;
-- Two references cross regions by nature and are kept as plain ids without a foreign key: an application that
-- found its applicant a member elsewhere names that member (member_id, in the member's region), and a transfer
-- names the application that asked for it (application_id, in the receiving union's region).
ALTER TABLE member_application DROP CONSTRAINT member_application_member_id_fkey;
ALTER TABLE member_transfer DROP CONSTRAINT member_transfer_application_id_fkey;

-- region_id of a row whose own path defines it: the path's second label, the root's id for the root.
ALTER TABLE member ADD COLUMN region_id bigint;
UPDATE member SET region_id = (CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint;
ALTER TABLE member ALTER COLUMN region_id SET NOT NULL;
ALTER TABLE member ADD CONSTRAINT member_region_check
  CHECK (region_id = (CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint);

ALTER TABLE member_application ADD COLUMN region_id bigint;
UPDATE member_application SET region_id = (CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint;
ALTER TABLE member_application ALTER COLUMN region_id SET NOT NULL;
ALTER TABLE member_application ADD CONSTRAINT member_application_region_check
  CHECK (region_id = (CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint);

ALTER TABLE import_job ADD COLUMN region_id bigint;
UPDATE import_job SET region_id = (CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint;
ALTER TABLE import_job ALTER COLUMN region_id SET NOT NULL;
ALTER TABLE import_job ADD CONSTRAINT import_job_region_check
  CHECK (region_id = (CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint);

-- Rows that belong to a member live in the member's region (a secondary affiliation elsewhere, a transfer out, the
-- history of a member who moved), so a member and everything of theirs sit on one shard.
ALTER TABLE member_affiliation ADD COLUMN region_id bigint;
UPDATE member_affiliation a SET region_id = m.region_id FROM member m WHERE m.id = a.member_id;
ALTER TABLE member_affiliation ALTER COLUMN region_id SET NOT NULL;

ALTER TABLE member_status_history ADD COLUMN region_id bigint;
UPDATE member_status_history h SET region_id = m.region_id FROM member m WHERE m.id = h.member_id;
ALTER TABLE member_status_history ALTER COLUMN region_id SET NOT NULL;

ALTER TABLE member_transfer ADD COLUMN region_id bigint;
UPDATE member_transfer t SET region_id = m.region_id FROM member m WHERE m.id = t.member_id;
ALTER TABLE member_transfer ALTER COLUMN region_id SET NOT NULL;

-- A roster's list of people found in other unions belongs to its job (its region); each names the member by the
-- member's own region and id.
ALTER TABLE import_job_elsewhere ADD COLUMN member_region_id bigint;
UPDATE import_job_elsewhere SET member_region_id = region_id;
ALTER TABLE import_job_elsewhere ALTER COLUMN member_region_id SET NOT NULL;
UPDATE import_job_elsewhere e SET region_id = j.region_id FROM import_job j WHERE j.id = e.job_id;

-- The audit log keeps the region of the entry's org path (0 for entries with none, such as a sign-in). History is
-- never rewritten: the refusing trigger is set aside only while the existing entries receive their key.
ALTER TABLE audit_log ADD COLUMN region_id bigint;
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
UPDATE audit_log SET region_id = coalesce((CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint, 0);
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;
ALTER TABLE audit_log ALTER COLUMN region_id SET NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_region_check
  CHECK (region_id = coalesce((CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint, 0));

-- Primary keys and unique indexes with region_id in them.
ALTER TABLE member DROP CONSTRAINT member_pkey;
ALTER TABLE member ADD PRIMARY KEY (region_id, id);
ALTER TABLE member_affiliation DROP CONSTRAINT member_affiliation_pkey;
ALTER TABLE member_affiliation ADD PRIMARY KEY (region_id, member_id, org_id);
ALTER TABLE member_status_history DROP CONSTRAINT member_status_history_pkey;
ALTER TABLE member_status_history ADD PRIMARY KEY (region_id, id);
ALTER TABLE member_application DROP CONSTRAINT member_application_pkey;
ALTER TABLE member_application ADD PRIMARY KEY (region_id, id);
ALTER TABLE member_transfer DROP CONSTRAINT member_transfer_pkey;
ALTER TABLE member_transfer ADD PRIMARY KEY (region_id, id);
ALTER TABLE import_job DROP CONSTRAINT import_job_pkey;
ALTER TABLE import_job ADD PRIMARY KEY (region_id, id);
ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey;
ALTER TABLE audit_log ADD PRIMARY KEY (region_id, id);

DROP INDEX member_id_number_key;
CREATE UNIQUE INDEX member_id_number_key ON member (region_id, id_number_bidx);
DROP INDEX member_card_no_key;
CREATE UNIQUE INDEX member_card_no_key ON member (region_id, card_no) WHERE card_no IS NOT NULL;
DROP INDEX member_application_tracking_key;
CREATE UNIQUE INDEX member_application_tracking_key ON member_application (region_id, tracking_code);
DROP INDEX member_transfer_one_pending;
CREATE UNIQUE INDEX member_transfer_one_pending ON member_transfer (region_id, member_id) WHERE status = 'pending';
-- Look-ups by id alone (a city-wide cadre, who has no single region) keep an index on id.
CREATE INDEX member_id_idx ON member (id);
CREATE INDEX member_application_id_idx ON member_application (id);
CREATE INDEX member_transfer_id_idx ON member_transfer (id);
CREATE INDEX import_job_id_idx ON import_job (id);
-- The public status page looks an application up by its tracking code alone (a look-up in every region on Citus).
CREATE INDEX member_application_tracking_idx ON member_application (tracking_code);
CREATE INDEX member_affiliation_member_idx ON member_affiliation (member_id);
CREATE INDEX member_status_history_region_member_idx ON member_status_history (region_id, member_id, id);

-- Foreign keys between member-owned tables, region first.
ALTER TABLE member_affiliation ADD CONSTRAINT member_affiliation_member_fkey
  FOREIGN KEY (region_id, member_id) REFERENCES member (region_id, id);
ALTER TABLE member_status_history ADD CONSTRAINT member_status_history_member_fkey
  FOREIGN KEY (region_id, member_id) REFERENCES member (region_id, id);
ALTER TABLE member_transfer ADD CONSTRAINT member_transfer_member_fkey
  FOREIGN KEY (region_id, member_id) REFERENCES member (region_id, id);
ALTER TABLE import_job_elsewhere ADD CONSTRAINT import_job_elsewhere_job_fkey
  FOREIGN KEY (region_id, job_id) REFERENCES import_job (region_id, id);

-- One person, one member, city-wide. On Citus a unique index holds only within a shard, so the person's ID number
-- (its blind index) is claimed here — sharded by that index, claimed with INSERT … ON CONFLICT — before a member row
-- is written; the claim says in which region and under which id the member lives.
CREATE TABLE member_claim (
  id_number_bidx  text   NOT NULL PRIMARY KEY,
  region_id       bigint NOT NULL,
  member_id       bigint NOT NULL,
  claimed_at      timestamptz NOT NULL DEFAULT now()
);
INSERT INTO member_claim (id_number_bidx, region_id, member_id, claimed_at)
  SELECT id_number_bidx, region_id, id, created_at FROM member;

-- A member's sessions and one-time codes belong to the member's region and follow the member when they move
-- (a look-up of either carries the region its identifier names).
DELETE FROM member_session s WHERE NOT EXISTS (SELECT 1 FROM member m WHERE m.region_id = s.region_id AND m.id = s.member_id);
ALTER TABLE member_session ADD CONSTRAINT member_session_member_fkey
  FOREIGN KEY (region_id, member_id) REFERENCES member (region_id, id);
UPDATE otp_challenge c SET member_id = NULL
 WHERE member_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM member m WHERE m.region_id = c.region_id AND m.id = c.member_id);
ALTER TABLE otp_challenge ADD CONSTRAINT otp_challenge_member_fkey
  FOREIGN KEY (region_id, member_id) REFERENCES member (region_id, id);

-- Which path column defines a distributed table's region (its CHECK above). A row whose path moves to another
-- region is re-inserted there with the rows that reference it, and deleted where it was (db/regions.ts): the
-- distribution column of a distributed table is never updated in place.
ALTER TABLE table_placement ADD COLUMN region_path text;
UPDATE table_placement SET region_path = 'org_path' WHERE table_name IN ('member', 'member_application', 'import_job', 'audit_log');
