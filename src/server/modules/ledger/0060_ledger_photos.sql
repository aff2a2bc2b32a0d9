-- Photos of a work-ledger entry (台账照片, issue #15): pictures of the work, kept with the entry beside its source
-- article. As event photos (0043), the image bytes are kept in the row (bytea, at most 5 MB). The entry is a node's,
-- not a member's: a reference table like ledger_entry, with the organiser's path as the entry carries it (it follows
-- moves) and no region_id. The service counts under a lock on the entry and refuses a tenth photo in words; the
-- trigger below keeps the limit for any other writer. Deleting an entry deletes its photos first (ledger.repo.ts).
CREATE SEQUENCE ledger_entry_photo_id_seq;
CREATE TABLE ledger_entry_photo (
  id              bigint  NOT NULL DEFAULT nextval('ledger_entry_photo_id_seq') PRIMARY KEY,
  entry_id        bigint  NOT NULL REFERENCES ledger_entry (id),
  org_path        ltree   NOT NULL,
  caption         text    CHECK (length(caption) <= 200),
  mime            text    NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes           bytea   NOT NULL,
  size            integer NOT NULL CHECK (size BETWEEN 1 AND 5242880 AND size = octet_length(bytes)),
  sha256          text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by     bigint  NOT NULL REFERENCES app_user (id),
  uploaded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_entry_photo_entry_idx ON ledger_entry_photo (entry_id, id);

-- At most 9 photos per entry (LEDGER_PHOTOS_MAX in src/common/ledger.photos.ts), counted under a lock on the entry so
-- two uploads at once cannot both pass. The message starts with the name the service maps.
CREATE FUNCTION ledger_entry_photo_limit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM ledger_entry WHERE id = NEW.entry_id FOR UPDATE;
  IF (SELECT count(*) FROM ledger_entry_photo WHERE entry_id = NEW.entry_id) >= 9 THEN
    RAISE EXCEPTION 'ledger_entry_photo_limit: entry % has 9 photos', NEW.entry_id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER ledger_entry_photo_limit BEFORE INSERT ON ledger_entry_photo
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_photo_limit();

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('ledger_entry_photo', 'reference', NULL, NULL, NULL);

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('ledger_entry_photo', 'org_path', true);
