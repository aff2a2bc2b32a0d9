import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import { minuteOf } from '../../../common/beijing-time.js';
import '../../../common/events.errors.js';
import '../../../common/events.guests.errors.js';
import { insertAudit } from '../../audit/audit.store.js';
import * as repo from './events.repo.js';
import * as places from './events.places.repo.js';
import { promoteWaitlist } from './events.promotion.js';
import { enterIn } from './events.draw.entry.js';

export type SignUpOutcome = { registrationId: number; status: 'confirmed' | 'waitlisted' | 'offered' | 'other'; replay: boolean };

const beijing = (iso: string) => minuteOf(new Date(iso));

/** Who is signed up: a member, or a named non-member of the event (a guest, signed up by a cadre; 0047). */
export type Registrant = { member: repo.MemberRow } | { guest: repo.GuestRow };

/** The registrant as a holder of a registration: key, region, and the path that stands for their union. */
function holderOf(who: Registrant) {
  if ('member' in who) {
    const m = who.member;
    return {
      key: { memberId: m.id },
      row: { region_id: m.region_id, org_id: m.org_id, org_path: m.org_path, member_id: m.id, guest_id: null },
    };
  }
  const g = who.guest;
  return {
    key: { guestId: g.id },
    row: { region_id: g.region_id, org_id: g.org_id, org_path: g.org_path, member_id: null, guest_id: g.id },
  };
}

const shown = (s: string): SignUpOutcome['status'] => (s === 'confirmed' || s === 'waitlisted' || s === 'offered' ? s : 'other');

/**
 * Signs one person — a member, or a guest of the event — up for a first-come session inside the caller's
 * transaction: the event open, the member's union in its audience (a guest: named on the session's event), now()
 * inside the session's half-open window [opens_at, closes_at) — all in SQL — then a place taken by the guarded update
 * (confirmed) or, when none is left, a place on the waitlist. Members and guests share the one guard, the quotas (a
 * guest counts for the inviting unit) and the waitlist. One active registration per person and session (the partial
 * unique indexes decide a race: the loser's transaction rolls back with 409). A guest takes first-come places only.
 */
export async function signUpIn(
  tx: Executor,
  who: Registrant,
  sessionId: number,
  key: string,
  signedUpBy: number | null,
): Promise<SignUpOutcome> {
  const holder = holderOf(who);
  const prior = await repo.findRegistrationByKey(tx, holder.row.region_id, holder.key, key);
  if (prior) {
    if (prior.session_id !== sessionId) throw new AppError('EVENT_KEY_REUSED');
    return { registrationId: prior.id, status: shown(prior.status), replay: true };
  }
  const session = await repo.sessionForMember(tx, sessionId, holder.row.org_path);
  if (!session) throw new AppError('NOT_FOUND');
  if ('member' in who) {
    if (!session.in_audience || who.member.status !== 'member') throw new AppError('EVENT_NOT_IN_AUDIENCE');
  } else if (session.event_id !== who.guest.event_id) throw new AppError('NOT_FOUND');
  if (session.status !== 'open') throw new AppError('EVENT_NOT_OPEN');
  if ('guest' in who && session.selection !== 'first_come') throw new AppError('EVENT_GUEST_FIRST_COME_ONLY');
  if (session.selection === 'preferences') throw new AppError('EVENT_SELECTION_UNSUPPORTED');
  if (!session.in_window)
    throw new AppError('EVENT_WINDOW_CLOSED', { opens: beijing(session.opens_at), closes: beijing(session.closes_at) });
  // A lottery or a ranking records an entry; places are given by the draw (events.draw.service.ts).
  if ('member' in who && session.selection !== 'first_come')
    return { registrationId: await enterIn(tx, who.member, session, key, signedUpBy), status: 'other', replay: false };
  if (await repo.hasActiveRegistration(tx, holder.row.region_id, sessionId, holder.key)) throw new AppError('EVENT_ALREADY_REGISTERED');
  // A member of a quota unit takes that unit's place first, else an open one (events.places.repo.ts takePlace).
  const taken = await places.takePlace(tx, sessionId, await places.quotaUnitOf(tx, sessionId, holder.row.org_path));
  const status = taken ? 'confirmed' : 'waitlisted';
  const registrationId = await repo.insertRegistration(tx, {
    holder: holder.row,
    eventId: session.event_id,
    sessionId,
    status,
    key,
    signedUpBy,
    quotaOrgId: taken?.quotaOrgId ?? null,
  });
  if (registrationId === undefined) throw new AppError('EVENT_ALREADY_REGISTERED');
  return { registrationId, status, replay: false };
}

/**
 * Runs a member's own sign-up in its own transaction, with its audit entry (a retry writes none); a concurrent retry
 * with the same key answers the first registration.
 */
export async function signUpOnce(
  db: Kysely<DB>,
  member: repo.MemberRow,
  sessionId: number,
  key: string,
  ip: string | null = null,
): Promise<SignUpOutcome> {
  try {
    return await db.transaction().execute(async (tx) => {
      const done = await signUpIn(tx, { member }, sessionId, key, null);
      if (!done.replay)
        await insertAudit(tx, {
          userId: null,
          username: `member:${member.id}`,
          action: 'event.registration.self',
          targetType: 'event_registration',
          targetId: done.registrationId,
          orgPath: member.org_path,
          result: 'ok',
          ip,
          detail: { sessionId, status: done.status },
        });
      return done;
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'EVENT_ALREADY_REGISTERED') {
      const prior = await repo.findRegistrationByKey(db, member.region_id, { memberId: member.id }, key);
      if (prior && prior.session_id === sessionId) return { registrationId: prior.id, status: shown(prior.status), replay: true };
    }
    throw error;
  }
}

/**
 * Cancels an active registration inside the caller's transaction: a held place (offered, confirmed) is given back
 * and handed to the waitlist by the one promotion function; a waitlist place simply ends. False when the
 * registration was no longer active.
 */
export async function cancelIn(
  tx: Executor,
  reg: { region_id: number; id: number; session_id: number; promotion: 'auto' | 'offer'; offer_hours: number | null },
  reason: 'self' | 'cadre' | 'ineligible',
): Promise<boolean> {
  if (await repo.moveRegistration(tx, reg, ['offered', 'confirmed'], 'cancelled', { cancelReason: reason })) {
    const pool = await places.poolOf(tx, reg);
    await places.releasePlaces(tx, reg.session_id, 1, pool);
    await promoteWaitlist(tx, { sessionId: reg.session_id, promotion: reg.promotion, offerHours: reg.offer_hours }, 1, pool);
    return true;
  }
  // A waitlist place, or an entry of a draw not yet run, simply ends (a drawn winner's place then goes to the waitlist).
  return repo.moveRegistration(tx, reg, ['waitlisted', 'entered'], 'cancelled', { cancelReason: reason });
}
