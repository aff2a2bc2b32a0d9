-- Issue #8, sign-in hardening. Failed sign-ins are counted per (username, IP) and per IP (username '' ) instead
-- of on the account, so five wrong passwords from one place no longer lock the account for everyone.
-- The username is kept as typed (also for unknown accounts), so throttling answers alike for every name.
-- Not member-owned (cadre accounts and addresses), so it carries no region_id and stays on the coordinator on Citus.
CREATE TABLE login_throttle (
  username        text NOT NULL,
  ip              text NOT NULL,
  failures        integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  blocked_until   timestamptz,
  PRIMARY KEY (username, ip)
);

-- A generated first password (the bootstrap admin's) must be replaced before the account may do anything else.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
