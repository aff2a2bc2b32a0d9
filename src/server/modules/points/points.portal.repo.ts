import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { MemberPrincipal } from '../../auth/member-session.js';

/**
 * The signed-in member's own points: every read names the member of the session (never an id from the request). A
 * member's accounts sit in the books of their programmes, in those programmes' regions.
 */
export async function accountsOf(db: Executor, member: MemberPrincipal) {
  return db
    .selectFrom('points_account as a')
    .innerJoin('points_programme as p', 'p.id', 'a.programme_id')
    .innerJoin('org_unit as o', 'o.id', 'p.org_id')
    .select(['a.region_id', 'a.id', 'a.programme_id', 'p.name as programme_name', 'o.name as org_name', 'a.balance', 'a.pending_debits'])
    .where('a.kind', '=', 'member')
    .where('a.member_id', '=', member.memberId)
    .orderBy('a.programme_id')
    .execute();
}

/** What is left of the member's lots, grouped by when it expires (soonest first; never last). */
export async function expiringOf(db: Executor, accounts: readonly { region_id: number; id: number }[]) {
  if (accounts.length === 0) return [];
  return db
    .selectFrom('points_lot as l')
    .select(['l.account_id', 'l.region_id', 'l.expires_at', sql<number>`sum(l.remaining)`.as('points')])
    .where((eb) => eb.or(accounts.map((a) => eb.and([eb('l.region_id', '=', a.region_id), eb('l.account_id', '=', a.id)]))))
    .where('l.remaining', '>', 0)
    .groupBy(['l.region_id', 'l.account_id', 'l.expires_at'])
    .orderBy(sql`l.expires_at NULLS LAST`)
    .execute();
}

/** The member's transfers, newest first (posts and voids of holds fold into their hold). */
export async function historyOf(db: Executor, member: MemberPrincipal, f: { afterId: number | undefined; limit: number }) {
  let q = db
    .selectFrom('points_transfer as t')
    .innerJoin('points_programme as p', 'p.id', 't.programme_id')
    .innerJoin('points_account as d', (j) => j.onRef('d.region_id', '=', 't.region_id').onRef('d.id', '=', 't.debit_account_id'))
    .leftJoin('points_merchant as m', 'm.id', 't.merchant_id')
    .leftJoin('points_catalogue_item as i', 'i.id', 't.catalogue_item_id')
    .select([
      't.id',
      't.kind',
      't.op',
      't.amount',
      't.reason',
      't.created_at',
      'p.name as programme_name',
      'm.name as merchant_name',
      'i.name as item_name',
      sql<boolean>`(d.kind = 'member' AND d.member_id = ${member.memberId})`.as('is_debit'),
      sql<string | null>`(SELECT r.op FROM points_transfer r WHERE r.region_id = t.region_id AND r.pending_id = t.id)`.as('resolution'),
    ])
    .where('t.member_id', '=', member.memberId)
    .where('t.op', 'in', ['single', 'pending'])
    .orderBy('t.id', 'desc')
    .limit(f.limit + 1);
  if (f.afterId !== undefined) q = q.where('t.id', '<', f.afterId);
  return q.execute();
}

/** The active merchants designated for the given programmes, with their shops and catalogues. */
export async function placesFor(db: Executor, programmeIds: readonly number[]) {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('points_shop as s')
    .innerJoin('points_merchant as m', 'm.id', 's.merchant_id')
    .select([
      'm.id as merchant_id',
      'm.name as merchant_name',
      's.name as shop_name',
      's.address',
      's.lat',
      's.lng',
      's.opening_hours',
      sql<string[]>`ARRAY(SELECT p.name FROM points_merchant_programme mp JOIN points_programme p ON p.id = mp.programme_id
        WHERE mp.merchant_id = m.id AND mp.programme_id IN (${sql.join([...programmeIds])}) ORDER BY p.id)`.as('programmes'),
      sql<string>`COALESCE((SELECT json_agg(json_build_object('name', i.name, 'points', i.points) ORDER BY i.points, i.id)::text
        FROM points_catalogue_item i WHERE i.merchant_id = m.id AND i.active), '[]')`.as('items'),
    ])
    .where('m.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('points_merchant_programme as mp')
          .select('mp.merchant_id')
          .whereRef('mp.merchant_id', '=', 'm.id')
          .where('mp.programme_id', 'in', [...programmeIds]),
      ),
    )
    .orderBy('m.id')
    .orderBy('s.id')
    .limit(500)
    .execute();
}
