-- Spending codes (付款码, issue #12): what a member shows at a merchant's counter. The QR carries a signed token with
-- the code's nonce; the 8-digit typed code is looked up here by its keyed hash. A code is spent by at most one
-- redemption (the transfer's source_ref names the nonce, checked under the member's account lock).
CREATE SEQUENCE points_spend_code_id_seq;
CREATE TABLE points_spend_code (
  region_id    bigint  NOT NULL,
  id           bigint  NOT NULL DEFAULT nextval('points_spend_code_id_seq'),
  member_id    bigint  NOT NULL,
  nonce        text    NOT NULL CHECK (length(nonce) BETWEEN 8 AND 64),
  -- Keyed hash of the 8-digit typed code.
  code_hash    text    NOT NULL,
  expires_at   timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX points_spend_code_hash_idx ON points_spend_code (code_hash, expires_at);
CREATE UNIQUE INDEX points_spend_code_nonce_key ON points_spend_code (region_id, nonce);

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with) VALUES
  ('points_spend_code', 'distributed', 'region_id', 'member');
