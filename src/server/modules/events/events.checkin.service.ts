import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.errors.js';
import { maskName } from '../../../common/identity.js';
import type { Registration } from '../../../common/events.js';
import type { CheckinPack, ScanOutcome, ScanResult, SyncBody, SyncResult, Ticket, TicketClaims } from '../../../common/events.checkin.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { awardForActivity } from '../points/awards.service.js';
import * as repo from './events.checkin.repo.js';
import { assertOrganiser, findEventFor, toRegistration } from './events.service.js';
import { findRegistrationInScope } from './events.repo.js';
import type { TicketSigner } from './events.tickets.js';
import type { EventBus } from '../../events.js';

/** A confirmed person was checked in to an event session (ticket scan or by hand): told once, in the check-in's transaction. */
export type EventAttended = { sessionId: number; regionId: number; memberId: number; userId: number | null };
declare module '../../events.js' {
  interface AppEvents {
    'event.attended': EventAttended;
  }
}

/** The member's ticket: only their own registration, only while it is confirmed. */
export async function myTicket(db: Kysely<DB>, signer: TicketSigner, member: MemberPrincipal, id: number): Promise<Ticket> {
  const row = await repo.ticketOfMember(db, member, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'confirmed') throw new AppError('EVENT_TICKET_UNAVAILABLE');
  return {
    registrationId: row.id,
    sessionId: row.session_id,
    token: signer.sign({ r: row.region_id, i: row.id, s: row.session_id, v: row.ticket_version }),
    eventTitle: row.title,
    startsAt: row.starts_at,
    place: row.place,
  };
}

/**
 * The event and session a cadre checks people in at: 404 where unseen, 403 unless the caller organises the event (its
 * owner or a co-organiser — whose pack then holds the tickets of its own members only).
 */
async function checkinSessionFor(db: Executor, actor: Actor, eventId: number, sessionId: number) {
  const event = await findEventFor(db, actor, eventId);
  await assertOrganiser(db, actor, event);
  const session = await repo.sessionOfEvent(db, event, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  return { event, session };
}

/** What a scanner takes offline: the public key, the valid tickets with masked names, and the cancelled ones. */
export async function checkinPack(
  db: Kysely<DB>,
  signer: TicketSigner,
  actor: Actor,
  eventId: number,
  sessionId: number,
): Promise<CheckinPack> {
  const { event, session } = await checkinSessionFor(db, actor, eventId, sessionId);
  const rows = await repo.ticketsOfSession(db, scopeFor(actor, 'event.write'), session.id);
  return {
    eventId: event.id,
    sessionId: session.id,
    eventTitle: event.title,
    startsAt: session.starts_at,
    place: session.place,
    key: signer.publicJwk,
    generatedAt: new Date().toISOString(),
    tickets: rows
      .filter((r) => r.status === 'confirmed' || r.status === 'attended')
      .map((r) => ({
        registrationId: r.id,
        version: r.ticket_version,
        maskedName: maskName(r.name),
        isCheckedIn: r.status === 'attended',
      })),
    cancelled: rows
      .filter((r) => r.status === 'cancelled' || r.status === 'no_show')
      .map((r) => ({ registrationId: r.id, version: r.ticket_version })),
  };
}

type CheckIn = { scanId: string; via: 'scan' | 'manual' | 'training'; deviceId: string | null; scannedAt: string };

/**
 * One check-in of a locked registration in the caller's transaction. The scan's ledger row decides a re-sync (same
 * answer); a confirmed registration moves to attended by the guarded update, its row written as accepted (the partial
 * unique index keeps it to one), and the event's programme awards points under the key `event-attendance:<id>`, so
 * a replay awards nothing twice. A programme refusing (rule off, a cap reached) does not undo the check-in. `actor`
 * null: a member's own check-in with a training room's code (no cadre).
 */
async function checkInLocked(
  tx: Executor,
  bus: EventBus,
  actor: Actor | null,
  event: { id: number; programmeId: number | null },
  reg: repo.LockedRegistration,
  c: CheckIn,
): Promise<ScanOutcome> {
  const prior = await repo.findScan(tx, reg.region_id, c.scanId);
  if (prior) return prior.registration_id === reg.id ? prior.outcome : 'invalid';
  let outcome: Exclude<ScanOutcome, 'invalid'>;
  if (reg.status === 'attended') outcome = 'duplicate';
  else if (reg.status === 'confirmed') outcome = 'accepted';
  else if (reg.status === 'cancelled' || reg.status === 'no_show' || reg.status === 'expired') outcome = 'cancelled_while_offline';
  else return 'invalid';
  if (outcome === 'accepted' && !(await repo.markAttended(tx, reg))) outcome = 'duplicate';
  const row = { reg, scanId: c.scanId, via: c.via, deviceId: c.deviceId, scannedAt: c.scannedAt, userId: actor?.userId ?? null };
  if (!(await repo.insertScan(tx, { ...row, outcome }))) return 'invalid';
  if (outcome === 'accepted')
    await bus.emit(tx, 'event.attended', {
      sessionId: reg.session_id,
      regionId: reg.region_id,
      memberId: reg.member_id,
      userId: actor?.userId ?? null,
    });
  if (outcome === 'accepted' && event.programmeId !== null) {
    try {
      await awardForActivity(tx, {
        programmeId: event.programmeId,
        memberId: reg.member_id,
        source: 'event',
        sourceRef: `event:${event.id}`,
        key: `event-attendance:${reg.id}`,
        units: 1,
        actor: actor ?? undefined,
      });
    } catch (error) {
      // The programme's own rules refused (no SQL failed): the attendance stands, without points.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return outcome;
}

/**
 * Synced scans of one session, each answered: accepted, duplicate (flagged, not counted), cancelled while the scanner
 * was offline (flagged), or invalid (forged, altered, another session's or out of the caller's reach). One
 * transaction, one audit entry with the counts.
 */
export async function syncScans(
  db: Kysely<DB>,
  bus: EventBus,
  signer: TicketSigner,
  actor: Actor,
  eventId: number,
  sessionId: number,
  body: SyncBody,
): Promise<SyncResult> {
  return db.transaction().execute(async (tx) => {
    const { event, session } = await checkinSessionFor(tx, actor, eventId, sessionId);
    const full = { id: event.id, programmeId: await repo.pointsProgrammeOf(tx, event.id) };
    const scope = scopeFor(actor, 'event.write');
    // Every ticket's row locked at once, in (region, id) order; the scans then run in that order too (a ticket's
    // own scans keep their order, so its first scan is the one accepted), and are answered in the order sent.
    const verified = body.scans.map((scan) => ({ scan, claims: signer.verify(scan.token) }));
    const keys = verified.flatMap(({ claims }) => (claims && claims.s === session.id ? [{ regionId: claims.r, id: claims.i }] : []));
    const locked = await repo.lockRegistrations(tx, scope, session.id, keys);
    const rank = new Map(locked.map((reg, i) => [`${reg.region_id}:${reg.id}`, { reg, i }]));
    const found = (claims: TicketClaims | null) => (claims && claims.s === session.id ? rank.get(`${claims.r}:${claims.i}`) : undefined);
    const order = verified.map((v, index) => ({ ...v, index, at: found(v.claims) }));
    order.sort((a, b) => (a.at?.i ?? -1) - (b.at?.i ?? -1) || a.index - b.index);
    const items: ScanResult[] = new Array<ScanResult>(body.scans.length);
    for (const { scan, claims, index, at } of order) {
      const reg = at?.reg;
      if (!claims || !reg || reg.ticket_version !== claims.v) {
        items[index] = { scanId: scan.scanId, outcome: 'invalid', registrationId: null, maskedName: null };
        continue;
      }
      const c = { scanId: scan.scanId, via: 'scan' as const, deviceId: scan.deviceId, scannedAt: scan.scannedAt };
      const outcome = await checkInLocked(tx, bus, actor, full, reg, c);
      // The row read under lock is this scan's; a later scan of the same ticket sees it attended.
      if (outcome === 'accepted') reg.status = 'attended';
      const known = outcome !== 'invalid';
      items[index] = { scanId: scan.scanId, outcome, registrationId: known ? reg.id : null, maskedName: known ? maskName(reg.name) : null };
    }
    const counts = Object.fromEntries(
      ['accepted', 'duplicate', 'cancelled_while_offline', 'invalid'].map((o) => [o, items.filter((i) => i.outcome === o).length]),
    );
    await recordWrite(tx, actor, 'event.checkin.sync', { type: 'event', id: event.id, orgPath: event.org_path }, { sessionId, ...counts });
    return { items };
  });
}

/** A cadre checks a confirmed person in from the list (no ticket), audited; a second check-in is refused. */
export async function checkInByHand(
  db: Kysely<DB>,
  bus: EventBus,
  actor: Actor,
  eventId: number,
  registrationId: number,
): Promise<Registration> {
  await db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    await assertOrganiser(tx, actor, event);
    const seen = await findRegistrationInScope(tx, scopeFor(actor, 'event.write'), event, registrationId);
    if (!seen) {
      if (await findRegistrationInScope(tx, scopeFor(actor, 'event.read'), event, registrationId)) throw new AppError('FORBIDDEN');
      throw new AppError('NOT_FOUND');
    }
    const reg = await repo.lockRegistration(tx, scopeFor(actor, 'event.write'), seen.session_id, seen.region_id, seen.id);
    if (!reg) throw new AppError('NOT_FOUND');
    const full = { id: event.id, programmeId: await repo.pointsProgrammeOf(tx, event.id) };
    const c = { scanId: randomUUID(), via: 'manual' as const, deviceId: null, scannedAt: new Date().toISOString() };
    const outcome = await checkInLocked(tx, bus, actor, full, reg, c);
    if (outcome === 'duplicate') throw new AppError('EVENT_ALREADY_CHECKED_IN');
    if (outcome !== 'accepted') throw new AppError('EVENT_REGISTRATION_FINAL');
    await recordWrite(tx, actor, 'event.checkin.manual', { type: 'event', id: event.id, orgPath: reg.org_path }, { registrationId });
  });
  const event = await findEventFor(db, actor, eventId);
  const row = await findRegistrationInScope(db, scopeFor(actor, 'event.read'), event, registrationId);
  if (!row) throw new AppError('NOT_FOUND');
  return toRegistration(row);
}

/**
 * Training's marks reach the event (issue #13): members marked attended in a training session whose sign-ups run
 * through an event session (a cadre's list, or the room's code: `actor` null) are checked in to that event session
 * too, in the caller's transaction — the same guarded confirmed → attended, ledger row (via 'training') and points
 * key as a scan; the `event.attended` this emits finds the training mark already there. Members without a confirmed
 * registration are left alone (a walk-in is a training attendance only). Answers how many were checked in.
 */
export async function attendFromTraining(
  tx: Executor,
  bus: EventBus,
  actor: Actor | null,
  eventSessionId: number,
  members: readonly { region_id: number; id: number }[],
): Promise<number> {
  const regs = await repo.lockConfirmedOfMembers(tx, eventSessionId, members);
  let checkedIn = 0;
  for (const reg of regs) {
    const full = { id: reg.event_id, programmeId: await repo.pointsProgrammeOf(tx, reg.event_id) };
    const c = { scanId: randomUUID(), via: 'training' as const, deviceId: null, scannedAt: new Date().toISOString() };
    if ((await checkInLocked(tx, bus, actor, full, reg, c)) === 'accepted') checkedIn++;
  }
  return checkedIn;
}
