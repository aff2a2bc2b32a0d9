-- Fair selection wired to the database (issue #13): lottery (抽签), points ranking (积分排行) and preferences across
-- sessions (志愿分配). A sign-up in these modes is an ENTRY ('entered'), never a place: nobody holds a place before
-- the draw. When the window closes the entries are frozen (event_draw.frozen, its SHA-256 published); the cadre then
-- enters the seed from the source named in the plan, and the draw confirms the winners through the same guarded
-- place-taking as first come (event_session.confirmed < capacity) and waitlists the rest in key (or rank) order.

ALTER TABLE event_registration DROP CONSTRAINT event_registration_status_check;
ALTER TABLE event_registration ADD CONSTRAINT event_registration_status_check
  CHECK (status IN ('waitlisted', 'offered', 'confirmed', 'cancelled', 'expired', 'attended', 'no_show', 'entered'));
-- The sessions a member ranked (preferences), best first; the registration itself sits on the first choice.
ALTER TABLE event_registration ADD COLUMN choices bigint[];
-- One entry per person and session, as for the active statuses.
CREATE UNIQUE INDEX event_registration_one_entry ON event_registration (region_id, session_id, member_id) WHERE status = 'entered';
CREATE INDEX event_registration_entry_idx ON event_registration (session_id, id) WHERE status = 'entered';

INSERT INTO event_registration_transition (from_status, to_status) VALUES
  ('new', 'entered'),
  ('entered', 'confirmed'),
  ('entered', 'waitlisted'),
  ('entered', 'cancelled');

-- What the cadre declares before freezing: the public seed source, quotas per unit, the points window of a ranking.
CREATE TABLE event_draw_plan (
  event_id        bigint  NOT NULL PRIMARY KEY REFERENCES event (id),
  seed_source     text    NOT NULL CHECK (length(btrim(seed_source)) BETWEEN 1 AND 200),
  -- [{ sessionId, orgId, quota }]
  quotas          jsonb   NOT NULL DEFAULT '[]',
  programme_id    bigint,
  earned_from     timestamptz,
  earned_to       timestamptz,
  declared_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((programme_id IS NULL) = (earned_from IS NULL) AND (earned_from IS NULL) = (earned_to IS NULL))
);

-- One frozen draw per session (lottery, ranking) or per event (preferences: session_id NULL). Frozen once, drawn once.
CREATE SEQUENCE event_draw_id_seq;
CREATE TABLE event_draw (
  id              bigint  NOT NULL DEFAULT nextval('event_draw_id_seq') PRIMARY KEY,
  event_id        bigint  NOT NULL REFERENCES event (id),
  session_id      bigint  REFERENCES event_session (id),
  mode            text    NOT NULL CHECK (mode IN ('lottery', 'points_ranking', 'preferences')),
  -- The frozen list as published (DrawFreeze or AllocationFreeze of src/common/events.draw.ts): opaque entry ids,
  -- masked names, strata; and the SHA-256 of its canonical text.
  frozen          jsonb   NOT NULL,
  frozen_hash     text    NOT NULL CHECK (frozen_hash ~ '^[0-9a-f]{64}$'),
  frozen_at       timestamptz NOT NULL,
  seed            text,
  -- The export anyone can verify (DrawExport, AllocationExport, or the ranking) and the SHA-256 of its JSON text.
  result          jsonb,
  result_hash     text    CHECK (result_hash ~ '^[0-9a-f]{64}$'),
  drawn_at        timestamptz,
  CHECK ((seed IS NULL) = (result IS NULL) AND (result IS NULL) = (drawn_at IS NULL) AND (drawn_at IS NULL) = (result_hash IS NULL)),
  CHECK ((mode = 'preferences') = (session_id IS NULL))
);
CREATE UNIQUE INDEX event_draw_one_per_session ON event_draw (event_id, (coalesce(session_id, 0)));

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('event_draw_plan', 'reference', NULL, NULL, NULL),
  ('event_draw', 'reference', NULL, NULL, NULL);
