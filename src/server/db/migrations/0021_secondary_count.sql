-- Members through a secondary affiliation, rolled up like coverage (issue #10): a union's member list adds them with a
-- second query that cannot name one region (the members live in their own districts). When a subtree holds none — the
-- usual case — that query is skipped, and a district cadre's list reads one region only (docs/scale-out.md).
ALTER TABLE org_coverage ADD COLUMN members_secondary bigint NOT NULL DEFAULT 0;
UPDATE org_coverage c SET members_secondary = s.n
  FROM (SELECT x.org_id, count(*) AS n
          FROM (SELECT unnest(string_to_array(a.org_path::text, '.'))::bigint AS org_id FROM member_affiliation a) x
         GROUP BY x.org_id) s
 WHERE s.org_id = c.org_id;
