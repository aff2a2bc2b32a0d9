import type { ModuleAuthz } from '../../testing/authz.js';
import { optedInOnStreet } from './matchmaking.fixtures.js';

const ref = { profileRef: '1-1' };

export const authz: ModuleAuthz = {
  // The member's matchmaking on the phone pages: a member session only, every cadre and anonymous caller 401.
  memberRoutes: [
    { route: 'GET /api/portal/matchmaking/events/:id/profile' },
    { route: 'PUT /api/portal/matchmaking/events/:id/profile', payload: { nickname: '矩阵', visible: [], consents: [] } },
    { route: 'POST /api/portal/matchmaking/events/:id/profile/withdraw' },
    { route: 'GET /api/portal/matchmaking/events/:id/profiles' },
    { route: 'POST /api/portal/matchmaking/events/:id/interests', payload: ref },
    { route: 'POST /api/portal/matchmaking/events/:id/interests/withdraw', payload: ref },
    { route: 'POST /api/portal/matchmaking/events/:id/blocks', payload: ref },
    { route: 'GET /api/portal/matchmaking/events/:id/blocks' },
    { route: 'POST /api/portal/matchmaking/events/:id/blocks/lift', payload: ref },
    { route: 'GET /api/portal/matchmaking/events/:id/matches' },
    { route: 'POST /api/portal/matchmaking/events/:id/matches/confirm', payload: ref },
    { route: 'POST /api/portal/matchmaking/events/:id/tasks', payload: { task: 'checkin' } },
  ],
  cases: [
    {
      route: 'GET /api/events/:id/matchmaking/settings',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/events/${(await optedInOnStreet(f)).event.id}/matchmaking/settings` }),
    },
    {
      route: 'PUT /api/events/:id/matchmaking/settings',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => ({
        method: 'PUT',
        url: `/api/events/${(await optedInOnStreet(f)).event.id}/matchmaking/settings`,
        payload: { enabled: true, retentionDays: 30, dailyInterestLimit: 10 },
      }),
    },
    {
      route: 'GET /api/events/:id/matchmaking/stats',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/events/${(await optedInOnStreet(f)).event.id}/matchmaking/stats` }),
    },
    {
      route: 'GET /api/events/:id/matchmaking/ranking',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/events/${(await optedInOnStreet(f)).event.id}/matchmaking/ranking?places=1` }),
    },
    {
      route: 'POST /api/events/:id/matchmaking/profile-views',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      request: async (f) => {
        const { event, registrationId } = await optedInOnStreet(f);
        return {
          method: 'POST',
          url: `/api/events/${event.id}/matchmaking/profile-views`,
          payload: { registrationId, reason: '处理投诉核实资料' },
        };
      },
    },
  ],
};
