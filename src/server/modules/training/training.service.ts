import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/training.errors.js';
import type { Page } from '../../../common/paging.js';
import type {
  AttendanceBody,
  AttendanceResult,
  Course,
  CourseListQuery,
  CoverageQuery,
  CreateCourseBody,
  CreatePlanBody,
  CreateSessionBody,
  CreateTeacherBody,
  Plan,
  PlanListQuery,
  PlanProgress,
  ProgressQuery,
  Session,
  SessionListQuery,
  SessionStatusBody,
  Teacher,
  TeacherListQuery,
  TrainingCoverage,
  TrainingRecord,
} from '../../../common/training.js';
import { scopeFor, type Actor, type InScope } from '../../auth/scope.js';
import { listPage } from '../../http/list-page.js';
import { minuteOf } from '../../../common/beijing-time.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { findMemberFor } from '../members/members.service.js';
import { attendFromTraining } from '../events/events.checkin.service.js';
import type { EventBus } from '../../events.js';
import * as repo from './training.repo.js';
import type { AuditActor } from '../../audit/audit.js';

/** A planned training session was held (the work is done): told once, in the status change's transaction. */
export type TrainingSessionHeld = {
  by: AuditActor;
  sessionId: number;
  orgId: number;
  orgPath: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
};
declare module '../../events.js' {
  interface AppEvents {
    'training.session.held': TrainingSessionHeld;
  }
}

const toPlan = (r: repo.PlanRow): Plan => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  year: r.year,
  plannedSessions: r.planned_sessions,
  targetPeople: r.target_people,
  topics: r.topics,
});

const toCourse = (r: repo.CourseRow): Course => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  planId: r.plan_id,
  title: r.title,
  topic: r.topic,
  audience: r.audience,
});

const toTeacher = (r: repo.TeacherRow): Teacher => ({ id: r.id, orgId: r.org_id, orgName: r.org_name, name: r.name, kind: r.kind });

const beijingMinute = (iso: string) => minuteOf(new Date(iso));

async function presentSessions(db: Executor, rows: repo.SessionRow[]): Promise<Session[]> {
  const ids = rows.map((r) => r.id);
  const [teachers, counts] = await Promise.all([repo.teachersOfSessions(db, ids), repo.attendanceCounts(db, ids)]);
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    courseTitle: r.course_title,
    orgId: r.org_id,
    orgName: r.org_name,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    place: r.place,
    capacity: r.capacity,
    status: r.status,
    eventSessionId: r.event_session_id,
    eventId: r.event_id,
    attended: counts.get(r.id) ?? 0,
    teachers: teachers.filter((t) => t.training_session_id === r.id).map((t) => ({ id: t.id, name: t.name, kind: t.kind })),
  }));
}

/** The session where the caller may see it (404 otherwise); writes then check its node with training.write (403). */
export async function findSessionFor(db: Executor, actor: Actor, id: number): Promise<InScope<repo.SessionRow>> {
  const row = await repo.findSessionInScope(db, scopeFor(actor, 'training.read'), id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A node's annual plan (e.g. 30 送教 sessions, the people to reach, the topics); one per node and year. */
export async function createPlan(db: Kysely<DB>, actor: Actor, body: CreatePlanBody): Promise<Plan> {
  const id = await db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'training.write', body.orgId);
    const planId = await repo.insertPlan(tx, {
      orgId: org.id,
      orgPath: org.path,
      year: body.year,
      plannedSessions: body.plannedSessions,
      targetPeople: body.targetPeople,
      topics: body.topics,
    });
    if (planId === undefined) throw new AppError('TRAINING_PLAN_EXISTS', { year: body.year });
    await recordWrite(tx, actor, 'training.plan.create', { type: 'training_plan', id: planId, orgPath: org.path }, { year: body.year });
    return planId;
  });
  return toPlan((await repo.findPlan(db, id))!);
}

export async function listPlans(db: Kysely<DB>, actor: Actor, query: PlanListQuery): Promise<Page<Plan>> {
  const org = await findOrgFor(db, actor, 'training.read', query.orgId);
  const scope = scopeFor(actor, 'training.read');
  const filter = { underPath: org.path, year: query.year };
  return listPage(query, {
    cursor: 'number',
    read: (after) => repo.listPlans(db, scope, { ...filter, after, limit: query.limit }),
    present: (rows) => rows.map(toPlan),
    sortKey: (last) => last.id,
    total: () => repo.countPlans(db, scope, filter),
  });
}

/** A course of a node (title, topic such as 工会经费使用与管理, audience), optionally under a plan covering the node. */
export async function createCourse(db: Kysely<DB>, actor: Actor, body: CreateCourseBody): Promise<Course> {
  const id = await db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'training.write', body.orgId);
    let planId: number | null = null;
    if (body.planId !== undefined) {
      const found = await repo.planCovering(tx, body.planId, org);
      if (found === undefined) throw new AppError('TRAINING_PLAN_UNKNOWN');
      planId = found;
    }
    const courseId = await repo.insertCourse(tx, {
      orgId: org.id,
      orgPath: org.path,
      planId,
      title: body.title,
      topic: body.topic,
      audience: body.audience,
    });
    await recordWrite(
      tx,
      actor,
      'training.course.create',
      { type: 'training_course', id: courseId, orgPath: org.path },
      { title: body.title },
    );
    return courseId;
  });
  return toCourse((await repo.findCourse(db, id))!);
}

export async function listCourses(db: Kysely<DB>, actor: Actor, query: CourseListQuery): Promise<Page<Course>> {
  const org = await findOrgFor(db, actor, 'training.read', query.orgId);
  const scope = scopeFor(actor, 'training.read');
  return listPage(query, {
    cursor: 'number',
    read: (after) => repo.listCourses(db, scope, { underPath: org.path, after, limit: query.limit }),
    present: (rows) => rows.map(toCourse),
    sortKey: (last) => last.id,
    total: () => repo.countCourses(db, scope, org.path),
  });
}

/** A teacher kept by a node: a 劳模宣讲团 lecturer, a 职工匠师 or another lecturer. */
export async function createTeacher(db: Kysely<DB>, actor: Actor, body: CreateTeacherBody): Promise<Teacher> {
  const id = await db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'training.write', body.orgId);
    const teacherId = await repo.insertTeacher(tx, { orgId: org.id, orgPath: org.path, name: body.name, kind: body.kind });
    await recordWrite(tx, actor, 'training.teacher.create', { type: 'teacher', id: teacherId, orgPath: org.path }, { kind: body.kind });
    return teacherId;
  });
  return toTeacher((await repo.findTeacher(db, id))!);
}

export async function listTeachers(db: Kysely<DB>, actor: Actor, query: TeacherListQuery): Promise<Page<Teacher>> {
  const org = await findOrgFor(db, actor, 'training.read', query.orgId);
  const scope = scopeFor(actor, 'training.read');
  return listPage(query, {
    cursor: 'number',
    read: (after) => repo.listTeachers(db, scope, { underPath: org.path, after, limit: query.limit }),
    present: (rows) => rows.map(toTeacher),
    sortKey: (last) => last.id,
    total: () => repo.countTeachers(db, scope, org.path),
  });
}

/**
 * A session of a course with its teachers booked, in one transaction: a teacher already booked into an overlapping
 * session (the database's exclusion constraint decides, also between concurrent requests) refuses the whole
 * session with a 409 naming the session that holds the teacher.
 */
export async function createSession(db: Kysely<DB>, actor: Actor, body: CreateSessionBody): Promise<Session> {
  const id = await db.transaction().execute(async (tx) => {
    const course = await repo.findCourseInScope(tx, scopeFor(actor, 'training.read'), body.courseId);
    if (!course) throw new AppError('NOT_FOUND');
    const org = await findOrgFor(tx, actor, 'training.write', course.org_id);
    const teacherIds = [...new Set(body.teacherIds)];
    const teachers = await repo.bookableTeachers(tx, scopeFor(actor, 'training.write'), org, teacherIds);
    if (teachers.length !== teacherIds.length) throw new AppError('TRAINING_TEACHER_UNKNOWN');
    const startsAt = new Date(body.startsAt).toISOString();
    const endsAt = new Date(body.endsAt).toISOString();
    const sessionId = await repo.insertSession(tx, {
      courseId: course.id,
      orgId: org.id,
      orgPath: org.path,
      startsAt,
      endsAt,
      place: body.place,
      capacity: body.capacity,
    });
    const booked = new Set(await repo.bookTeachers(tx, { id: sessionId, startsAt, endsAt }, teacherIds));
    const refused = teacherIds.find((t) => !booked.has(t));
    if (refused !== undefined) {
      const clash = await repo.clashingBooking(tx, refused, startsAt, endsAt);
      const teacher = teachers.find((t) => t.id === refused)!;
      throw new AppError('TRAINING_TEACHER_CLASH', {
        teacher: teacher.name,
        course: clash ? `${clash.course}（#${clash.session_id}）` : '?',
        startsAt: clash ? beijingMinute(clash.starts_at) : '?',
        endsAt: clash ? beijingMinute(clash.ends_at) : '?',
      });
    }
    await recordWrite(
      tx,
      actor,
      'training.session.create',
      { type: 'training_session', id: sessionId, orgPath: org.path },
      { courseId: course.id, startsAt, teacherIds },
    );
    return sessionId;
  });
  return getSession(db, actor, id);
}

export async function getSession(db: Kysely<DB>, actor: Actor, id: number): Promise<Session> {
  const row = await findSessionFor(db, actor, id);
  return (await presentSessions(db, [row]))[0]!;
}

export async function listSessions(db: Kysely<DB>, actor: Actor, query: SessionListQuery): Promise<Page<Session>> {
  const org = await findOrgFor(db, actor, 'training.read', query.orgId);
  const scope = scopeFor(actor, 'training.read');
  const filter = { underPath: org.path, status: query.status };
  return listPage(query, {
    cursor: 'number',
    read: (after) => repo.listSessions(db, scope, { ...filter, after, limit: query.limit }),
    present: (rows) => presentSessions(db, rows),
    sortKey: (last) => last.id,
    total: () => repo.countSessions(db, scope, filter),
  });
}

/**
 * A planned session is held or cancelled, once (planned → held | cancelled; asking again for the status it has
 * changes nothing). Cancelling releases its teachers' bookings, so they can be booked for that time again.
 */
export async function setSessionStatus(db: Kysely<DB>, bus: EventBus, actor: Actor, id: number, body: SessionStatusBody): Promise<Session> {
  await db.transaction().execute(async (tx) => {
    const session = await findSessionFor(tx, actor, id);
    await findOrgFor(tx, actor, 'training.write', session.org_id);
    if (session.status === body.status) return;
    if (!(await repo.setSessionStatus(tx, session, body.status))) {
      throw new AppError('TRAINING_STATUS_FINAL', { status: session.status, wanted: body.status });
    }
    if (body.status === 'cancelled') await repo.releaseBookings(tx, session);
    await recordWrite(
      tx,
      actor,
      'training.session.status',
      { type: 'training_session', id: session.id, orgPath: session.org_path },
      { status: body.status },
    );
    if (body.status === 'held')
      await bus.emit(tx, 'training.session.held', {
        by: actor,
        sessionId: session.id,
        orgId: session.org_id,
        orgPath: session.org_path,
        title: session.course_title,
        place: session.place,
        startsAt: session.starts_at,
        endsAt: session.ends_at,
      });
  });
  return getSession(db, actor, id);
}

/**
 * Marks attendance from a cadre's list (签到名单): members the caller's training scope reaches through their union,
 * each recorded once per session with the union they belong to now; marking again adds nothing. A session taking its
 * sign-ups through an event session checks the marked members in there too (their confirmed registrations).
 */
export async function markAttendance(
  db: Kysely<DB>,
  bus: EventBus,
  actor: Actor,
  id: number,
  body: AttendanceBody,
): Promise<AttendanceResult> {
  return db.transaction().execute(async (tx) => {
    const session = await findSessionFor(tx, actor, id);
    await findOrgFor(tx, actor, 'training.write', session.org_id);
    if (session.status === 'cancelled') throw new AppError('TRAINING_SESSION_CANCELLED');
    const ids = [...new Set(body.memberIds)];
    const members = await repo.membersInScope(tx, scopeFor(actor, 'training.write'), ids);
    if (members.length !== ids.length) throw new AppError('TRAINING_MEMBER_UNKNOWN', { count: ids.length - members.length });
    const added = await repo.insertAttendance(tx, session.id, members, 'cadre_list', actor.userId);
    if (session.event_session_id !== null) await attendFromTraining(tx, bus, actor, session.event_session_id, members);
    if (added > 0)
      await recordWrite(
        tx,
        actor,
        'training.attendance.mark',
        { type: 'training_session', id: session.id, orgPath: session.org_path },
        { added, memberIds: ids.length <= 50 ? ids : undefined },
      );
    return { added, already: ids.length - added };
  });
}

/** A worker's training record, for a cadre who may see the member (their union and the nodes above it). */
export async function memberRecord(db: Kysely<DB>, actor: Actor, memberId: number): Promise<TrainingRecord> {
  const member = await findMemberFor(db, actor, 'member.read', memberId);
  return recordFor(db, { region_id: member.region_id, id: member.id });
}

/** What one member attended (the member's own page and their union's view). */
export async function recordFor(db: Executor, member: { region_id: number; id: number }): Promise<TrainingRecord> {
  const rows = await repo.recordOf(db, member);
  return {
    items: rows.map((r) => ({
      sessionId: r.session_id,
      courseTitle: r.title,
      topic: r.topic,
      startsAt: r.starts_at,
      place: r.place,
      how: r.how,
      orgName: r.org_name,
    })),
  };
}

/**
 * Coverage over a period: distinct workers trained in the subtree, each counted once and attributed to the union
 * they belonged to when they attended; sessions held against the plans of the years the period touches.
 */
export async function coverage(db: Kysely<DB>, actor: Actor, query: CoverageQuery): Promise<TrainingCoverage> {
  const org = await findOrgFor(db, actor, 'training.read', query.orgId);
  const scope = scopeFor(actor, 'training.read');
  const period = { underPath: org.path, from: query.from, to: query.to };
  const [trained, children, plans] = await Promise.all([
    repo.trainedPeople(db, scope, period),
    repo.trainedPeopleByChild(db, scope, period),
    repo.heldAndPlanned(db, scope, period),
  ]);
  return {
    orgId: org.id,
    from: query.from,
    to: query.to,
    people: trained.people,
    attendances: trained.attendances,
    sessionsHeld: plans.held,
    plannedSessions: plans.planned,
    targetPeople: plans.target,
    children,
  };
}

/** Plan progress: sessions held against planned, per plan of the subtree for the year. */
export async function progress(db: Kysely<DB>, actor: Actor, query: ProgressQuery): Promise<PlanProgress> {
  const org = await findOrgFor(db, actor, 'training.read', query.orgId);
  return { items: await repo.planProgress(db, scopeFor(actor, 'training.read'), { underPath: org.path, year: query.year }) };
}
