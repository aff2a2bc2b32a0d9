import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/** The quotas of the sessions, with their units' names, by session then unit. */
export async function quotasOf(db: Executor, sessionIds: readonly number[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('event_session_quota as q')
    .innerJoin('org_unit as o', 'o.id', 'q.org_id')
    .select(['q.session_id', 'q.org_id', 'o.name as org_name', 'q.places', 'q.taken'])
    .where('q.session_id', 'in', [...sessionIds])
    .orderBy('q.session_id')
    .orderBy('q.org_id')
    .execute();
}
export type QuotaRow = Awaited<ReturnType<typeof quotasOf>>[number];

/** The session's quota rows, locked (the caller holds the session row first: lock order event, session, quota). */
export async function lockQuotas(tx: Executor, sessionId: number) {
  return tx
    .selectFrom('event_session_quota as q')
    .innerJoin('org_unit as o', 'o.id', 'q.org_id')
    .select(['q.org_id', 'o.name as org_name', 'q.places', 'q.taken'])
    .where('q.session_id', '=', sessionId)
    .orderBy('q.org_id')
    .forUpdate('q')
    .execute();
}

/** Writes the session's quotas: removes the units not in `quotas` (none of whose places is taken), sets the others. */
export async function writeQuotas(
  tx: Executor,
  sessionId: number,
  quotas: readonly { org: { id: number; path: string }; places: number }[],
): Promise<void> {
  const keep = quotas.map((q) => q.org.id);
  let gone = tx.deleteFrom('event_session_quota').where('session_id', '=', sessionId);
  if (keep.length > 0) gone = gone.where('org_id', 'not in', keep);
  await gone.execute();
  if (quotas.length > 0)
    await tx
      .insertInto('event_session_quota')
      .values(quotas.map((q) => ({ session_id: sessionId, org_id: q.org.id, org_path: q.org.path, places: q.places })))
      .onConflict((oc) => oc.columns(['session_id', 'org_id']).doUpdateSet({ places: (eb) => eb.ref('excluded.places') }))
      .execute();
  await sql`UPDATE event_session SET quota_places = ${quotas.reduce((sum, q) => sum + q.places, 0)} WHERE id = ${sessionId}`.execute(tx);
}

/** The session's places and counters, its row locked (the first lock of a quota change after the event). */
export async function lockSession(tx: Executor, eventId: number, sessionId: number) {
  return tx
    .selectFrom('event_session')
    .select(['id', 'capacity', 'confirmed', 'quota_places', 'quota_taken'])
    .where('id', '=', sessionId)
    .where('event_id', '=', eventId)
    .forUpdate()
    .executeTakeFirst();
}
