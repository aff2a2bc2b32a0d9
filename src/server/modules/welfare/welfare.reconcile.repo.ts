import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, type InScope, type OrgScope } from '../../auth/scope.js';

type Campaign = InScope<{ id: number; region_id: number }>;

/**
 * Inflows per node and item, by the node receiving them: stock in at the warehouse, allocations (into a node's
 * transit) and receipts. `from_outside`: the move came from a location the scope does not reach (an allocation from
 * above), i.e. it brings stock into the caller's part of the book.
 */
export async function inflows(db: Executor, scope: OrgScope, campaign: Campaign) {
  return db
    .selectFrom('welfare_move as m')
    .innerJoin('welfare_location as lt', (j) => j.onRef('lt.region_id', '=', 'm.region_id').onRef('lt.id', '=', 'm.to_location_id'))
    .leftJoin('welfare_location as lf', (j) => j.onRef('lf.region_id', '=', 'm.region_id').onRef('lf.id', '=', 'm.from_location_id'))
    .select([
      'lt.org_id',
      'lt.org_path',
      'm.kind',
      'm.item_id',
      sql<boolean>`(lf.id IS NULL OR NOT ${inScope(scope, sql.ref('lf.org_path'))})`.as('from_outside'),
      sql<number>`sum(m.qty)::bigint`.as('qty'),
    ])
    .where('m.region_id', '=', campaign.region_id)
    .where('m.campaign_id', '=', campaign.id)
    .where('m.kind', 'in', ['stock_in', 'allocate', 'receive'])
    .where(inScope(scope, sql.ref('lt.org_path')))
    .groupBy(['lt.org_id', 'lt.org_path', 'm.kind', 'm.item_id', sql`5`])
    .execute();
}

/** Hand-outs per node and item, by the node whose place they left. */
export async function handedOut(db: Executor, scope: OrgScope, campaign: Campaign) {
  return db
    .selectFrom('welfare_move as m')
    .innerJoin('welfare_location as lf', (j) => j.onRef('lf.region_id', '=', 'm.region_id').onRef('lf.id', '=', 'm.from_location_id'))
    .select(['lf.org_id', 'lf.org_path', 'm.item_id', sql<number>`sum(m.qty)::bigint`.as('qty')])
    .where('m.region_id', '=', campaign.region_id)
    .where('m.campaign_id', '=', campaign.id)
    .where('m.kind', '=', 'hand_out')
    .where(inScope(scope, sql.ref('lf.org_path')))
    .groupBy(['lf.org_id', 'lf.org_path', 'm.item_id'])
    .execute();
}

/** Stock held per node and item: at its places (warehouse, node stock, sites) and in transit to it. */
export async function held(db: Executor, scope: OrgScope, campaign: Campaign) {
  return db
    .selectFrom('welfare_balance as b')
    .innerJoin('welfare_location as l', (j) => j.onRef('l.region_id', '=', 'b.region_id').onRef('l.id', '=', 'b.location_id'))
    .select([
      'l.org_id',
      'l.org_path',
      'b.item_id',
      sql<number>`coalesce(sum(b.qty) FILTER (WHERE l.kind <> 'transit'), 0)::bigint`.as('left'),
      sql<number>`coalesce(sum(b.qty) FILTER (WHERE l.kind = 'transit'), 0)::bigint`.as('in_transit'),
    ])
    .where('b.region_id', '=', campaign.region_id)
    .where('l.campaign_id', '=', campaign.id)
    .where(inScope(scope, sql.ref('l.org_path')))
    .groupBy(['l.org_id', 'l.org_path', 'b.item_id'])
    .execute();
}

/** Vouchers redeemed per node and item, by the node that handed them out. */
export async function redeemed(db: Executor, scope: OrgScope, campaign: Campaign) {
  return db
    .selectFrom('welfare_redemption as r')
    .innerJoin('welfare_voucher as v', (j) => j.onRef('v.region_id', '=', 'r.region_id').onRef('v.id', '=', 'r.voucher_id'))
    .innerJoin('welfare_handout as h', (j) => j.onRef('h.region_id', '=', 'v.region_id').onRef('h.id', '=', 'v.handout_id'))
    .select(['h.org_id', 'h.org_path', 'v.item_id', sql<number>`count(*)::bigint`.as('n')])
    .where('r.region_id', '=', campaign.region_id)
    .where('r.campaign_id', '=', campaign.id)
    .where(inScope(scope, sql.ref('h.org_path')))
    .groupBy(['h.org_id', 'h.org_path', 'v.item_id'])
    .execute();
}

/** People reached per node: named people (one hand-out each per campaign, by the unique index) plus batch counts. */
export async function peopleReached(db: Executor, scope: OrgScope, campaign: Campaign) {
  return db
    .selectFrom('welfare_handout as h')
    .select(['h.org_id', 'h.org_path', sql<number>`(count(DISTINCT h.person_bidx) + coalesce(sum(h.batch_count), 0))::bigint`.as('n')])
    .where('h.region_id', '=', campaign.region_id)
    .where('h.campaign_id', '=', campaign.id)
    .where(inScope(scope, sql.ref('h.org_path')))
    .groupBy(['h.org_id', 'h.org_path'])
    .execute();
}

/** Second scans of redeemed vouchers (flagged, never counted) at the campaign. */
export async function duplicateScans(db: Executor, campaign: Campaign): Promise<number> {
  const row = await db
    .selectFrom('welfare_scan_flag')
    .select(sql<number>`count(*)::bigint`.as('n'))
    .where('region_id', '=', campaign.region_id)
    .where('campaign_id', '=', campaign.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function orgNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
