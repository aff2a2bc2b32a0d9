-- What the events module's minute jobs read (issue #13):
--  * the notification scan and the window-close fill start from the sessions yet to start (starts_at > now()),
--    then read each session's registrations by status — two indexes instead of a scan of every registration;
--  * registrations written by the demo data are marked 'seeded' for the confirmation: they stand for sign-ups made
--    before the platform ran, and the first start should not send a message for each of them.
CREATE INDEX event_session_starts_idx ON event_session (starts_at);
CREATE INDEX event_registration_session_status_idx ON event_registration (session_id, status);

ALTER TABLE event_notification DROP CONSTRAINT event_notification_outcome_check;
ALTER TABLE event_notification ADD CONSTRAINT event_notification_outcome_check CHECK (outcome IN ('sent', 'no_phone', 'seeded'));
