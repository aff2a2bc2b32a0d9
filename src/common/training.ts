import { z } from 'zod';
import { CalendarDate } from './inputs.js';
import { BodyId, Id, PageQuery, queryCount } from './paging.js';
import { defineAuditActions } from './audit.actions.js';

/** Training (送教 / 培训): annual plans, courses, teachers, sessions, attendance and its coverage. */

export const teacherKinds = ['model_worker', 'craftsman', 'lecturer'] as const; // 劳模宣讲团 / 职工匠师 / 讲师
export type TeacherKind = (typeof teacherKinds)[number];
export const sessionStatuses = ['planned', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
export const attendanceWays = ['cadre_list', 'self_qr'] as const;
export type AttendanceWay = (typeof attendanceWays)[number];

/** The room screen's code changes every CHECKIN_STEP_SECONDS; the current and the previous code are accepted. */
export const CHECKIN_STEP_SECONDS = 30;
export const CHECKIN_CODE_PATTERN = /^[0-9]{8}$/;
/** How many members one cadre list may mark at once. */
export const ATTENDANCE_BATCH_MAX = 500;
export const TEACHERS_PER_SESSION_MAX = 10;

const text = (max: number) => z.string().trim().min(1).max(max);
const Instant = z.string().datetime({ offset: true });

export const CreatePlanBody = z.object({
  orgId: BodyId,
  year: z.number().int().min(2000).max(2100),
  plannedSessions: z.number().int().min(1).max(10000),
  targetPeople: z.number().int().min(0).max(10_000_000),
  topics: z.array(text(100)).max(50).default([]),
});
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;

export const Plan = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  plannedSessions: z.number(),
  targetPeople: z.number(),
  topics: z.array(z.string()),
});
export type Plan = z.infer<typeof Plan>;

export const PlanListQuery = PageQuery.extend({ orgId: Id, year: queryCount(2000, 2100).optional() });
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const CreateCourseBody = z.object({
  orgId: BodyId,
  planId: BodyId.optional(),
  title: text(100),
  topic: text(100),
  audience: z.string().trim().max(100).default(''),
});
export type CreateCourseBody = z.infer<typeof CreateCourseBody>;

export const Course = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  planId: z.number().nullable(),
  title: z.string(),
  topic: z.string(),
  audience: z.string(),
});
export type Course = z.infer<typeof Course>;

export const CourseListQuery = PageQuery.extend({ orgId: Id });
export type CourseListQuery = z.infer<typeof CourseListQuery>;

export const CreateTeacherBody = z.object({ orgId: BodyId, name: text(50), kind: z.enum(teacherKinds) });
export type CreateTeacherBody = z.infer<typeof CreateTeacherBody>;

export const Teacher = z.object({ id: z.number(), orgId: z.number(), orgName: z.string(), name: z.string(), kind: z.enum(teacherKinds) });
export type Teacher = z.infer<typeof Teacher>;

export const TeacherListQuery = PageQuery.extend({ orgId: Id });
export type TeacherListQuery = z.infer<typeof TeacherListQuery>;

export const CreateSessionBody = z
  .object({
    courseId: BodyId,
    startsAt: Instant,
    endsAt: Instant,
    place: text(200),
    capacity: z.number().int().min(1).max(100000),
    teacherIds: z.array(BodyId).max(TEACHERS_PER_SESSION_MAX).default([]),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), {
    message: '结束时间须晚于开始时间 / the end must be after the start',
    path: ['endsAt'],
  });
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

export const Session = z.object({
  id: z.number(),
  courseId: z.number(),
  courseTitle: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  capacity: z.number(),
  status: z.enum(sessionStatuses),
  eventSessionId: z.number().nullable(),
  /** The event taking the session's sign-ups, once opened (POST /api/training/sessions/:id/sign-up). */
  eventId: z.number().nullable(),
  attended: z.number(),
  teachers: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(teacherKinds) })),
});
export type Session = z.infer<typeof Session>;

export const SessionListQuery = PageQuery.extend({ orgId: Id, status: z.enum(sessionStatuses).optional() });
export type SessionListQuery = z.infer<typeof SessionListQuery>;

export const SessionStatusBody = z.object({ status: z.enum(['held', 'cancelled']) });
export type SessionStatusBody = z.infer<typeof SessionStatusBody>;

export const AttendanceBody = z.object({ memberIds: z.array(BodyId).min(1).max(ATTENDANCE_BATCH_MAX) });
export type AttendanceBody = z.infer<typeof AttendanceBody>;

export const AttendanceResult = z.object({ added: z.number(), already: z.number() });
export type AttendanceResult = z.infer<typeof AttendanceResult>;

/** What the room screen shows: the code (and the text of its QR), valid for this step and the next. */
export const CheckinCode = z.object({ sessionId: z.number(), code: z.string(), qr: z.string(), rotatesAt: z.string() });
export type CheckinCode = z.infer<typeof CheckinCode>;

export const CheckinBody = z.object({ sessionId: BodyId, code: z.string().trim().regex(CHECKIN_CODE_PATTERN) });
export type CheckinBody = z.infer<typeof CheckinBody>;

export const CheckinResult = z.object({ sessionId: z.number(), courseTitle: z.string(), already: z.boolean() });
export type CheckinResult = z.infer<typeof CheckinResult>;

/** One training a worker attended: their record (培训记录). */
export const RecordEntry = z.object({
  sessionId: z.number(),
  courseTitle: z.string(),
  topic: z.string(),
  startsAt: z.string(),
  place: z.string(),
  how: z.enum(attendanceWays),
  orgName: z.string(),
});
export type RecordEntry = z.infer<typeof RecordEntry>;
export const TrainingRecord = z.object({ items: z.array(RecordEntry) });
export type TrainingRecord = z.infer<typeof TrainingRecord>;

/** Coverage over a period (Beijing days, inclusive): distinct workers trained, attributed to their union then. */
export const CoverageQuery = z
  .object({ orgId: Id, from: CalendarDate, to: CalendarDate })
  .refine((q) => q.to >= q.from, { message: '结束日期不能早于开始日期 / the end must not precede the start', path: ['to'] });
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const TrainingCoverage = z.object({
  orgId: z.number(),
  from: z.string(),
  to: z.string(),
  /** Distinct workers trained (once per person however many sessions). */
  people: z.number(),
  attendances: z.number(),
  sessionsHeld: z.number(),
  /** Plans of the subtree for the years the period touches. */
  plannedSessions: z.number(),
  targetPeople: z.number(),
  children: z.array(z.object({ orgId: z.number(), orgName: z.string(), people: z.number() })),
});
export type TrainingCoverage = z.infer<typeof TrainingCoverage>;

export const ProgressQuery = z.object({ orgId: Id, year: queryCount(2000, 2100) });
export type ProgressQuery = z.infer<typeof ProgressQuery>;

/** Plan progress (sessions held / planned) of each plan in the subtree for the year. */
export const PlanProgress = z.object({
  items: z.array(
    z.object({
      planId: z.number(),
      orgId: z.number(),
      orgName: z.string(),
      year: z.number(),
      plannedSessions: z.number(),
      sessionsHeld: z.number(),
      targetPeople: z.number(),
      people: z.number(),
    }),
  ),
});
export type PlanProgress = z.infer<typeof PlanProgress>;

defineAuditActions({
  'training.plan.create': {
    label: { 'zh-CN': '新建培训计划', en: 'Create training plan' },
    sentence: { 'zh-CN': '新建了培训计划 {target}', en: 'created the training plan {target}' },
  },
  'training.course.create': {
    label: { 'zh-CN': '新建培训课程', en: 'Create course' },
    sentence: { 'zh-CN': '新建了培训课程 {target}', en: 'created the course {target}' },
  },
  'training.teacher.create': {
    label: { 'zh-CN': '新增师资', en: 'Add teacher' },
    sentence: { 'zh-CN': '新增了师资 {target}', en: 'added the teacher {target}' },
  },
  'training.session.create': {
    label: { 'zh-CN': '新建培训场次', en: 'Create training session' },
    sentence: { 'zh-CN': '新建了培训场次 {target}', en: 'created the training session {target}' },
  },
  'training.session.status': {
    label: { 'zh-CN': '更改培训场次状态', en: 'Change session status' },
    sentence: { 'zh-CN': '将培训场次 {target} 标为 {status}', en: 'marked the training session {target} {status}' },
  },
  'training.attendance.mark': {
    label: { 'zh-CN': '登记培训签到', en: 'Mark attendance' },
    sentence: { 'zh-CN': '为培训场次 {target} 登记了签到', en: 'marked attendance for the training session {target}' },
  },
  'training.checkin': {
    label: { 'zh-CN': '会员扫码签到', en: 'Member checked in' },
    sentence: { 'zh-CN': '扫码签到了培训场次 {target}', en: 'checked in to the training session {target}' },
  },
});
