-- Member cards (会员服务卡): a card number issued on approval; card_version rises on every revoke or re-issue
-- so QR tokens signed for an older version stop verifying at once.
ALTER TABLE member ADD COLUMN card_version integer NOT NULL DEFAULT 0;
ALTER TABLE member ADD COLUMN card_status text NOT NULL DEFAULT 'none' CHECK (card_status IN ('none', 'active', 'revoked'));
ALTER TABLE member ADD COLUMN card_issued_at timestamptz;
CREATE SEQUENCE member_card_seq START 1;
