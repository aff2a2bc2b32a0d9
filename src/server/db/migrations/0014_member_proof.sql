-- Trust between the membership flows (issue #8): a worker proves they are a member by a one-time code sent to
-- the phone on the member's record; that proof opens a member session and consents to a transfer.
-- region_id is the second label of the member's org path (0 where no member is known), carried in every key
-- and in the identifiers handed out (challenge ids, session cookies) so a look-up can go to one shard later.

-- Messages to phones. The embedded engine has no SMS gateway: the outbox is what a federation admin reads.
CREATE SEQUENCE message_outbox_seq;
CREATE TABLE message_outbox (
  region_id     bigint NOT NULL,
  id            bigint NOT NULL DEFAULT nextval('message_outbox_seq'::regclass),
  phone_enc     text   NOT NULL,
  phone_masked  text   NOT NULL,
  purpose       text   NOT NULL CHECK (purpose IN ('sign_in_code', 'consent_code', 'transfer_notice')),
  body_zh       text   NOT NULL,
  body_en       text   NOT NULL,
  channel       text   NOT NULL CHECK (channel IN ('outbox', 'http')),
  status        text   NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX message_outbox_recent_idx ON message_outbox (id DESC);

-- One-time codes: only an HMAC of the code is kept; 5 minutes, 5 tries. A request for someone who is not a member
-- (or whose phone differs from the record) gets a challenge too, with no member and no message, so the answers
-- cannot tell members apart.
CREATE TABLE otp_challenge (
  region_id     bigint NOT NULL,
  id            text   NOT NULL,
  purpose       text   NOT NULL CHECK (purpose IN ('sign_in', 'transfer_consent')),
  member_id     bigint,
  subject_id    bigint,
  phone_bidx    text   NOT NULL,
  code_hash     text   NOT NULL,
  ip            text,
  attempts      integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  expires_at    timestamptz NOT NULL,
  consumed_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
CREATE INDEX otp_challenge_phone_idx ON otp_challenge (phone_bidx, created_at);
CREATE INDEX otp_challenge_ip_idx ON otp_challenge (ip, created_at);

-- Member sessions (the phone pages): their own cookie, shorter lifetime, no cadre rights.
CREATE TABLE member_session (
  region_id     bigint NOT NULL,
  id_hash       text   NOT NULL,
  member_id     bigint NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ip            text,
  PRIMARY KEY (region_id, id_hash)
);
CREATE INDEX member_session_member_idx ON member_session (member_id);

-- A transfer moves a member only with the member's consent (a one-time code, or a signed paper form the releasing
-- union records) and the releasing union's confirmation; auto-confirmation needs the consent.
ALTER TABLE member_transfer ADD COLUMN consent text CHECK (consent IN ('code', 'paper'));
ALTER TABLE member_transfer ADD COLUMN consented_at timestamptz;
ALTER TABLE member_transfer ADD COLUMN consent_ref text;
ALTER TABLE member_transfer ADD COLUMN consent_recorded_by bigint;
ALTER TABLE member_transfer ADD COLUMN released_at timestamptz;
ALTER TABLE member_transfer ADD COLUMN released_by bigint;
ALTER TABLE member_transfer DROP CONSTRAINT member_transfer_requested_via_check;
ALTER TABLE member_transfer ADD CONSTRAINT member_transfer_requested_via_check
  CHECK (requested_via IN ('union', 'member', 'application', 'roster'));
DROP INDEX member_transfer_due_idx;
CREATE INDEX member_transfer_due_idx ON member_transfer (auto_confirm_at) WHERE status = 'pending' AND consent IS NOT NULL;

-- Every public application is recorded the same way, whoever the applicant is: several pending applications of one
-- person may exist, and the reviewing cadre sees which are duplicates.
DROP INDEX member_application_one_pending;
CREATE INDEX member_application_person_idx ON member_application (id_number_bidx, status);

-- Roster rows naming a member of another union are listed apart; the cadre requests their transfers in one action.
ALTER TABLE import_job ADD COLUMN elsewhere integer NOT NULL DEFAULT 0;
CREATE TABLE import_job_elsewhere (
  region_id     bigint NOT NULL,
  job_id        bigint NOT NULL REFERENCES import_job (id),
  member_id     bigint NOT NULL,
  row_no        integer NOT NULL,
  transfer_id   bigint,
  PRIMARY KEY (region_id, job_id, member_id)
);
CREATE INDEX import_job_elsewhere_job_idx ON import_job_elsewhere (job_id, row_no);
