-- Events (活动, issue #13): an event of a node, its sessions (班次) with capacity and a sign-up window, and the
-- registrations of members. The discipline that keeps seats from being sold twice:
--  * a session's `confirmed` counts the places held (offered, confirmed, attended); it changes only by a guarded
--    UPDATE (… SET confirmed = confirmed + 1 WHERE confirmed < capacity) in the registration's transaction, and
--    CHECK (confirmed BETWEEN 0 AND capacity) is the last line;
--  * one active registration (waitlisted, offered, confirmed) per person and session: a partial unique index;
--  * a registration's status moves only along the edges of event_registration_transition (trigger below);
--  * the sign-up window is half-open [opens_at, closes_at), checked against now() in SQL.

CREATE SEQUENCE event_id_seq;
CREATE TABLE event (
  id              bigint  NOT NULL DEFAULT nextval('event_id_seq') PRIMARY KEY,
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  region_id       bigint  NOT NULL,
  kind            text    NOT NULL CHECK (kind IN ('culture', 'sports', 'care', 'matchmaking', 'training', 'outing', 'other')),
  title           text    NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 100),
  description     text    NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  selection       text    NOT NULL CHECK (selection IN ('first_come', 'lottery', 'points_ranking', 'preferences')),
  -- How a freed place reaches the waitlist: at once (auto), or as an offer the person accepts within offer_hours.
  promotion       text    NOT NULL CHECK (promotion IN ('auto', 'offer')),
  offer_hours     integer CHECK (offer_hours BETWEEN 1 AND 168),
  status          text    NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'closed', 'cancelled')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((promotion = 'offer') = (offer_hours IS NOT NULL))
);
CREATE INDEX event_path_gist ON event USING gist (org_path);

-- Who may sign up: members whose union lies in one of these subtrees.
CREATE TABLE event_audience (
  event_id        bigint  NOT NULL REFERENCES event (id),
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  PRIMARY KEY (event_id, org_id)
);
CREATE INDEX event_audience_path_gist ON event_audience USING gist (org_path);

CREATE SEQUENCE event_session_id_seq;
CREATE TABLE event_session (
  id              bigint  NOT NULL DEFAULT nextval('event_session_id_seq') PRIMARY KEY,
  event_id        bigint  NOT NULL REFERENCES event (id),
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL,
  place           text    NOT NULL CHECK (length(btrim(place)) BETWEEN 1 AND 200),
  capacity        integer NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
  confirmed       integer NOT NULL DEFAULT 0,
  -- The sign-up window, half-open: open at opens_at, closed at closes_at.
  opens_at        timestamptz NOT NULL,
  closes_at       timestamptz NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT event_session_not_oversold CHECK (confirmed <= capacity AND confirmed >= 0),
  CHECK (ends_at > starts_at),
  CHECK (closes_at > opens_at)
);
CREATE INDEX event_session_event_idx ON event_session (event_id, starts_at);

CREATE TABLE event_registration_transition (
  from_status     text    NOT NULL,
  to_status       text    NOT NULL,
  PRIMARY KEY (from_status, to_status)
);
INSERT INTO event_registration_transition (from_status, to_status) VALUES
  ('new', 'confirmed'),
  ('new', 'waitlisted'),
  ('waitlisted', 'confirmed'),
  ('waitlisted', 'offered'),
  ('waitlisted', 'cancelled'),
  ('offered', 'confirmed'),
  ('offered', 'expired'),
  ('offered', 'cancelled'),
  ('confirmed', 'cancelled'),
  ('confirmed', 'attended'),
  ('confirmed', 'no_show');

CREATE SEQUENCE event_registration_id_seq;
-- The waitlist's order: a number drawn when a person joins it (city-wide, so regions interleave fairly).
CREATE SEQUENCE event_waitlist_seq;
CREATE TABLE event_registration (
  region_id       bigint  NOT NULL,
  id              bigint  NOT NULL DEFAULT nextval('event_registration_id_seq'),
  event_id        bigint  NOT NULL REFERENCES event (id),
  session_id      bigint  NOT NULL REFERENCES event_session (id),
  member_id       bigint  NOT NULL,
  -- The member's union when they signed up.
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  status          text    NOT NULL CHECK (status IN ('waitlisted', 'offered', 'confirmed', 'cancelled', 'expired', 'attended', 'no_show')),
  waitlist_seq    bigint,
  offer_expires_at timestamptz,
  -- The caller's id of the sign-up (an Idempotency-Key): a retry answers the first registration.
  request_key     text    NOT NULL CHECK (length(request_key) BETWEEN 1 AND 120),
  -- The cadre who signed the member up (bulk sign-up), NULL when the member did.
  signed_up_by    bigint,
  cancel_reason   text    CHECK (cancel_reason IN ('self', 'cadre', 'ineligible', 'event_cancelled')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, member_id) REFERENCES member (region_id, id),
  CHECK (region_id = (CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint),
  CHECK ((status = 'offered') = (offer_expires_at IS NOT NULL)),
  CHECK (status <> 'waitlisted' OR waitlist_seq IS NOT NULL)
);
-- One active registration per person and session.
CREATE UNIQUE INDEX event_registration_one_active ON event_registration (region_id, session_id, member_id)
  WHERE status IN ('waitlisted', 'offered', 'confirmed');
CREATE UNIQUE INDEX event_registration_key ON event_registration (region_id, member_id, request_key);
CREATE INDEX event_registration_waitlist_idx ON event_registration (session_id, waitlist_seq) WHERE status = 'waitlisted';
CREATE INDEX event_registration_offer_idx ON event_registration (offer_expires_at) WHERE status = 'offered';
CREATE INDEX event_registration_session_idx ON event_registration (region_id, session_id, id);
CREATE INDEX event_registration_path_gist ON event_registration USING gist (org_path);

-- Statuses move only along the edges above; an insert starts from 'new'.
CREATE FUNCTION event_registration_check_transition() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  from_s text := CASE WHEN TG_OP = 'INSERT' THEN 'new' ELSE OLD.status END;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM event_registration_transition t WHERE t.from_status = from_s AND t.to_status = NEW.status) THEN
    RAISE EXCEPTION 'event registration status may not move from % to %', from_s, NEW.status USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER event_registration_transition_guard BEFORE INSERT OR UPDATE OF status ON event_registration
  FOR EACH ROW EXECUTE FUNCTION event_registration_check_transition();

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('event', 'reference', NULL, NULL, NULL),
  ('event_audience', 'reference', NULL, NULL, NULL),
  ('event_session', 'reference', NULL, NULL, NULL),
  ('event_registration_transition', 'reference', NULL, NULL, NULL),
  ('event_registration', 'distributed', 'region_id', 'member', 'org_path');

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('event', 'org_path', true),
  ('event_audience', 'org_path', true),
  ('event_registration', 'org_path', true);
