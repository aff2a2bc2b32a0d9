-- The work ledger (工作台账, issue #15): one entry per piece of work of a node — typed by a cadre, added by a module
-- when its work closes (an event, a welfare campaign, a training session, an outreach meeting), or confirmed from a
-- news report. Entries belong to nodes, not members: reference tables like the events they record. Entries are
-- corrected by audited edits (a version guards two cadres correcting at once), and deleted by an audited delete.
CREATE SEQUENCE ledger_entry_id_seq;
CREATE TABLE ledger_entry (
  id               bigint  NOT NULL DEFAULT nextval('ledger_entry_id_seq') PRIMARY KEY,
  -- The organising node (主办单位).
  org_id           bigint  NOT NULL REFERENCES org_unit (id),
  org_path         ltree   NOT NULL,
  kind             text    NOT NULL CHECK (kind IN ('outreach', 'welfare', 'training', 'event', 'contest', 'tournament', 'legal',
                                                    'membership', 'congress', 'honours', 'innovation', 'funds', 'workplan',
                                                    'site', 'other')),
  title            text    NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  summary          text    CHECK (length(summary) <= 4000),
  date_from        date    NOT NULL,
  date_to          date,
  place            text    CHECK (length(place) <= 200),
  -- 'members': distinct members counted from the module's records of people (ledger_entry_member);
  -- 'reported': the number as entered or printed.
  people_reached   integer CHECK (people_reached >= 0),
  people_basis     text    CHECK (people_basis IN ('members', 'reported')),
  source           text    NOT NULL CHECK (source IN ('manual', 'module', 'report')),
  -- The module record the entry stands for: one entry per record (the unique index), so closing twice adds one.
  module           text    CHECK (module IN ('events', 'welfare', 'training', 'outreach')),
  module_record_id bigint,
  -- Organisers named in the source that are not nodes of the tree, as printed.
  other_organisers text[]  NOT NULL DEFAULT '{}',
  source_snippet   text    CHECK (length(source_snippet) <= 1000),
  source_ref       text    CHECK (length(source_ref) <= 500),
  -- The source article's text: the attachment of a report-imported entry.
  source_text      text    CHECK (length(source_text) <= 100000),
  created_by       bigint  REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  CHECK (date_to IS NULL OR date_to >= date_from),
  CHECK ((people_reached IS NULL) = (people_basis IS NULL)),
  CHECK ((module IS NULL) = (module_record_id IS NULL)),
  CHECK ((source = 'module') = (module IS NOT NULL))
);
CREATE INDEX ledger_entry_path_gist ON ledger_entry USING gist (org_path);
CREATE INDEX ledger_entry_org_date_idx ON ledger_entry (org_id, date_from DESC, id DESC);
CREATE UNIQUE INDEX ledger_entry_module_key ON ledger_entry (module, module_record_id);

-- Co-organising nodes (协办单位): their ledgers list the entry too.
CREATE TABLE ledger_entry_org (
  entry_id         bigint  NOT NULL REFERENCES ledger_entry (id),
  org_id           bigint  NOT NULL REFERENCES org_unit (id),
  org_path         ltree   NOT NULL,
  PRIMARY KEY (entry_id, org_id)
);
CREATE INDEX ledger_entry_org_path_gist ON ledger_entry_org USING gist (org_path);
CREATE INDEX ledger_entry_org_org_idx ON ledger_entry_org (org_id);

-- The figures of an entry (主要数据): a value, its unit, what it counts, approximate or not, and its source words.
CREATE SEQUENCE ledger_figure_id_seq;
CREATE TABLE ledger_figure (
  id               bigint  NOT NULL DEFAULT nextval('ledger_figure_id_seq') PRIMARY KEY,
  entry_id         bigint  NOT NULL REFERENCES ledger_entry (id),
  position         integer NOT NULL CHECK (position >= 0),
  value            numeric(18, 4) NOT NULL CHECK (value >= 0),
  unit             text    NOT NULL CHECK (length(unit) <= 20),
  counts           text    NOT NULL CHECK (length(btrim(counts)) BETWEEN 1 AND 100),
  approximate      boolean NOT NULL DEFAULT false,
  snippet          text    CHECK (length(snippet) <= 1000)
);
CREATE UNIQUE INDEX ledger_figure_position_key ON ledger_figure (entry_id, position);

-- The members a module entry reached (attended an event session, a training session …), so a roll-up counts each
-- person once across the subtree's entries. Member-owned: sharded by region with the member.
CREATE TABLE ledger_entry_member (
  region_id        bigint  NOT NULL,
  entry_id         bigint  NOT NULL REFERENCES ledger_entry (id),
  member_id        bigint  NOT NULL,
  PRIMARY KEY (region_id, entry_id, member_id),
  FOREIGN KEY (region_id, member_id) REFERENCES member (region_id, id)
);
CREATE INDEX ledger_entry_member_entry_idx ON ledger_entry_member (entry_id);

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('ledger_entry', 'reference', NULL, NULL, NULL),
  ('ledger_entry_org', 'reference', NULL, NULL, NULL),
  ('ledger_figure', 'reference', NULL, NULL, NULL),
  ('ledger_entry_member', 'distributed', 'region_id', 'member', NULL);

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('ledger_entry', 'org_path', true),
  ('ledger_entry_org', 'org_path', true);
