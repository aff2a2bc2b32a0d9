import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { LocationKind } from '../../../common/welfare.js';
import type { WelfareHandoutTable, WelfareMoveTable } from './welfare.tables.js';

/** The campaign is visible to a scope that reaches its node, a co-organiser, or a node holding its stock. */
function campaignVisible(scope: OrgScope) {
  return sql<boolean>`(${inScope(scope, sql.ref('c.org_path'))}
    OR EXISTS (SELECT 1 FROM welfare_campaign_node cn WHERE cn.campaign_id = c.id AND ${inScope(scope, sql.ref('cn.org_path'))})
    OR EXISTS (SELECT 1 FROM welfare_location l WHERE l.region_id = c.region_id AND l.campaign_id = c.id
               AND ${inScope(scope, sql.ref('l.org_path'))}))`;
}

function selectCampaigns(db: Executor) {
  return db
    .selectFrom('welfare_campaign as c')
    .innerJoin('org_unit as o', 'o.id', 'c.org_id')
    .select([
      'c.id',
      'c.org_id',
      'c.org_path',
      'c.region_id',
      'o.name as org_name',
      'c.kind',
      'c.name',
      'c.description',
      'c.starts_on',
      'c.ends_on',
      'c.voucher_from',
      'c.voucher_to',
      'c.closed_at',
    ])
    .select(sql<number>`(SELECT coalesce(sum(i.budget_fen), 0)::bigint FROM welfare_item i WHERE i.campaign_id = c.id)`.as('budget_fen'));
}
export type CampaignRow = Awaited<ReturnType<ReturnType<typeof selectCampaigns>['executeTakeFirstOrThrow']>>;

export async function findCampaignInScope(db: Executor, scope: OrgScope, id: number): Promise<InScope<CampaignRow> | undefined> {
  const row = await selectCampaigns(db).where('c.id', '=', id).where(campaignVisible(scope)).executeTakeFirst();
  return row && provenInScope(row);
}

/**
 * Closes the campaign, once: only where the scope reaches the campaign's own node (co-organisers hand out, the owner
 * closes). Answers whether this call closed it.
 */
export async function closeCampaign(tx: Executor, scope: OrgScope, id: number, userId: number | null): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`
    UPDATE welfare_campaign c SET closed_at = now(), closed_by = ${userId}
     WHERE c.id = ${id} AND c.closed_at IS NULL AND ${inScope(scope, sql.ref('c.org_path'))}
    RETURNING c.id`.execute(tx);
  return rows.length > 0;
}

/** Whether the campaign is closed, the row held (FOR SHARE) so a closing waits for a hand-out under way. */
export async function lockOpenCampaign(tx: Executor, id: number): Promise<boolean> {
  const { rows } = await sql<{ closed: boolean }>`
    SELECT c.closed_at IS NOT NULL AS closed FROM welfare_campaign c WHERE c.id = ${id} FOR SHARE`.execute(tx);
  return rows[0]?.closed === false;
}

/** Campaigns visible to the scope whose node lies under `underPath` or which hold stock there, newest first. */
export async function listCampaigns(db: Executor, scope: OrgScope, f: { underPath: string; after: number | undefined; limit: number }) {
  let q = selectCampaigns(db)
    .where(campaignVisible(scope))
    .where(
      sql<boolean>`(c.org_path <@ ${f.underPath}::ltree OR EXISTS (SELECT 1 FROM welfare_location l WHERE l.region_id = c.region_id
        AND l.campaign_id = c.id AND l.org_path <@ ${f.underPath}::ltree))`,
    )
    .orderBy('c.id', 'desc')
    .limit(f.limit + 1);
  if (f.after !== undefined) q = q.where('c.id', '<', f.after);
  return q.execute();
}

export async function insertCampaign(
  tx: Executor,
  c: {
    orgId: number;
    orgPath: string;
    regionId: number;
    kind: CampaignRow['kind'];
    name: string;
    description: string;
    startsOn: string;
    endsOn: string;
    voucherFrom: string | null;
    voucherTo: string | null;
  },
): Promise<number> {
  const row = await tx
    .insertInto('welfare_campaign')
    .values({
      org_id: c.orgId,
      org_path: c.orgPath,
      region_id: c.regionId,
      kind: c.kind,
      name: c.name,
      description: c.description,
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      voucher_from: c.voucherFrom,
      voucher_to: c.voucherTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertItems(
  tx: Executor,
  campaignId: number,
  items: readonly { name: string; unit: CampaignItemRow['unit']; plannedQty: number; budgetFen: number; isVoucher: boolean }[],
): Promise<void> {
  await tx
    .insertInto('welfare_item')
    .values(
      items.map((i) => ({
        campaign_id: campaignId,
        name: i.name,
        unit: i.unit,
        planned_qty: i.plannedQty,
        budget_fen: i.budgetFen,
        is_voucher: i.isVoucher,
      })),
    )
    .execute();
}

export async function insertCoOrganisers(tx: Executor, campaignId: number, nodes: readonly { id: number; path: string }[]) {
  if (nodes.length === 0) return;
  await tx
    .insertInto('welfare_campaign_node')
    .values(nodes.map((n) => ({ campaign_id: campaignId, org_id: n.id, org_path: n.path })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertCampaignMerchants(tx: Executor, campaignId: number, merchantIds: readonly number[]) {
  if (merchantIds.length === 0) return;
  await tx
    .insertInto('welfare_campaign_merchant')
    .values(merchantIds.map((m) => ({ campaign_id: campaignId, merchant_id: m })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The merchants among `ids` registered by a node of the scope. */
export async function merchantsInScope(db: Executor, scope: OrgScope, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('points_merchant as m')
    .select('m.id')
    .where('m.id', 'in', [...ids])
    .where(inScope(scope, sql.ref('m.org_path')))
    .execute();
  return rows.map((r) => r.id);
}

function selectItems(db: Executor) {
  return db.selectFrom('welfare_item').select(['id', 'campaign_id', 'name', 'unit', 'planned_qty', 'budget_fen', 'is_voucher']);
}
export type CampaignItemRow = Awaited<ReturnType<ReturnType<typeof selectItems>['executeTakeFirstOrThrow']>>;

export async function itemsOf(db: Executor, campaign: InScope<{ id: number }>): Promise<CampaignItemRow[]> {
  return selectItems(db).where('campaign_id', '=', campaign.id).orderBy('id').execute();
}

export async function coOrganisersOf(db: Executor, campaign: InScope<{ id: number }>) {
  return db
    .selectFrom('welfare_campaign_node as cn')
    .innerJoin('org_unit as o', 'o.id', 'cn.org_id')
    .select(['cn.org_id', 'cn.org_path', 'o.name'])
    .where('cn.campaign_id', '=', campaign.id)
    .orderBy('cn.org_id')
    .execute();
}

export async function merchantsOf(db: Executor, campaign: InScope<{ id: number }>) {
  return db
    .selectFrom('welfare_campaign_merchant as cm')
    .innerJoin('points_merchant as m', 'm.id', 'cm.merchant_id')
    .select(['m.id', 'm.name'])
    .where('cm.campaign_id', '=', campaign.id)
    .orderBy('m.id')
    .execute();
}

export type LocationRef = { kind: LocationKind; orgId: number; orgPath: string; name: string };

/** The location's id, made on first use (concurrent first uses agree: the unique key decides). */
export async function ensureLocation(tx: Executor, campaign: InScope<CampaignRow>, at: LocationRef): Promise<number> {
  await tx
    .insertInto('welfare_location')
    .values({
      region_id: campaign.region_id,
      campaign_id: campaign.id,
      kind: at.kind,
      org_id: at.orgId,
      org_path: at.orgPath,
      name: at.name,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await tx
    .selectFrom('welfare_location')
    .select('id')
    .where('region_id', '=', campaign.region_id)
    .where('campaign_id', '=', campaign.id)
    .where('kind', '=', at.kind)
    .where('org_id', '=', at.orgId)
    .where('name', '=', at.name)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findLocation(db: Executor, campaign: InScope<CampaignRow>, at: Omit<LocationRef, 'orgPath'>) {
  return db
    .selectFrom('welfare_location')
    .select(['id', 'kind', 'org_id', 'org_path', 'name'])
    .where('region_id', '=', campaign.region_id)
    .where('campaign_id', '=', campaign.id)
    .where('kind', '=', at.kind)
    .where('org_id', '=', at.orgId)
    .where('name', '=', at.name)
    .executeTakeFirst();
}

export async function findMoveByKey(db: Executor, campaign: InScope<CampaignRow>, key: string) {
  return db
    .selectFrom('welfare_move')
    .selectAll()
    .where('region_id', '=', campaign.region_id)
    .where('campaign_id', '=', campaign.id)
    .where('move_key', '=', key)
    .executeTakeFirst();
}
export type MoveRow = NonNullable<Awaited<ReturnType<typeof findMoveByKey>>>;

/** Inserts the move unless its key is taken (then undefined: a concurrent retry won). */
export async function insertMove(tx: Executor, move: Insertable<WelfareMoveTable>): Promise<MoveRow | undefined> {
  return tx
    .insertInto('welfare_move')
    .values(move)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export type BalanceChange = { locationId: number; itemId: number; delta: number };

/**
 * Applies balance changes in (location, item) order — the fixed lock order — decrements by the guarded UPDATE.
 * Answers the first change refused for want of stock (nothing after it is applied; the caller rolls back).
 */
export async function applyBalanceChanges(
  tx: Executor,
  regionId: number,
  changes: readonly BalanceChange[],
): Promise<BalanceChange | null> {
  const merged = new Map<string, BalanceChange>();
  for (const c of changes) {
    const k = `${c.locationId}:${c.itemId}`;
    const prior = merged.get(k);
    merged.set(k, { ...c, delta: (prior?.delta ?? 0) + c.delta });
  }
  const ordered = [...merged.values()].filter((c) => c.delta !== 0).sort((a, b) => a.locationId - b.locationId || a.itemId - b.itemId);
  for (const c of ordered) {
    if (c.delta > 0) {
      await tx
        .insertInto('welfare_balance')
        .values({ region_id: regionId, location_id: c.locationId, item_id: c.itemId, qty: c.delta })
        .onConflict((oc) => oc.columns(['region_id', 'location_id', 'item_id']).doUpdateSet({ qty: sql`welfare_balance.qty + ${c.delta}` }))
        .execute();
    } else {
      const result = await tx
        .updateTable('welfare_balance')
        .set({ qty: sql`qty - ${-c.delta}` })
        .where('region_id', '=', regionId)
        .where('location_id', '=', c.locationId)
        .where('item_id', '=', c.itemId)
        .where('qty', '>=', -c.delta)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return c;
    }
  }
  return null;
}

export async function balanceOf(db: Executor, regionId: number, locationId: number, itemId: number): Promise<number> {
  const row = await db
    .selectFrom('welfare_balance')
    .select('qty')
    .where('region_id', '=', regionId)
    .where('location_id', '=', locationId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row?.qty ?? 0;
}

/** Balances at the locations of the campaign the scope reaches. */
export async function balancesInScope(db: Executor, scope: OrgScope, campaign: InScope<CampaignRow>) {
  return db
    .selectFrom('welfare_balance as b')
    .innerJoin('welfare_location as l', (j) => j.onRef('l.region_id', '=', 'b.region_id').onRef('l.id', '=', 'b.location_id'))
    .innerJoin('org_unit as o', 'o.id', 'l.org_id')
    .select(['l.id as location_id', 'l.kind', 'l.org_id', 'o.name as org_name', 'l.name', 'b.item_id', 'b.qty'])
    .where('b.region_id', '=', campaign.region_id)
    .where('l.campaign_id', '=', campaign.id)
    .where('l.kind', '<>', 'handed_out')
    .where(inScope(scope, sql.ref('l.org_path')))
    .orderBy('l.id')
    .orderBy('b.item_id')
    .execute();
}

/** Allocations not yet received, to nodes of the scope. */
export async function pendingReceiptsInScope(db: Executor, scope: OrgScope, campaign: InScope<CampaignRow>) {
  return db
    .selectFrom('welfare_move as m')
    .innerJoin('welfare_location as l', (j) => j.onRef('l.region_id', '=', 'm.region_id').onRef('l.id', '=', 'm.to_location_id'))
    .innerJoin('org_unit as o', 'o.id', 'l.org_id')
    .select(['m.id', 'l.org_id', 'o.name as org_name', 'm.item_id', 'm.qty', 'm.created_at'])
    .where('m.region_id', '=', campaign.region_id)
    .where('m.campaign_id', '=', campaign.id)
    .where('m.kind', '=', 'allocate')
    .where(inScope(scope, sql.ref('l.org_path')))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('welfare_move as r').select('r.id').whereRef('r.region_id', '=', 'm.region_id').whereRef('r.receipt_of', '=', 'm.id'),
        ),
      ),
    )
    .orderBy('m.id')
    .execute();
}

/** An allocation of the campaign to a node of the scope, with the node it was sent to. */
export async function findAllocationInScope(db: Executor, scope: OrgScope, campaign: InScope<CampaignRow>, moveId: number) {
  const row = await db
    .selectFrom('welfare_move as m')
    .innerJoin('welfare_location as l', (j) => j.onRef('l.region_id', '=', 'm.region_id').onRef('l.id', '=', 'm.to_location_id'))
    .select(['m.id', 'm.kind', 'm.item_id', 'm.qty', 'm.to_location_id', 'l.org_id', 'l.org_path'])
    .where('m.region_id', '=', campaign.region_id)
    .where('m.campaign_id', '=', campaign.id)
    .where('m.id', '=', moveId)
    .where(inScope(scope, sql.ref('l.org_path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

export async function findReceiptOf(db: Executor, regionId: number, moveId: number) {
  return db.selectFrom('welfare_move').selectAll().where('region_id', '=', regionId).where('receipt_of', '=', moveId).executeTakeFirst();
}

export async function findHandoutByKey(db: Executor, campaign: InScope<CampaignRow>, key: string) {
  return db
    .selectFrom('welfare_handout')
    .select(['id', 'request_hash'])
    .where('region_id', '=', campaign.region_id)
    .where('campaign_id', '=', campaign.id)
    .where('handout_key', '=', key)
    .executeTakeFirst();
}

/** Where and when the person received goods in the campaign (any unit's hand-out). */
export async function findHandoutOfPerson(db: Executor, campaign: InScope<CampaignRow>, bidx: string) {
  return db
    .selectFrom('welfare_handout as h')
    .innerJoin('welfare_location as l', (j) => j.onRef('l.region_id', '=', 'h.region_id').onRef('l.id', '=', 'h.location_id'))
    .innerJoin('org_unit as o', 'o.id', 'h.org_id')
    .select(['h.id', 'h.created_at', 'o.name as org_name', 'l.name as site'])
    .where('h.region_id', '=', campaign.region_id)
    .where('h.campaign_id', '=', campaign.id)
    .where('h.person_bidx', '=', bidx)
    .executeTakeFirst();
}

/** Inserts the hand-out unless its key or its person is taken (then undefined). */
export async function insertHandout(tx: Executor, h: Insertable<WelfareHandoutTable>): Promise<number | undefined> {
  const row = await tx
    .insertInto('welfare_handout')
    .values(h)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

function selectHandouts(db: Executor) {
  return db
    .selectFrom('welfare_handout as h')
    .innerJoin('welfare_location as l', (j) => j.onRef('l.region_id', '=', 'h.region_id').onRef('l.id', '=', 'h.location_id'))
    .innerJoin('org_unit as o', 'o.id', 'h.org_id')
    .select([
      'h.id',
      'h.region_id',
      'h.kind',
      'h.name_masked',
      'h.phone_masked',
      'h.id_number_masked',
      'h.collector_name',
      'h.batch_count',
      'h.org_id',
      'o.name as org_name',
      'l.name as site',
      'h.created_at',
    ])
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM welfare_handout_photo p WHERE p.region_id = h.region_id AND p.handout_id = h.id)`.as('has_photo'),
    );
}
export type HandoutRow = Awaited<ReturnType<ReturnType<typeof selectHandouts>['executeTakeFirstOrThrow']>>;

/** The hand-out just written by the caller (its id came from the insert in this transaction). */
export async function findHandout(db: Executor, campaign: InScope<CampaignRow>, id: number): Promise<HandoutRow> {
  return selectHandouts(db).where('h.region_id', '=', campaign.region_id).where('h.id', '=', id).executeTakeFirstOrThrow();
}

/** Hand-outs of the campaign by nodes of the scope, newest first. */
export async function listHandouts(
  db: Executor,
  scope: OrgScope,
  campaign: InScope<CampaignRow>,
  after: number | undefined,
  limit: number,
) {
  let q = selectHandouts(db)
    .where('h.region_id', '=', campaign.region_id)
    .where('h.campaign_id', '=', campaign.id)
    .where(inScope(scope, sql.ref('h.org_path')))
    .orderBy('h.id', 'desc')
    .limit(limit + 1);
  if (after !== undefined) q = q.where('h.id', '<', after);
  return q.execute();
}

export async function linesOfHandouts(db: Executor, regionId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('welfare_move')
    .select(['handout_id', 'item_id', 'qty'])
    .where('region_id', '=', regionId)
    .where('handout_id', 'in', [...ids])
    .orderBy('item_id')
    .execute();
}

export async function vouchersOfHandouts(db: Executor, regionId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('welfare_voucher')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('handout_id', 'in', [...ids])
    .orderBy('id')
    .execute();
}

/** The ID-number blind index of the member whose card was scanned (the card token named region and card). */
export async function memberIdentity(db: Executor, regionId: number, memberId: number) {
  return db
    .selectFrom('member')
    .select(['id', 'region_id', 'id_number_bidx', 'name', 'id_number_masked', 'phone_masked'])
    .where('region_id', '=', regionId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

export async function insertVoucher(
  tx: Executor,
  v: { regionId: number; campaignId: number; itemId: number; handoutId: number; serial: string; validFrom: string; validTo: string },
) {
  return tx
    .insertInto('welfare_voucher')
    .values({
      region_id: v.regionId,
      campaign_id: v.campaignId,
      item_id: v.itemId,
      handout_id: v.handoutId,
      serial: v.serial,
      valid_from: v.validFrom,
      valid_to: v.validTo,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
