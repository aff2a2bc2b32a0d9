/**
 * The training rows the authorization reliability test aims at, inside the target subtree: a plan, a course, a
 * teacher and a session of the street T (with the teacher booked), and a member of T's union it is marked for. Made
 * through the routes as the root's admin.
 */
import type { AsAdmin } from './authorization.points.js';

type Req = { method: 'GET' | 'POST'; url: string; payload?: object };

export type TrainingTarget = { plan: number; course: number; teacher: number; session: number; member: number };

export async function buildTrainingTarget(asAdmin: AsAdmin, o: { orgId: number; memberId: number }): Promise<TrainingTarget> {
  const plan = await asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/training/plans',
    payload: { orgId: o.orgId, year: 2026, plannedSessions: 30, targetPeople: 3000, topics: ['工会经费使用与管理'] },
  });
  const course = await asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/training/courses',
    payload: { orgId: o.orgId, planId: plan.id, title: '靶子送教课程', topic: '工会经费使用与管理', audience: '基层工会财务人员' },
  });
  const teacher = await asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/training/teachers',
    payload: { orgId: o.orgId, name: '靶子劳模', kind: 'model_worker' },
  });
  const start = Date.now() - 10 * 60_000;
  const session = await asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/training/sessions',
    payload: {
      courseId: course.id,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * 3600_000).toISOString(),
      place: '靶子职工之家',
      capacity: 60,
      teacherIds: [teacher.id],
    },
  });
  await asAdmin({ method: 'POST', url: `/api/training/sessions/${session.id}/attendance`, payload: { memberIds: [o.memberId] } });
  return { plan: plan.id, course: course.id, teacher: teacher.id, session: session.id, member: o.memberId };
}

/** The training routes (送教 / 培训), aimed at T's plan, course, teacher, session and member. */
export function aimedAtTargetTraining(t: TrainingTarget, T: number): { route: string; request: Req }[] {
  const r = (route: string, request: Req) => ({ route, request });
  const session = `/api/training/sessions/${t.session}`;
  return [
    r('POST /api/training/plans', {
      method: 'POST',
      url: '/api/training/plans',
      payload: { orgId: T, year: 2027, plannedSessions: 1, targetPeople: 1 },
    }),
    r('GET /api/training/plans', { method: 'GET', url: `/api/training/plans?orgId=${T}` }),
    r('POST /api/training/courses', {
      method: 'POST',
      url: '/api/training/courses',
      payload: { orgId: T, planId: t.plan, title: '越权课程', topic: '越权' },
    }),
    r('GET /api/training/courses', { method: 'GET', url: `/api/training/courses?orgId=${T}` }),
    r('POST /api/training/teachers', {
      method: 'POST',
      url: '/api/training/teachers',
      payload: { orgId: T, name: '越权讲师', kind: 'lecturer' },
    }),
    r('GET /api/training/teachers', { method: 'GET', url: `/api/training/teachers?orgId=${T}` }),
    // T's course, and T's teacher booked for another time: neither is the outsider's to use.
    r('POST /api/training/sessions', {
      method: 'POST',
      url: '/api/training/sessions',
      payload: {
        courseId: t.course,
        startsAt: '2027-09-01T09:00:00+08:00',
        endsAt: '2027-09-01T10:00:00+08:00',
        place: '越权会场',
        capacity: 10,
        teacherIds: [t.teacher],
      },
    }),
    r('GET /api/training/sessions', { method: 'GET', url: `/api/training/sessions?orgId=${T}` }),
    r('GET /api/training/sessions/:id', { method: 'GET', url: session }),
    r('POST /api/training/sessions/:id/status', { method: 'POST', url: `${session}/status`, payload: { status: 'cancelled' } }),
    r('POST /api/training/sessions/:id/attendance', { method: 'POST', url: `${session}/attendance`, payload: { memberIds: [t.member] } }),
    r('GET /api/training/sessions/:id/checkin-code', { method: 'GET', url: `${session}/checkin-code` }),
    r('POST /api/training/sessions/:id/sign-up', { method: 'POST', url: `${session}/sign-up`, payload: { capacity: 10 } }),
    r('GET /api/training/members/:id/record', { method: 'GET', url: `/api/training/members/${t.member}/record` }),
    r('GET /api/training/coverage', { method: 'GET', url: `/api/training/coverage?orgId=${T}&from=2026-01-01&to=2026-12-31` }),
    r('GET /api/training/progress', { method: 'GET', url: `/api/training/progress?orgId=${T}&year=2026` }),
    r('GET /api/training/sessions/:id/attendance', { method: 'GET', url: `${session}/attendance` }),
  ];
}
