import { sql } from 'kysely';
import type { ListTotal } from '../../../common/paging.js';
import type { MerchantStatus } from '../../../common/points.js';
import type { ShopInput, CatalogueItemInput } from '../../../common/points.merchants.js';
import { boundedTotal } from '../../http/list-total.js';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import './merchants.tables.js';

function selectMerchants(db: Executor) {
  return db
    .selectFrom('points_merchant as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.org_id', 'o.name as org_name', 'm.org_path', 'm.name', 'm.uscc', 'm.contact_name', 'm.status', 'm.created_at'])
    .select((eb) => [
      eb
        .selectFrom('points_shop as s')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('s.merchant_id', '=', 'm.id')
        .as('shops'),
    ]);
}
export type MerchantRow = Awaited<ReturnType<ReturnType<typeof selectMerchants>['executeTakeFirstOrThrow']>>;

export async function findMerchantInScope(
  db: Executor,
  scope: OrgScope,
  id: number,
  forUpdate = false,
): Promise<InScope<MerchantRow> | undefined> {
  let q = selectMerchants(db)
    .where('m.id', '=', id)
    .where(inScope(scope, sql.ref('m.org_path')));
  if (forUpdate) q = q.forUpdate('m');
  const row = await q.executeTakeFirst();
  return row && provenInScope(row);
}

/** The merchant a cashier account serves, within the node its cashier role was granted on. */
export async function findCashierMerchant(db: Executor, scope: OrgScope, userId: number): Promise<InScope<MerchantRow> | undefined> {
  const row = await selectMerchants(db)
    .innerJoin('points_merchant_cashier as c', 'c.merchant_id', 'm.id')
    .where('c.user_id', '=', userId)
    .where(inScope(scope, sql.ref('m.org_path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

function listMerchantsQuery(
  db: Executor,
  scope: OrgScope,
  f: { underPath: string; status: MerchantStatus | undefined; afterId: number | undefined; limit: number },
) {
  let q = selectMerchants(db)
    .where(inScope(scope, sql.ref('m.org_path')))
    .where(sql<boolean>`m.org_path <@ ${f.underPath}::ltree`)
    .orderBy('m.id', 'desc')
    .limit(f.limit + 1);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.afterId !== undefined) q = q.where('m.id', '<', f.afterId);
  return q;
}

export async function listMerchants(
  db: Executor,
  scope: OrgScope,
  f: Parameters<typeof listMerchantsQuery>[2],
): Promise<InScope<MerchantRow>[]> {
  return (await listMerchantsQuery(db, scope, f).execute()).map((r) => provenInScope(r));
}

export function countMerchants(
  db: Executor,
  scope: OrgScope,
  f: { underPath: string; status: MerchantStatus | undefined },
): Promise<ListTotal> {
  return boundedTotal(db, listMerchantsQuery(db, scope, { ...f, afterId: undefined, limit: 0 }));
}

export async function insertMerchant(
  tx: Executor,
  m: { orgId: number; orgPath: string; name: string; uscc: string | null; contactName: string | null },
): Promise<number> {
  const row = await tx
    .insertInto('points_merchant')
    .values({ org_id: m.orgId, org_path: m.orgPath, name: m.name, uscc: m.uscc, contact_name: m.contactName })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertShop(tx: Executor, merchant: InScope<{ id: number }>, s: ShopInput): Promise<number> {
  const row = await tx
    .insertInto('points_shop')
    .values({
      merchant_id: merchant.id,
      name: s.name,
      address: s.address,
      lat: s.lat ?? null,
      lng: s.lng ?? null,
      district_code: s.districtCode ?? null,
      opening_hours: s.openingHours || null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertItem(tx: Executor, merchant: InScope<{ id: number }>, item: CatalogueItemInput): Promise<number> {
  const row = await tx
    .insertInto('points_catalogue_item')
    .values({ merchant_id: merchant.id, name: item.name, points: item.points })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setItemActive(tx: Executor, merchant: InScope<{ id: number }>, itemId: number, active: boolean): Promise<boolean> {
  const r = await tx
    .updateTable('points_catalogue_item')
    .set({ active })
    .where('id', '=', itemId)
    .where('merchant_id', '=', merchant.id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setMerchantStatus(tx: Executor, merchant: InScope<{ id: number }>, status: MerchantStatus): Promise<void> {
  await tx.updateTable('points_merchant').set({ status }).where('id', '=', merchant.id).execute();
}

/**
 * A programme a merchant may take: owned by the merchant's node, a node above it, or a node inside its subtree. Read
 * through the merchant already proven in scope, so a programme elsewhere in the tree is not found.
 */
export async function findProgrammeForMerchant(db: Executor, merchant: InScope<{ org_path: string }>, programmeId: number) {
  return db
    .selectFrom('points_programme as p')
    .select(['p.id', 'p.name', 'p.org_path', 'p.region_id', 'p.status'])
    .where('p.id', '=', programmeId)
    .where(sql<boolean>`(p.org_path @> ${merchant.org_path}::ltree OR p.org_path <@ ${merchant.org_path}::ltree)`)
    .executeTakeFirst();
}

export async function designate(tx: Executor, merchant: InScope<{ id: number }>, programmeId: number): Promise<void> {
  await tx
    .insertInto('points_merchant_programme')
    .values({ merchant_id: merchant.id, programme_id: programmeId })
    .onConflict((oc) => oc.columns(['merchant_id', 'programme_id']).doNothing())
    .execute();
}

export async function shopsOf(db: Executor, merchant: InScope<{ id: number }>) {
  return db.selectFrom('points_shop').selectAll().where('merchant_id', '=', merchant.id).orderBy('id').execute();
}

export async function itemsOf(db: Executor, merchant: InScope<{ id: number }>, activeOnly = false) {
  let q = db.selectFrom('points_catalogue_item').select(['id', 'name', 'points', 'active']).where('merchant_id', '=', merchant.id);
  if (activeOnly) q = q.where('active', '=', true);
  return q.orderBy('id').execute();
}

export async function findItem(db: Executor, merchant: InScope<{ id: number }>, itemId: number) {
  return db
    .selectFrom('points_catalogue_item')
    .select(['id', 'name', 'points', 'active'])
    .where('id', '=', itemId)
    .where('merchant_id', '=', merchant.id)
    .executeTakeFirst();
}

export async function programmesOf(db: Executor, merchant: InScope<{ id: number }>) {
  return db
    .selectFrom('points_merchant_programme as mp')
    .innerJoin('points_programme as p', 'p.id', 'mp.programme_id')
    .innerJoin('org_unit as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'o.name as org_name', 'p.region_id', 'p.status'])
    .where('mp.merchant_id', '=', merchant.id)
    .orderBy('p.id')
    .execute();
}

export async function cashiersOf(db: Executor, merchant: InScope<{ id: number }>) {
  return db
    .selectFrom('points_merchant_cashier as c')
    .innerJoin('app_user as u', 'u.id', 'c.user_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.is_disabled'])
    .where('c.merchant_id', '=', merchant.id)
    .orderBy('u.id')
    .execute();
}

/** A cashier account: the user, its 'cashier' role on the merchant's node, and the merchant it serves. */
export async function insertCashier(tx: Executor, merchant: InScope<{ id: number }>, userId: number): Promise<void> {
  await tx.insertInto('points_merchant_cashier').values({ user_id: userId, merchant_id: merchant.id }).execute();
}
