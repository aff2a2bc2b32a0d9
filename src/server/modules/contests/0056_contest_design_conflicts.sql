-- Contests (issue #14): the balanced design an organiser declares before scoring (per-judge normalisation runs on a
-- partial assignment only when the declared design holds in the actual assignment), and who declared a conflict.
ALTER TABLE contest ADD COLUMN balanced_design text CHECK (length(btrim(balanced_design)) BETWEEN 1 AND 500);
ALTER TABLE contest_conflict ADD COLUMN declared_by bigint REFERENCES app_user (id);
