-- A training mark checks the member in to the event session that took the training's sign-ups (issue #13): such a
-- check-in is a ledger row like a scan's, `via` 'training', and a member's own check-in with the room's code has no
-- cadre behind it (checked_by NULL).
ALTER TABLE event_checkin DROP CONSTRAINT event_checkin_via_check;
ALTER TABLE event_checkin ADD CONSTRAINT event_checkin_via_check CHECK (via IN ('scan', 'manual', 'training'));
ALTER TABLE event_checkin ALTER COLUMN checked_by DROP NOT NULL;
