import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import * as repo from './events.repo.js';

/** What promotion needs to know of the session's event. */
export type SessionRef = { sessionId: number; promotion: 'auto' | 'offer'; offerHours: number | null };

/**
 * The one promotion every path that frees places calls (self cancel, cadre cancel, capacity raised, expired offer,
 * released no-show), in the caller's transaction, after the freed places were given back. Promotes at most `freed`
 * people in waitlist order, each through the same guarded place-taking as a sign-up (so never past capacity);
 * people no longer eligible (left the union, moved out of the audience) are cancelled and skipped. Answers how many
 * were promoted.
 */
export async function promoteWaitlist(tx: Executor, session: SessionRef, freed: number): Promise<number> {
  let promoted = 0;
  while (promoted < freed) {
    const batch = await repo.nextOnWaitlist(tx, session.sessionId, freed - promoted);
    if (batch.length === 0) break;
    for (const person of batch) {
      if (!person.eligible) {
        await repo.moveRegistration(tx, person, ['waitlisted'], 'cancelled', { cancelReason: 'ineligible' });
        continue;
      }
      if (!(await repo.takePlace(tx, session.sessionId))) return promoted;
      const to = session.promotion === 'offer' ? 'offered' : 'confirmed';
      await repo.moveRegistration(tx, person, ['waitlisted'], to, { offerHours: session.offerHours ?? undefined });
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
    const rows = await repo.expiredOffers(tx, batch);
    const freedBySession = new Map<number, number>();
    for (const r of rows)
      if (await repo.moveRegistration(tx, r, ['offered'], 'expired'))
        freedBySession.set(r.session_id, (freedBySession.get(r.session_id) ?? 0) + 1);
    for (const [sessionId, freed] of [...freedBySession].sort((a, b) => a[0] - b[0])) {
      const e = await repo.promotionOfSession(tx, sessionId);
      await repo.releasePlaces(tx, sessionId, freed);
      if (e.status === 'open') await promoteWaitlist(tx, { sessionId, promotion: e.promotion, offerHours: e.offer_hours }, freed);
    }
    return rows.length;
  });
}
