import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam, pageOf } from '../../../common/paging.js';
import {
  AttendanceBody,
  AttendanceResult,
  CheckinBody,
  CheckinCode,
  CheckinResult,
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
import { requireActor } from '../../auth/auth.plugin.js';
import { requireMember } from '../../auth/member-session.js';
import { loadMasterSecret } from '../../crypto/pii.js';
import { createCheckinCodes } from './training.checkin.js';
import * as training from './training.service.js';
import * as portal from './training.portal.js';
import { trainingAttendanceRoutes } from './training.attendance.routes.js';
import { trainingSignUpRoutes } from './training.signup.routes.js';

/** Training (送教 / 培训): plans, courses, teachers, sessions with teacher bookings, attendance, coverage. */
export function trainingRoutes(app: FastifyInstance, deps: Deps): void {
  const { db, config } = deps;
  const codes = createCheckinCodes(loadMasterSecret({ secret: config.secret, dataDir: config.dataDir }));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['training'];
  r.post('/api/training/plans', { schema: { tags, body: CreatePlanBody, response: { 201: Plan } } }, async (req, reply) =>
    reply.status(201).send(await training.createPlan(db, requireActor(req), req.body)),
  );
  r.get('/api/training/plans', { schema: { tags, querystring: PlanListQuery, response: { 200: pageOf(Plan) } } }, async (req) =>
    training.listPlans(db, requireActor(req), req.query),
  );
  r.post('/api/training/courses', { schema: { tags, body: CreateCourseBody, response: { 201: Course } } }, async (req, reply) =>
    reply.status(201).send(await training.createCourse(db, requireActor(req), req.body)),
  );
  r.get('/api/training/courses', { schema: { tags, querystring: CourseListQuery, response: { 200: pageOf(Course) } } }, async (req) =>
    training.listCourses(db, requireActor(req), req.query),
  );
  r.post('/api/training/teachers', { schema: { tags, body: CreateTeacherBody, response: { 201: Teacher } } }, async (req, reply) =>
    reply.status(201).send(await training.createTeacher(db, requireActor(req), req.body)),
  );
  r.get('/api/training/teachers', { schema: { tags, querystring: TeacherListQuery, response: { 200: pageOf(Teacher) } } }, async (req) =>
    training.listTeachers(db, requireActor(req), req.query),
  );
  r.post('/api/training/sessions', { schema: { tags, body: CreateSessionBody, response: { 201: Session } } }, async (req, reply) =>
    reply.status(201).send(await training.createSession(db, requireActor(req), req.body)),
  );
  r.get('/api/training/sessions', { schema: { tags, querystring: SessionListQuery, response: { 200: pageOf(Session) } } }, async (req) =>
    training.listSessions(db, requireActor(req), req.query),
  );
  r.get('/api/training/sessions/:id', { schema: { tags, params: IdParam, response: { 200: Session } } }, async (req) =>
    training.getSession(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/training/sessions/:id/status',
    { schema: { tags, params: IdParam, body: SessionStatusBody, response: { 200: Session } } },
    async (req) => training.setSessionStatus(db, deps.events, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/api/training/sessions/:id/attendance',
    { schema: { tags, params: IdParam, body: AttendanceBody, response: { 200: AttendanceResult } } },
    async (req) => training.markAttendance(db, deps.events, requireActor(req), req.params.id, req.body),
  );
  // The room's screen polls this every few seconds and shows the code as a QR (it rotates every 30 s).
  r.get(
    '/api/training/sessions/:id/checkin-code',
    { schema: { tags, params: IdParam, response: { 200: CheckinCode } } },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await portal.checkinCode(deps, codes, requireActor(req), req.params.id)),
  );
  r.get('/api/training/members/:id/record', { schema: { tags, params: IdParam, response: { 200: TrainingRecord } } }, async (req) =>
    training.memberRecord(db, requireActor(req), req.params.id),
  );
  r.get('/api/training/coverage', { schema: { tags, querystring: CoverageQuery, response: { 200: TrainingCoverage } } }, async (req) =>
    training.coverage(db, requireActor(req), req.query),
  );
  r.get('/api/training/progress', { schema: { tags, querystring: ProgressQuery, response: { 200: PlanProgress } } }, async (req) =>
    training.progress(db, requireActor(req), req.query),
  );
  // The member pages: check in with the room's code, and the member's own training record.
  r.post(
    '/api/portal/training/checkins',
    { schema: { tags: ['portal'], body: CheckinBody, response: { 200: CheckinResult } } },
    async (req) => portal.checkIn(deps, codes, requireMember(req), req.body),
  );
  r.get('/api/portal/training/record', { schema: { tags: ['portal'], response: { 200: TrainingRecord } } }, async (req) =>
    portal.ownRecord(deps, requireMember(req)),
  );
  trainingAttendanceRoutes(app, deps);
  trainingSignUpRoutes(app, deps);
}
