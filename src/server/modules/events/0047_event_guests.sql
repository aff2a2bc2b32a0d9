-- Named non-members in an event's audience (非会员, issue #13): gig workers not yet in a union (外卖骑手, 快递员) whom
-- a cadre names and signs up for a first-come session. A guest has no account: the cadre adds them with a name and a
-- mobile, signs them up, and the guest hears the confirmation (with the ticket's typed code) on that mobile.
--  * the phone is sealed as a member's is (members.person.ts): AES-GCM ciphertext, a keyed blind index for look-up and
--    de-duplication (one guest per event and phone), and the masked form (138****5678) whose end is the last four;
--  * the guest belongs to the inviting unit (org_id/org_path: the event's owner or a co-organiser node where the cadre
--    writes): that unit's cadres see and manage them, a co-organiser only its own guests; region_id is that path's
--    region, so a guest's registrations stay in one shard with the guest;
--  * a removed guest keeps their row (registrations point at it) with removed_at set; their active registrations are
--    cancelled ('ineligible') and the freed places promoted in the same transaction.
-- event_registration holds a member's or a guest's registration (exactly one of member_id, guest_id); the guards of
-- members (one active registration per person and session, one registration per request key) hold for guests alike.
CREATE SEQUENCE event_guest_id_seq;
CREATE TABLE event_guest (
  region_id       bigint  NOT NULL,
  id              bigint  NOT NULL DEFAULT nextval('event_guest_id_seq'),
  event_id        bigint  NOT NULL REFERENCES event (id),
  org_id          bigint  NOT NULL REFERENCES org_unit (id),
  org_path        ltree   NOT NULL,
  name            text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
  phone_enc       text    NOT NULL,
  phone_bidx      text    NOT NULL,
  phone_masked    text    NOT NULL,
  note            text    NOT NULL DEFAULT '' CHECK (length(note) <= 100),
  created_by      bigint  NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  removed_at      timestamptz,
  PRIMARY KEY (region_id, id),
  CHECK (region_id = (CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint)
);
-- One guest per event and phone (a removed guest may be added again).
CREATE UNIQUE INDEX event_guest_one_phone ON event_guest (region_id, event_id, phone_bidx) WHERE removed_at IS NULL;
CREATE INDEX event_guest_event_idx ON event_guest (event_id, id);
CREATE INDEX event_guest_path_gist ON event_guest USING gist (org_path);

ALTER TABLE event_registration ALTER COLUMN member_id DROP NOT NULL;
ALTER TABLE event_registration ADD COLUMN guest_id bigint;
ALTER TABLE event_registration ADD CONSTRAINT event_registration_guest_fk FOREIGN KEY (region_id, guest_id) REFERENCES event_guest (region_id, id);
ALTER TABLE event_registration ADD CONSTRAINT event_registration_one_registrant CHECK ((member_id IS NULL) <> (guest_id IS NULL));
-- One active registration per guest and session; one registration per guest and request key (as for members, 0036).
CREATE UNIQUE INDEX event_registration_guest_one_active ON event_registration (region_id, session_id, guest_id)
  WHERE guest_id IS NOT NULL AND status IN ('waitlisted', 'offered', 'confirmed');
CREATE UNIQUE INDEX event_registration_guest_key ON event_registration (region_id, guest_id, request_key) WHERE guest_id IS NOT NULL;

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('event_guest', 'distributed', 'region_id', 'member', 'org_path');

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('event_guest', 'org_path', true);
