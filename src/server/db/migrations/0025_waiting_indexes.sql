-- What waits for cadres (the 工作台 and the menu badges, issue #11) is counted on every page load of the console:
-- partial indexes on the waiting rows only keep those counts small reads however long the history grows. And the
-- audit log, filtered by person or by action, newest first.
CREATE INDEX member_application_pending_gist ON member_application USING gist (org_path) WHERE status = 'pending';
CREATE INDEX member_transfer_unreleased_gist ON member_transfer USING gist (from_org_path) WHERE status = 'pending' AND released_at IS NULL;
CREATE INDEX import_job_failed_gist ON import_job USING gist (org_path) WHERE status = 'failed';
CREATE INDEX audit_log_username_idx ON audit_log (username, id DESC) WHERE username IS NOT NULL;
CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC);
