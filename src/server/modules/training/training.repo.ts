import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { ListTotal } from '../../../common/paging.js';
import type { AttendanceWay, SessionStatus, TeacherKind } from '../../../common/training.js';
import { boundedTotal } from '../../http/list-total.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { RegionKey } from '../../db/regions.js';
import './training.tables.js';

/** The first instant of a Beijing day, and of the day after one (periods are Beijing days, inclusive). */
const dayStart = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const dayAfter = (day: string) => sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

type Under = { underPath: string; after: number | undefined; limit: number };

// ---- plans ----

function selectPlans(db: Executor) {
  return db
    .selectFrom('training_plan as p')
    .innerJoin('org_unit as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'o.name as org_name', 'p.org_path', 'p.year', 'p.planned_sessions', 'p.target_people', 'p.topics']);
}
export type PlanRow = Awaited<ReturnType<ReturnType<typeof selectPlans>['executeTakeFirstOrThrow']>>;

export async function insertPlan(
  tx: Executor,
  p: { orgId: number; orgPath: string; year: number; plannedSessions: number; targetPeople: number; topics: string[] },
): Promise<number | undefined> {
  const row = await tx
    .insertInto('training_plan')
    .values({
      org_id: p.orgId,
      org_path: p.orgPath,
      year: p.year,
      planned_sessions: p.plannedSessions,
      target_people: p.targetPeople,
      topics: p.topics,
    })
    .onConflict((oc) => oc.columns(['org_id', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function findPlan(db: Executor, id: number): Promise<PlanRow | undefined> {
  return selectPlans(db).where('p.id', '=', id).executeTakeFirst();
}

function plansUnder(db: Executor, scope: OrgScope, f: { underPath: string; year?: number | undefined }) {
  let q = selectPlans(db)
    .where(inScope(scope, sql.ref('p.org_path')))
    .where(sql<boolean>`p.org_path <@ ${f.underPath}::ltree`);
  if (f.year !== undefined) q = q.where('p.year', '=', f.year);
  return q;
}

export async function listPlans(db: Executor, scope: OrgScope, f: Under & { year?: number | undefined }) {
  let q = plansUnder(db, scope, f)
    .orderBy('p.id', 'desc')
    .limit(f.limit + 1);
  if (f.after !== undefined) q = q.where('p.id', '<', f.after);
  return q.execute();
}

export async function countPlans(db: Executor, scope: OrgScope, f: { underPath: string; year?: number | undefined }): Promise<ListTotal> {
  return boundedTotal(db, plansUnder(db, scope, f));
}

/** The plan, when it is the plan of the node at `orgPath` or of a node above it (a course serves a plan that covers it). */
export async function planCovering(db: Executor, planId: number, org: InScope<{ path: string }>): Promise<number | undefined> {
  const row = await db
    .selectFrom('training_plan')
    .select('id')
    .where('id', '=', planId)
    .where(sql<boolean>`org_path @> ${org.path}::ltree`)
    .executeTakeFirst();
  return row?.id;
}

// ---- courses ----

function selectCourses(db: Executor) {
  return db
    .selectFrom('training_course as c')
    .innerJoin('org_unit as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.org_id', 'o.name as org_name', 'c.org_path', 'c.plan_id', 'c.title', 'c.topic', 'c.audience']);
}
export type CourseRow = Awaited<ReturnType<ReturnType<typeof selectCourses>['executeTakeFirstOrThrow']>>;

export async function insertCourse(
  tx: Executor,
  c: { orgId: number; orgPath: string; planId: number | null; title: string; topic: string; audience: string },
): Promise<number> {
  const row = await tx
    .insertInto('training_course')
    .values({ org_id: c.orgId, org_path: c.orgPath, plan_id: c.planId, title: c.title, topic: c.topic, audience: c.audience })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findCourseInScope(db: Executor, scope: OrgScope, id: number): Promise<InScope<CourseRow> | undefined> {
  const row = await selectCourses(db)
    .where('c.id', '=', id)
    .where(inScope(scope, sql.ref('c.org_path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

export async function findCourse(db: Executor, id: number): Promise<CourseRow | undefined> {
  return selectCourses(db).where('c.id', '=', id).executeTakeFirst();
}

function coursesUnder(db: Executor, scope: OrgScope, underPath: string) {
  return selectCourses(db)
    .where(inScope(scope, sql.ref('c.org_path')))
    .where(sql<boolean>`c.org_path <@ ${underPath}::ltree`);
}

export async function listCourses(db: Executor, scope: OrgScope, f: Under) {
  let q = coursesUnder(db, scope, f.underPath)
    .orderBy('c.id', 'desc')
    .limit(f.limit + 1);
  if (f.after !== undefined) q = q.where('c.id', '<', f.after);
  return q.execute();
}

export async function countCourses(db: Executor, scope: OrgScope, underPath: string): Promise<ListTotal> {
  return boundedTotal(db, coursesUnder(db, scope, underPath));
}

// ---- teachers ----

function selectTeachers(db: Executor) {
  return db
    .selectFrom('teacher as t')
    .innerJoin('org_unit as o', 'o.id', 't.org_id')
    .select(['t.id', 't.org_id', 'o.name as org_name', 't.org_path', 't.name', 't.kind']);
}
export type TeacherRow = Awaited<ReturnType<ReturnType<typeof selectTeachers>['executeTakeFirstOrThrow']>>;

export async function insertTeacher(tx: Executor, t: { orgId: number; orgPath: string; name: string; kind: TeacherKind }): Promise<number> {
  const row = await tx
    .insertInto('teacher')
    .values({ org_id: t.orgId, org_path: t.orgPath, name: t.name, kind: t.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findTeacher(db: Executor, id: number): Promise<TeacherRow | undefined> {
  return selectTeachers(db).where('t.id', '=', id).executeTakeFirst();
}

function teachersUnder(db: Executor, scope: OrgScope, underPath: string) {
  return selectTeachers(db)
    .where(inScope(scope, sql.ref('t.org_path')))
    .where(sql<boolean>`t.org_path <@ ${underPath}::ltree`);
}

export async function listTeachers(db: Executor, scope: OrgScope, f: Under) {
  let q = teachersUnder(db, scope, f.underPath)
    .orderBy('t.id', 'desc')
    .limit(f.limit + 1);
  if (f.after !== undefined) q = q.where('t.id', '<', f.after);
  return q.execute();
}

export async function countTeachers(db: Executor, scope: OrgScope, underPath: string): Promise<ListTotal> {
  return boundedTotal(db, teachersUnder(db, scope, underPath));
}

/**
 * The teachers a session of the node at `orgPath` may book: those the caller manages, and those kept by the node or a
 * node above it (a city's 劳模宣讲团 lecturer teaches in every district).
 */
export async function bookableTeachers(db: Executor, scope: OrgScope, org: InScope<{ path: string }>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return selectTeachers(db)
    .where('t.id', 'in', ids)
    .where(sql<boolean>`(${inScope(scope, sql.ref('t.org_path'))} OR t.org_path @> ${org.path}::ltree)`)
    .execute();
}

// ---- sessions ----

function selectSessions(db: Executor) {
  return db
    .selectFrom('training_session as s')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .innerJoin('org_unit as o', 'o.id', 's.org_id')
    .select([
      's.id',
      's.course_id',
      'c.title as course_title',
      'c.topic',
      's.org_id',
      'o.name as org_name',
      's.org_path',
      's.starts_at',
      's.ends_at',
      's.place',
      's.capacity',
      's.status',
      's.event_session_id',
    ])
    .select(sql<number | null>`(SELECT es.event_id FROM event_session es WHERE es.id = s.event_session_id)`.as('event_id'));
}
export type SessionRow = Awaited<ReturnType<ReturnType<typeof selectSessions>['executeTakeFirstOrThrow']>>;

export async function insertSession(
  tx: Executor,
  s: { courseId: number; orgId: number; orgPath: string; startsAt: string; endsAt: string; place: string; capacity: number },
): Promise<number> {
  const row = await tx
    .insertInto('training_session')
    .values({
      course_id: s.courseId,
      org_id: s.orgId,
      org_path: s.orgPath,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      place: s.place,
      capacity: s.capacity,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findSessionInScope(db: Executor, scope: OrgScope, id: number): Promise<InScope<SessionRow> | undefined> {
  const row = await selectSessions(db)
    .where('s.id', '=', id)
    .where(inScope(scope, sql.ref('s.org_path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

/** A session by id alone: the member pages (a member checks in with the code shown in the room). */
export async function findSession(db: Executor, id: number): Promise<SessionRow | undefined> {
  return selectSessions(db).where('s.id', '=', id).executeTakeFirst();
}

function sessionsUnder(db: Executor, scope: OrgScope, f: { underPath: string; status?: SessionStatus | undefined }) {
  let q = selectSessions(db)
    .where(inScope(scope, sql.ref('s.org_path')))
    .where(sql<boolean>`s.org_path <@ ${f.underPath}::ltree`);
  if (f.status) q = q.where('s.status', '=', f.status);
  return q;
}

export async function listSessions(db: Executor, scope: OrgScope, f: Under & { status?: SessionStatus | undefined }) {
  let q = sessionsUnder(db, scope, f)
    .orderBy('s.id', 'desc')
    .limit(f.limit + 1);
  if (f.after !== undefined) q = q.where('s.id', '<', f.after);
  return q.execute();
}

export async function countSessions(
  db: Executor,
  scope: OrgScope,
  f: { underPath: string; status?: SessionStatus | undefined },
): Promise<ListTotal> {
  return boundedTotal(db, sessionsUnder(db, scope, f));
}

/** The teachers booked for each of these sessions. */
export async function teachersOfSessions(db: Executor, sessionIds: readonly number[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('teacher_booking as b')
    .innerJoin('teacher as t', 't.id', 'b.teacher_id')
    .select(['b.training_session_id', 't.id', 't.name', 't.kind'])
    .where('b.training_session_id', 'in', sessionIds)
    .orderBy('t.id')
    .execute();
}

/** How many attended each of these sessions. */
export async function attendanceCounts(db: Executor, sessionIds: readonly number[]): Promise<Map<number, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('training_attendance')
    .select(['training_session_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('training_session_id', 'in', sessionIds)
    .groupBy('training_session_id')
    .execute();
  return new Map(rows.map((r) => [r.training_session_id, Number(r.n)]));
}

/**
 * Books the teachers for the session's time. The exclusion constraint refuses an overlapping booking of a teacher;
 * ON CONFLICT DO NOTHING (which waits for a concurrent booking to commit or roll back) turns the refusal into a
 * teacher missing from the answer, so the transaction stays usable to name the clash. Returns the booked ids.
 */
export async function bookTeachers(
  tx: Executor,
  session: { id: number; startsAt: string; endsAt: string },
  teacherIds: readonly number[],
): Promise<number[]> {
  if (teacherIds.length === 0) return [];
  const { rows } = await sql<{ teacher_id: number }>`
    INSERT INTO teacher_booking (teacher_id, training_session_id, during)
    SELECT t, ${session.id}::bigint, tstzrange(${session.startsAt}::timestamptz, ${session.endsAt}::timestamptz, '[)')
      FROM unnest(${teacherIds}::bigint[]) AS t
    ON CONFLICT DO NOTHING
    RETURNING teacher_id`.execute(tx);
  return rows.map((r) => Number(r.teacher_id));
}

/** The booking of a teacher that overlaps the time given: the clash to name. */
export async function clashingBooking(db: Executor, teacherId: number, startsAt: string, endsAt: string) {
  return db
    .selectFrom('teacher_booking as b')
    .innerJoin('training_session as s', 's.id', 'b.training_session_id')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .innerJoin('teacher as t', 't.id', 'b.teacher_id')
    .select(['t.name as teacher', 'c.title as course', 's.id as session_id', 's.starts_at', 's.ends_at'])
    .where('b.teacher_id', '=', teacherId)
    .where(sql<boolean>`b.during && tstzrange(${startsAt}::timestamptz, ${endsAt}::timestamptz, '[)')`)
    .executeTakeFirst();
}

/** Moves a planned session to `status`; nothing when it is no longer planned (a concurrent change won). */
export async function setSessionStatus(tx: Executor, session: InScope<{ id: number }>, status: 'held' | 'cancelled'): Promise<boolean> {
  const r = await tx
    .updateTable('training_session')
    .set({ status })
    .where('id', '=', session.id)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A cancelled session frees its teachers. */
export async function releaseBookings(tx: Executor, session: InScope<{ id: number }>): Promise<void> {
  await tx.deleteFrom('teacher_booking').where('training_session_id', '=', session.id).execute();
}

// ---- attendance ----

/** The members among `ids` the scope reaches through their primary union: key and union now. */
export async function membersInScope(db: Executor, scope: OrgScope, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('member as m')
    .select(['m.region_id', 'm.id', 'm.org_id', 'm.org_path'])
    .where('m.id', 'in', ids)
    .where(inScope(scope, sql.ref('m.org_path'), sql.ref('m.region_id')))
    .execute();
  return rows.map((r) => provenInScope(r));
}

/** The signed-in member's own key and union now. */
export async function memberSelf(db: Executor, key: RegionKey) {
  return db
    .selectFrom('member')
    .select(['region_id', 'id', 'org_id', 'org_path', 'status'])
    .where('region_id', '=', key.region_id)
    .where('id', '=', key.id)
    .executeTakeFirst();
}

/** Records attendance once per member and session; answers how many were new. */
export async function insertAttendance(
  tx: Executor,
  sessionId: number,
  rows: readonly { region_id: number; id: number; org_id: number; org_path: string }[],
  how: AttendanceWay,
  markedBy: number | null,
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insertInto('training_attendance')
    .values(
      rows.map((m) => ({
        region_id: m.region_id,
        member_id: m.id,
        training_session_id: sessionId,
        org_id: m.org_id,
        org_path: m.org_path,
        how,
        marked_by: markedBy,
      })),
    )
    .onConflict((oc) => oc.columns(['region_id', 'training_session_id', 'member_id']).doNothing())
    .returning('member_id')
    .execute();
  return inserted.length;
}

/** What one member attended, newest first, with the union they attended for. */
export async function recordOf(db: Executor, member: RegionKey) {
  return db
    .selectFrom('training_attendance as a')
    .innerJoin('training_session as s', 's.id', 'a.training_session_id')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .innerJoin('org_unit as o', 'o.id', 'a.org_id')
    .select(['s.id as session_id', 'c.title', 'c.topic', 's.starts_at', 's.place', 'a.how', 'o.name as org_name'])
    .where('a.region_id', '=', member.region_id)
    .where('a.member_id', '=', member.id)
    .orderBy('s.starts_at', 'desc')
    .limit(1000)
    .execute();
}

// ---- coverage ----

type Period = { underPath: string; from: string; to: string };

/** Distinct workers trained in the period, attributed to the union each attended for; and their attendances. */
export async function trainedPeople(db: Executor, scope: OrgScope, p: Period) {
  const { rows } = await sql<{ people: number | string; attendances: number | string }>`
    SELECT count(DISTINCT a.member_id) AS people, count(*) AS attendances
      FROM training_attendance a
      JOIN training_session s ON s.id = a.training_session_id
     WHERE a.org_path <@ ${p.underPath}::ltree AND ${inScope(scope, sql.ref('a.org_path'))}
       AND s.status <> 'cancelled' AND s.starts_at >= ${dayStart(p.from)} AND s.starts_at < ${dayAfter(p.to)}`.execute(db);
  return { people: Number(rows[0]?.people ?? 0), attendances: Number(rows[0]?.attendances ?? 0) };
}

/** The same count per child node of the subtree's top (workers attributed below it). */
export async function trainedPeopleByChild(db: Executor, scope: OrgScope, p: Period) {
  const { rows } = await sql<{ org_id: number | string; org_name: string; people: number | string }>`
    SELECT o.id AS org_id, o.name AS org_name, x.people
      FROM (SELECT ltree2text(subpath(a.org_path, nlevel(${p.underPath}::ltree), 1))::bigint AS child,
                   count(DISTINCT a.member_id) AS people
              FROM training_attendance a
              JOIN training_session s ON s.id = a.training_session_id
             WHERE a.org_path <@ ${p.underPath}::ltree AND nlevel(a.org_path) > nlevel(${p.underPath}::ltree)
               AND ${inScope(scope, sql.ref('a.org_path'))}
               AND s.status <> 'cancelled' AND s.starts_at >= ${dayStart(p.from)} AND s.starts_at < ${dayAfter(p.to)}
             GROUP BY 1) x
      JOIN org_unit o ON o.id = x.child
     ORDER BY x.people DESC, o.id`.execute(db);
  return rows.map((r) => ({ orgId: Number(r.org_id), orgName: r.org_name, people: Number(r.people) }));
}

/** Sessions held in the subtree in the period, and what the subtree's plans for those years asked for. */
export async function heldAndPlanned(db: Executor, scope: OrgScope, p: Period) {
  const { rows } = await sql<{ held: number | string; planned: number | string; target: number | string }>`
    SELECT (SELECT count(*) FROM training_session s
             WHERE s.org_path <@ ${p.underPath}::ltree AND ${inScope(scope, sql.ref('s.org_path'))} AND s.status = 'held'
               AND s.starts_at >= ${dayStart(p.from)} AND s.starts_at < ${dayAfter(p.to)}) AS held,
           coalesce(sum(pl.planned_sessions), 0) AS planned, coalesce(sum(pl.target_people), 0) AS target
      FROM training_plan pl
     WHERE pl.org_path <@ ${p.underPath}::ltree AND ${inScope(scope, sql.ref('pl.org_path'))}
       AND pl.year BETWEEN ${Number(p.from.slice(0, 4))} AND ${Number(p.to.slice(0, 4))}`.execute(db);
  return { held: Number(rows[0]?.held ?? 0), planned: Number(rows[0]?.planned ?? 0), target: Number(rows[0]?.target ?? 0) };
}

/** Each plan of the subtree for the year with its sessions held and the distinct workers its sessions reached. */
export async function planProgress(db: Executor, scope: OrgScope, f: { underPath: string; year: number }) {
  // A plan counts the sessions of its courses held in its own year (Beijing time).
  const inYear = sql`s.starts_at >= ${dayStart(`${f.year}-01-01`)} AND s.starts_at < ${dayAfter(`${f.year}-12-31`)}`;
  const { rows } = await sql<{
    id: number | string;
    org_id: number | string;
    org_name: string;
    year: number;
    planned_sessions: number;
    target_people: number;
    held: number | string;
    people: number | string;
  }>`
    SELECT pl.id, pl.org_id, o.name AS org_name, pl.year, pl.planned_sessions, pl.target_people,
           (SELECT count(*) FROM training_session s JOIN training_course c ON c.id = s.course_id
             WHERE c.plan_id = pl.id AND s.status = 'held' AND ${inYear}) AS held,
           (SELECT count(DISTINCT a.member_id) FROM training_attendance a
              JOIN training_session s ON s.id = a.training_session_id
              JOIN training_course c ON c.id = s.course_id
             WHERE c.plan_id = pl.id AND s.status <> 'cancelled' AND ${inYear}) AS people
      FROM training_plan pl
      JOIN org_unit o ON o.id = pl.org_id
     WHERE pl.org_path <@ ${f.underPath}::ltree AND ${inScope(scope, sql.ref('pl.org_path'))} AND pl.year = ${f.year}
     ORDER BY pl.org_path, pl.id
     LIMIT 1000`.execute(db);
  return rows.map((r) => ({
    planId: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name,
    year: Number(r.year),
    plannedSessions: Number(r.planned_sessions),
    sessionsHeld: Number(r.held),
    targetPeople: Number(r.target_people),
    people: Number(r.people),
  }));
}
