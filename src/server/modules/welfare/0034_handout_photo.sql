-- The photo a cadre takes of a counted batch hand-out at a site (issue #12: "a counted batch at a site with a
-- photo"), kept as evidence: one per hand-out, never changed or removed (refuse_change, 0033). The image itself is a
-- sealed file under the data directory (people are in the picture); this row names it, with its type, size and hash.
CREATE TABLE welfare_handout_photo (
  region_id    bigint  NOT NULL,
  handout_id   bigint  NOT NULL,
  file_path    text    NOT NULL,
  mime         text    NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes        integer NOT NULL CHECK (bytes > 0),
  sha256       text    NOT NULL,
  actor_user_id bigint,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, handout_id),
  FOREIGN KEY (region_id, handout_id) REFERENCES welfare_handout (region_id, id)
);
CREATE TRIGGER welfare_handout_photo_immutable BEFORE UPDATE OR DELETE ON welfare_handout_photo
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with) VALUES
  ('welfare_handout_photo', 'distributed', 'region_id', 'member');
