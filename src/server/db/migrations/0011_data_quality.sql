-- Data quality per unit (数据质量), rolled up like coverage: members whose record is incomplete, and the ID
-- numbers the unit's rosters submitted, rejected as invalid, or repeated within a file.
ALTER TABLE org_coverage ADD COLUMN members_incomplete bigint NOT NULL DEFAULT 0;
ALTER TABLE org_coverage ADD COLUMN id_rows_submitted bigint NOT NULL DEFAULT 0;
ALTER TABLE org_coverage ADD COLUMN ids_invalid bigint NOT NULL DEFAULT 0;
ALTER TABLE org_coverage ADD COLUMN ids_duplicate bigint NOT NULL DEFAULT 0;
ALTER TABLE import_job ADD COLUMN ids_invalid integer NOT NULL DEFAULT 0;
ALTER TABLE import_job ADD COLUMN ids_duplicate integer NOT NULL DEFAULT 0;
