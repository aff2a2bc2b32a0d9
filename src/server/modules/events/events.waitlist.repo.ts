import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import './events.guests.tables.js';

/** The waitlist's reads and moves (issue #13): who is next, offers run out, offers accepted, how a session promotes. */

/**
 * The first `n` people on the session's waitlist (only those whose deepest quota unit is `unit`, when given), locked
 * (others busy with one of them are skipped), with whether they may still take part — still a member, their union
 * still inside the event's audience; a guest: not removed — and their quota unit now (a guest's: of the inviting unit).
 */
export async function nextOnWaitlist(tx: Executor, sessionId: number, n: number, unit: number | null = null) {
  const { rows } = await sql<{ region_id: number; id: number; eligible: boolean; quota_org_id: number | null; is_guest: boolean }>`
    SELECT r.region_id, r.id, r.guest_id IS NOT NULL AS is_guest,
           (CASE WHEN r.guest_id IS NOT NULL THEN g.removed_at IS NULL
                 ELSE m.status = 'member' AND EXISTS (SELECT 1 FROM event_audience a
                        WHERE a.event_id = r.event_id AND m.org_path <@ a.org_path) END) AS eligible,
           q.org_id AS quota_org_id
      FROM event_registration r
      LEFT JOIN member m ON m.region_id = r.region_id AND m.id = r.member_id
      LEFT JOIN event_guest g ON g.region_id = r.region_id AND g.id = r.guest_id
      LEFT JOIN LATERAL (SELECT q.org_id FROM event_session_quota q
                          WHERE q.session_id = r.session_id AND coalesce(m.org_path, g.org_path) <@ q.org_path
                          ORDER BY nlevel(q.org_path) DESC LIMIT 1) q ON true
     WHERE r.session_id = ${sessionId} AND r.status = 'waitlisted'
       AND (${unit}::bigint IS NULL OR q.org_id = ${unit}::bigint)
     ORDER BY r.waitlist_seq
     LIMIT ${n}
       FOR UPDATE OF r SKIP LOCKED`.execute(tx);
  return rows;
}

/** Offers past their time, locked for the expiry job. */
export async function expiredOffers(tx: Executor, limit: number) {
  const { rows } = await sql<{ region_id: number; id: number; session_id: number; quota_org_id: number | null }>`
    SELECT region_id, id, session_id, quota_org_id FROM event_registration
     WHERE status = 'offered' AND offer_expires_at <= now()
     ORDER BY offer_expires_at, id
     LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`.execute(tx);
  return rows;
}

/** How the session's event promotes from its waitlist, and whether it is still open (a closed event promotes nobody). */
export async function promotionOfSession(db: Executor, sessionId: number) {
  return db
    .selectFrom('event_session as s')
    .innerJoin('event as e', 'e.id', 's.event_id')
    .select(['e.promotion', 'e.offer_hours', 'e.status'])
    .where('s.id', '=', sessionId)
    .executeTakeFirstOrThrow();
}

/** An offer becomes a confirmed place, only before it expires. */
export async function acceptOffer(tx: Executor, reg: { region_id: number; id: number }): Promise<boolean> {
  const r = await tx
    .updateTable('event_registration')
    .set({ status: 'confirmed', offer_expires_at: null, updated_at: sql`now()` })
    .where('region_id', '=', reg.region_id)
    .where('id', '=', reg.id)
    .where('status', '=', 'offered')
    .where(sql<boolean>`offer_expires_at > now()`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Sessions whose sign-up window has closed and that have not started, of open events, with a free place and someone
 * on the waitlist — the places a unit's quota kept free until the window closed, now open (0048's index on starts_at
 * keeps this to the sessions yet to start). Locked, skipping rows another worker holds; lock order: session first.
 */
export async function lockSessionsToFill(tx: Executor, limit: number) {
  const { rows } = await sql<{ id: number; free: number; promotion: 'auto' | 'offer'; offer_hours: number | null }>`
    SELECT s.id, s.capacity - s.confirmed AS free, e.promotion, e.offer_hours
      FROM event_session s
      JOIN event e ON e.id = s.event_id
     WHERE s.starts_at > now() AND s.closes_at <= now() AND s.confirmed < s.capacity AND e.status = 'open'
       AND EXISTS (SELECT 1 FROM event_registration r WHERE r.session_id = s.id AND r.status = 'waitlisted')
     ORDER BY s.id
     LIMIT ${limit}
       FOR UPDATE OF s SKIP LOCKED`.execute(tx);
  return rows;
}
