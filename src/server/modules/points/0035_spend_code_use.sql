-- A spending code records the charge that used it (issue #12). The one-use check then reads the code's own row,
-- which every charge with that code locks first, by its key (region_id, nonce) — instead of scanning the member's
-- spend transfers in every book, a query that carried no region and read more of points_transfer as history grew
-- (bench/README.md, redemptions/s).
ALTER TABLE points_spend_code ADD COLUMN used_key text;
ALTER TABLE points_spend_code ADD COLUMN used_programme_id bigint;
ALTER TABLE points_spend_code ADD CONSTRAINT points_spend_code_use_whole
  CHECK ((used_key IS NULL) = (used_programme_id IS NULL));

UPDATE points_spend_code c SET used_key = t.transfer_key, used_programme_id = t.programme_id
FROM points_transfer t
WHERE t.member_id = c.member_id AND t.kind = 'spend' AND t.source = 'spend_code' AND t.source_ref = c.nonce;
