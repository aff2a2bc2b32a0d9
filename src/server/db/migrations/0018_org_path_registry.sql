-- Every column holding an organisation path is declared here, by the migration that creates it (a module's own
-- migration registers its tables). Moving a subtree rewrites every column with follows_moves; history that keeps
-- the path as it was when the event happened (audit entries, status history) is registered with follows_moves =
-- false. A schema test fails for an ltree column that is not registered. Platform metadata, not member-owned: no
-- region_id (a reference table once distributed).
CREATE TABLE org_path_column (
  table_name    text    NOT NULL,
  column_name   text    NOT NULL,
  follows_moves boolean NOT NULL,
  PRIMARY KEY (table_name, column_name)
);

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('org_unit', 'path', true),
  ('collaboration_zone', 'org_path', true),
  ('employer', 'org_path', true),
  ('role_grant', 'org_path', true),
  ('member', 'org_path', true),
  ('member_affiliation', 'org_path', true),
  ('member_application', 'org_path', true),
  ('outreach_meeting', 'org_path', true),
  ('import_job', 'org_path', true),
  ('member_transfer', 'from_org_path', true),
  ('member_transfer', 'to_org_path', true),
  ('member_status_history', 'org_path', false),
  ('audit_log', 'org_path', false);
