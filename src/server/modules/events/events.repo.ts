import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import type { CancelReason, RegistrationStatus } from '../../../common/events.js';
import './events.guests.tables.js';
import { holderNameSql, registrationsWithHolder } from './events.holder.repo.js';

/** An event is visible to a scope that reaches its node, one of its audience's nodes or a co-organiser. */
function eventVisible(scope: OrgScope) {
  return sql<boolean>`(${inScope(scope, sql.ref('e.org_path'))}
    OR EXISTS (SELECT 1 FROM event_audience a WHERE a.event_id = e.id AND ${inScope(scope, sql.ref('a.org_path'))})
    OR EXISTS (SELECT 1 FROM event_co_organiser c WHERE c.event_id = e.id AND ${inScope(scope, sql.ref('c.org_path'))}))`;
}

/**
 * True when the scope reaches the event's node or one of its co-organisers: the caller organises (part of) the event.
 * What part is theirs follows from the scope itself — the members they reach.
 */
export async function organisesInScope(db: Executor, scope: OrgScope, event: InScope<{ id: number; org_path: string }>): Promise<boolean> {
  const row = await db
    .selectNoFrom(
      sql<boolean>`(${inScope(scope, sql`${event.org_path}::ltree`)}
        OR EXISTS (SELECT 1 FROM event_co_organiser c WHERE c.event_id = ${event.id} AND ${inScope(scope, sql.ref('c.org_path'))}))`.as(
        'ok',
      ),
    )
    .executeTakeFirstOrThrow();
  return row.ok;
}

function selectEvents(db: Executor) {
  return db
    .selectFrom('event as e')
    .innerJoin('org_unit as o', 'o.id', 'e.org_id')
    .select([
      'e.id',
      'e.org_id',
      'e.org_path',
      'e.region_id',
      'o.name as org_name',
      'e.kind',
      'e.title',
      'e.description',
      'e.selection',
      'e.promotion',
      'e.offer_hours',
      'e.status',
      'e.created_at',
    ]);
}
export type EventRow = Awaited<ReturnType<ReturnType<typeof selectEvents>['executeTakeFirstOrThrow']>>;

export async function findEventInScope(db: Executor, scope: OrgScope, id: number): Promise<InScope<EventRow> | undefined> {
  const row = await selectEvents(db).where('e.id', '=', id).where(eventVisible(scope)).executeTakeFirst();
  return row && provenInScope(row);
}

/** Events visible to the scope whose node lies under `underPath`, newest first (the filtered query, for its total). */
export function eventsQuery(db: Executor, scope: OrgScope, underPath: string) {
  return selectEvents(db)
    .where(eventVisible(scope))
    .where(sql<boolean>`e.org_path <@ ${underPath}::ltree`);
}

/**
 * The events list's page query: `eventsQuery` with each event's sessions counted in the same statement (one
 * aggregate per event through a lateral join, never a query per event): how many, their places and confirmed.
 */
export function eventListQuery(db: Executor, scope: OrgScope, underPath: string) {
  return eventsQuery(db, scope, underPath)
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('event_session as s')
          .whereRef('s.event_id', '=', 'e.id')
          .select([
            sql<number>`count(*)::int`.as('session_count'),
            sql<number>`coalesce(sum(s.capacity), 0)::int`.as('capacity'),
            sql<number>`coalesce(sum(s.confirmed), 0)::int`.as('confirmed'),
          ])
          .as('f'),
      (join) => join.onTrue(),
    )
    .select(['f.session_count', 'f.capacity', 'f.confirmed']);
}

export async function insertEvent(tx: Executor, e: Omit<EventRow, 'id' | 'org_name' | 'created_at' | 'status'>): Promise<number> {
  const row = await tx.insertInto('event').values(e).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Adds nodes to the event's audience or to its co-organisers (both lists of nodes, kept alike). */
export async function insertNodes(
  tx: Executor,
  table: 'event_audience' | 'event_co_organiser',
  eventId: number,
  nodes: readonly { id: number; path: string }[],
) {
  if (nodes.length === 0) return;
  await tx
    .insertInto(table)
    .values(nodes.map((n) => ({ event_id: eventId, org_id: n.id, org_path: n.path })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertSessions(
  tx: Executor,
  eventId: number,
  sessions: readonly { startsAt: string; endsAt: string; place: string; capacity: number; opensAt: string; closesAt: string }[],
): Promise<number[]> {
  const rows = await tx
    .insertInto('event_session')
    .values(
      sessions.map((s) => ({
        event_id: eventId,
        starts_at: s.startsAt,
        ends_at: s.endsAt,
        place: s.place,
        capacity: s.capacity,
        opens_at: s.opensAt,
        closes_at: s.closesAt,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The nodes of the event's audience or its co-organisers, with their names. */
export async function nodesOf(db: Executor, table: 'event_audience' | 'event_co_organiser', event: InScope<{ id: number }>) {
  return db
    .selectFrom(`${table} as a`)
    .innerJoin('org_unit as o', 'o.id', 'a.org_id')
    .select(['a.org_id', 'o.name'])
    .where('a.event_id', '=', event.id)
    .orderBy('a.org_id')
    .execute();
}

function selectSessions(db: Executor) {
  return db
    .selectFrom('event_session as s')
    .select([
      's.id',
      's.event_id',
      's.starts_at',
      's.ends_at',
      's.place',
      's.capacity',
      's.confirmed',
      's.opens_at',
      's.closes_at',
      sql<boolean>`(now() >= s.opens_at AND now() < s.closes_at)`.as('is_open_now'),
      sql<number>`(SELECT count(*) FROM event_registration r WHERE r.session_id = s.id AND r.status = 'waitlisted')::int`.as('waitlisted'),
    ]);
}
export type SessionRow = Awaited<ReturnType<ReturnType<typeof selectSessions>['executeTakeFirstOrThrow']>>;

export async function sessionsOf(db: Executor, eventIds: readonly number[]): Promise<SessionRow[]> {
  if (eventIds.length === 0) return [];
  return selectSessions(db)
    .where('s.event_id', 'in', [...eventIds])
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute();
}

/** The session of the event, its row locked when `forUpdate` (a capacity change). */
export async function findSessionOf(tx: Executor, event: InScope<{ id: number }>, sessionId: number, forUpdate = false) {
  let q = tx
    .selectFrom('event_session')
    .select(['id', 'event_id', 'capacity', 'confirmed', 'quota_places'])
    .where('id', '=', sessionId)
    .where('event_id', '=', event.id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function setCapacity(tx: Executor, sessionId: number, capacity: number): Promise<boolean> {
  const r = await tx
    .updateTable('event_session')
    .set({ capacity })
    .where('id', '=', sessionId)
    .where('confirmed', '<=', capacity)
    .where('quota_places', '<=', capacity)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The member behind a member session: their union and whether they are still a member. */
export async function memberOf(db: Executor, member: { regionId: number; memberId: number }) {
  return db
    .selectFrom('member')
    .select(['id', 'region_id', 'org_id', 'org_path', 'status', 'name'])
    .where('region_id', '=', member.regionId)
    .where('id', '=', member.memberId)
    .executeTakeFirst();
}
export type MemberRow = NonNullable<Awaited<ReturnType<typeof memberOf>>>;

/** A named non-member of an event (0047) as the sign-up path needs them: their event and inviting unit. */
export type GuestRow = { id: number; region_id: number; event_id: number; org_id: number; org_path: string };

/** Who holds a registration: a member, or a named guest of the event — exactly one (0047's CHECK). */
export type HolderId = { memberId: number } | { guestId: number };

/** The holder's column test on `event_registration` (aliased `prefix`). */
function holderIs(who: HolderId, prefix = '') {
  return 'memberId' in who
    ? sql<boolean>`${sql.ref(`${prefix}member_id`)} = ${who.memberId}`
    : sql<boolean>`${sql.ref(`${prefix}guest_id`)} = ${who.guestId}`;
}

/** Members among `ids` whose union lies in the scope (a cadre's bulk sign-up). */
export async function membersInScope(db: Executor, scope: OrgScope, ids: readonly number[]): Promise<MemberRow[]> {
  return db
    .selectFrom('member')
    .select(['id', 'region_id', 'org_id', 'org_path', 'status', 'name'])
    .where('id', 'in', [...ids])
    .where(inScope(scope, sql.ref('org_path'), sql.ref('region_id')))
    .execute();
}

/**
 * The session as a member may sign up for it: its event open and the member's union inside the event's audience.
 * `in_window` tells whether now() lies in [opens_at, closes_at). The event row is held FOR SHARE until the caller's
 * transaction ends: a cancel (which updates that row first, then locks the sessions) waits for sign-ups in flight and
 * then cancels them too, and a sign-up arriving during a cancel reads the event as cancelled — never a registration
 * left in a cancelled event. Lock order: event, then session.
 */
export async function sessionForMember(db: Executor, sessionId: number, memberPath: string) {
  return db
    .selectFrom('event_session as s')
    .innerJoin('event as e', 'e.id', 's.event_id')
    .select([
      's.id',
      's.event_id',
      's.opens_at',
      's.closes_at',
      'e.status',
      'e.selection',
      'e.title',
      'e.org_path',
      sql<boolean>`(now() >= s.opens_at AND now() < s.closes_at)`.as('in_window'),
      sql<boolean>`EXISTS (SELECT 1 FROM event_audience a WHERE a.event_id = e.id AND ${memberPath}::ltree <@ a.org_path)`.as(
        'in_audience',
      ),
    ])
    .where('s.id', '=', sessionId)
    .forShare('e')
    .executeTakeFirst();
}

export async function findRegistrationByKey(db: Executor, regionId: number, who: HolderId, key: string) {
  return db
    .selectFrom('event_registration')
    .select(['id', 'region_id', 'session_id', 'status'])
    .where('region_id', '=', regionId)
    .where(holderIs(who))
    .where('request_key', '=', key)
    .executeTakeFirst();
}

export async function hasActiveRegistration(db: Executor, regionId: number, sessionId: number, who: HolderId): Promise<boolean> {
  const row = await db
    .selectFrom('event_registration')
    .select('id')
    .where('region_id', '=', regionId)
    .where('session_id', '=', sessionId)
    .where(holderIs(who))
    .where('status', 'in', ['waitlisted', 'offered', 'confirmed'])
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRegistration(
  tx: Executor,
  r: {
    /** The member, or the guest (their inviting unit stands for the member's union). */
    holder: { region_id: number; org_id: number; org_path: string; member_id: number | null; guest_id: number | null };
    eventId: number;
    sessionId: number;
    status: 'confirmed' | 'waitlisted';
    key: string;
    signedUpBy: number | null;
    quotaOrgId?: number | null;
  },
): Promise<number | undefined> {
  const row = await tx
    .insertInto('event_registration')
    .values({
      region_id: r.holder.region_id,
      event_id: r.eventId,
      session_id: r.sessionId,
      member_id: r.holder.member_id,
      guest_id: r.holder.guest_id,
      org_id: r.holder.org_id,
      org_path: r.holder.org_path,
      status: r.status,
      waitlist_seq: r.status === 'waitlisted' ? sql<number>`nextval('event_waitlist_seq')` : null,
      request_key: r.key,
      signed_up_by: r.signedUpBy,
      quota_org_id: r.quotaOrgId ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Moves a registration from one status to another; false when it was not in `from` (someone moved it first). */
export async function moveRegistration(
  tx: Executor,
  reg: { region_id: number; id: number },
  from: readonly RegistrationStatus[],
  to: RegistrationStatus,
  extra: { cancelReason?: CancelReason; offerHours?: number; quotaOrgId?: number | null } = {},
): Promise<boolean> {
  const r = await tx
    .updateTable('event_registration')
    .set({
      status: to,
      updated_at: sql`now()`,
      ...(extra.cancelReason ? { cancel_reason: extra.cancelReason } : {}),
      ...(extra.quotaOrgId !== undefined ? { quota_org_id: extra.quotaOrgId } : {}),
      offer_expires_at: to === 'offered' ? sql`now() + make_interval(hours => ${extra.offerHours ?? 24})` : null,
    })
    .where('region_id', '=', reg.region_id)
    .where('id', '=', reg.id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

function selectRegistrations(db: Executor) {
  return registrationsWithHolder(db)
    .innerJoin('org_unit as o', 'o.id', 'r.org_id')
    .innerJoin('event_session as s', 's.id', 'r.session_id')
    .innerJoin('event as e', 'e.id', 'r.event_id')
    .select([
      'r.id',
      'r.region_id',
      'r.event_id',
      'r.session_id',
      'r.member_id',
      'r.guest_id',
      holderNameSql.as('member_name'),
      'r.org_id',
      'r.org_path',
      'o.name as org_name',
      'r.status',
      'r.offer_expires_at',
      'r.cancel_reason',
      'r.created_at',
      'e.title as event_title',
      'e.promotion',
      'e.offer_hours',
      's.starts_at',
      's.place',
      sql<number | null>`CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*) FROM event_registration w
        WHERE w.session_id = r.session_id AND w.status = 'waitlisted' AND w.waitlist_seq <= r.waitlist_seq)::int END`.as(
        'waitlist_position',
      ),
    ]);
}
export type RegistrationRow = Awaited<ReturnType<ReturnType<typeof selectRegistrations>['executeTakeFirstOrThrow']>>;

/** Registrations of the event by members of units under `underPath` the scope reaches (the filtered query). */
export function registrationsQuery(
  db: Executor,
  scope: OrgScope,
  event: InScope<{ id: number }>,
  f: { underPath: string; sessionId: number | undefined; status: RegistrationStatus | undefined },
) {
  let q = selectRegistrations(db)
    .where('r.event_id', '=', event.id)
    .where(sql<boolean>`r.org_path <@ ${f.underPath}::ltree`)
    .where(inScope(scope, sql.ref('r.org_path'), sql.ref('r.region_id')));
  if (f.sessionId !== undefined) q = q.where('r.session_id', '=', f.sessionId);
  if (f.status !== undefined) q = q.where('r.status', '=', f.status);
  return q;
}

/** A registration of the event whose member's union lies in the scope. */
export async function findRegistrationInScope(
  db: Executor,
  scope: OrgScope,
  event: InScope<{ id: number }>,
  id: number,
): Promise<InScope<RegistrationRow> | undefined> {
  const row = await selectRegistrations(db)
    .where('r.event_id', '=', event.id)
    .where('r.id', '=', id)
    .where(inScope(scope, sql.ref('r.org_path'), sql.ref('r.region_id')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

/** The member's own registrations (or one of them), newest first. */
export function registrationsOfMember(db: Executor, member: MemberPrincipal) {
  return selectRegistrations(db)
    .select(
      // The member's group in the session's latest random grouping (0046), if the session was grouped with them in it.
      sql<number | null>`(SELECT gm.group_no FROM event_grouping_member gm
         WHERE gm.region_id = r.region_id AND gm.registration_id = r.id
           AND gm.grouping_id = (SELECT max(g.id) FROM event_grouping g WHERE g.session_id = r.session_id))`.as('group_no'),
    )
    .where('r.region_id', '=', member.regionId)
    .where('r.member_id', '=', member.memberId);
}
export type MyRegistrationRow = Awaited<ReturnType<ReturnType<typeof registrationsOfMember>['executeTakeFirstOrThrow']>>;

/** Events open now whose audience holds the member's union, with a session whose window has not closed. */
export async function eventsOpenTo(db: Executor, memberPath: string) {
  return selectEvents(db)
    .select(sql<boolean>`EXISTS (SELECT 1 FROM event_photo p WHERE p.event_id = e.id AND p.role = 'cover')`.as('has_cover'))
    .where('e.status', '=', 'open')
    .where(sql<boolean>`EXISTS (SELECT 1 FROM event_audience a WHERE a.event_id = e.id AND ${memberPath}::ltree <@ a.org_path)`)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM event_session s WHERE s.event_id = e.id AND s.closes_at > now())`)
    .orderBy('e.id', 'desc')
    .limit(100)
    .execute();
}
