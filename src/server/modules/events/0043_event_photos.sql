-- Photos of an event (活动图片, issue #13): its cover (封面, at most one — a new cover replaces the old) and the photos
-- of its closing summary (活动总结). The image bytes are kept in the row (bytea, at most 5 MB, at most 20 per event):
-- pictures of a public activity for its page, not member records — it needs no region_id (like event_closing and
-- event_co_organiser), and it is a reference table.
CREATE SEQUENCE event_photo_id_seq;
CREATE TABLE event_photo (
  id              bigint  NOT NULL DEFAULT nextval('event_photo_id_seq') PRIMARY KEY,
  event_id        bigint  NOT NULL REFERENCES event (id),
  role            text    NOT NULL CHECK (role IN ('cover', 'closing')),
  mime            text    NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes           bytea   NOT NULL,
  size            integer NOT NULL CHECK (size BETWEEN 1 AND 5242880 AND size = octet_length(bytes)),
  sha256          text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by     bigint  NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_photo_event ON event_photo (event_id, id);
-- One cover per event: the replacement deletes the old one in the same transaction.
CREATE UNIQUE INDEX event_photo_one_cover ON event_photo (event_id) WHERE role = 'cover';

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('event_photo', 'reference', NULL, NULL, NULL);
