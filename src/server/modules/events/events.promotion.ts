import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import * as repo from './events.repo.js';
import * as places from './events.places.repo.js';
import * as waitlist from './events.waitlist.repo.js';

/** What promotion needs to know of the session's event. */
export type SessionRef = { sessionId: number; promotion: 'auto' | 'offer'; offerHours: number | null };

/**
 * The one promotion every path that frees places calls (self cancel, cadre cancel, capacity raised, expired offer,
 * released no-show, quotas changed), in the caller's transaction, after the freed places were given back. Promotes
 * at most `freed` people in waitlist order, each through the same guarded place-taking as a sign-up (so never past
 * capacity nor past a quota); people no longer eligible (left the union, moved out of the audience) are cancelled
 * and skipped; a guest (no member pages to accept an offer on) is confirmed even where the event offers. A place freed from a unit's quota (`fromQuota`) goes first to that unit's waitlisted members, in their
 * order; if none waits it stays the unit's (the open-place guard keeps others out until the window closes). Answers
 * how many were promoted.
 */
export async function promoteWaitlist(tx: Executor, session: SessionRef, freed: number, fromQuota: number | null = null): Promise<number> {
  const promoted = fromQuota === null ? 0 : await promoteFrom(tx, session, freed, fromQuota);
  return promoted + (await promoteFrom(tx, session, freed - promoted, null));
}

async function promoteFrom(tx: Executor, session: SessionRef, freed: number, unit: number | null): Promise<number> {
  let promoted = 0;
  while (promoted < freed) {
    const batch = await waitlist.nextOnWaitlist(tx, session.sessionId, freed - promoted, unit);
    if (batch.length === 0) break;
    for (const person of batch) {
      if (!person.eligible) {
        await repo.moveRegistration(tx, person, ['waitlisted'], 'cancelled', { cancelReason: 'ineligible' });
        continue;
      }
      const taken = await places.takePlace(tx, session.sessionId, person.quota_org_id);
      if (!taken) return promoted;
      // A guest has no member pages to accept an offer on: their freed place is confirmed at once (and they are told).
      const to = session.promotion === 'offer' && !person.is_guest ? 'offered' : 'confirmed';
      await repo.moveRegistration(tx, person, ['waitlisted'], to, {
        offerHours: session.offerHours ?? undefined,
        quotaOrgId: taken.quotaOrgId,
      });
      promoted++;
    }
  }
  return promoted;
}

/**
 * The expiry job: offers past their time expire, each giving its place back and promoting the next person. Safe to
 * run again and from several workers (rows are claimed with SKIP LOCKED; an offer expires once). Answers how many
 * offers expired.
 */
export async function expireOffers(db: Kysely<DB>, batch = 200): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await waitlist.expiredOffers(tx, batch);
    // Freed places per session and pool (quota unit, or open), each given back where it was taken from.
    const freed = new Map<string, { sessionId: number; pool: number | null; n: number }>();
    for (const r of rows)
      if (await repo.moveRegistration(tx, r, ['offered'], 'expired')) {
        const k = `${r.session_id}:${r.quota_org_id ?? ''}`;
        const f = freed.get(k) ?? { sessionId: r.session_id, pool: r.quota_org_id, n: 0 };
        freed.set(k, { ...f, n: f.n + 1 });
      }
    const order = [...freed.values()].sort((a, b) => a.sessionId - b.sessionId || (a.pool ?? 0) - (b.pool ?? 0));
    for (const { sessionId, pool, n } of order) {
      const e = await waitlist.promotionOfSession(tx, sessionId);
      await places.releasePlaces(tx, sessionId, n, pool);
      if (e.status === 'open') await promoteWaitlist(tx, { sessionId, promotion: e.promotion, offerHours: e.offer_hours }, n, pool);
    }
    return rows.length;
  });
}

/**
 * The window-close job: a session's free places reach its waitlist once its sign-up window has closed — above all the
 * places a unit's quota kept for its members while the window was open (no freeing path runs when a window closes,
 * so without this they would wait for the next cancellation). Each session's places go through the one promotion
 * function, so never past capacity; safe to run again and from several workers. Answers how many were promoted.
 */
export async function fillAfterWindow(db: Kysely<DB>, batch = 50): Promise<number> {
  return db.transaction().execute(async (tx) => {
    let promoted = 0;
    for (const s of await waitlist.lockSessionsToFill(tx, batch))
      promoted += await promoteWaitlist(tx, { sessionId: s.id, promotion: s.promotion, offerHours: s.offer_hours }, s.free);
    return promoted;
  });
}
