import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { EventGuestTable } from './events.guests.tables.js';

/**
 * The event's organising nodes the scope reaches, owner first: where a cadre may name guests (the inviting unit).
 * A cadre below the owner's node reaches neither and gets none.
 */
export async function organiserNodesInScope(
  db: Executor,
  scope: OrgScope,
  event: InScope<{ id: number; org_id: number; org_path: string }>,
) {
  const { rows } = await sql<{ id: number; path: string }>`
    SELECT id, path FROM (
      SELECT 0 AS k, ${event.org_id}::bigint AS id, ${event.org_path}::ltree AS path
      UNION ALL
      SELECT 1, c.org_id, c.org_path FROM event_co_organiser c WHERE c.event_id = ${event.id}) n
     WHERE ${inScope(scope, sql.ref('n.path'))}
     ORDER BY k, id`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), path: String(r.path) }));
}

function selectGuests(db: Executor) {
  return db
    .selectFrom('event_guest as g')
    .innerJoin('org_unit as o', 'o.id', 'g.org_id')
    .select([
      'g.id',
      'g.region_id',
      'g.event_id',
      'g.org_id',
      'g.org_path',
      'o.name as org_name',
      'g.name',
      'g.phone_masked',
      'g.note',
      'g.created_at',
    ])
    .where('g.removed_at', 'is', null);
}
export type GuestListRow = Awaited<ReturnType<ReturnType<typeof selectGuests>['executeTakeFirstOrThrow']>>;

/** The event's guests named by units the scope reaches (a co-organiser: its own), oldest first. */
export async function guestsInScope(db: Executor, scope: OrgScope, event: InScope<{ id: number }>): Promise<InScope<GuestListRow>[]> {
  const rows = await selectGuests(db)
    .where('g.event_id', '=', event.id)
    .where(inScope(scope, sql.ref('g.org_path'), sql.ref('g.region_id')))
    .orderBy('g.id')
    .limit(2000)
    .execute();
  return rows.map((r) => provenInScope(r));
}

/** One guest of the event, named by a unit the scope reaches. */
export async function findGuestInScope(
  db: Executor,
  scope: OrgScope,
  event: InScope<{ id: number }>,
  guestId: number,
): Promise<InScope<GuestListRow> | undefined> {
  const row = await selectGuests(db)
    .where('g.event_id', '=', event.id)
    .where('g.id', '=', guestId)
    .where(inScope(scope, sql.ref('g.org_path'), sql.ref('g.region_id')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

export async function countGuests(db: Executor, event: InScope<{ id: number }>): Promise<number> {
  const row = await db
    .selectFrom('event_guest')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('event_id', '=', event.id)
    .where('removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Inserts a guest; undefined when the event already holds a guest with that phone (the partial unique index). */
export async function insertGuest(tx: Executor, g: Omit<EventGuestTable, 'id' | 'created_at' | 'removed_at'>): Promise<number | undefined> {
  const row = await tx
    .insertInto('event_guest')
    .values(g)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Marks the guest removed; false when someone removed them first. */
export async function markRemoved(tx: Executor, guest: InScope<{ region_id: number; id: number }>): Promise<boolean> {
  const r = await tx
    .updateTable('event_guest')
    .set({ removed_at: sql`now()` })
    .where('region_id', '=', guest.region_id)
    .where('id', '=', guest.id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The guest's active registrations (waitlisted, offered, confirmed), locked, in id order. */
export async function activeRegistrationsOf(tx: Executor, guest: InScope<{ region_id: number; id: number }>) {
  return tx
    .selectFrom('event_registration')
    .select(['region_id', 'id', 'session_id'])
    .where('region_id', '=', guest.region_id)
    .where('guest_id', '=', guest.id)
    .where('status', 'in', ['waitlisted', 'offered', 'confirmed'])
    .orderBy('id')
    .forUpdate()
    .execute();
}
