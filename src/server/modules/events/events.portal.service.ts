import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { insertAudit } from '../../audit/audit.store.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.errors.js';
import '../../../common/portal.errors.js';
import type { MemberEventList, MemberRegistration, SignUpBody } from '../../../common/events.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import * as repo from './events.repo.js';
import * as waitlist from './events.waitlist.repo.js';
import { cancelIn, signUpOnce } from './events.signup.js';
import { toSession, toSummary } from './events.service.js';
import { quotasBySession } from './events.quota.js';

/** A registration as its member sees it. */
export function toMine(r: repo.MyRegistrationRow): MemberRegistration {
  return {
    id: r.id,
    eventId: r.event_id,
    sessionId: r.session_id,
    status: r.status,
    waitlistPosition: r.waitlist_position,
    offerExpiresAt: r.offer_expires_at,
    cancelReason: r.cancel_reason,
    createdAt: r.created_at,
    eventTitle: r.event_title,
    startsAt: r.starts_at,
    place: r.place,
    groupNo: r.group_no,
  };
}

/** The audit entry of a member's own write, in its transaction (a member is no cadre: no user id, `member:<id>`). */
async function memberWrote(tx: Executor, member: MemberPrincipal, action: string, reg: repo.RegistrationRow): Promise<void> {
  await insertAudit(tx, {
    userId: null,
    username: `member:${member.memberId}`,
    action,
    targetType: 'event_registration',
    targetId: reg.id,
    orgPath: reg.org_path,
    result: 'ok',
    ip: member.ip,
    detail: { eventId: reg.event_id, sessionId: reg.session_id },
  });
}

async function signedInMember(db: Kysely<DB>, member: MemberPrincipal) {
  const row = await repo.memberOf(db, member);
  if (!row) throw new AppError('MEMBER_UNAUTHENTICATED');
  return row;
}

/** Events whose audience holds the member's union, with a session still taking sign-ups or yet to open; and the server's clock. */
export async function eventsOpenToMe(db: Kysely<DB>, member: MemberPrincipal): Promise<MemberEventList> {
  const me = await signedInMember(db, member);
  const now = new Date().toISOString();
  const events = await repo.eventsOpenTo(db, me.org_path);
  const sessions = await repo.sessionsOf(
    db,
    events.map((e) => e.id),
  );
  const quotas = await quotasBySession(
    db,
    sessions.map((s) => s.id),
  );
  return {
    items: events.map((e) => {
      const { orgId: _orgId, ...summary } = toSummary(e);
      return {
        ...summary,
        hasCover: e.has_cover,
        sessions: sessions.filter((s) => s.event_id === e.id).map((s) => toSession(s, quotas.get(s.id) ?? [])),
      };
    }),
    now,
  };
}

async function mine(db: Kysely<DB>, member: MemberPrincipal, id: number): Promise<MemberRegistration> {
  const row = await repo.registrationsOfMember(db, member).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return toMine(row);
}

/** The member signs up for a first-come session (confirmed, or on the waitlist when it is full). */
export async function signUp(db: Kysely<DB>, member: MemberPrincipal, body: SignUpBody): Promise<MemberRegistration> {
  const me = await signedInMember(db, member);
  const done = await signUpOnce(db, me, body.sessionId, body.key, member.ip);
  return mine(db, member, done.registrationId);
}

/** The member's registrations, newest first, with their place on the waitlist. */
export async function myRegistrations(db: Kysely<DB>, member: MemberPrincipal): Promise<{ items: MemberRegistration[] }> {
  const rows = await repo.registrationsOfMember(db, member).orderBy('r.id', 'desc').limit(200).execute();
  return { items: rows.map(toMine) };
}

/** The member cancels; a place they held goes to the next on the waitlist. */
export async function cancelMine(db: Kysely<DB>, member: MemberPrincipal, id: number): Promise<MemberRegistration> {
  await db.transaction().execute(async (tx) => {
    const reg = await repo.registrationsOfMember(tx, member).where('r.id', '=', id).executeTakeFirst();
    if (!reg) throw new AppError('NOT_FOUND');
    if (!(await cancelIn(tx, reg, 'self'))) throw new AppError('EVENT_REGISTRATION_FINAL');
    await memberWrote(tx, member, 'event.registration.self_cancel', reg);
  });
  return mine(db, member, id);
}

/** The member accepts a place offered from the waitlist before the offer expires. */
export async function acceptOffer(db: Kysely<DB>, member: MemberPrincipal, id: number): Promise<MemberRegistration> {
  await db.transaction().execute(async (tx) => {
    const reg = await repo.registrationsOfMember(tx, member).where('r.id', '=', id).executeTakeFirst();
    if (!reg) throw new AppError('NOT_FOUND');
    if (!(await waitlist.acceptOffer(tx, reg))) throw new AppError('EVENT_NO_OFFER');
    await memberWrote(tx, member, 'event.registration.accept', reg);
  });
  return mine(db, member, id);
}
