-- The report import of the work ledger (工作台账, issue #15): a page of the union paper pasted or uploaded by a cadre,
-- kept as a draft with one proposed entry per news item until the cadre confirms (an entry is written to the ledger)
-- or discards it. Drafts belong to the node whose ledger the cadre writes: reference tables like the ledger itself.
CREATE SEQUENCE ledger_import_id_seq;
CREATE TABLE ledger_import (
  id          bigint  NOT NULL DEFAULT nextval('ledger_import_id_seq') PRIMARY KEY,
  org_id      bigint  NOT NULL REFERENCES org_unit (id),
  org_path    ltree   NOT NULL,
  file_name   text    CHECK (length(file_name) <= 200),
  -- The page as received: the offsets of every proposal's snippets point into it.
  source_text text    NOT NULL CHECK (length(source_text) BETWEEN 1 AND 2097152),
  created_by  bigint  REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_import_path_gist ON ledger_import USING gist (org_path);

-- One proposed entry per news item, as the parser read it (jsonb, the Proposal of src/common/ledger.report.ts).
CREATE TABLE ledger_import_proposal (
  import_id   bigint  NOT NULL REFERENCES ledger_import (id),
  position    integer NOT NULL CHECK (position >= 0),
  proposal    jsonb   NOT NULL,
  status      text    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'discarded')),
  -- The entry a confirmed proposal became; an entry later deleted from the ledger leaves the proposal confirmed.
  entry_id    bigint  REFERENCES ledger_entry (id) ON DELETE SET NULL,
  decided_by  bigint  REFERENCES app_user (id),
  decided_at  timestamptz,
  PRIMARY KEY (import_id, position),
  CHECK (status = 'confirmed' OR entry_id IS NULL),
  CHECK ((status = 'open') = (decided_at IS NULL))
);

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('ledger_import', 'reference', NULL, NULL, NULL),
  ('ledger_import_proposal', 'reference', NULL, NULL, NULL);

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('ledger_import', 'org_path', true);
