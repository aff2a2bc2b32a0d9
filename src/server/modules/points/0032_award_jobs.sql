-- Bulk awards as background jobs (issue #12): POST answers the job, GET shows its progress and, when done, its rows.
-- The rows to award are stored resolved (member ids, masked names, points, reasons, refusals found while reading):
-- never an ID number or a phone. Each batch commits its awards, its result rows and the job's progress in one
-- transaction, so a crash leaves whole batches or nothing, and a restart resumes after rows_done.
CREATE SEQUENCE points_award_job_id_seq;
CREATE TABLE points_award_job (
  region_id     bigint  NOT NULL,
  id            bigint  NOT NULL DEFAULT nextval('points_award_job_id_seq'),
  programme_id  bigint  NOT NULL REFERENCES points_programme (id),
  -- The caller's batch number: row i is awarded with the key award:<batch_key>:<i>; one job per batch in a programme.
  batch_key     text    NOT NULL CHECK (length(batch_key) BETWEEN 1 AND 80),
  -- SHA-256 of the rows: the same batch number with other rows is refused.
  request_hash  text    NOT NULL,
  source        text    NOT NULL CHECK (source IN ('list', 'file')),
  items         jsonb   NOT NULL,
  locale        text    NOT NULL,
  actor_user_id bigint,
  actor_username text   NOT NULL,
  actor_ip      text,
  status        text    NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total_rows    integer NOT NULL CHECK (total_rows >= 0),
  rows_done     integer NOT NULL DEFAULT 0 CHECK (rows_done BETWEEN 0 AND total_rows),
  awarded       integer NOT NULL DEFAULT 0,
  replayed      integer NOT NULL DEFAULT 0,
  refused       integer NOT NULL DEFAULT 0,
  points        bigint  NOT NULL DEFAULT 0,
  error         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  PRIMARY KEY (region_id, id)
);
CREATE UNIQUE INDEX points_award_job_batch ON points_award_job (region_id, programme_id, batch_key);
CREATE INDEX points_award_job_unfinished ON points_award_job (status) WHERE status IN ('queued', 'running');

CREATE TABLE points_award_job_row (
  region_id    bigint  NOT NULL,
  job_id       bigint  NOT NULL,
  row_no       integer NOT NULL,
  outcome      text    NOT NULL CHECK (outcome IN ('awarded', 'replayed', 'refused')),
  member_id    bigint,
  -- Masked (张*).
  name         text,
  points       integer,
  transfer_id  bigint,
  code         text,
  reason       text,
  PRIMARY KEY (region_id, job_id, row_no),
  FOREIGN KEY (region_id, job_id) REFERENCES points_award_job (region_id, id)
);

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with) VALUES
  ('points_award_job', 'distributed', 'region_id', 'member'),
  ('points_award_job_row', 'distributed', 'region_id', 'member');
