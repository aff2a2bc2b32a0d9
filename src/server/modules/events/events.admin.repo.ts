import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { EventStatus, RegistrationStatus } from '../../../common/events.js';
import './events.admin.tables.js';
import { holderNameSql, registrationsWithHolder } from './events.holder.repo.js';

/** Moves the event from one of `from` to `to` (a guarded update: the row lock orders closes and cancels). */
export async function moveEvent(
  tx: Executor,
  event: InScope<{ id: number }>,
  from: readonly EventStatus[],
  to: EventStatus,
): Promise<boolean> {
  const r = await tx
    .updateTable('event')
    .set({ status: to })
    .where('id', '=', event.id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertClosing(tx: Executor, event: InScope<{ id: number }>, summary: string, closedBy: number): Promise<void> {
  await tx.insertInto('event_closing').values({ event_id: event.id, summary, closed_by: closedBy }).execute();
}

export async function closingOf(db: Executor, event: InScope<{ id: number }>) {
  return db.selectFrom('event_closing').select(['summary', 'closed_at']).where('event_id', '=', event.id).executeTakeFirst();
}

/** Registrations of the event by status, counted in SQL over the members' unions the scope reaches. */
export async function figuresOf(db: Executor, scope: OrgScope, event: InScope<{ id: number }>) {
  const { rows } = await sql<{
    signed_up: number;
    confirmed: number;
    waitlisted: number;
    attended: number;
    no_show: number;
    cancelled: number;
  }>`
    SELECT count(*)::int AS signed_up,
           count(*) FILTER (WHERE r.status IN ('confirmed', 'offered'))::int AS confirmed,
           count(*) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted,
           count(*) FILTER (WHERE r.status = 'attended')::int AS attended,
           count(*) FILTER (WHERE r.status = 'no_show')::int AS no_show,
           count(*) FILTER (WHERE r.status IN ('cancelled', 'expired'))::int AS cancelled
      FROM event_registration r
     WHERE r.event_id = ${event.id} AND ${inScope(scope, sql.ref('r.org_path'), sql.ref('r.region_id'))}`.execute(db);
  return rows[0]!;
}

/** Locks the event's sessions (in id order) so no promotion or capacity change runs beside a cancellation. */
export async function lockSessions(tx: Executor, event: InScope<{ id: number }>): Promise<void> {
  await tx.selectFrom('event_session').select('id').where('event_id', '=', event.id).orderBy('id').forUpdate().execute();
}

/**
 * Cancels every active registration of the event with reason 'event_cancelled' (each an edge of the transition
 * table) and gives the held places back; nobody is promoted, since the waitlist is cancelled with them. Answers how
 * many registrations were cancelled.
 */
export async function cancelAllRegistrations(tx: Executor, event: InScope<{ id: number }>): Promise<number> {
  const cancel = (from: readonly RegistrationStatus[]) =>
    tx
      .updateTable('event_registration')
      .set({ status: 'cancelled', cancel_reason: 'event_cancelled', offer_expires_at: null, updated_at: sql`now()` })
      .where('event_id', '=', event.id)
      .where('status', 'in', [...from])
      .returning(['session_id', 'quota_org_id'])
      .execute();
  const held = await cancel(['offered', 'confirmed']);
  const waiting = await cancel(['waitlisted']);
  // Each place goes back to its pool: the session's counters, then (lock order) the quota rows it came from.
  const freed = new Map<number, { n: number; quota: Map<number, number> }>();
  for (const r of held) {
    const f = freed.get(r.session_id) ?? { n: 0, quota: new Map<number, number>() };
    f.n++;
    if (r.quota_org_id !== null) f.quota.set(r.quota_org_id, (f.quota.get(r.quota_org_id) ?? 0) + 1);
    freed.set(r.session_id, f);
  }
  for (const [sessionId, { n, quota }] of [...freed].sort((a, b) => a[0] - b[0])) {
    const inQuota = [...quota.values()].reduce((sum, q) => sum + q, 0);
    await sql`UPDATE event_session SET confirmed = confirmed - ${n}, quota_taken = quota_taken - ${inQuota} WHERE id = ${sessionId}`.execute(
      tx,
    );
    for (const [orgId, q] of [...quota].sort((a, b) => a[0] - b[0]))
      await sql`UPDATE event_session_quota SET taken = taken - ${q} WHERE session_id = ${sessionId} AND org_id = ${orgId}`.execute(tx);
  }
  return held.length + waiting.length;
}

/**
 * Copies the event into a new draft of the same node: its audience and co-organisers, and its sessions moved by whole days so that the
 * first one falls on `firstDate` (Beijing); each sign-up window moves with its session. Answers the new event's id.
 */
export async function copyEvent(tx: Executor, event: InScope<{ id: number }>, firstDate: string, title: string): Promise<number> {
  const { rows: shift } = await sql<{ days: number }>`
    SELECT (${firstDate}::date - min((starts_at AT TIME ZONE 'Asia/Shanghai')::date))::int AS days
      FROM event_session WHERE event_id = ${event.id}`.execute(tx);
  const days = shift[0]?.days ?? 0;
  const { rows } = await sql<{ id: number }>`
    INSERT INTO event (org_id, org_path, region_id, kind, title, description, selection, promotion, offer_hours, status)
    SELECT org_id, org_path, region_id, kind, ${title}, description, selection, promotion, offer_hours, 'draft'
      FROM event WHERE id = ${event.id}
    RETURNING id`.execute(tx);
  const id = rows[0]!.id;
  await sql`INSERT INTO event_audience (event_id, org_id, org_path)
    SELECT ${id}, org_id, org_path FROM event_audience WHERE event_id = ${event.id}`.execute(tx);
  await sql`INSERT INTO event_co_organiser (event_id, org_id, org_path)
    SELECT ${id}, org_id, org_path FROM event_co_organiser WHERE event_id = ${event.id}`.execute(tx);
  await sql`INSERT INTO event_session (event_id, starts_at, ends_at, place, capacity, opens_at, closes_at)
    SELECT ${id}, starts_at + make_interval(days => ${days}), ends_at + make_interval(days => ${days}), place, capacity,
           opens_at + make_interval(days => ${days}), closes_at + make_interval(days => ${days})
      FROM event_session WHERE event_id = ${event.id} ORDER BY starts_at, id`.execute(tx);
  // The quotas per unit follow their sessions (matched by order: every session moved by the same days), none taken.
  await sql`INSERT INTO event_session_quota (session_id, org_id, org_path, places)
    SELECT n.id, q.org_id, q.org_path, q.places
      FROM (SELECT id, row_number() OVER (ORDER BY starts_at, id) AS k FROM event_session WHERE event_id = ${event.id}) o
      JOIN (SELECT id, row_number() OVER (ORDER BY starts_at, id) AS k FROM event_session WHERE event_id = ${id}) n ON n.k = o.k
      JOIN event_session_quota q ON q.session_id = o.id`.execute(tx);
  await sql`UPDATE event_session s SET quota_places = coalesce((SELECT sum(q.places) FROM event_session_quota q WHERE q.session_id = s.id), 0)
     WHERE s.event_id = ${id}`.execute(tx);
  return Number(id);
}

/** Sign-ups of the event per member's union (at sign-up), only the unions the scope reaches, under `underPath`. */
export async function signUpsByUnit(db: Executor, scope: OrgScope, event: InScope<{ id: number }>, underPath: string) {
  const { rows } = await sql<{ org_id: number; org_name: string; confirmed: number; waitlisted: number; attended: number }>`
    SELECT r.org_id, o.name AS org_name,
           count(*) FILTER (WHERE r.status IN ('confirmed', 'offered'))::int AS confirmed,
           count(*) FILTER (WHERE r.status = 'waitlisted')::int AS waitlisted,
           count(*) FILTER (WHERE r.status = 'attended')::int AS attended
      FROM event_registration r
      JOIN org_unit o ON o.id = r.org_id
     WHERE r.event_id = ${event.id}
       AND r.org_path <@ ${underPath}::ltree
       AND ${inScope(scope, sql.ref('r.org_path'), sql.ref('r.region_id'))}
     GROUP BY r.org_id, o.name
    HAVING count(*) FILTER (WHERE r.status IN ('confirmed', 'offered', 'waitlisted', 'attended')) > 0
     ORDER BY count(*) FILTER (WHERE r.status IN ('confirmed', 'offered', 'attended')) DESC, r.org_id`.execute(db);
  return rows.map((r) => ({ ...r, org_id: Number(r.org_id) }));
}

/** One page of the export: registrations in the scope under `underPath`, by id, with the member's (or guest's) masked phone. */
export async function exportPage(
  db: Executor,
  scope: OrgScope,
  event: InScope<{ id: number }>,
  f: { underPath: string; sessionId: number | undefined; status: RegistrationStatus | undefined; afterId: number; limit: number },
) {
  let q = registrationsWithHolder(db)
    .innerJoin('org_unit as o', 'o.id', 'r.org_id')
    .innerJoin('event_session as s', 's.id', 'r.session_id')
    .select([
      'r.id',
      holderNameSql.as('name'),
      sql<string | null>`coalesce(m.phone_masked, g.phone_masked)`.as('phone_masked'),
      sql<boolean>`r.guest_id IS NOT NULL`.as('is_guest'),
      'o.name as org_name',
      's.starts_at',
      's.place',
      'r.status',
      'r.created_at',
    ])
    .where('r.event_id', '=', event.id)
    .where(sql<boolean>`r.org_path <@ ${f.underPath}::ltree`)
    .where(inScope(scope, sql.ref('r.org_path'), sql.ref('r.region_id')))
    .where('r.id', '>', f.afterId);
  if (f.sessionId !== undefined) q = q.where('r.session_id', '=', f.sessionId);
  if (f.status !== undefined) q = q.where('r.status', '=', f.status);
  return q.orderBy('r.id').limit(f.limit).execute();
}
