import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/welfare.errors.js';
import type { MemberVoucher, OfflineScansBody, Redemption, RedemptionBody, ScanMode } from '../../../common/welfare.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import { WELFARE_LIMITS, beijingMinute } from '../../../common/welfare.js';
import { scopeFor, type Actor, type InScope } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import type { VoucherSigner } from './welfare.signer.js';
import * as repo from './welfare.vouchers.repo.js';

type Merchant = InScope<{ id: number; name: string; org_path: string }>;

const refused = (outcome: Redemption['outcome'], extra: Partial<Redemption> = {}): Redemption => ({
  outcome,
  voucherId: null,
  serial: null,
  itemName: null,
  redemptionId: null,
  firstRedeemedAt: null,
  firstMerchantName: null,
  ...extra,
});

/**
 * The merchant the caller scans for: a cashier's own merchant (a cashier account serves exactly one), else a merchant
 * the caller's points.redeem scope reaches. A caller without points.redeem anywhere is refused (403).
 */
async function merchantFor(db: Kysely<DB>, actor: Actor, merchantId: number | undefined): Promise<Merchant> {
  const scope = scopeFor(actor, 'points.redeem');
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const own = await repo.cashierMerchantInScope(db, scope, actor.userId);
  if (own) {
    if (merchantId !== undefined && merchantId !== own.id) throw new AppError('WELFARE_NOT_CASHIER');
    return own;
  }
  if (await repo.isCashier(db, actor.userId)) throw new AppError('WELFARE_NOT_CASHIER');
  if (merchantId === undefined) throw new AppError('WELFARE_NOT_CASHIER');
  const merchant = await repo.findMerchantInScope(db, scope, merchantId);
  if (!merchant) throw new AppError('NOT_FOUND');
  return merchant;
}

/** One scan: checked, then redeemed at most once (the unique redemption per voucher decides between racing scans). */
async function redeemOne(
  db: Kysely<DB>,
  signer: VoucherSigner,
  actor: Actor,
  merchant: Merchant,
  token: string,
  scannedAt: Date,
  mode: ScanMode,
): Promise<Redemption> {
  const claims = signer.verify(token);
  if (!claims) return refused('invalid');
  const result = await db.transaction().execute(async (tx) => {
    const voucher = await repo.findVoucher(tx, claims.r, claims.v, claims.s, merchant);
    if (!voucher) return refused('invalid');
    const base = { voucherId: voucher.id, serial: voucher.serial, itemName: voucher.item_name };
    if (!voucher.designated) return refused('wrong_merchant', base);
    if (scannedAt < new Date(voucher.valid_from) || scannedAt >= new Date(voucher.valid_to)) return refused('expired', base);
    const id = await repo.insertRedemption(tx, {
      regionId: voucher.region_id,
      voucherId: voucher.id,
      campaignId: voucher.campaign_id,
      merchantId: merchant.id,
      cashierUserId: actor.userId,
      scannedAt: scannedAt.toISOString(),
      mode,
    });
    if (id === undefined) return { ...refused('duplicate', base), campaignId: voucher.campaign_id, regionId: voucher.region_id };
    await recordWrite(
      tx,
      actor,
      'welfare.redeem',
      { type: 'welfare_campaign', id: voucher.campaign_id, orgPath: merchant.org_path },
      { voucherId: voucher.id, serial: voucher.serial, merchantId: merchant.id, mode, scannedAt: scannedAt.toISOString() },
    );
    return { ...refused('redeemed', base), redemptionId: id };
  });
  if (result.outcome !== 'duplicate' || !('campaignId' in result)) return result;
  // A second scan: recorded as a flagged duplicate beside the first redemption, never as a redemption.
  const { campaignId, regionId, ...answer } = result;
  const first = await repo.findRedemptionOf(db, regionId, answer.voucherId!);
  if (first) {
    await repo.insertScanFlag(db, {
      regionId,
      voucherId: answer.voucherId!,
      campaignId,
      merchantId: merchant.id,
      cashierUserId: actor.userId,
      scannedAt: scannedAt.toISOString(),
      mode,
      redemptionId: first.id,
    });
  }
  return { ...answer, firstRedeemedAt: first?.scanned_at ?? null, firstMerchantName: first?.merchant_name ?? null };
}

/** A shop scans a voucher online: redeemed, or refused with the reason (a second scan names the first). */
export async function redeemVoucher(db: Kysely<DB>, signer: VoucherSigner, actor: Actor, body: RedemptionBody): Promise<Redemption> {
  const merchant = await merchantFor(db, actor, body.merchantId);
  const result = await redeemOne(db, signer, actor, merchant, body.token, new Date(), 'online');
  switch (result.outcome) {
    case 'redeemed':
      return result;
    case 'duplicate':
      throw new AppError('WELFARE_VOUCHER_REDEEMED', {
        at: result.firstRedeemedAt ? beijingMinute(result.firstRedeemedAt) : '',
        merchant: result.firstMerchantName ?? '',
      });
    case 'wrong_merchant':
      throw new AppError('WELFARE_VOUCHER_WRONG_MERCHANT');
    case 'expired':
      throw new AppError('WELFARE_VOUCHER_EXPIRED');
    case 'invalid':
      throw new AppError('WELFARE_VOUCHER_INVALID');
  }
}

/**
 * Scans a shop made offline, synced later with their scan times: each answered on its own (redeemed, duplicate —
 * flagged, never counted —, invalid, expired, wrong merchant), in the order scanned.
 */
export async function syncOfflineScans(
  db: Kysely<DB>,
  signer: VoucherSigner,
  actor: Actor,
  body: OfflineScansBody,
): Promise<{ results: Redemption[] }> {
  const merchant = await merchantFor(db, actor, body.merchantId);
  const latest = Date.now() + WELFARE_LIMITS.clockSkewSeconds * 1000;
  if (body.scans.some((s) => new Date(s.scannedAt).getTime() > latest)) throw new AppError('WELFARE_SCAN_IN_FUTURE');
  const order = body.scans
    .map((s, index) => ({ ...s, at: new Date(s.scannedAt), index }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const results: Redemption[] = new Array<Redemption>(body.scans.length);
  for (const scan of order) results[scan.index] = await redeemOne(db, signer, actor, merchant, scan.token, scan.at, 'offline');
  return { results };
}

/** The member page: the signed-in member's own vouchers, each with its QR code (signed afresh, as at hand-out). */
export async function vouchersForMember(
  db: Kysely<DB>,
  signer: VoucherSigner,
  member: MemberPrincipal,
): Promise<{ items: MemberVoucher[] }> {
  const rows = await repo.vouchersOfMember(db, member.regionId, member.memberId);
  return {
    items: rows.map((v) => ({
      id: v.id,
      campaignName: v.campaign_name,
      itemName: v.item_name,
      serial: v.serial,
      validFrom: v.valid_from,
      validTo: v.valid_to,
      token: signer.sign({
        v: v.id,
        r: v.region_id,
        s: v.serial,
        c: v.campaign_id,
        i: v.item_id,
        f: Math.floor(Date.parse(v.valid_from) / 1000),
        t: Math.floor(Date.parse(v.valid_to) / 1000),
        m: v.merchants.map((m) => m.id),
      }),
      merchants: v.merchants.map((m) => m.name),
      redeemedAt: v.redeemed_at,
    })),
  };
}
