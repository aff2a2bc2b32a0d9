import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { InScope } from '../../auth/scope.js';

/**
 * Charges at a merchant's counter: the 'spend' transfers (single, or pending until posted or voided) credited to the
 * merchant. Every read here starts from a merchant already proven in the caller's reach (a cashier's own merchant,
 * or one in a cadre's scope), and names it in its WHERE.
 */
function selectCharges(db: Executor) {
  return db
    .selectFrom('points_transfer as t')
    .innerJoin('points_programme as p', 'p.id', 't.programme_id')
    .leftJoin('points_catalogue_item as i', 'i.id', 't.catalogue_item_id')
    .leftJoin('app_user as u', 'u.id', 't.actor_user_id')
    .select([
      't.region_id',
      't.id',
      't.programme_id',
      'p.name as programme_name',
      't.merchant_id',
      't.member_id',
      't.op',
      't.amount',
      't.timeout_at',
      't.created_at',
      'i.name as item_name',
      'u.display_name as cashier',
    ])
    .select([
      sql<string | null>`(SELECT r.op FROM points_transfer r WHERE r.region_id = t.region_id AND r.pending_id = t.id)`.as('resolution'),
      sql<boolean>`EXISTS (SELECT 1 FROM points_transfer v WHERE v.region_id = t.region_id AND v.reversal_of = t.id)`.as('reversed'),
    ])
    .where('t.kind', '=', 'spend')
    .where('t.op', 'in', ['single', 'pending']);
}
export type ChargeRow = Awaited<ReturnType<ReturnType<typeof selectCharges>['executeTakeFirstOrThrow']>>;

/**
 * One of the merchant's charges by id. With its book's region when the caller knows it (after booking, or a hold already
 * read); a counter naming only the id (post / void from the list) reads every region's partition of its merchant.
 */
export async function findCharge(
  db: Executor,
  merchant: InScope<{ id: number }>,
  id: number,
  region?: number,
): Promise<ChargeRow | undefined> {
  let q = selectCharges(db).where('t.merchant_id', '=', merchant.id).where('t.id', '=', id);
  if (region !== undefined) q = q.where('t.region_id', '=', region);
  return q.executeTakeFirst();
}

export async function findChargeByKey(db: Executor, merchant: InScope<{ id: number }>, region: number, key: string) {
  return selectCharges(db)
    .where('t.region_id', '=', region)
    .where('t.transfer_key', '=', key)
    .where('t.merchant_id', '=', merchant.id)
    .executeTakeFirst();
}

/** The day's figures of a merchant's counter in [from, to), by the same statuses its charges show (statusOf). */
export async function dayTotal(
  db: Executor,
  merchant: InScope<{ id: number }>,
  f: { from: string; to: string },
): Promise<{ charges: number; points: number; held: number }> {
  const c = selectCharges(db).where('t.merchant_id', '=', merchant.id).where('t.created_at', '>=', f.from).where('t.created_at', '<', f.to);
  const row = await db
    .selectFrom(c.as('c'))
    .select([
      sql<number>`count(*) FILTER (WHERE NOT c.reversed AND (c.op = 'single' OR c.resolution = 'post'))::int`.as('charges'),
      sql<string>`coalesce(sum(c.amount) FILTER (WHERE NOT c.reversed AND (c.op = 'single' OR c.resolution = 'post')), 0)`.as('points'),
      sql<number>`count(*) FILTER (WHERE NOT c.reversed AND c.op = 'pending' AND c.resolution IS NULL
        AND (c.timeout_at IS NULL OR c.timeout_at > now()))::int`.as('held'),
    ])
    .executeTakeFirstOrThrow();
  return { charges: Number(row.charges), points: Number(row.points), held: Number(row.held) };
}

/** A merchant's charges in [from, to), newest first, keyset-paged on id. */
export async function listCharges(
  db: Executor,
  merchant: InScope<{ id: number }>,
  f: { from: string; to: string; afterId: number | undefined; limit: number; ascending?: boolean },
): Promise<ChargeRow[]> {
  let q = selectCharges(db)
    .where('t.merchant_id', '=', merchant.id)
    .where('t.created_at', '>=', f.from)
    .where('t.created_at', '<', f.to)
    .orderBy('t.id', f.ascending ? 'asc' : 'desc')
    .limit(f.limit + 1);
  if (f.afterId !== undefined) q = q.where('t.id', f.ascending ? '>' : '<', f.afterId);
  return q.execute();
}

/**
 * Locks a spending code's row by its key and answers the charge that used it, if any: charges with one code are decided
 * one after the other, whichever books they go to. A code whose row the daily sweep removed has long expired.
 */
export async function lockSpendCode(
  db: Executor,
  code: { regionId: number; nonce: string },
): Promise<{ usedKey: string | null; usedProgrammeId: number | null } | undefined> {
  const row = await db
    .selectFrom('points_spend_code')
    .select(['used_key', 'used_programme_id'])
    .where('region_id', '=', code.regionId)
    .where('nonce', '=', code.nonce)
    .forUpdate()
    .executeTakeFirst();
  return row && { usedKey: row.used_key, usedProgrammeId: row.used_programme_id === null ? null : Number(row.used_programme_id) };
}

/** Records the charge that used a code; the caller holds the code's row lock and has checked it was unused. */
export async function markSpendCodeUsed(
  db: Executor,
  code: { regionId: number; nonce: string },
  use: { key: string; programmeId: number },
): Promise<void> {
  await db
    .updateTable('points_spend_code')
    .set({ used_key: use.key, used_programme_id: use.programmeId })
    .where('region_id', '=', code.regionId)
    .where('nonce', '=', code.nonce)
    .where('used_key', 'is', null)
    .execute();
}

/** The transfer under a key in a book, if any (the ledger decides whether a retry matches it). */
export async function transferKeyExists(db: Executor, book: { region: number; programmeId: number }, key: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('points_transfer')
      .select('id')
      .where('region_id', '=', book.region)
      .where('programme_id', '=', book.programmeId)
      .where('transfer_key', '=', key)
      .executeTakeFirst()) !== undefined
  );
}

/** Names of members, by id, for masking (a member's rows may sit in another region than the book). */
export async function memberNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('member')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function shopNamesOf(db: Executor, merchant: InScope<{ id: number }>): Promise<string> {
  const rows = await db.selectFrom('points_shop').select('name').where('merchant_id', '=', merchant.id).orderBy('id').execute();
  return rows.map((r) => r.name).join('、');
}
