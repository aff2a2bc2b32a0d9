-- Where an audit entry belongs, by organisation id rather than by path: the auditors who see it are found
-- through org_unit's current path at read time, so after a subtree moves its entries follow it to the new
-- parent's auditors (audit rows themselves can never be rewritten). Old rows keep only org_path.
ALTER TABLE audit_log ADD COLUMN org_ids bigint[];
-- Per-user quotas (reveals per hour, full exports per day) count the caller's recent entries of one action.
CREATE INDEX audit_log_user_action_at_idx ON audit_log (user_id, action, at) WHERE user_id IS NOT NULL;
