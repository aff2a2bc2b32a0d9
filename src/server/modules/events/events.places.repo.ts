import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

/**
 * Places of a session (issue #13; 0036, 0044): the guarded taking of a place (open or a unit's quota) and its giving
 * back, the one seat count every sign-up, draw and promotion goes through.
 */

/** Where a taken place came from: a unit's quota (its org id) or the open places (null). */
export type TakenPlace = { quotaOrgId: number | null };

/**
 * The guard: one more place taken only while one is left. A member of a quota unit (`quotaOrgId`, the deepest quota
 * unit holding their union) takes a quota place first — session row locked first (lock order: event, session, quota
 * row), then the guarded quota update — else an open place: the session's open places are capacity − Σ places
 * (before the window closes; after it, unused quota places are open too), checked on the session row alone so the
 * guarded UPDATE stays atomic. Null when no place was left for this member.
 */
export async function takePlace(tx: Executor, sessionId: number, quotaOrgId: number | null = null): Promise<TakenPlace | null> {
  if (quotaOrgId !== null) {
    const { rows: room } = await sql<{ room: boolean }>`
      SELECT confirmed < capacity AS room FROM event_session WHERE id = ${sessionId} FOR UPDATE`.execute(tx);
    if (!room[0]?.room) return null;
    const { rows: quota } = await sql<{ org_id: number }>`
      UPDATE event_session_quota SET taken = taken + 1
       WHERE session_id = ${sessionId} AND org_id = ${quotaOrgId} AND taken < places RETURNING org_id`.execute(tx);
    if (quota.length === 1) {
      await sql`UPDATE event_session SET confirmed = confirmed + 1, quota_taken = quota_taken + 1 WHERE id = ${sessionId}`.execute(tx);
      return { quotaOrgId };
    }
  }
  const { rows } = await sql<{ id: number }>`
    UPDATE event_session SET confirmed = confirmed + 1
     WHERE id = ${sessionId} AND confirmed < capacity
       AND confirmed - quota_taken < capacity - (CASE WHEN now() >= closes_at THEN quota_taken ELSE quota_places END)
    RETURNING id`.execute(tx);
  return rows.length === 1 ? { quotaOrgId: null } : null;
}

/** Gives `n` places back (a cancellation, an expired offer, a released no-show) to the pool they were taken from. */
export async function releasePlaces(tx: Executor, sessionId: number, n: number, quotaOrgId: number | null = null): Promise<void> {
  if (quotaOrgId === null) {
    await sql`UPDATE event_session SET confirmed = confirmed - ${n} WHERE id = ${sessionId}`.execute(tx);
    return;
  }
  await sql`UPDATE event_session SET confirmed = confirmed - ${n}, quota_taken = quota_taken - ${n} WHERE id = ${sessionId}`.execute(tx);
  await sql`UPDATE event_session_quota SET taken = taken - ${n} WHERE session_id = ${sessionId} AND org_id = ${quotaOrgId}`.execute(tx);
}

/** The deepest quota unit of the session holding the union at `memberPath` (null: none — open places only). */
export async function quotaUnitOf(db: Executor, sessionId: number, memberPath: string): Promise<number | null> {
  const { rows } = await sql<{ org_id: number }>`
    SELECT org_id FROM event_session_quota WHERE session_id = ${sessionId} AND ${memberPath}::ltree <@ org_path
     ORDER BY nlevel(org_path) DESC LIMIT 1`.execute(db);
  return rows[0]?.org_id ?? null;
}

/** The pool (quota unit, or null: open) the registration's place was taken from. */
export async function poolOf(db: Executor, reg: { region_id: number; id: number }): Promise<number | null> {
  const row = await db
    .selectFrom('event_registration')
    .select('quota_org_id')
    .where('region_id', '=', reg.region_id)
    .where('id', '=', reg.id)
    .executeTakeFirst();
  return row?.quota_org_id ?? null;
}
