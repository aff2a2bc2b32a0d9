-- Where every table lives once the database is distributed (Citus; docs/scale-out.md). Declared by the migration that
-- creates the table, like org_path_column: `npm run cli -- distribute` reads it, and db/layout.test.ts fails for a
-- table that is not declared or that breaks the rules of its placement.
--  distributed: member-owned rows, sharded by distribution_column (region_id: the second label of the org path)
--               and co-located with colocate_with, so that a region's rows of every such table sit on one shard;
--               region_id is in the primary key, in every unique index and in every foreign key to another
--               distributed table.
--  reference:   small shared tables copied to every node (the tree, employers, meetings, users, grants); they never
--               reference a distributed table.
--  coordinator: kept on the coordinator only (write-heavy counters such as org_coverage, sessions of cadres).
CREATE TABLE table_placement (
  table_name          text PRIMARY KEY,
  placement           text NOT NULL CHECK (placement IN ('distributed', 'reference', 'coordinator')),
  distribution_column text,
  colocate_with       text,
  CHECK ((placement = 'distributed') = (distribution_column IS NOT NULL)),
  CHECK (placement = 'distributed' OR colocate_with IS NULL)
);

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with) VALUES
  ('schema_migration', 'coordinator', NULL, NULL),
  ('table_placement', 'reference', NULL, NULL),
  ('org_path_column', 'reference', NULL, NULL),
  ('app_setting', 'reference', NULL, NULL),
  ('org_unit', 'reference', NULL, NULL),
  ('collaboration_zone', 'reference', NULL, NULL),
  ('employer', 'reference', NULL, NULL),
  ('outreach_meeting', 'reference', NULL, NULL),
  ('app_user', 'reference', NULL, NULL),
  ('role_grant', 'reference', NULL, NULL),
  ('org_coverage', 'coordinator', NULL, NULL),
  ('user_session', 'coordinator', NULL, NULL),
  ('login_throttle', 'coordinator', NULL, NULL),
  ('member', 'distributed', 'region_id', NULL),
  ('member_affiliation', 'distributed', 'region_id', 'member'),
  ('member_status_history', 'distributed', 'region_id', 'member'),
  ('member_application', 'distributed', 'region_id', 'member'),
  ('member_transfer', 'distributed', 'region_id', 'member'),
  ('otp_challenge', 'distributed', 'region_id', 'member'),
  ('member_session', 'distributed', 'region_id', 'member'),
  ('message_outbox', 'distributed', 'region_id', 'member'),
  ('import_job', 'distributed', 'region_id', 'member'),
  ('import_job_elsewhere', 'distributed', 'region_id', 'member'),
  ('audit_log', 'distributed', 'region_id', 'member'),
  -- One person, one member, city-wide: a claim per ID number's blind index, sharded by that index.
  ('member_claim', 'distributed', 'id_number_bidx', NULL);
