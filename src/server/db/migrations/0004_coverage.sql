-- Coverage roll-up (覆盖情况): one row per organisation holding the totals of its whole subtree.
-- Every write that changes a counted fact adds its delta to the row of the node and of each ancestor
-- in the same transaction; rebuildCoverage() recomputes all rows from the base tables.
CREATE TABLE org_coverage (
  org_id                     bigint PRIMARY KEY REFERENCES org_unit (id),
  grassroots_unions          integer NOT NULL DEFAULT 0,  -- 基层工会组织数 (grassroots + joint unions)
  branches                   integer NOT NULL DEFAULT 0,  -- 分会
  employers                  integer NOT NULL DEFAULT 0,  -- all units attributed to the subtree
  employers_covered          integer NOT NULL DEFAULT 0,  -- 覆盖企业数
  employees                  bigint  NOT NULL DEFAULT 0,  -- staff of all units
  employees_covered          bigint  NOT NULL DEFAULT 0,  -- staff of unionised units: 入会率 denominator
  employers_100plus          integer NOT NULL DEFAULT 0,  -- units with ≥ 100 staff: 建会率 denominator
  employers_100plus_covered  integer NOT NULL DEFAULT 0,  -- … of which unionised: 建会率 numerator
  members                    bigint  NOT NULL DEFAULT 0,  -- 会员数 (primary affiliations): 入会率 numerator
  updated_at                 timestamptz NOT NULL DEFAULT now()
);
