-- Event notifications (活动通知, issue #13): text messages through the message sender when a registration is confirmed,
-- when a waitlist offer is made, and the day before the session. One row per registration and kind, written in the
-- same transaction as the message it stands for (the outbox is in the database), so nothing is sent twice: the
-- sender inserts with ON CONFLICT DO NOTHING and sends only when its row went in. Keyed per registration, so a person
-- confirmed, cancelled and confirmed again (a new registration) hears once per registration.
-- region_id is the registration's (its member's) region, carried in the key like every member-owned table.
CREATE TABLE event_notification (
  region_id       bigint  NOT NULL,
  registration_id bigint  NOT NULL,
  kind            text    NOT NULL CHECK (kind IN ('confirmed', 'offer', 'reminder')),
  -- 'no_phone': the member has no phone on record; kept so the scan does not look at the registration again.
  outcome         text    NOT NULL CHECK (outcome IN ('sent', 'no_phone')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, registration_id, kind),
  FOREIGN KEY (region_id, registration_id) REFERENCES event_registration (region_id, id)
);

-- The outbox learns the event purposes.
ALTER TABLE message_outbox DROP CONSTRAINT message_outbox_purpose_check;
ALTER TABLE message_outbox ADD CONSTRAINT message_outbox_purpose_check
  CHECK (purpose IN ('sign_in_code', 'consent_code', 'transfer_notice', 'event_confirmed', 'event_offer', 'event_reminder'));

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('event_notification', 'distributed', 'region_id', 'member', NULL);
