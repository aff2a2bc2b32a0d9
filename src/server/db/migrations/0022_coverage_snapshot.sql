-- Monthly snapshots of the coverage roll-up (issue #11): the figures of every organisation's subtree as they stood at
-- the end of a month, for trends (同比 / 环比) and reports on a past date. Written from org_coverage at month end and
-- on demand; months before the first snapshot can be reconstructed from members' join and lapse dates (source
-- 'reconstructed', see docs/architecture.md). No foreign key to org_unit: history outlives a deleted node.
CREATE TABLE coverage_snapshot (
  org_id                     bigint  NOT NULL,
  month                      date    NOT NULL CHECK (extract(day FROM month) = 1),
  grassroots_unions          integer NOT NULL,
  branches                   integer NOT NULL,
  employers                  integer NOT NULL,
  employers_covered          integer NOT NULL,
  employees                  bigint  NOT NULL,
  employees_covered          bigint  NOT NULL,
  employers_100plus          integer NOT NULL,
  employers_100plus_covered  integer NOT NULL,
  members                    bigint  NOT NULL,
  source                     text    NOT NULL CHECK (source IN ('month_end', 'on_demand', 'reconstructed')),
  taken_at                   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, month)
);
CREATE INDEX coverage_snapshot_month_idx ON coverage_snapshot (month);

-- Like org_coverage: written in bulk by one job, read by primary key; kept on the coordinator (docs/scale-out.md).
INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with) VALUES
  ('coverage_snapshot', 'coordinator', NULL, NULL);
