-- Contests (竞赛评比, issue #14): a contest of an organising node, its criteria, the entries units send, the judges
-- (users holding the narrow 'judge' role) and their panels, score sheets with their amendments, award tiers, frozen
-- result snapshots, the 公示 notice and its written appeals. All of it belongs to org nodes, none to members.
CREATE SEQUENCE contest_id_seq;
CREATE TABLE contest (
  id              bigint  NOT NULL DEFAULT nextval('contest_id_seq') PRIMARY KEY,
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  event_id        bigint  REFERENCES event (id),
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  status          text    NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'open', 'judging', 'scored', 'notice', 'final')),
  normalisation   text    NOT NULL DEFAULT 'none' CHECK (normalisation IN ('none', 'robust-z')),
  panel_size      integer NOT NULL DEFAULT 5 CHECK (panel_size BETWEEN 1 AND 50),
  showcase_size   integer CHECK (showcase_size >= 0),
  notice_days     integer NOT NULL DEFAULT 7 CHECK (notice_days BETWEEN 0 AND 60),
  notice_ends_at  timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contest_path_gist ON contest USING gist (org_path);

-- 评分项: weight (up to 4 decimals) × score (0..max_score, at most `decimals` digits). tie_break_rank orders the
-- declared tie-break chain (1 first); null: not in the chain.
CREATE SEQUENCE contest_criterion_id_seq;
CREATE TABLE contest_criterion (
  id              bigint  NOT NULL DEFAULT nextval('contest_criterion_id_seq') PRIMARY KEY,
  contest_id      bigint  NOT NULL REFERENCES contest (id),
  position        integer NOT NULL,
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  weight          numeric(8, 4) NOT NULL CHECK (weight > 0),
  max_score       numeric(7, 2) NOT NULL CHECK (max_score > 0),
  decimals        smallint NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 2),
  tie_break_rank  smallint CHECK (tie_break_rank >= 1),
  UNIQUE (contest_id, position)
);

-- An entry (作品/节目) sent by a unit: performers as names (and member ids where known), attachments as links.
CREATE SEQUENCE contest_entry_id_seq;
CREATE TABLE contest_entry (
  id              bigint  NOT NULL DEFAULT nextval('contest_entry_id_seq') PRIMARY KEY,
  contest_id      bigint  NOT NULL REFERENCES contest (id),
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  title           text    NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  performers      jsonb   NOT NULL DEFAULT '[]',
  attachments     jsonb   NOT NULL DEFAULT '[]',
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contest_entry_contest_idx ON contest_entry (contest_id);
CREATE INDEX contest_entry_path_gist ON contest_entry USING gist (org_path);

-- A judge of one contest: a user holding 'judge' on the organising node; org_path is the judge's own unit.
CREATE SEQUENCE contest_judge_id_seq;
CREATE TABLE contest_judge (
  id              bigint  NOT NULL DEFAULT nextval('contest_judge_id_seq') PRIMARY KEY,
  contest_id      bigint  NOT NULL REFERENCES contest (id),
  user_id         bigint  NOT NULL REFERENCES app_user (id),
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  is_chief        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (contest_id, user_id)
);
CREATE UNIQUE INDEX contest_judge_one_chief ON contest_judge (contest_id) WHERE is_chief;
CREATE INDEX contest_judge_user_idx ON contest_judge (user_id);

-- A conflict the judge declared (a relative performing, a former pupil), whatever the units.
CREATE TABLE contest_conflict (
  judge_id        bigint  NOT NULL REFERENCES contest_judge (id),
  entry_id        bigint  NOT NULL REFERENCES contest_entry (id),
  reason          text    NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (judge_id, entry_id)
);

-- Who scores what. The conflict rule is the database's: see contest_refuse_conflict below.
CREATE SEQUENCE contest_assignment_id_seq;
CREATE TABLE contest_assignment (
  id              bigint  NOT NULL DEFAULT nextval('contest_assignment_id_seq') PRIMARY KEY,
  contest_id      bigint  NOT NULL REFERENCES contest (id),
  judge_id        bigint  NOT NULL REFERENCES contest_judge (id),
  entry_id        bigint  NOT NULL REFERENCES contest_entry (id),
  UNIQUE (judge_id, entry_id)
);
CREATE INDEX contest_assignment_contest_idx ON contest_assignment (contest_id);
CREATE INDEX contest_assignment_entry_idx ON contest_assignment (entry_id);

-- One score sheet per assignment: scores by criterion id; draft until submitted, then changed only by amendments.
CREATE SEQUENCE contest_sheet_id_seq;
CREATE TABLE contest_sheet (
  id              bigint  NOT NULL DEFAULT nextval('contest_sheet_id_seq') PRIMARY KEY,
  assignment_id   bigint  NOT NULL UNIQUE REFERENCES contest_assignment (id),
  status          text    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  scores          jsonb   NOT NULL DEFAULT '{}',
  submitted_at    timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);

-- A change to a submitted score: the old and new value, the reason, who and when. Never changed itself.
CREATE SEQUENCE contest_amendment_id_seq;
CREATE TABLE contest_amendment (
  id              bigint  NOT NULL DEFAULT nextval('contest_amendment_id_seq') PRIMARY KEY,
  sheet_id        bigint  NOT NULL REFERENCES contest_sheet (id),
  criterion_id    bigint  NOT NULL REFERENCES contest_criterion (id),
  old_score       numeric(7, 2) NOT NULL,
  new_score       numeric(7, 2) NOT NULL,
  reason          text    NOT NULL CHECK (length(btrim(reason)) BETWEEN 2 AND 500),
  user_id         bigint  NOT NULL REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contest_amendment_sheet_idx ON contest_amendment (sheet_id);

-- Award tiers: 'ladder' (per entry, filled in rank order), 'criterion' (ranked on one criterion), 'unit' (per unit).
CREATE SEQUENCE contest_tier_id_seq;
CREATE TABLE contest_tier (
  id              bigint  NOT NULL DEFAULT nextval('contest_tier_id_seq') PRIMARY KEY,
  contest_id      bigint  NOT NULL REFERENCES contest (id),
  position        integer NOT NULL,
  kind            text    NOT NULL CHECK (kind IN ('ladder', 'criterion', 'unit')),
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  quota           integer NOT NULL CHECK (quota >= 0),
  criterion_id    bigint  REFERENCES contest_criterion (id),
  unit_rule       text    CHECK (unit_rule IN ('best-entry-rank', 'award-rate')),
  CHECK ((kind = 'criterion') = (criterion_id IS NOT NULL)),
  UNIQUE (contest_id, position)
);

-- The chief judge's recorded order of entries (or units) still tied at a boundary, per ranking context.
CREATE TABLE contest_chief_decision (
  contest_id      bigint  NOT NULL REFERENCES contest (id),
  context         text    NOT NULL,
  ordered_ids     jsonb   NOT NULL,
  user_id         bigint  NOT NULL REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (contest_id, context)
);

-- A frozen result: canonical JSON, its SHA-256, the rule that ran, when it was published and when the notice ends.
CREATE SEQUENCE contest_result_id_seq;
CREATE TABLE contest_result (
  id              bigint  NOT NULL DEFAULT nextval('contest_result_id_seq') PRIMARY KEY,
  contest_id      bigint  NOT NULL UNIQUE REFERENCES contest (id),
  result          text    NOT NULL,
  sha256          text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  rule            text    NOT NULL,
  published_at    timestamptz NOT NULL DEFAULT now(),
  notice_ends_at  timestamptz NOT NULL,
  published_by    bigint  NOT NULL REFERENCES app_user (id)
);

-- The awards of a frozen result, one row per winner, for the roll-up by district and unit (the path as it was).
CREATE SEQUENCE contest_award_id_seq;
CREATE TABLE contest_award (
  id              bigint  NOT NULL DEFAULT nextval('contest_award_id_seq') PRIMARY KEY,
  result_id       bigint  NOT NULL REFERENCES contest_result (id),
  tier_id         bigint  NOT NULL REFERENCES contest_tier (id),
  entry_id        bigint  REFERENCES contest_entry (id),
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL
);
CREATE INDEX contest_award_result_idx ON contest_award (result_id);
CREATE INDEX contest_award_path_gist ON contest_award USING gist (org_path);

-- A written appeal by the entry's unit during the notice, answered by the organiser.
CREATE SEQUENCE contest_appeal_id_seq;
CREATE TABLE contest_appeal (
  id              bigint  NOT NULL DEFAULT nextval('contest_appeal_id_seq') PRIMARY KEY,
  contest_id      bigint  NOT NULL REFERENCES contest (id),
  entry_id        bigint  NOT NULL REFERENCES contest_entry (id),
  org_path        ltree   NOT NULL,
  text            text    NOT NULL CHECK (length(btrim(text)) BETWEEN 5 AND 5000),
  status          text    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
  answer          text    CHECK (length(answer) <= 5000),
  filed_by        bigint  NOT NULL REFERENCES app_user (id),
  answered_by     bigint  REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  answered_at     timestamptz,
  CHECK ((status = 'answered') = (answer IS NOT NULL AND answered_at IS NOT NULL))
);
CREATE INDEX contest_appeal_contest_idx ON contest_appeal (contest_id, status);

-- The conflict rule in the database: no assignment (nor a sheet on one) may pair a judge with an entry of the
-- judge's own unit, a unit above it or a unit below it, nor with an entry the judge declared a conflict with; and
-- no conflict may be declared on a pair already assigned. The message starts with the name the service maps.
CREATE FUNCTION contest_refuse_conflict() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  j_id bigint;
  e_id bigint;
BEGIN
  IF TG_TABLE_NAME = 'contest_sheet' THEN
    SELECT a.judge_id, a.entry_id INTO j_id, e_id FROM contest_assignment a WHERE a.id = NEW.assignment_id;
  ELSE
    j_id := NEW.judge_id;
    e_id := NEW.entry_id;
  END IF;
  IF TG_TABLE_NAME = 'contest_conflict' THEN
    IF EXISTS (SELECT 1 FROM contest_assignment a WHERE a.judge_id = j_id AND a.entry_id = e_id) THEN
      RAISE EXCEPTION 'contest_conflict_of_interest: judge % is already assigned entry %', j_id, e_id USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
  END IF;
  IF EXISTS (
    SELECT 1 FROM contest_judge j, contest_entry e
     WHERE j.id = j_id AND e.id = e_id
       AND (j.contest_id <> e.contest_id OR j.org_path @> e.org_path OR j.org_path <@ e.org_path
            OR EXISTS (SELECT 1 FROM contest_conflict c WHERE c.judge_id = j_id AND c.entry_id = e_id))
  ) THEN
    RAISE EXCEPTION 'contest_conflict_of_interest: judge % may not score entry %', j_id, e_id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER contest_assignment_conflict BEFORE INSERT OR UPDATE ON contest_assignment
  FOR EACH ROW EXECUTE FUNCTION contest_refuse_conflict();
CREATE TRIGGER contest_sheet_conflict BEFORE INSERT OR UPDATE OF assignment_id ON contest_sheet
  FOR EACH ROW EXECUTE FUNCTION contest_refuse_conflict();
CREATE TRIGGER contest_conflict_assigned BEFORE INSERT ON contest_conflict
  FOR EACH ROW EXECUTE FUNCTION contest_refuse_conflict();

-- A submitted sheet stays submitted (its scores change only together with an amendment row, by the service).
CREATE FUNCTION contest_sheet_stays_submitted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'submitted' AND (NEW.status <> 'submitted' OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at) THEN
    RAISE EXCEPTION 'contest_sheet_submitted: sheet % was submitted', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER contest_sheet_submitted BEFORE UPDATE ON contest_sheet
  FOR EACH ROW EXECUTE FUNCTION contest_sheet_stays_submitted();

CREATE TRIGGER contest_amendment_immutable BEFORE UPDATE OR DELETE ON contest_amendment
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER contest_result_immutable BEFORE UPDATE OR DELETE ON contest_result
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER contest_award_immutable BEFORE UPDATE OR DELETE ON contest_award
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with) VALUES
  ('contest', 'reference', NULL, NULL),
  ('contest_criterion', 'reference', NULL, NULL),
  ('contest_entry', 'reference', NULL, NULL),
  ('contest_judge', 'reference', NULL, NULL),
  ('contest_conflict', 'reference', NULL, NULL),
  ('contest_assignment', 'reference', NULL, NULL),
  ('contest_sheet', 'reference', NULL, NULL),
  ('contest_amendment', 'reference', NULL, NULL),
  ('contest_tier', 'reference', NULL, NULL),
  ('contest_chief_decision', 'reference', NULL, NULL),
  ('contest_result', 'reference', NULL, NULL),
  ('contest_award', 'reference', NULL, NULL),
  ('contest_appeal', 'reference', NULL, NULL);

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('contest', 'org_path', true),
  ('contest_entry', 'org_path', true),
  ('contest_judge', 'org_path', true),
  ('contest_award', 'org_path', false),
  ('contest_appeal', 'org_path', true);
