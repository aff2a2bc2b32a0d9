import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';
import { courseAt, memberOfUnion, sessionAt } from './training.fixtures.js';

/** A fresh union under the street T: plans are one per node and year, so each request plans for a new node. */
const freshUnion = (f: AuthzFixtures) =>
  f.asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/orgs',
    payload: { parentId: f.tree.dcStreet.id, kind: 'grassroots_union', name: `矩阵培训工会${f.unique()}` },
  });

export const authz: ModuleAuthz = {
  memberRoutes: [
    { route: 'POST /api/portal/training/checkins', payload: { sessionId: 1, code: '12345678' } },
    { route: 'GET /api/portal/training/record' },
  ],
  cases: [
    {
      route: 'POST /api/training/plans',
      action: 'training.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: '/api/training/plans',
        payload: { orgId: (await freshUnion(f)).id, year: 2026, plannedSessions: 30, targetPeople: 1000, topics: ['工会经费使用与管理'] },
      }),
    },
    {
      route: 'GET /api/training/plans',
      action: 'training.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/training/plans?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'POST /api/training/courses',
      action: 'training.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: '/api/training/courses',
        payload: { orgId: f.tree.dcStreet.id, title: `矩阵课程${f.unique()}`, topic: '劳动法', audience: '职工' },
      }),
    },
    {
      route: 'GET /api/training/courses',
      action: 'training.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/training/courses?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'POST /api/training/teachers',
      action: 'training.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: '/api/training/teachers',
        payload: { orgId: f.tree.dcStreet.id, name: `劳模${f.unique()}`, kind: 'model_worker' },
      }),
    },
    {
      route: 'GET /api/training/teachers',
      action: 'training.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/training/teachers?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'POST /api/training/sessions',
      action: 'training.write',
      visibleWith: 'training.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: '/api/training/sessions',
        payload: {
          courseId: (await courseAt(f, f.tree.dcStreet.id)).id,
          startsAt: '2027-03-05T09:00:00+08:00',
          endsAt: '2027-03-05T11:00:00+08:00',
          place: '街道职工之家',
          capacity: 40,
        },
      }),
    },
    {
      route: 'GET /api/training/sessions',
      action: 'training.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/training/sessions?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'GET /api/training/sessions/:id',
      action: 'training.read',
      visibleWith: 'training.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/training/sessions/${(await sessionAt(f, f.tree.dcStreet.id)).id}` }),
    },
    {
      route: 'POST /api/training/sessions/:id/status',
      action: 'training.write',
      visibleWith: 'training.read',
      write: true,
      request: async (f) => ({
        method: 'POST',
        url: `/api/training/sessions/${(await sessionAt(f, f.tree.dcStreet.id)).id}/status`,
        payload: { status: 'held' },
      }),
    },
    {
      // A member of the union U, inside the street T: marking them again adds nothing and answers 200.
      route: 'POST /api/training/sessions/:id/attendance',
      action: 'training.write',
      visibleWith: 'training.read',
      write: true,
      request: async (f) => ({
        method: 'POST',
        url: `/api/training/sessions/${(await sessionAt(f, f.tree.dcStreet.id)).id}/attendance`,
        payload: { memberIds: [(await memberOfUnion(f)).id] },
      }),
    },
    {
      // A fresh session each time: sign-up opens once per session.
      route: 'POST /api/training/sessions/:id/sign-up',
      action: 'training.write',
      visibleWith: 'training.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: `/api/training/sessions/${(await sessionAt(f, f.tree.dcStreet.id)).id}/sign-up`,
        payload: {
          capacity: 30,
          opensAt: new Date(Date.now() - 3600_000).toISOString(),
          closesAt: new Date(Date.now() + 3600_000).toISOString(),
        },
      }),
    },
    {
      route: 'GET /api/training/sessions/:id/attendance',
      action: 'training.read',
      visibleWith: 'training.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/training/sessions/${(await sessionAt(f, f.tree.dcStreet.id)).id}/attendance` }),
    },
    {
      // The room's screen is run by the session's organisers.
      route: 'GET /api/training/sessions/:id/checkin-code',
      action: 'training.write',
      visibleWith: 'training.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/training/sessions/${(await sessionAt(f, f.tree.dcStreet.id)).id}/checkin-code` }),
    },
    {
      // A worker's training record: for whoever may see the member (their union and above).
      route: 'GET /api/training/members/:id/record',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      target: 'union',
      request: async (f) => ({ method: 'GET', url: `/api/training/members/${(await memberOfUnion(f)).id}/record` }),
    },
    {
      route: 'GET /api/training/coverage',
      action: 'training.read',
      write: false,
      request: async ({ tree }) => ({
        method: 'GET',
        url: `/api/training/coverage?orgId=${tree.dcStreet.id}&from=2026-01-01&to=2026-12-31`,
      }),
    },
    {
      route: 'GET /api/training/progress',
      action: 'training.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/training/progress?orgId=${tree.dcStreet.id}&year=2026` }),
    },
  ],
};
