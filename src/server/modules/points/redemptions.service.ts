import type { Deps } from '../../deps.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/points.errors.js';
import '../../../common/points.merchants.errors.js';
import { maskName } from '../../../common/identity.js';
import { dayOf } from '../../../common/beijing-time.js';
import { PENDING_TIMEOUT_SECONDS, TransferKey } from '../../../common/points.js';
import {
  RedemptionBody,
  type Redemption,
  type RedemptionListQuery,
  type RedemptionPage,
  type RedemptionStatus,
} from '../../../common/points.merchants.js';
import type { Actor } from '../../auth/scope.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite } from '../../audit/audit.js';
import { accountFor, lockAccounts, postPending, transfer, voidPending, type Book } from './points.ledger.js';
import { counterMerchantFor } from './merchants.service.js';
import * as merchantsRepo from './merchants.repo.js';
import * as repo from './redemptions.repo.js';
import { resolveSpendCode } from './redemptions.codes.js';

export function statusOf(row: repo.ChargeRow): RedemptionStatus {
  if (row.reversed) return 'reversed';
  if (row.op === 'single') return 'posted';
  if (row.resolution === 'post') return 'posted';
  if (row.resolution === 'void') return 'voided';
  // A hold past its timeout is void whether or not the sweep has booked it yet.
  if (row.timeout_at && new Date(row.timeout_at).getTime() <= Date.now()) return 'voided';
  return 'held';
}

export async function presentCharges(db: Executor, rows: readonly repo.ChargeRow[]): Promise<Redemption[]> {
  const names = await repo.memberNames(
    db,
    rows.map((r) => r.member_id).filter((id): id is number => id !== null),
  );
  return rows.map((r) => ({
    id: r.id,
    merchantId: r.merchant_id!,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    memberNameMasked: maskName(names.get(r.member_id ?? 0) ?? ''),
    itemName: r.item_name,
    points: Number(r.amount),
    status: statusOf(r),
    timeoutAt: r.timeout_at ? new Date(r.timeout_at).toISOString() : null,
    cashier: r.cashier,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The Beijing day's bounds as instants. */
function dayBounds(day: string): { from: string; to: string } {
  const from = new Date(`${day}T00:00:00+08:00`);
  return { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
}

/**
 * Charges a member's points at the caller's counter: a 'spend' transfer from the member's account to the merchant's
 * in the programme's book, keyed by the merchant and the caller's Idempotency-Key, with its audit entry in the same
 * transaction. A retry with the same key and body answers the first charge (even after the code expired); another
 * body under that key is refused (POINTS_KEY_REUSED). `hold` books a pending transfer the cashier then posts or voids.
 */
export async function redeem(deps: Deps, actor: Actor, input: RedemptionBody, idempotencyKey: string | undefined): Promise<Redemption> {
  const body = RedemptionBody.parse(input);
  const parsedKey = TransferKey.safeParse(idempotencyKey ?? '');
  if (!parsedKey.success) throw new AppError('POINTS_IDEMPOTENCY_KEY_REQUIRED');
  const { db } = deps;
  const merchant = await counterMerchantFor(db, actor, body.merchantId);
  const code = await resolveSpendCode(deps, db, body.code);
  const programmes = await merchantsRepo.programmesOf(db, merchant);
  const programme =
    body.programmeId !== undefined
      ? programmes.find((p) => p.id === body.programmeId)
      : programmes.length === 1
        ? programmes[0]
        : undefined;
  if (!programme)
    throw new AppError(
      programmes.length > 1 && body.programmeId === undefined ? 'POINTS_PROGRAMME_REQUIRED' : 'POINTS_MERCHANT_NOT_DESIGNATED',
    );
  const item = body.itemId !== undefined ? await merchantsRepo.findItem(db, merchant, body.itemId) : undefined;
  if (body.itemId !== undefined && (!item || !item.active)) throw new AppError('POINTS_ITEM_UNKNOWN');
  const amount = item ? item.points : body.points!;
  const key = `redeem:${merchant.id}:${parsedKey.data}`;
  const book: Book = { region: programme.region_id, programmeId: programme.id };

  const id = await db.transaction().execute(async (tx) => {
    // The code's row first (every charge with this code waits here), then the book's accounts.
    const codeRow = await repo.lockSpendCode(tx, code);
    const isRetry = await repo.transferKeyExists(tx, book, key);
    if (!isRetry) {
      if (merchant.status !== 'active') throw new AppError('POINTS_MERCHANT_SUSPENDED');
      if (programme.status !== 'active') throw new AppError('POINTS_MERCHANT_NOT_DESIGNATED');
      if (code.expiresAt.getTime() <= Date.now()) throw new AppError('POINTS_CODE_EXPIRED');
    }
    const memberAccount = await accountFor(tx, book, { kind: 'member', memberId: code.memberId });
    const merchantAccount = await accountFor(tx, book, { kind: 'merchant', merchantId: merchant.id });
    if (!isRetry) {
      await lockAccounts(tx, book, [memberAccount, merchantAccount]);
      if (codeRow?.usedKey != null && (codeRow.usedKey !== key || codeRow.usedProgrammeId !== programme.id))
        throw new AppError('POINTS_CODE_USED');
    }
    const result = await transfer(tx, {
      key,
      book,
      kind: 'spend',
      debitAccountId: memberAccount,
      creditAccountId: merchantAccount,
      amount,
      ...(body.hold ? { pending: { timeoutSeconds: PENDING_TIMEOUT_SECONDS.default } } : {}),
      source: 'spend_code',
      sourceRef: code.nonce,
      catalogueItemId: item?.id ?? null,
      memberId: code.memberId,
      merchantId: merchant.id,
      actorUserId: actor.userId,
    });
    if (!result.replayed) await repo.markSpendCodeUsed(tx, code, { key, programmeId: programme.id });
    if (!result.replayed)
      await recordWrite(
        tx,
        actor,
        body.hold ? 'points.redeem.hold' : 'points.redeem',
        { type: 'points_transfer', id: result.id, orgPath: merchant.org_path },
        { merchantId: merchant.id, programmeId: programme.id, amount, itemId: item?.id ?? null },
      );
    return { id: result.id, replayed: result.replayed };
  });
  const row = await repo.findCharge(db, merchant, id.id, book.region);
  const [charge] = await presentCharges(db, [row!]);
  return { ...charge!, replayed: id.replayed };
}

/** Posts (confirms) or voids (cancels) a held charge at the caller's counter; once either happened, the other is refused. */
export async function resolveHold(
  deps: Deps,
  actor: Actor,
  id: number,
  how: 'post' | 'void',
  merchantId: number | undefined,
): Promise<Redemption> {
  const { db } = deps;
  const merchant = await counterMerchantFor(db, actor, merchantId);
  const charge = await repo.findCharge(db, merchant, id);
  if (!charge) throw new AppError('NOT_FOUND');
  if (charge.op !== 'pending') throw new AppError('POINTS_NOT_A_HOLD');
  const book: Book = { region: charge.region_id, programmeId: charge.programme_id };
  await db.transaction().execute(async (tx) => {
    const request = { key: `redeem-${how}:${id}`, book, pendingId: id, actorUserId: actor.userId };
    const result = how === 'post' ? await postPending(tx, request) : await voidPending(tx, request);
    if (!result.replayed)
      await recordWrite(
        tx,
        actor,
        `points.redeem.${how}`,
        { type: 'points_transfer', id, orgPath: merchant.org_path },
        { merchantId: merchant.id },
      );
  });
  const [answer] = await presentCharges(db, [(await repo.findCharge(db, merchant, id, book.region))!]);
  return answer!;
}

/** A counter's charges of one Beijing day (today by default): a cashier sees its own merchant's only. */
export async function listRedemptions(deps: Deps, actor: Actor, query: RedemptionListQuery): Promise<RedemptionPage> {
  const merchant = await counterMerchantFor(deps.db, actor, query.merchantId);
  const { from, to } = dayBounds(query.day ?? dayOf(new Date()));
  const [page, dayTotal] = await Promise.all([
    listPage(query, {
      cursor: 'number',
      read: (afterId) => repo.listCharges(deps.db, merchant, { from, to, afterId, limit: query.limit }),
      present: (rows) => presentCharges(deps.db, rows),
      sortKey: (last) => last.id,
    }),
    query.cursor === undefined ? repo.dayTotal(deps.db, merchant, { from, to }) : undefined,
  ]);
  return dayTotal ? { ...page, dayTotal } : page;
}
