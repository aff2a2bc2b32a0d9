import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness.js';

// 0033_refuse_change re-points the points and welfare triggers to one refuse_change(); these rows are written by
// plain SQL (the services are the modules' business) so that the row triggers have something to refuse.
let ctx: TestContext;
let transferId: number;
let moveId: number;

const db = () => ctx.database.db;

async function sqlState(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const error = e as { code?: string; message?: string };
    return { code: String(error.code), message: String(error.message) };
  }
  return { code: 'ok', message: '' };
}

beforeAll(async () => {
  ctx = await createTestContext();
  const { rows: points } = await sql<{ id: number }>`
    WITH programme AS (
      INSERT INTO points_programme (org_id, org_path, region_id, name, expiry_rule)
      VALUES (1, '1', 1, '不可改测试', 'never') RETURNING id),
    accounts AS (
      INSERT INTO points_account (region_id, programme_id, kind)
      SELECT 1, programme.id, kind FROM programme, (VALUES ('issuance'), ('budget')) AS k (kind) RETURNING id, kind, programme_id)
    INSERT INTO points_transfer (region_id, transfer_key, request_hash, programme_id, kind, op, debit_account_id, credit_account_id, amount)
    SELECT 1, 'fund:refuse-change', 'h', d.programme_id, 'fund', 'single', d.id, c.id, 100
      FROM accounts d JOIN accounts c ON d.kind = 'issuance' AND c.kind = 'budget'
    RETURNING id`.execute(db());
  transferId = points[0]!.id;
  const { rows: welfare } = await sql<{ id: number }>`
    WITH campaign AS (
      INSERT INTO welfare_campaign (org_id, org_path, region_id, kind, name, starts_on, ends_on)
      VALUES (1, '1', 1, 'summer', '不可改测试', '2026-07-01', '2026-08-31') RETURNING id),
    item AS (
      INSERT INTO welfare_item (campaign_id, name, unit, planned_qty) SELECT id, '西瓜', '斤', 10 FROM campaign RETURNING id, campaign_id),
    location AS (
      INSERT INTO welfare_location (region_id, campaign_id, kind, org_id, org_path) SELECT 1, id, 'warehouse', 1, '1' FROM campaign
      RETURNING id)
    INSERT INTO welfare_move (region_id, campaign_id, move_key, request_hash, kind, to_location_id, item_id, qty)
    SELECT 1, item.campaign_id, 'in:refuse-change', 'h', 'stock_in', location.id, item.id, 10 FROM item, location
    RETURNING id`.execute(db());
  moveId = welfare[0]!.id;
});
afterAll(async () => ctx?.close());

describe('refuse_change (0033)', () => {
  it('refuses an UPDATE or DELETE of a points transfer, naming the table, with SQLSTATE P0001', async () => {
    const update = await sqlState(sql`UPDATE points_transfer SET amount = 1 WHERE region_id = 1 AND id = ${transferId}`.execute(db()));
    expect(update).toEqual({ code: 'P0001', message: 'points_transfer rows are immutable (UPDATE refused)' });
    const remove = await sqlState(sql`DELETE FROM points_transfer WHERE region_id = 1 AND id = ${transferId}`.execute(db()));
    expect(remove).toEqual({ code: 'P0001', message: 'points_transfer rows are immutable (DELETE refused)' });
  });

  it('refuses an UPDATE of a welfare stock move, naming the table', async () => {
    const update = await sqlState(sql`UPDATE welfare_move SET qty = 1 WHERE region_id = 1 AND id = ${moveId}`.execute(db()));
    expect(update).toEqual({ code: 'P0001', message: 'welfare_move rows are immutable (UPDATE refused)' });
    const { rows } = await sql<{ qty: string }>`SELECT qty::text FROM welfare_move WHERE region_id = 1 AND id = ${moveId}`.execute(db());
    expect(rows).toEqual([{ qty: '10' }]);
  });

  it('leaves every immutable trigger on refuse_change() and neither old function behind', async () => {
    const { rows } = await sql<{ trigger: string; fn: string }>`
      SELECT t.tgname AS trigger, p.proname AS fn FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE NOT t.tgisinternal AND t.tgname LIKE '%\_immutable' ORDER BY t.tgname`.execute(db());
    expect(rows.map((r) => r.trigger)).toEqual([
      'contest_amendment_immutable',
      'contest_award_immutable',
      'contest_result_immutable',
      'event_grouping_immutable',
      'matchmaking_withdrawal_immutable',
      'points_entry_immutable',
      'points_lot_use_immutable',
      'points_transfer_immutable',
      'tournament_heat_result_immutable',
      'tournament_rerow_immutable',
      'tournament_result_immutable',
      'welfare_handout_immutable',
      'welfare_handout_photo_immutable',
      'welfare_move_immutable',
      'welfare_redemption_immutable',
      'welfare_voucher_immutable',
    ]);
    expect(new Set(rows.map((r) => r.fn))).toEqual(new Set(['refuse_change']));
    const { rows: old } = await sql<{ proname: string }>`
      SELECT proname FROM pg_proc WHERE proname IN ('points_refuse_change', 'welfare_refuse_change')`.execute(db());
    expect(old).toEqual([]);
  });
});
