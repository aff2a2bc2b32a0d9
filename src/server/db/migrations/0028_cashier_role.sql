-- The narrow cashier role (issue #12): granted on the node that registered a merchant; the merchant it serves is
-- named by merchant_cashier (points module).
ALTER TABLE role_grant DROP CONSTRAINT role_grant_role_check;
ALTER TABLE role_grant ADD CONSTRAINT role_grant_role_check
  CHECK (role IN ('federation_admin', 'union_cadre', 'finance_officer', 'auditor', 'read_only', 'cashier'));
