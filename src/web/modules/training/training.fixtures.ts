import type { Session } from '../../../common/training.js';

/** A planned training session of 东城区总工会 as the server answers it (session 21); fields overridable. */
export function buildSession(overrides: Partial<Session> = {}): Session {
  return {
    id: 21,
    courseId: 3,
    courseTitle: '工会经费使用与管理',
    orgId: 2,
    orgName: '东城区总工会',
    startsAt: '2027-03-05T01:00:00.000Z',
    endsAt: '2027-03-05T03:00:00.000Z',
    place: '北京市工人文化宫',
    capacity: 80,
    status: 'planned',
    eventSessionId: null,
    eventId: null,
    attended: 0,
    teachers: [],
    ...overrides,
  };
}
