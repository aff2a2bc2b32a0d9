-- A welfare campaign is closed once its hand-outs are over (issue #15): closing is the campaign's ending step, after
-- which no hand-out is accepted, and the work ledger adds the campaign's entry in the closing's transaction.
ALTER TABLE welfare_campaign ADD COLUMN closed_at timestamptz;
ALTER TABLE welfare_campaign ADD COLUMN closed_by bigint;
