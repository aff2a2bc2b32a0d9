import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { InScope } from '../../auth/scope.js';
import type { DrawMode } from '../../../common/events.draw.js';
import type { MemberRow } from './events.repo.js';
import './events.draw.tables.js';

/**
 * SQL of the draws (events.draw.service.ts). The event row every console read starts from is found in the caller's
 * scope by events.repo.findEventInScope; these take that proof (`InScope`) or the id of a row it led to.
 */

/** Locks the session against a freeze while an entry is written (a freeze locks it FOR UPDATE). */
export async function lockSessionShared(tx: Executor, sessionId: number): Promise<void> {
  await sql`SELECT id FROM event_session WHERE id = ${sessionId} FOR SHARE`.execute(tx);
}

/** Whether the session's entries (or its event's, for preferences) are frozen. */
export async function isFrozen(db: Executor, eventId: number, sessionId: number): Promise<boolean> {
  const row = await db
    .selectFrom('event_draw')
    .select('id')
    .where('event_id', '=', eventId)
    .where((eb) => eb.or([eb('session_id', '=', sessionId), eb('session_id', 'is', null)]))
    .executeTakeFirst();
  return row !== undefined;
}

export async function hasEntryOrActive(db: Executor, regionId: number, sessionIds: readonly number[], memberId: number): Promise<boolean> {
  const row = await db
    .selectFrom('event_registration')
    .select('id')
    .where('region_id', '=', regionId)
    .where('session_id', 'in', [...sessionIds])
    .where('member_id', '=', memberId)
    .where('status', 'in', ['entered', 'waitlisted', 'offered', 'confirmed'])
    .executeTakeFirst();
  return row !== undefined;
}

/** Writes an entry (status 'entered'); undefined when the person already holds one (the partial unique index). */
export async function insertEntry(
  tx: Executor,
  e: { member: MemberRow; eventId: number; sessionId: number; key: string; signedUpBy: number | null; choices: readonly number[] | null },
): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO event_registration (region_id, event_id, session_id, member_id, org_id, org_path, status, request_key, signed_up_by, choices)
    VALUES (${e.member.region_id}, ${e.eventId}, ${e.sessionId}, ${e.member.id}, ${e.member.org_id}, ${e.member.org_path}::ltree,
            'entered', ${e.key}, ${e.signedUpBy}, ${e.choices === null ? null : `{${e.choices.join(',')}}`}::bigint[])
    ON CONFLICT DO NOTHING
    RETURNING id`.execute(tx);
  return rows[0]?.id;
}

/** The sessions of the event, locked, with whether their window has closed and whether they are drawn already. */
export async function sessionsForFreeze(tx: Executor, event: InScope<{ id: number }> | { id: number }) {
  const { rows } = await sql<{ id: number; capacity: number; confirmed: number; closed: boolean; frozen: boolean }>`
    SELECT s.id, s.capacity, s.confirmed, (now() >= s.closes_at) AS closed,
           EXISTS (SELECT 1 FROM event_draw d WHERE d.event_id = s.event_id AND (d.session_id = s.id OR d.session_id IS NULL)) AS frozen
      FROM event_session s
     WHERE s.event_id = ${event.id}
     ORDER BY s.id
       FOR UPDATE OF s`.execute(tx);
  return rows;
}

export type EntryRow = {
  region_id: number;
  id: number;
  session_id: number;
  member_id: number;
  member_name: string;
  org_id: number;
  org_name: string;
  created_at: string;
  choices: string[] | null;
};

/** The entries of a session (or of every session of the event), oldest first. */
export async function entriesOf(tx: Executor, eventId: number, sessionId: number | null): Promise<EntryRow[]> {
  const { rows } = await sql<EntryRow>`
    SELECT r.region_id, r.id, r.session_id, r.member_id, m.name AS member_name, r.org_id, o.name AS org_name,
           to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
           r.choices::text[] AS choices
      FROM event_registration r
      JOIN member m ON m.region_id = r.region_id AND m.id = r.member_id
      JOIN org_unit o ON o.id = r.org_id
     WHERE r.event_id = ${eventId} AND r.status = 'entered'
       AND (${sessionId}::bigint IS NULL OR r.session_id = ${sessionId}::bigint)
     ORDER BY r.created_at, r.id`.execute(tx);
  return rows;
}

export async function nowIso(db: Executor): Promise<string> {
  const { rows } = await sql<{ now: string }>`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now`.execute(db);
  return rows[0]!.now;
}

export async function insertDraw(
  tx: Executor,
  d: { eventId: number; sessionId: number | null; mode: DrawMode; frozen: unknown; frozenHash: string; frozenAt: string },
): Promise<number> {
  const row = await tx
    .insertInto('event_draw')
    .values({
      event_id: d.eventId,
      session_id: d.sessionId,
      mode: d.mode,
      frozen: JSON.stringify(d.frozen),
      frozen_hash: d.frozenHash,
      frozen_at: d.frozenAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function selectDraws(db: Executor) {
  return db
    .selectFrom('event_draw as d')
    .select([
      'd.id',
      'd.event_id',
      'd.session_id',
      'd.mode',
      'd.frozen',
      'd.frozen_hash',
      'd.seed',
      'd.result',
      'd.result_hash',
      sql<string>`to_char(d.frozen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('frozen_at'),
      sql<string | null>`to_char(d.drawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('drawn_at'),
    ]);
}
export type DrawRow = Awaited<ReturnType<ReturnType<typeof selectDraws>['executeTakeFirstOrThrow']>>;

/** The draws of an event (the event found in the caller's scope, or published: public page). */
export async function drawsOf(db: Executor, eventId: number, forUpdate = false): Promise<DrawRow[]> {
  let q = selectDraws(db).where('d.event_id', '=', eventId).orderBy('d.id');
  if (forUpdate) q = q.forUpdate();
  return q.execute();
}

export async function findDraw(db: Executor, drawId: number): Promise<DrawRow | undefined> {
  return selectDraws(db).where('d.id', '=', drawId).executeTakeFirst();
}

/** Stores a draw's result once: false when a seed was entered already. */
export async function saveResult(tx: Executor, drawId: number, seed: string, result: unknown, resultHash: string): Promise<boolean> {
  const r = await tx
    .updateTable('event_draw')
    .set({ seed, result: JSON.stringify(result), result_hash: resultHash, drawn_at: sql`now()` })
    .where('id', '=', drawId)
    .where('seed', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An entry given its place (the place already taken by the guarded update); for preferences, on the session given. */
export async function confirmEntry(tx: Executor, e: { region_id: number; id: number }, sessionId: number): Promise<boolean> {
  const r = await tx
    .updateTable('event_registration')
    .set({ status: 'confirmed', session_id: sessionId, updated_at: sql`now()` })
    .where('region_id', '=', e.region_id)
    .where('id', '=', e.id)
    .where('status', '=', 'entered')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An entry to the session's waitlist; called in key (or rank) order, so the waitlist number keeps that order. */
export async function waitlistEntry(tx: Executor, e: { region_id: number; id: number }, sessionId: number): Promise<boolean> {
  const r = await tx
    .updateTable('event_registration')
    .set({ status: 'waitlisted', session_id: sessionId, waitlist_seq: sql<number>`nextval('event_waitlist_seq')`, updated_at: sql`now()` })
    .where('region_id', '=', e.region_id)
    .where('id', '=', e.id)
    .where('status', '=', 'entered')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findPlan(db: Executor, eventId: number) {
  return db
    .selectFrom('event_draw_plan')
    .select([
      'event_id',
      'seed_source',
      'quotas',
      'programme_id',
      sql<string | null>`to_char(earned_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('earned_from'),
      sql<string | null>`to_char(earned_to AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('earned_to'),
      sql<string>`to_char(declared_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('declared_at'),
    ])
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function upsertPlan(
  tx: Executor,
  p: {
    eventId: number;
    seedSource: string;
    quotas: unknown;
    programmeId: number | null;
    earnedFrom: string | null;
    earnedTo: string | null;
  },
): Promise<void> {
  const values = {
    seed_source: p.seedSource,
    quotas: JSON.stringify(p.quotas),
    programme_id: p.programmeId,
    earned_from: p.earnedFrom,
    earned_to: p.earnedTo,
  };
  await tx
    .insertInto('event_draw_plan')
    .values({ event_id: p.eventId, ...values })
    .onConflict((oc) => oc.column('event_id').doUpdateSet({ ...values, declared_at: sql`now()` }))
    .execute();
}

/** Events of a draw mode, open, with a declared plan and a closed session not yet frozen (the freeze job). */
export async function eventsDueForFreeze(db: Executor, limit: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT e.id FROM event e
     WHERE e.selection IN ('lottery', 'points_ranking', 'preferences') AND e.status = 'open'
       AND EXISTS (SELECT 1 FROM event_draw_plan p WHERE p.event_id = e.id)
       AND NOT EXISTS (SELECT 1 FROM event_draw d WHERE d.event_id = e.id AND d.session_id IS NULL)
       AND EXISTS (SELECT 1 FROM event_session s WHERE s.event_id = e.id AND s.closes_at <= now()
                     AND NOT EXISTS (SELECT 1 FROM event_draw d WHERE d.event_id = e.id AND d.session_id = s.id))
     ORDER BY e.id
     LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/** The event row for the job and the public page (no caller scope: the public page shows masked data only). */
export async function eventForDraw(db: Executor, eventId: number) {
  return db
    .selectFrom('event')
    .select(['id', 'title', 'selection', 'status', 'org_path', 'promotion', 'offer_hours'])
    .where('id', '=', eventId)
    .executeTakeFirst();
}

/** How many registrations of the drawn entries hold a place and how many wait (the console's counts). */
export async function outcomeCounts(db: Executor, eventId: number, sessionId: number | null) {
  const { rows } = await sql<{ confirmed: number; waitlisted: number }>`
    SELECT count(*) FILTER (WHERE status IN ('confirmed', 'offered', 'attended', 'no_show'))::int AS confirmed,
           count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
      FROM event_registration
     WHERE event_id = ${eventId} AND (${sessionId}::bigint IS NULL OR session_id = ${sessionId}::bigint)`.execute(db);
  return rows[0] ?? { confirmed: 0, waitlisted: 0 };
}

/** Whether the member holds an entry or a registration of any session of the event (one ranking per person). */
export async function hasEntryInEvent(db: Executor, regionId: number, eventId: number, memberId: number): Promise<boolean> {
  const row = await db
    .selectFrom('event_registration')
    .select('id')
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .where('member_id', '=', memberId)
    .where('status', 'in', ['entered', 'waitlisted', 'offered', 'confirmed'])
    .executeTakeFirst();
  return row !== undefined;
}
