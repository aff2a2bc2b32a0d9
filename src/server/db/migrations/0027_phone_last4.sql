-- Member search by the last four digits of a mobile (issue #11): a cadre on the phone with a worker often has only
-- those. They are the visible part of phone_masked (138****0000), shown in every list already, so an expression
-- index on them serves the search; a keyed blind index of four digits would hide nothing the masked value does not
-- show, and would need a key-holding backfill and one more column every write path must remember.
CREATE INDEX member_phone_last4_idx ON member (right(phone_masked, 4), id DESC) WHERE phone_masked IS NOT NULL;
