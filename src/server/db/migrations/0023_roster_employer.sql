-- Rosters that name employers (issue #11, point 5): a roster row's 所在单位 is matched to the employers the importing
-- union covers. A row naming none of them is held (not imported): counted on the job, and its employer name kept per
-- job with how many rows named it, so the import result can offer to create that employer. Names only: the held rows
-- themselves stay in the job's (sealed) error file, as every other row that was not imported.
ALTER TABLE import_job ADD COLUMN held integer NOT NULL DEFAULT 0;
-- Members already in the union, without an employer, that a roster row put on the covered employer it names.
ALTER TABLE import_job ADD COLUMN attached integer NOT NULL DEFAULT 0;
CREATE TABLE import_job_unknown_employer (
  region_id     bigint  NOT NULL,
  job_id        bigint  NOT NULL,
  name_key      text    NOT NULL,
  name          text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  row_count     integer NOT NULL CHECK (row_count > 0),
  PRIMARY KEY (region_id, job_id, name_key),
  FOREIGN KEY (region_id, job_id) REFERENCES import_job (region_id, id)
);
INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with) VALUES
  ('import_job_unknown_employer', 'distributed', 'region_id', 'member');
