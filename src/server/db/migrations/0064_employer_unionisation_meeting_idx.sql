-- The employers an outreach meeting brought to form a union (issue #16, noticed in the cold-start profile). Each row
-- of the meeting list counts them (`employers_engaged`, outreach.repo.ts) with a subquery on
-- `employer.unionisation_meeting_id`, and deleting a meeting checks the same column for its foreign key: without an
-- index each is a scan of every employer (125,087 at life size) per meeting. Few employers carry a meeting, so the
-- index holds only those.
CREATE INDEX employer_unionisation_meeting_idx ON employer (unionisation_meeting_id) WHERE unionisation_meeting_id IS NOT NULL;
