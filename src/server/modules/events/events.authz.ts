import type { ModuleAuthz } from '../../testing/authz.js';
import { eventOnStreet, memberOfUnion, openSession, registrationOnStreet } from './events.fixtures.js';
import { lotteryOnStreet } from './events.draw.fixtures.js';

export const authz: ModuleAuthz = {
  memberRoutes: [
    { route: 'GET /api/portal/events' },
    { route: 'POST /api/portal/events/registrations', payload: { sessionId: 1, key: 'matrix-1' } },
    { route: 'GET /api/portal/events/registrations' },
    { route: 'POST /api/portal/events/registrations/:id/cancel' },
    { route: 'POST /api/portal/events/registrations/:id/accept' },
    { route: 'POST /api/portal/events/preferences', payload: { eventId: 1, sessionIds: [1], key: 'matrix-p' } },
  ],
  // The public result page of a draw and its export: masked names, keys, seed and hash only (events.draw.test.ts).
  publicRoutes: ['GET /api/public/events/:id/draws', 'GET /api/public/events/:id/draws/:drawId/export'],
  cases: [
    {
      route: 'POST /api/events',
      action: 'event.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: '/api/events',
        payload: { orgId: f.tree.dcStreet.id, kind: 'sports', title: `矩阵健步走${f.unique()}`, sessions: [openSession(50)] },
      }),
    },
    {
      route: 'GET /api/events',
      action: 'event.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/events?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'GET /api/events/:id',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/events/${(await eventOnStreet(f)).id}` }),
    },
    {
      route: 'PATCH /api/events/:id/sessions/:sessionId',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => {
        const event = await eventOnStreet(f);
        return { method: 'PATCH', url: `/api/events/${event.id}/sessions/${event.sessions[0]!.id}`, payload: { capacity: 20 } };
      },
    },
    {
      route: 'POST /api/events/:id/registrations/bulk',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => {
        const event = await eventOnStreet(f);
        return {
          method: 'POST',
          url: `/api/events/${event.id}/registrations/bulk`,
          payload: { sessionId: event.sessions[0]!.id, key: `b${f.unique()}`, memberIds: [await memberOfUnion(f)] },
        };
      },
    },
    {
      route: 'GET /api/events/:id/registrations',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      request: async (f) => {
        const { event } = await registrationOnStreet(f);
        return { method: 'GET', url: `/api/events/${event.id}/registrations?orgId=${f.tree.dcStreet.id}` };
      },
    },
    {
      route: 'POST /api/events/:id/registrations/:registrationId/cancel',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => {
        const { event, registrationId } = await registrationOnStreet(f);
        return { method: 'POST', url: `/api/events/${event.id}/registrations/${registrationId}/cancel` };
      },
    },
    {
      route: 'POST /api/events/:id/registrations/:registrationId/no-show',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => {
        const { event, registrationId } = await registrationOnStreet(f);
        return { method: 'POST', url: `/api/events/${event.id}/registrations/${registrationId}/no-show` };
      },
    },
    {
      route: 'POST /api/events/:id/draw/plan',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => ({
        method: 'POST',
        url: `/api/events/${(await lotteryOnStreet(f, 'created')).id}/draw/plan`,
        payload: { seedSource: '中国福利彩票双色球 2026-12-03 开奖号码' },
      }),
    },
    {
      route: 'POST /api/events/:id/draw/freeze',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => ({ method: 'POST', url: `/api/events/${(await lotteryOnStreet(f, 'planned')).id}/draw/freeze` }),
    },
    {
      route: 'POST /api/events/:id/draw/seed',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => ({
        method: 'POST',
        url: `/api/events/${(await lotteryOnStreet(f, 'frozen')).id}/draw/seed`,
        payload: { seed: '03 07 12 19 25 31 + 09' },
      }),
    },
    {
      route: 'GET /api/events/:id/draws',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/events/${(await lotteryOnStreet(f, 'created')).id}/draws` }),
    },
    {
      route: 'GET /api/events/reach',
      action: 'event.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/events/reach?orgId=${tree.dcStreet.id}&from=2026-01-01&to=2026-12-31` }),
    },
  ],
};
