import { pageOf } from '../../../common/paging.js';
import { Reach } from '../../../common/events.reach.js';
import { Attendee } from '../../../common/training.attendance.js';
import {
  AttendanceResult,
  CheckinCode,
  Course,
  Plan,
  PlanProgress,
  Session,
  Teacher,
  type AttendanceBody,
  type CreateCourseBody,
  type CreatePlanBody,
  type CreateSessionBody,
  type CreateTeacherBody,
} from '../../../common/training.js';
import type { OpenSignUpBody } from '../../../common/training.signup.js';
import { api } from '../../app/api.js';

const base = '/api/training';

export const trainingApi = {
  progress: (orgId: number, year: number) => api.get(`${base}/progress`, PlanProgress, { orgId, year }),
  createPlan: (body: CreatePlanBody) => api.post(`${base}/plans`, Plan, body),
  createCourse: (body: CreateCourseBody) => api.post(`${base}/courses`, Course, body),
  createTeacher: (body: CreateTeacherBody) => api.post(`${base}/teachers`, Teacher, body),
  courses: (orgId: number) => api.get(`${base}/courses`, pageOf(Course), { orgId, limit: 200 }),
  sessions: (orgId: number) => api.get(`${base}/sessions`, pageOf(Session), { orgId, limit: 200 }),
  session: (id: number) => api.get(`${base}/sessions/${id}`, Session),
  createSession: (body: CreateSessionBody) => api.post(`${base}/sessions`, Session, body),
  openSignUp: (id: number, body: OpenSignUpBody) => api.post(`${base}/sessions/${id}/sign-up`, Session, body),
  teachers: (orgId: number) => api.get(`${base}/teachers`, pageOf(Teacher), { orgId, limit: 200 }),
  markAttendance: (id: number, body: AttendanceBody) => api.post(`${base}/sessions/${id}/attendance`, AttendanceResult, body),
  attendees: (id: number, cursor: string | undefined, limit: number) =>
    api.get(`${base}/sessions/${id}/attendance`, pageOf(Attendee), { cursor, limit }),
  checkinCode: (id: number) => api.get(`${base}/sessions/${id}/checkin-code`, CheckinCode),
  reach: (orgId: number, from: string, to: string) => api.get('/api/events/reach', Reach, { orgId, from, to }),
};
