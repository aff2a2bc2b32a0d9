-- Points (积分, issue #12): programmes, merchants and a double-entry ledger on the model of TigerBeetle.
--
-- Each programme keeps its own book, and the whole book lives in the programme's region (the region of the node that
-- owns it): accounts, transfers, entries, lots. A transfer therefore never crosses shards. A member's account names
-- the member by id only, without a foreign key: the member may move to another region, the book stays where it is
-- (docs/scale-out.md, "references that cross regions").
--
-- Ledger discipline:
--  * a transfer is immutable and carries the caller's key, unique in its book: a retry with the same key and the same
--    fields answers the first result, other fields are refused (409);
--  * balances change by a guarded UPDATE (… WHERE balance - pending_debits >= amount) in account-id order inside the
--    transfer's transaction; the CHECK constraints below are the last line;
--  * every posted balance change writes an entry with balance_after and the account's next version;
--  * a pending transfer holds the amount (pending_debits / pending_credits) until one later transfer posts or voids
--    it (at most one: unique pending_id), or its timeout voids it;
--  * a transfer is reversed at most once (unique reversal_of);
--  * a member's points sit in lots (one per award) spent oldest expiry first; a lot's remaining only falls by a
--    guarded UPDATE and every change of it is a lot use;
--  * transfers, entries and lot uses refuse UPDATE and DELETE (trigger below), for every role.

CREATE SEQUENCE points_programme_id_seq;
CREATE TABLE points_programme (
  id              bigint  NOT NULL DEFAULT nextval('points_programme_id_seq') PRIMARY KEY,
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  -- The region of the book: the region of org_path when the programme was created (it does not follow moves).
  region_id       bigint  NOT NULL,
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  description     text    NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  -- What earns points: {"volunteerHour": 10, "eventAttendance": 5, "training": 5, "manual": true} (common/points.ts).
  earn_rules      jsonb   NOT NULL DEFAULT '{}',
  -- Caps on points earned per member per day / month / year (Asia/Shanghai); NULL: no cap.
  cap_day         integer CHECK (cap_day > 0),
  cap_month       integer CHECK (cap_month > 0),
  cap_year        integer CHECK (cap_year > 0),
  -- When awarded points expire: 'end_of_next_year' (24:00 of 31 Dec of the next year, Beijing), 'months' (after
  -- expiry_months, at the end of that Beijing day) or 'never'.
  expiry_rule     text    NOT NULL CHECK (expiry_rule IN ('end_of_next_year', 'months', 'never')),
  expiry_months   integer CHECK (expiry_months BETWEEN 1 AND 120),
  status          text    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((expiry_rule = 'months') = (expiry_months IS NOT NULL))
);
CREATE INDEX points_programme_path_gist ON points_programme USING gist (org_path);

-- Merchants (商户) registered by a node: a food court, a shop. Their shops are where points and vouchers are taken.
CREATE SEQUENCE points_merchant_id_seq;
CREATE TABLE points_merchant (
  id              bigint  NOT NULL DEFAULT nextval('points_merchant_id_seq') PRIMARY KEY,
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  uscc            text,
  contact_name    text    CHECK (length(contact_name) <= 50),
  status          text    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX points_merchant_path_gist ON points_merchant USING gist (org_path);

CREATE SEQUENCE points_shop_id_seq;
CREATE TABLE points_shop (
  id              bigint  NOT NULL DEFAULT nextval('points_shop_id_seq') PRIMARY KEY,
  merchant_id     bigint  NOT NULL REFERENCES points_merchant (id),
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  address         text    NOT NULL CHECK (length(address) <= 200),
  -- Where it is (WGS-84), for "where to spend near me"; optional.
  lat             double precision CHECK (lat BETWEEN -90 AND 90),
  lng             double precision CHECK (lng BETWEEN -180 AND 180),
  district_code   text,
  opening_hours   text    CHECK (length(opening_hours) <= 100),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX points_shop_merchant_idx ON points_shop (merchant_id);

-- The programmes whose points a merchant takes (designated merchants, 定点商户).
CREATE TABLE points_merchant_programme (
  merchant_id     bigint  NOT NULL REFERENCES points_merchant (id),
  programme_id    bigint  NOT NULL REFERENCES points_programme (id),
  since           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (merchant_id, programme_id)
);

-- What a merchant sells for points (午餐套餐 = 15 分); a merchant may also take a free amount.
CREATE SEQUENCE points_catalogue_item_id_seq;
CREATE TABLE points_catalogue_item (
  id              bigint  NOT NULL DEFAULT nextval('points_catalogue_item_id_seq') PRIMARY KEY,
  merchant_id     bigint  NOT NULL REFERENCES points_merchant (id),
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  points          integer NOT NULL CHECK (points > 0),
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX points_catalogue_item_merchant_idx ON points_catalogue_item (merchant_id);

-- The one merchant a cashier account serves (the account holds the role 'cashier' on the merchant's node).
CREATE TABLE points_merchant_cashier (
  user_id         bigint  NOT NULL REFERENCES app_user (id) PRIMARY KEY,
  merchant_id     bigint  NOT NULL REFERENCES points_merchant (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX points_merchant_cashier_merchant_idx ON points_merchant_cashier (merchant_id);

CREATE SEQUENCE points_account_id_seq;
CREATE TABLE points_account (
  region_id        bigint  NOT NULL,
  id               bigint  NOT NULL DEFAULT nextval('points_account_id_seq'),
  programme_id     bigint  NOT NULL REFERENCES points_programme (id),
  -- member: a member's points; budget: what the programme's node may still award; merchant: points taken at a
  -- merchant, owed to it until settled; expiry: expired points; issuance: where budgets come from (the only account
  -- besides clawback that goes below zero: minus what was issued); clawback: points reversed after they were spent,
  -- owed back by the member; settled: merchants' points settled with them.
  kind             text    NOT NULL CHECK (kind IN ('member', 'budget', 'merchant', 'expiry', 'issuance', 'clawback', 'settled')),
  member_id        bigint,
  merchant_id      bigint  REFERENCES points_merchant (id),
  -- Posted balance: credits minus debits.
  balance          bigint  NOT NULL DEFAULT 0,
  pending_debits   bigint  NOT NULL DEFAULT 0 CHECK (pending_debits >= 0),
  pending_credits  bigint  NOT NULL DEFAULT 0 CHECK (pending_credits >= 0),
  -- The number of entries written to this account; the last entry's account_version.
  version          bigint  NOT NULL DEFAULT 0 CHECK (version >= 0),
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK ((kind = 'member') = (member_id IS NOT NULL)),
  CHECK ((kind = 'merchant') = (merchant_id IS NOT NULL)),
  -- The last line behind the guarded updates: no account but issuance and clawback ever goes below zero, holds included.
  CONSTRAINT points_account_no_overdraft CHECK (kind IN ('issuance', 'clawback') OR balance - pending_debits >= 0)
);
CREATE UNIQUE INDEX points_account_member_key ON points_account (region_id, programme_id, member_id) WHERE kind = 'member';
CREATE UNIQUE INDEX points_account_merchant_key ON points_account (region_id, programme_id, merchant_id) WHERE kind = 'merchant';
CREATE UNIQUE INDEX points_account_system_key ON points_account (region_id, programme_id, kind)
  WHERE kind IN ('budget', 'expiry', 'issuance', 'clawback', 'settled');
CREATE INDEX points_account_member_idx ON points_account (member_id) WHERE kind = 'member';

CREATE SEQUENCE points_transfer_id_seq;
CREATE TABLE points_transfer (
  region_id          bigint  NOT NULL,
  id                 bigint  NOT NULL DEFAULT nextval('points_transfer_id_seq'),
  -- The caller's id of the transfer, unique in its programme's book (an Idempotency-Key, "award:<list>:<row>", "expire:lot:<id>" …).
  transfer_key       text    NOT NULL CHECK (length(transfer_key) BETWEEN 1 AND 200),
  -- SHA-256 of the request's fields: a retry with the same key must carry the same fields.
  request_hash       text    NOT NULL,
  programme_id       bigint  NOT NULL REFERENCES points_programme (id),
  -- What the transfer is for (fund a budget, award, spend at a merchant, expire, reverse, settle with a merchant).
  kind               text    NOT NULL CHECK (kind IN ('fund', 'award', 'spend', 'expire', 'reverse', 'clawback', 'settle')),
  -- How it moves the books: single (posted at once), pending (held), post / void (resolves pending_id).
  op                 text    NOT NULL CHECK (op IN ('single', 'pending', 'post', 'void')),
  debit_account_id   bigint  NOT NULL,
  credit_account_id  bigint  NOT NULL,
  amount             bigint  NOT NULL CHECK (amount > 0),
  pending_id         bigint,
  -- A pending transfer not resolved by then is voided (by the next resolution attempt or the timeout job).
  timeout_at         timestamptz,
  reversal_of        bigint,
  -- The earning activity for awards (volunteer_hours, event, training, manual), the catalogue item for spends.
  source             text    CHECK (length(source) <= 40),
  source_ref         text    CHECK (length(source_ref) <= 100),
  catalogue_item_id  bigint,
  reason             text    CHECK (length(reason) <= 500),
  member_id          bigint,
  merchant_id        bigint,
  actor_user_id      bigint,
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, debit_account_id) REFERENCES points_account (region_id, id),
  FOREIGN KEY (region_id, credit_account_id) REFERENCES points_account (region_id, id),
  FOREIGN KEY (region_id, pending_id) REFERENCES points_transfer (region_id, id),
  FOREIGN KEY (region_id, reversal_of) REFERENCES points_transfer (region_id, id),
  CHECK (debit_account_id <> credit_account_id),
  CHECK ((op IN ('post', 'void')) = (pending_id IS NOT NULL)),
  CHECK ((op = 'pending') = (timeout_at IS NOT NULL))
);
CREATE UNIQUE INDEX points_transfer_key ON points_transfer (region_id, programme_id, transfer_key);
CREATE UNIQUE INDEX points_transfer_one_resolution ON points_transfer (region_id, pending_id) WHERE pending_id IS NOT NULL;
CREATE UNIQUE INDEX points_transfer_one_reversal ON points_transfer (region_id, reversal_of) WHERE reversal_of IS NOT NULL;
CREATE INDEX points_transfer_programme_idx ON points_transfer (region_id, programme_id, kind, created_at);
CREATE INDEX points_transfer_member_idx ON points_transfer (region_id, member_id, created_at DESC) WHERE member_id IS NOT NULL;
CREATE INDEX points_transfer_merchant_idx ON points_transfer (region_id, merchant_id, created_at) WHERE merchant_id IS NOT NULL;
CREATE INDEX points_transfer_open_pending ON points_transfer (region_id, timeout_at) WHERE op = 'pending';

CREATE SEQUENCE points_entry_id_seq;
CREATE TABLE points_entry (
  region_id        bigint  NOT NULL,
  id               bigint  NOT NULL DEFAULT nextval('points_entry_id_seq'),
  transfer_id      bigint  NOT NULL,
  account_id       bigint  NOT NULL,
  delta            bigint  NOT NULL CHECK (delta <> 0),
  balance_after    bigint  NOT NULL,
  account_version  bigint  NOT NULL CHECK (account_version > 0),
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, transfer_id) REFERENCES points_transfer (region_id, id),
  FOREIGN KEY (region_id, account_id) REFERENCES points_account (region_id, id)
);
CREATE UNIQUE INDEX points_entry_account_version ON points_entry (region_id, account_id, account_version);
CREATE INDEX points_entry_transfer_idx ON points_entry (region_id, transfer_id);

CREATE SEQUENCE points_lot_id_seq;
CREATE TABLE points_lot (
  region_id     bigint  NOT NULL,
  id            bigint  NOT NULL DEFAULT nextval('points_lot_id_seq'),
  account_id    bigint  NOT NULL,
  -- The transfer that put the points there (an award, a refund of a spend returns to the lots it came from).
  transfer_id   bigint  NOT NULL,
  amount        bigint  NOT NULL CHECK (amount > 0),
  remaining     bigint  NOT NULL,
  -- NULL: never expires.
  expires_at    timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, account_id) REFERENCES points_account (region_id, id),
  FOREIGN KEY (region_id, transfer_id) REFERENCES points_transfer (region_id, id),
  CONSTRAINT points_lot_remaining_bounds CHECK (remaining BETWEEN 0 AND amount)
);
CREATE UNIQUE INDEX points_lot_transfer_key ON points_lot (region_id, transfer_id);
-- Oldest expiry first (NULLS LAST: points that never expire are spent last).
CREATE INDEX points_lot_spend_order ON points_lot (region_id, account_id, expires_at NULLS LAST, id) WHERE remaining > 0;
CREATE INDEX points_lot_due ON points_lot (expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL;

-- Every change of a lot's remaining: positive when a transfer takes points from it, negative when a void or a reversal
-- gives them back.
CREATE SEQUENCE points_lot_use_id_seq;
CREATE TABLE points_lot_use (
  region_id     bigint  NOT NULL,
  id            bigint  NOT NULL DEFAULT nextval('points_lot_use_id_seq'),
  lot_id        bigint  NOT NULL,
  transfer_id   bigint  NOT NULL,
  amount        bigint  NOT NULL CHECK (amount <> 0),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, lot_id) REFERENCES points_lot (region_id, id),
  FOREIGN KEY (region_id, transfer_id) REFERENCES points_transfer (region_id, id)
);
CREATE INDEX points_lot_use_lot_idx ON points_lot_use (region_id, lot_id);
CREATE INDEX points_lot_use_transfer_idx ON points_lot_use (region_id, transfer_id);

-- Immutable records: UPDATE and DELETE are refused for every role, the application's and the owner's alike (a
-- trigger, not a grant: the server runs under the one role that also migrates, so a REVOKE would not bind it).
CREATE FUNCTION points_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'points ledger rows are immutable (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER points_transfer_immutable BEFORE UPDATE OR DELETE ON points_transfer
  FOR EACH ROW EXECUTE FUNCTION points_refuse_change();
CREATE TRIGGER points_entry_immutable BEFORE UPDATE OR DELETE ON points_entry
  FOR EACH ROW EXECUTE FUNCTION points_refuse_change();
CREATE TRIGGER points_lot_use_immutable BEFORE UPDATE OR DELETE ON points_lot_use
  FOR EACH ROW EXECUTE FUNCTION points_refuse_change();

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with) VALUES
  ('points_programme', 'reference', NULL, NULL),
  ('points_merchant', 'reference', NULL, NULL),
  ('points_shop', 'reference', NULL, NULL),
  ('points_merchant_programme', 'reference', NULL, NULL),
  ('points_catalogue_item', 'reference', NULL, NULL),
  ('points_merchant_cashier', 'reference', NULL, NULL),
  ('points_account', 'distributed', 'region_id', 'member'),
  ('points_transfer', 'distributed', 'region_id', 'member'),
  ('points_entry', 'distributed', 'region_id', 'member'),
  ('points_lot', 'distributed', 'region_id', 'member'),
  ('points_lot_use', 'distributed', 'region_id', 'member');

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('points_programme', 'org_path', true),
  ('points_merchant', 'org_path', true);
