import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.errors.js';
import '../../../common/events.quota.errors.js';
import type { Page } from '../../../common/paging.js';
import type {
  BulkSignUpBody,
  BulkSignUpResult,
  CapacityBody,
  CreateEventBody,
  EventDetail,
  EventListItem,
  EventListQuery,
  EventSession,
  EventSummary,
  Registration,
  RegistrationListQuery,
} from '../../../common/events.js';
import { scopeCovers, scopeFor, type Actor, type InScope } from '../../auth/scope.js';
import { regionOfPath } from '../../auth/tree.js';
import { listPage } from '../../http/list-page.js';
import { boundedTotal } from '../../http/list-total.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import * as repo from './events.repo.js';
import * as places from './events.places.repo.js';
import { promoteWaitlist } from './events.promotion.js';
import { cancelIn, signUpIn } from './events.signup.js';
import { attachPointsProgramme } from './events.points.js';
import { quotasBySession, setQuotasIn } from './events.quota.js';
import type { SessionQuota } from '../../../common/events.quota.js';

export function toSummary(row: repo.EventRow): EventSummary {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    kind: row.kind,
    title: row.title,
    description: row.description,
    selection: row.selection,
    promotion: row.promotion,
    offerHours: row.offer_hours,
    status: row.status,
    createdAt: row.created_at,
  };
}

export function toSession(s: repo.SessionRow, quotas: SessionQuota[]): EventSession {
  return {
    id: s.id,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    place: s.place,
    capacity: s.capacity,
    confirmed: s.confirmed,
    waitlisted: s.waitlisted,
    opensAt: s.opens_at,
    closesAt: s.closes_at,
    isOpenNow: s.is_open_now,
    quotas,
  };
}

export function toRegistration(r: repo.RegistrationRow): Registration {
  return {
    id: r.id,
    eventId: r.event_id,
    sessionId: r.session_id,
    kind: r.guest_id === null ? 'member' : 'guest',
    memberId: r.member_id,
    guestId: r.guest_id,
    memberName: r.member_name,
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    waitlistPosition: r.waitlist_position,
    offerExpiresAt: r.offer_expires_at,
    cancelReason: r.cancel_reason,
    createdAt: r.created_at,
  };
}

/** The event where the caller may see it (404 otherwise); writes then check the owner node with event.write (403). */
export async function findEventFor(db: Executor, actor: Actor, id: number): Promise<InScope<repo.EventRow>> {
  const row = await repo.findEventInScope(db, scopeFor(actor, 'event.read'), id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Refuses (403) a caller who sees the event (audience, co-organiser) but may not write at its owner node: the check
 * before changing the event itself (sessions, capacity, draw, publish, close, cancel, copy).
 */
export function assertOwner(actor: Actor, event: InScope<repo.EventRow>): void {
  if (!scopeCovers(scopeFor(actor, 'event.write'), event.org_path)) throw new AppError('FORBIDDEN');
}

/**
 * Refuses (403) a caller who neither owns the event's node nor co-organises it with event.write: the check before a
 * cadre works on their own part of an event (bulk sign-up, the scanner's pack, a manual check-in).
 */
export async function assertOrganiser(db: Executor, actor: Actor, event: InScope<repo.EventRow>): Promise<void> {
  if (!(await repo.organisesInScope(db, scopeFor(actor, 'event.write'), event))) throw new AppError('FORBIDDEN');
}

/** Creates an event of a node with its sessions and audience (default: the node's own subtree). */
export async function createEvent(db: Kysely<DB>, actor: Actor, body: CreateEventBody): Promise<EventDetail> {
  const id = await db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'event.write', body.orgId);
    const audience = [];
    for (const orgId of new Set(body.audienceOrgIds.length > 0 ? body.audienceOrgIds : [org.id]))
      audience.push(await findOrgFor(tx, actor, 'event.write', orgId));
    // A co-organiser may lie outside the owner's subtree (two districts running a line together): one the caller sees.
    const coOrganisers = [];
    for (const orgId of new Set(body.coOrganiserIds))
      if (orgId !== org.id) coOrganisers.push(await findOrgFor(tx, actor, 'org.read', orgId));
    const eventId = await repo.insertEvent(tx, {
      org_id: org.id,
      org_path: org.path,
      region_id: regionOfPath(org.path),
      kind: body.kind,
      title: body.title,
      description: body.description,
      selection: body.selection,
      promotion: body.promotion,
      offer_hours: body.offerHours ?? null,
    });
    await repo.insertNodes(tx, 'event_audience', eventId, audience);
    await repo.insertNodes(tx, 'event_co_organiser', eventId, coOrganisers);
    const sessionIds = await repo.insertSessions(tx, eventId, body.sessions);
    const quoted = body.sessions.flatMap((s, i) =>
      s.quotas && s.quotas.length > 0 ? [{ sessionId: sessionIds[i]!, quotas: s.quotas }] : [],
    );
    if (quoted.length > 0) {
      const event = await findEventFor(tx, actor, eventId);
      for (const q of quoted) await setQuotasIn(tx, actor, event, q.sessionId, q.quotas);
    }
    if (body.pointsProgrammeId !== undefined) await attachPointsProgramme(tx, actor, eventId, body.pointsProgrammeId);
    await recordWrite(tx, actor, 'event.create', { type: 'event', id: eventId, orgPath: org.path }, { title: body.title });
    return eventId;
  });
  return getEvent(db, actor, id);
}

/** A page of the events in (or open to) an org's subtree, newest first, each with its sessions' figures (one query). */
export async function listEvents(db: Kysely<DB>, actor: Actor, query: EventListQuery): Promise<Page<EventListItem>> {
  const org = await findOrgFor(db, actor, 'event.read', query.orgId);
  const scope = scopeFor(actor, 'event.read');
  const filtered = repo.eventsQuery(db, scope, org.path);
  return listPage(query, {
    cursor: 'number',
    read: (after) => {
      let q = repo
        .eventListQuery(db, scope, org.path)
        .orderBy('e.id', 'desc')
        .limit(query.limit + 1);
      if (after !== undefined) q = q.where('e.id', '<', after);
      return q.execute();
    },
    present: (rows) =>
      rows.map((row) => ({ ...toSummary(row), sessionCount: row.session_count, capacity: row.capacity, confirmed: row.confirmed })),
    sortKey: (last) => last.id,
    total: () => boundedTotal(db, filtered),
  });
}

export async function getEvent(db: Kysely<DB>, actor: Actor, id: number): Promise<EventDetail> {
  const event = await findEventFor(db, actor, id);
  const [audience, coOrganisers, sessions] = await Promise.all([
    repo.nodesOf(db, 'event_audience', event),
    repo.nodesOf(db, 'event_co_organiser', event),
    repo.sessionsOf(db, [event.id]),
  ]);
  const quotas = await quotasBySession(
    db,
    sessions.map((s) => s.id),
  );
  const named = (nodes: typeof audience) => nodes.map((a) => ({ orgId: a.org_id, orgName: a.name }));
  return {
    ...toSummary(event),
    audience: named(audience),
    coOrganisers: named(coOrganisers),
    sessions: sessions.map((s) => toSession(s, quotas.get(s.id) ?? [])),
  };
}

/**
 * Changes a session's capacity: never below the places already held (guarded update, CHECK behind it); a raise
 * hands the new places to the waitlist through the one promotion function, in the same transaction.
 */
export async function changeCapacity(
  db: Kysely<DB>,
  actor: Actor,
  eventId: number,
  sessionId: number,
  body: CapacityBody,
): Promise<EventDetail> {
  await db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    assertOwner(actor, event);
    const session = await repo.findSessionOf(tx, event, sessionId, true);
    if (!session) throw new AppError('NOT_FOUND');
    if (body.capacity < session.quota_places)
      throw new AppError('EVENT_QUOTAS_EXCEED_CAPACITY', { reserved: session.quota_places, capacity: body.capacity });
    if (!(await repo.setCapacity(tx, session.id, body.capacity)))
      throw new AppError('EVENT_CAPACITY_BELOW_CONFIRMED', { confirmed: session.confirmed });
    const freed = body.capacity - session.capacity;
    if (freed > 0) await promoteWaitlist(tx, { sessionId: session.id, promotion: event.promotion, offerHours: event.offer_hours }, freed);
    await recordWrite(
      tx,
      actor,
      'event.capacity',
      { type: 'event', id: event.id, orgPath: event.org_path },
      { sessionId, from: session.capacity, to: body.capacity },
    );
  });
  return getEvent(db, actor, eventId);
}

/** The registration of the event a cadre acts on: 404 where unseen, 403 where only read. */
async function registrationFor(tx: Executor, actor: Actor, event: InScope<repo.EventRow>, id: number) {
  const row = await repo.findRegistrationInScope(tx, scopeFor(actor, 'event.write'), event, id);
  if (row) return row;
  if (await repo.findRegistrationInScope(tx, scopeFor(actor, 'event.read'), event, id)) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/** A cadre cancels a member's registration; a held place goes to the waitlist (the one promotion function). */
export async function cancelRegistration(db: Kysely<DB>, actor: Actor, eventId: number, registrationId: number): Promise<Registration> {
  await db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    const reg = await registrationFor(tx, actor, event, registrationId);
    if (!(await cancelIn(tx, reg, 'cadre'))) throw new AppError('EVENT_REGISTRATION_FINAL');
    await recordWrite(tx, actor, 'event.registration.cancel', { type: 'event', id: event.id, orgPath: reg.org_path }, { registrationId });
  });
  return readRegistration(db, actor, eventId, registrationId);
}

/** A confirmed person who did not come releases their place to the waitlist (the one promotion function). */
export async function releaseNoShow(db: Kysely<DB>, actor: Actor, eventId: number, registrationId: number): Promise<Registration> {
  await db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    const reg = await registrationFor(tx, actor, event, registrationId);
    if (!(await repo.moveRegistration(tx, reg, ['confirmed'], 'no_show'))) throw new AppError('EVENT_REGISTRATION_FINAL');
    const pool = await places.poolOf(tx, reg);
    await places.releasePlaces(tx, reg.session_id, 1, pool);
    await promoteWaitlist(tx, { sessionId: reg.session_id, promotion: event.promotion, offerHours: event.offer_hours }, 1, pool);
    await recordWrite(tx, actor, 'event.registration.no_show', { type: 'event', id: event.id, orgPath: reg.org_path }, { registrationId });
  });
  return readRegistration(db, actor, eventId, registrationId);
}

async function readRegistration(db: Executor, actor: Actor, eventId: number, id: number): Promise<Registration> {
  const event = await findEventFor(db, actor, eventId);
  const row = await repo.findRegistrationInScope(db, scopeFor(actor, 'event.read'), event, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toRegistration(row);
}

/**
 * Signs members of the caller's units up for a session in one transaction; each member's outcome is answered.
 * All-or-nothing for the batch: any error (event not open, window closed, a race on one person) rolls every sign-up
 * back. A refusal that belongs to one person (outside the caller's units, outside the audience, already signed up)
 * is decided before that person's write, listed in the answer, and does not hold up the others — a cadre signing up
 * a unit's list wants the eligible signed up and the exceptions named, not a batch lost to one stale name.
 */
export async function bulkSignUp(db: Kysely<DB>, actor: Actor, eventId: number, body: BulkSignUpBody): Promise<BulkSignUpResult> {
  return db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    await assertOrganiser(tx, actor, event);
    if (!(await repo.findSessionOf(tx, event, body.sessionId))) throw new AppError('NOT_FOUND');
    const ids = [...new Set(body.memberIds)];
    const members = new Map((await repo.membersInScope(tx, scopeFor(actor, 'event.write'), ids)).map((m) => [m.id, m]));
    const items: BulkSignUpResult['items'] = [];
    for (const memberId of ids) {
      const member = members.get(memberId);
      if (!member) {
        items.push({ memberId, outcome: 'not_found', registrationId: null });
        continue;
      }
      const verdict = await repo.sessionForMember(tx, body.sessionId, member.org_path);
      if (!verdict?.in_audience || member.status !== 'member') {
        items.push({ memberId, outcome: 'not_in_audience', registrationId: null });
        continue;
      }
      const key = `bulk:${body.key}`;
      const prior = await repo.findRegistrationByKey(tx, member.region_id, { memberId: member.id }, key);
      if (!prior && (await repo.hasActiveRegistration(tx, member.region_id, body.sessionId, { memberId: member.id }))) {
        items.push({ memberId, outcome: 'already', registrationId: null });
        continue;
      }
      const done = await signUpIn(tx, { member }, body.sessionId, key, actor.userId);
      items.push({ memberId, outcome: done.status === 'confirmed' ? 'confirmed' : 'waitlisted', registrationId: done.registrationId });
    }
    await recordWrite(
      tx,
      actor,
      'event.registration.bulk',
      { type: 'event', id: event.id, orgPath: event.org_path },
      { sessionId: body.sessionId, members: ids.length },
    );
    return { items };
  });
}

/** Registrations of the event by members of a unit's subtree, newest first, with the list's total. */
export async function listRegistrations(
  db: Kysely<DB>,
  actor: Actor,
  eventId: number,
  query: RegistrationListQuery,
): Promise<Page<Registration>> {
  const event = await findEventFor(db, actor, eventId);
  const unit = await findOrgFor(db, actor, 'event.read', query.orgId);
  const filtered = repo.registrationsQuery(db, scopeFor(actor, 'event.read'), event, {
    underPath: unit.path,
    sessionId: query.sessionId,
    status: query.status,
  });
  return listPage(query, {
    cursor: 'number',
    read: (after) => {
      let q = filtered.orderBy('r.id', 'desc').limit(query.limit + 1);
      if (after !== undefined) q = q.where('r.id', '<', after);
      return q.execute();
    },
    present: (rows) => rows.map(toRegistration),
    sortKey: (last) => last.id,
    total: () => boundedTotal(db, filtered),
  });
}
