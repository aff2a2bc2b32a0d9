import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { ScanMode } from '../../../common/welfare.js';

/** The merchant a cashier account serves, when it lies in the caller's points.redeem scope. */
export async function cashierMerchantInScope(db: Executor, scope: OrgScope, userId: number) {
  const row = await db
    .selectFrom('points_merchant_cashier as mc')
    .innerJoin('points_merchant as m', 'm.id', 'mc.merchant_id')
    .select(['m.id', 'm.name', 'm.org_path', 'm.status'])
    .where('mc.user_id', '=', userId)
    .where(inScope(scope, sql.ref('m.org_path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

/** A merchant registered by a node of the scope. */
export async function findMerchantInScope(db: Executor, scope: OrgScope, id: number) {
  const row = await db
    .selectFrom('points_merchant as m')
    .select(['m.id', 'm.name', 'm.org_path', 'm.status'])
    .where('m.id', '=', id)
    .where(inScope(scope, sql.ref('m.org_path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

/** Whether the account is any merchant's cashier (then it redeems only for that merchant). */
export async function isCashier(db: Executor, userId: number): Promise<boolean> {
  const row = await db.selectFrom('points_merchant_cashier').select('user_id').where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** The voucher a verified token names, with its campaign's name and item; and whether the merchant is designated. */
export async function findVoucher(db: Executor, regionId: number, voucherId: number, serial: string, merchant: InScope<{ id: number }>) {
  return db
    .selectFrom('welfare_voucher as v')
    .innerJoin('welfare_campaign as c', 'c.id', 'v.campaign_id')
    .innerJoin('welfare_item as i', 'i.id', 'v.item_id')
    .select(['v.region_id', 'v.id', 'v.campaign_id', 'v.serial', 'v.valid_from', 'v.valid_to', 'i.name as item_name', 'c.org_path'])
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM welfare_campaign_merchant cm WHERE cm.campaign_id = v.campaign_id AND cm.merchant_id = ${merchant.id})`.as(
        'designated',
      ),
    )
    .where('v.region_id', '=', regionId)
    .where('v.id', '=', voucherId)
    .where('v.serial', '=', serial)
    .executeTakeFirst();
}

/**
 * Records the redemption unless the voucher has one already: the unique index on (region_id, voucher_id) is the
 * guard, so two concurrent scans cannot both insert. Undefined when the voucher was redeemed before.
 */
export async function insertRedemption(
  tx: Executor,
  r: {
    regionId: number;
    voucherId: number;
    campaignId: number;
    merchantId: number;
    cashierUserId: number;
    scannedAt: string;
    mode: ScanMode;
  },
): Promise<number | undefined> {
  const row = await tx
    .insertInto('welfare_redemption')
    .values({
      region_id: r.regionId,
      voucher_id: r.voucherId,
      campaign_id: r.campaignId,
      merchant_id: r.merchantId,
      cashier_user_id: r.cashierUserId,
      scanned_at: r.scannedAt,
      mode: r.mode,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function findRedemptionOf(db: Executor, regionId: number, voucherId: number) {
  return db
    .selectFrom('welfare_redemption as r')
    .innerJoin('points_merchant as m', 'm.id', 'r.merchant_id')
    .select(['r.id', 'r.scanned_at', 'r.merchant_id', 'm.name as merchant_name'])
    .where('r.region_id', '=', regionId)
    .where('r.voucher_id', '=', voucherId)
    .orderBy('r.id')
    .executeTakeFirst();
}

export async function insertScanFlag(
  db: Executor,
  f: {
    regionId: number;
    voucherId: number;
    campaignId: number;
    merchantId: number;
    cashierUserId: number;
    scannedAt: string;
    mode: ScanMode;
    redemptionId: number;
  },
): Promise<void> {
  await db
    .insertInto('welfare_scan_flag')
    .values({
      region_id: f.regionId,
      voucher_id: f.voucherId,
      campaign_id: f.campaignId,
      merchant_id: f.merchantId,
      cashier_user_id: f.cashierUserId,
      scanned_at: f.scannedAt,
      mode: f.mode,
      redemption_id: f.redemptionId,
    })
    .execute();
}

/**
 * The vouchers handed out to one member (the member page's own session: the member, not an org scope, is the key),
 * with their campaign, item, designated merchants and first redemption. A voucher lives in its campaign's region,
 * which need not be the member's (a 西城 site may hand out to a 东城 member), so the query names the regions of the
 * campaigns that issue vouchers (welfare_campaign is a reference table: read locally) rather than none at all.
 */
export async function vouchersOfMember(db: Executor, memberRegionId: number, memberId: number) {
  const regions = (
    await db.selectFrom('welfare_campaign').select('region_id').distinct().where('voucher_to', 'is not', null).execute()
  ).map((c) => c.region_id);
  if (regions.length === 0) return [];
  return db
    .selectFrom('welfare_voucher as v')
    .innerJoin('welfare_handout as h', (j) => j.onRef('h.region_id', '=', 'v.region_id').onRef('h.id', '=', 'v.handout_id'))
    .innerJoin('welfare_campaign as c', 'c.id', 'v.campaign_id')
    .innerJoin('welfare_item as i', 'i.id', 'v.item_id')
    .leftJoin('welfare_redemption as r', (j) => j.onRef('r.region_id', '=', 'v.region_id').onRef('r.voucher_id', '=', 'v.id'))
    .select(['v.region_id', 'v.id', 'v.campaign_id', 'v.item_id', 'v.serial', 'v.valid_from', 'v.valid_to', 'c.name as campaign_name'])
    .select(['i.name as item_name', 'r.scanned_at as redeemed_at'])
    .select(
      sql<{ id: number; name: string }[]>`COALESCE((SELECT json_agg(json_build_object('id', m.id, 'name', m.name) ORDER BY m.id)
        FROM welfare_campaign_merchant cm JOIN points_merchant m ON m.id = cm.merchant_id WHERE cm.campaign_id = v.campaign_id), '[]'::json)`.as(
        'merchants',
      ),
    )
    .where('v.region_id', 'in', regions)
    .where('h.region_id', 'in', regions)
    .where('h.member_region_id', '=', memberRegionId)
    .where('h.member_id', '=', memberId)
    .orderBy('v.id', 'desc')
    .limit(100)
    .execute();
}
