-- Settings the database itself must remember. `pii_key_check` holds an HMAC fingerprint of the personal-data
-- key, so a server started with another key (another data directory, a lost GONGHUI_SECRET) refuses to run
-- instead of writing blind indexes that match nothing and ciphertext nobody can read.
CREATE TABLE app_setting (
  key         text PRIMARY KEY,
  value       text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
