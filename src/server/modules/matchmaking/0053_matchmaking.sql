-- Matchmaking for single workers (联谊, issue #14; seed 003 燕缘际会). Sensitive personal data (PIPL Art. 28–29):
--  * a profile belongs to one event and one member (opt-in, never a directory across events); per-field visibility;
--    the sensitive fields (婚史, 收入) are sealed at rest and stored only with their own consent row;
--  * an interest is one person's, invisible to everyone until the other person's interest makes it mutual; a block
--    is two-way and silent; contact details are shown once both confirm a mutual match;
--  * withdrawal and the retention purge DELETE the profile and everything hanging on it, leaving one non-personal
--    line in matchmaking_withdrawal;
--  * interests per person and day are counted by a guarded UPDATE (used < day_limit), CHECK (used <= day_limit) last.
-- Member-owned tables carry region_id in every key (docs/scale-out.md); a row pointing at another person's profile
-- names its (region, id) without a foreign key, since that person may live in another region.

CREATE TABLE matchmaking_setting (
  event_id        bigint  NOT NULL PRIMARY KEY REFERENCES event (id),
  enabled         boolean NOT NULL DEFAULT false,
  retention_days  integer NOT NULL CHECK (retention_days BETWEEN 0 AND 365),
  daily_interest_limit integer NOT NULL CHECK (daily_interest_limit BETWEEN 1 AND 100),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE matchmaking_profile_id_seq;
CREATE TABLE matchmaking_profile (
  region_id       bigint  NOT NULL,
  id              bigint  NOT NULL DEFAULT nextval('matchmaking_profile_id_seq'),
  event_id        bigint  NOT NULL REFERENCES event (id),
  member_id       bigint  NOT NULL,
  -- The member's union when the profile was made.
  org_path        ltree   NOT NULL,
  nickname        text    NOT NULL CHECK (length(btrim(nickname)) BETWEEN 1 AND 30),
  birth_year      integer CHECK (birth_year BETWEEN 1940 AND 2010),
  height_cm       integer CHECK (height_cm BETWEEN 120 AND 230),
  education       text    CHECK (education IN ('secondary', 'college', 'bachelor', 'master', 'doctorate')),
  hometown        text    CHECK (length(hometown) <= 50),
  hobbies         text    CHECK (length(hobbies) <= 200),
  self_intro      text    CHECK (length(self_intro) <= 1000),
  photo_url       text    CHECK (length(photo_url) <= 500),
  -- The sensitive fields, sealed together (JSON), NULL when none was given with its consent.
  sensitive_enc   text,
  -- The fields others of the event may see (nickname always).
  visible         text[]  NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, member_id) REFERENCES member (region_id, id),
  CHECK (region_id = (CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint)
);
CREATE UNIQUE INDEX matchmaking_profile_one ON matchmaking_profile (region_id, event_id, member_id);
CREATE INDEX matchmaking_profile_event ON matchmaking_profile (event_id, id);
CREATE INDEX matchmaking_profile_path_gist ON matchmaking_profile USING gist (org_path);

-- The explicit consent to one sensitive field: what, when, under which text version. Deleted with the profile.
CREATE SEQUENCE matchmaking_consent_id_seq;
CREATE TABLE matchmaking_consent (
  region_id       bigint  NOT NULL,
  id              bigint  NOT NULL DEFAULT nextval('matchmaking_consent_id_seq'),
  profile_id      bigint  NOT NULL,
  field           text    NOT NULL CHECK (field IN ('maritalHistory', 'incomeRange')),
  text_version    text    NOT NULL CHECK (length(text_version) BETWEEN 1 AND 40),
  consented_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, profile_id) REFERENCES matchmaking_profile (region_id, id)
);
CREATE UNIQUE INDEX matchmaking_consent_one ON matchmaking_consent (region_id, profile_id, field);

-- One person's interest in another's profile of the same event.
CREATE TABLE matchmaking_interest (
  region_id       bigint  NOT NULL,
  profile_id      bigint  NOT NULL,
  event_id        bigint  NOT NULL REFERENCES event (id),
  to_region_id    bigint  NOT NULL,
  to_profile_id   bigint  NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, profile_id, to_region_id, to_profile_id),
  FOREIGN KEY (region_id, profile_id) REFERENCES matchmaking_profile (region_id, id),
  CHECK (region_id <> to_region_id OR profile_id <> to_profile_id)
);
CREATE INDEX matchmaking_interest_to ON matchmaking_interest (to_region_id, to_profile_id);

-- Interests expressed per person and (Beijing) day: the rate limit's counter.
CREATE TABLE matchmaking_interest_day (
  region_id       bigint  NOT NULL,
  profile_id      bigint  NOT NULL,
  day             date    NOT NULL,
  used            integer NOT NULL,
  day_limit       integer NOT NULL,
  PRIMARY KEY (region_id, profile_id, day),
  FOREIGN KEY (region_id, profile_id) REFERENCES matchmaking_profile (region_id, id),
  CONSTRAINT matchmaking_interest_day_limit CHECK (used BETWEEN 1 AND day_limit)
);

-- A silent block: neither sees the other again.
CREATE TABLE matchmaking_block (
  region_id       bigint  NOT NULL,
  profile_id      bigint  NOT NULL,
  event_id        bigint  NOT NULL REFERENCES event (id),
  blocked_region_id bigint NOT NULL,
  blocked_profile_id bigint NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, profile_id, blocked_region_id, blocked_profile_id),
  FOREIGN KEY (region_id, profile_id) REFERENCES matchmaking_profile (region_id, id)
);
CREATE INDEX matchmaking_block_blocked ON matchmaking_block (blocked_region_id, blocked_profile_id);

-- One side's confirmation that contact details may be exchanged on a mutual match.
CREATE TABLE matchmaking_contact_confirm (
  region_id       bigint  NOT NULL,
  profile_id      bigint  NOT NULL,
  other_region_id bigint  NOT NULL,
  other_profile_id bigint NOT NULL,
  confirmed_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, profile_id, other_region_id, other_profile_id),
  FOREIGN KEY (region_id, profile_id) REFERENCES matchmaking_profile (region_id, id)
);
CREATE INDEX matchmaking_contact_confirm_other ON matchmaking_contact_confirm (other_region_id, other_profile_id);

-- An online task done (daily check-in, the day's question): once per member, event, task and day; its points.
CREATE TABLE matchmaking_task_done (
  region_id       bigint  NOT NULL,
  event_id        bigint  NOT NULL REFERENCES event (id),
  member_id       bigint  NOT NULL,
  task            text    NOT NULL CHECK (task IN ('checkin', 'question')),
  day             date    NOT NULL,
  points          integer NOT NULL CHECK (points >= 0),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, event_id, member_id, task, day),
  FOREIGN KEY (region_id, member_id) REFERENCES member (region_id, id)
);
CREATE INDEX matchmaking_task_done_event ON matchmaking_task_done (event_id);

-- That a withdrawal (or the retention purge) happened: no person, only the event, the kind and the time.
CREATE SEQUENCE matchmaking_withdrawal_id_seq;
CREATE TABLE matchmaking_withdrawal (
  id              bigint  NOT NULL DEFAULT nextval('matchmaking_withdrawal_id_seq') PRIMARY KEY,
  event_id        bigint  NOT NULL REFERENCES event (id),
  kind            text    NOT NULL CHECK (kind IN ('self', 'retention')),
  profiles        integer NOT NULL CHECK (profiles >= 0),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX matchmaking_withdrawal_event ON matchmaking_withdrawal (event_id);
CREATE TRIGGER matchmaking_withdrawal_immutable BEFORE UPDATE OR DELETE ON matchmaking_withdrawal
  FOR EACH ROW EXECUTE FUNCTION refuse_change();

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('matchmaking_setting', 'reference', NULL, NULL, NULL),
  ('matchmaking_profile', 'distributed', 'region_id', 'member', 'org_path'),
  ('matchmaking_consent', 'distributed', 'region_id', 'member', NULL),
  ('matchmaking_interest', 'distributed', 'region_id', 'member', NULL),
  ('matchmaking_interest_day', 'distributed', 'region_id', 'member', NULL),
  ('matchmaking_block', 'distributed', 'region_id', 'member', NULL),
  ('matchmaking_contact_confirm', 'distributed', 'region_id', 'member', NULL),
  ('matchmaking_task_done', 'distributed', 'region_id', 'member', NULL),
  ('matchmaking_withdrawal', 'reference', NULL, NULL, NULL);

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('matchmaking_profile', 'org_path', true);
