-- The narrow judge and referee roles (issue #14): granted on the node that runs a contest or a tournament; the
-- contests and tournaments they serve are named by contest_judge and tournament_referee.
ALTER TABLE role_grant DROP CONSTRAINT role_grant_role_check;
ALTER TABLE role_grant ADD CONSTRAINT role_grant_role_check
  CHECK (role IN ('federation_admin', 'union_cadre', 'finance_officer', 'auditor', 'read_only', 'cashier', 'judge', 'referee'));
