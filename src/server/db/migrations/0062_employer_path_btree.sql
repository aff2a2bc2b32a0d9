-- The employer's scope index as a btree instead of a GiST (issue #16). A GiST on ltree is built by inserting row after
-- row: 2.2–2.9 s of a life-size cold start for 125,087 employers, against 0.3–0.6 s for a sorted btree build. Every
-- employer read states its scope as the range a subtree sorts in (`inScope(…, { pathIndex: 'btree' })`, auth/scope.ts),
-- which this index scans; an employer's id, credit code, street and union keep their own btrees.
DROP INDEX employer_path_gist;
CREATE INDEX employer_path_idx ON employer (org_path);
