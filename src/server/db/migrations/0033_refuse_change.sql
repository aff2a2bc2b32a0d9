-- One trigger function for every append-only book (points ledger, welfare stock and vouchers): UPDATE and DELETE
-- are refused for every role, the message naming the table. It replaces points_refuse_change (0029) and
-- welfare_refuse_change (0031), which said the same thing twice; the SQLSTATE stays P0001.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END;
$$;

DROP TRIGGER points_transfer_immutable ON points_transfer;
CREATE TRIGGER points_transfer_immutable BEFORE UPDATE OR DELETE ON points_transfer
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
DROP TRIGGER points_entry_immutable ON points_entry;
CREATE TRIGGER points_entry_immutable BEFORE UPDATE OR DELETE ON points_entry
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
DROP TRIGGER points_lot_use_immutable ON points_lot_use;
CREATE TRIGGER points_lot_use_immutable BEFORE UPDATE OR DELETE ON points_lot_use
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
DROP FUNCTION points_refuse_change();

DROP TRIGGER welfare_move_immutable ON welfare_move;
CREATE TRIGGER welfare_move_immutable BEFORE UPDATE OR DELETE ON welfare_move
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
DROP TRIGGER welfare_handout_immutable ON welfare_handout;
CREATE TRIGGER welfare_handout_immutable BEFORE UPDATE OR DELETE ON welfare_handout
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
DROP TRIGGER welfare_voucher_immutable ON welfare_voucher;
CREATE TRIGGER welfare_voucher_immutable BEFORE UPDATE OR DELETE ON welfare_voucher
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
DROP TRIGGER welfare_redemption_immutable ON welfare_redemption;
CREATE TRIGGER welfare_redemption_immutable BEFORE UPDATE OR DELETE ON welfare_redemption
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
DROP FUNCTION welfare_refuse_change();
