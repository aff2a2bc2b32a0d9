-- Welfare campaigns (慰问 / 夏送清凉 / 送温暖, issue #12): items, stock, hand-outs, vouchers and their redemption.
--
-- A campaign keeps its own book, and the whole book lives in the campaign's region (the region of the node that owns
-- it, fixed when the campaign is created): locations, balances, stock moves, hand-outs, vouchers, redemptions. The
-- same discipline as the points ledger (0029_points.sql):
--  * a stock move is immutable and carries the caller's key, unique in its book: a retry with the same key and the
--    same fields answers the first result, other fields are refused (409);
--  * balances (per location and item) change only by a guarded UPDATE (… WHERE qty >= n), rows locked in
--    (location_id, item_id) order inside the move's transaction; CHECK (qty >= 0) is the last line;
--  * one hand-out per person per campaign: a unique index on the person's blind index (a member's ID-number blind
--    index; a non-member's ID-number blind index when given, else the phone's), whichever unit hands out;
--  * a voucher is redeemed at most once (unique voucher_id of a redemption); a second scan is refused online and
--    recorded as a flagged duplicate when it comes from an offline batch;
--  * stock moves, hand-outs, vouchers and redemptions refuse UPDATE and DELETE (trigger below), for every role.

CREATE SEQUENCE welfare_campaign_id_seq;
CREATE TABLE welfare_campaign (
  id              bigint  NOT NULL DEFAULT nextval('welfare_campaign_id_seq') PRIMARY KEY,
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  -- The region of the book: the region of org_path when the campaign was created (it does not follow moves).
  region_id       bigint  NOT NULL,
  kind            text    NOT NULL CHECK (kind IN ('condolence', 'summer', 'winter')),
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  description     text    NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  starts_on       date    NOT NULL,
  ends_on         date    NOT NULL,
  -- Vouchers handed out in this campaign are taken from voucher_from to voucher_to (Beijing days, inclusive).
  voucher_from    date,
  voucher_to      date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK ((voucher_from IS NULL) = (voucher_to IS NULL) AND (voucher_to IS NULL OR voucher_to >= voucher_from))
);
CREATE INDEX welfare_campaign_path_gist ON welfare_campaign USING gist (org_path);

-- Co-organising nodes (联合主办): they see the campaign and hand out in it like the owner.
CREATE TABLE welfare_campaign_node (
  campaign_id     bigint  NOT NULL REFERENCES welfare_campaign (id),
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  PRIMARY KEY (campaign_id, org_id)
);
CREATE INDEX welfare_campaign_node_path_gist ON welfare_campaign_node USING gist (org_path);

CREATE SEQUENCE welfare_item_id_seq;
CREATE TABLE welfare_item (
  id              bigint  NOT NULL DEFAULT nextval('welfare_item_id_seq') PRIMARY KEY,
  campaign_id     bigint  NOT NULL REFERENCES welfare_campaign (id),
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  unit            text    NOT NULL CHECK (unit IN ('斤', '箱', '份', '瓶', '盒', '张')),
  planned_qty     bigint  NOT NULL CHECK (planned_qty > 0),
  -- The item's budget in fen (分); the funds module will book it.
  budget_fen      bigint  NOT NULL DEFAULT 0 CHECK (budget_fen >= 0),
  -- A voucher item: each hand-out of it issues one signed voucher taken at the campaign's designated merchants.
  is_voucher      boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, name)
);

-- The merchants (points_merchant, 0029) where the campaign's vouchers are taken (定点商户).
CREATE TABLE welfare_campaign_merchant (
  campaign_id     bigint  NOT NULL REFERENCES welfare_campaign (id),
  merchant_id     bigint  NOT NULL REFERENCES points_merchant (id),
  PRIMARY KEY (campaign_id, merchant_id)
);

-- Where stock sits: the campaign's warehouse, a node that received an allocation, goods in transit to a node, a site
-- (a market, a building site) run by a node, and the "handed out" sink.
CREATE SEQUENCE welfare_location_id_seq;
CREATE TABLE welfare_location (
  region_id       bigint  NOT NULL,
  id              bigint  NOT NULL DEFAULT nextval('welfare_location_id_seq'),
  campaign_id     bigint  NOT NULL REFERENCES welfare_campaign (id),
  kind            text    NOT NULL CHECK (kind IN ('warehouse', 'node', 'transit', 'site', 'handed_out')),
  -- The node the location belongs to (the campaign's node for the warehouse and the sink).
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  name            text    NOT NULL DEFAULT '' CHECK (length(name) <= 100),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK ((kind = 'site') = (length(btrim(name)) > 0))
);
CREATE UNIQUE INDEX welfare_location_key ON welfare_location (region_id, campaign_id, kind, org_id, name);
CREATE INDEX welfare_location_path_gist ON welfare_location USING gist (org_path);

CREATE TABLE welfare_balance (
  region_id       bigint  NOT NULL,
  location_id     bigint  NOT NULL,
  item_id         bigint  NOT NULL REFERENCES welfare_item (id),
  qty             bigint  NOT NULL DEFAULT 0,
  PRIMARY KEY (region_id, location_id, item_id),
  FOREIGN KEY (region_id, location_id) REFERENCES welfare_location (region_id, id),
  -- The last line behind the guarded updates: no location holds less than nothing.
  CONSTRAINT welfare_balance_not_negative CHECK (qty >= 0)
);

-- A hand-out to one person (a member by card, a named non-member) or a counted batch at a site.
CREATE SEQUENCE welfare_handout_id_seq;
CREATE TABLE welfare_handout (
  region_id         bigint  NOT NULL,
  id                bigint  NOT NULL DEFAULT nextval('welfare_handout_id_seq'),
  campaign_id       bigint  NOT NULL REFERENCES welfare_campaign (id),
  handout_key       text    NOT NULL CHECK (length(handout_key) BETWEEN 1 AND 200),
  request_hash      text    NOT NULL,
  kind              text    NOT NULL CHECK (kind IN ('member', 'person', 'batch')),
  -- The person's blind index: one hand-out per person per campaign (NULL for a batch).
  person_bidx       text,
  member_region_id  bigint,
  member_id         bigint,
  name_enc          text,
  name_masked       text,
  phone_enc         text,
  phone_masked      text,
  id_number_enc     text,
  id_number_masked  text,
  -- 代领: who collected for the person.
  collector_name    text    CHECK (length(collector_name) <= 50),
  -- A batch: how many people were served, and the photo's stored file if one was uploaded.
  batch_count       integer CHECK (batch_count > 0),
  photo_file        text,
  location_id       bigint  NOT NULL,
  org_id            bigint  NOT NULL REFERENCES org_unit (id),
  org_path          ltree   NOT NULL,
  actor_user_id     bigint,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, location_id) REFERENCES welfare_location (region_id, id),
  CHECK ((kind = 'batch') = (person_bidx IS NULL)),
  CHECK ((kind = 'batch') = (batch_count IS NOT NULL)),
  CHECK ((kind = 'member') = (member_id IS NOT NULL))
);
CREATE UNIQUE INDEX welfare_handout_key ON welfare_handout (region_id, campaign_id, handout_key);
CREATE UNIQUE INDEX welfare_handout_one_per_person ON welfare_handout (region_id, campaign_id, person_bidx) WHERE person_bidx IS NOT NULL;
CREATE INDEX welfare_handout_campaign_idx ON welfare_handout (region_id, campaign_id, created_at DESC);
CREATE INDEX welfare_handout_path_gist ON welfare_handout USING gist (org_path);

CREATE SEQUENCE welfare_move_id_seq;
CREATE TABLE welfare_move (
  region_id         bigint  NOT NULL,
  id                bigint  NOT NULL DEFAULT nextval('welfare_move_id_seq'),
  campaign_id       bigint  NOT NULL REFERENCES welfare_campaign (id),
  -- The caller's id of the move (an Idempotency-Key, "handout:<key>:<item>", "receipt:<move>" …).
  move_key          text    NOT NULL CHECK (length(move_key) BETWEEN 1 AND 220),
  request_hash      text    NOT NULL,
  -- stock_in: into the warehouse from a supplier (from_location_id NULL); allocate: to a child node, in transit;
  -- receive: the receiving node confirms; transfer: between locations of a node (to a site); hand_out: to the sink.
  kind              text    NOT NULL CHECK (kind IN ('stock_in', 'allocate', 'receive', 'transfer', 'hand_out')),
  from_location_id  bigint,
  to_location_id    bigint  NOT NULL,
  item_id           bigint  NOT NULL REFERENCES welfare_item (id),
  qty               bigint  NOT NULL CHECK (qty > 0),
  receipt_of        bigint,
  handout_id        bigint,
  note              text    CHECK (length(note) <= 500),
  actor_user_id     bigint,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, from_location_id) REFERENCES welfare_location (region_id, id),
  FOREIGN KEY (region_id, to_location_id) REFERENCES welfare_location (region_id, id),
  FOREIGN KEY (region_id, receipt_of) REFERENCES welfare_move (region_id, id),
  FOREIGN KEY (region_id, handout_id) REFERENCES welfare_handout (region_id, id),
  CHECK ((kind = 'stock_in') = (from_location_id IS NULL)),
  CHECK ((kind = 'receive') = (receipt_of IS NOT NULL)),
  CHECK ((kind = 'hand_out') = (handout_id IS NOT NULL)),
  CHECK (from_location_id IS NULL OR from_location_id <> to_location_id)
);
CREATE UNIQUE INDEX welfare_move_key ON welfare_move (region_id, campaign_id, move_key);
-- An allocation is received once.
CREATE UNIQUE INDEX welfare_move_one_receipt ON welfare_move (region_id, receipt_of) WHERE receipt_of IS NOT NULL;
CREATE INDEX welfare_move_campaign_idx ON welfare_move (region_id, campaign_id, kind);

CREATE SEQUENCE welfare_voucher_id_seq;
CREATE TABLE welfare_voucher (
  region_id       bigint  NOT NULL,
  id              bigint  NOT NULL DEFAULT nextval('welfare_voucher_id_seq'),
  campaign_id     bigint  NOT NULL REFERENCES welfare_campaign (id),
  item_id         bigint  NOT NULL REFERENCES welfare_item (id),
  handout_id      bigint  NOT NULL,
  -- The random serial printed under the QR code (typed in when a camera fails).
  serial          text    NOT NULL CHECK (length(serial) BETWEEN 8 AND 40),
  valid_from      timestamptz NOT NULL,
  valid_to        timestamptz NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, handout_id) REFERENCES welfare_handout (region_id, id),
  CHECK (valid_to > valid_from)
);
CREATE UNIQUE INDEX welfare_voucher_serial ON welfare_voucher (region_id, serial);
CREATE UNIQUE INDEX welfare_voucher_one_per_handout ON welfare_voucher (region_id, handout_id, item_id);

CREATE SEQUENCE welfare_redemption_id_seq;
CREATE TABLE welfare_redemption (
  region_id       bigint  NOT NULL,
  id              bigint  NOT NULL DEFAULT nextval('welfare_redemption_id_seq'),
  voucher_id      bigint  NOT NULL,
  campaign_id     bigint  NOT NULL REFERENCES welfare_campaign (id),
  merchant_id     bigint  NOT NULL REFERENCES points_merchant (id),
  cashier_user_id bigint  NOT NULL,
  -- When the shop scanned it (the phone's clock for an offline scan), and how it reached the server.
  scanned_at      timestamptz NOT NULL,
  mode            text    NOT NULL CHECK (mode IN ('online', 'offline')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, voucher_id) REFERENCES welfare_voucher (region_id, id)
);
-- The guard: a voucher is redeemed once.
CREATE UNIQUE INDEX welfare_redemption_once ON welfare_redemption (region_id, voucher_id);
CREATE INDEX welfare_redemption_merchant_idx ON welfare_redemption (region_id, merchant_id, created_at);

-- Scans refused as duplicates (a second scan of a redeemed voucher, online or synced from an offline batch): kept so
-- the merchant's statement and the campaign's reconciliation can show them, never counted as redemptions.
CREATE SEQUENCE welfare_scan_flag_id_seq;
CREATE TABLE welfare_scan_flag (
  region_id       bigint  NOT NULL,
  id              bigint  NOT NULL DEFAULT nextval('welfare_scan_flag_id_seq'),
  voucher_id      bigint  NOT NULL,
  campaign_id     bigint  NOT NULL REFERENCES welfare_campaign (id),
  merchant_id     bigint  NOT NULL REFERENCES points_merchant (id),
  cashier_user_id bigint  NOT NULL,
  scanned_at      timestamptz NOT NULL,
  mode            text    NOT NULL CHECK (mode IN ('online', 'offline')),
  redemption_id   bigint  NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, voucher_id) REFERENCES welfare_voucher (region_id, id),
  FOREIGN KEY (region_id, redemption_id) REFERENCES welfare_redemption (region_id, id)
);
CREATE INDEX welfare_scan_flag_campaign_idx ON welfare_scan_flag (region_id, campaign_id);

CREATE FUNCTION welfare_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'welfare book rows are immutable (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER welfare_move_immutable BEFORE UPDATE OR DELETE ON welfare_move
  FOR EACH ROW EXECUTE FUNCTION welfare_refuse_change();
CREATE TRIGGER welfare_handout_immutable BEFORE UPDATE OR DELETE ON welfare_handout
  FOR EACH ROW EXECUTE FUNCTION welfare_refuse_change();
CREATE TRIGGER welfare_voucher_immutable BEFORE UPDATE OR DELETE ON welfare_voucher
  FOR EACH ROW EXECUTE FUNCTION welfare_refuse_change();
CREATE TRIGGER welfare_redemption_immutable BEFORE UPDATE OR DELETE ON welfare_redemption
  FOR EACH ROW EXECUTE FUNCTION welfare_refuse_change();

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with) VALUES
  ('welfare_campaign', 'reference', NULL, NULL),
  ('welfare_campaign_node', 'reference', NULL, NULL),
  ('welfare_item', 'reference', NULL, NULL),
  ('welfare_campaign_merchant', 'reference', NULL, NULL),
  ('welfare_location', 'distributed', 'region_id', 'member'),
  ('welfare_balance', 'distributed', 'region_id', 'member'),
  ('welfare_handout', 'distributed', 'region_id', 'member'),
  ('welfare_move', 'distributed', 'region_id', 'member'),
  ('welfare_voucher', 'distributed', 'region_id', 'member'),
  ('welfare_redemption', 'distributed', 'region_id', 'member'),
  ('welfare_scan_flag', 'distributed', 'region_id', 'member');

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('welfare_campaign', 'org_path', true),
  ('welfare_campaign_node', 'org_path', true),
  ('welfare_location', 'org_path', true),
  ('welfare_handout', 'org_path', true);
