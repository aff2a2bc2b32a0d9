-- Training sign-up through the events machinery (issue #13): a training session opens sign-up as an event of kind
-- 'training' with one session; the training session keeps that event session, at most one training session per
-- event session, so a check-in of the event session marks attendance of exactly one training session.
ALTER TABLE training_session ADD CONSTRAINT training_session_event_session_fk FOREIGN KEY (event_session_id) REFERENCES event_session (id);

CREATE UNIQUE INDEX training_session_event_session_key ON training_session (event_session_id) WHERE event_session_id IS NOT NULL;
