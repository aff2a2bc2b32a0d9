import type { AuthzCase, AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';
import { eventOnStreet, registrationOnStreet } from './events.fixtures.js';

/** A case on one event of the street T (made fresh per request, so a close or cancel never meets a finished one). */
function onEvent(
  route: string,
  write: boolean,
  path: (f: AuthzFixtures, eventId: number) => string,
  extra: Partial<AuthzCase> & { payload?: object } = {},
): AuthzCase {
  const { payload, ...rest } = extra;
  return {
    route,
    action: write ? 'event.write' : 'event.read',
    visibleWith: 'event.read',
    write,
    request: async (f) => {
      const { event } = await registrationOnStreet(f);
      return { method: write ? 'POST' : 'GET', url: path(f, event.id), ...(payload ? { payload } : {}) };
    },
    ...rest,
  };
}

/** The cadres' console of events (events.admin.routes.ts): one case per route. */
export const authz: ModuleAuthz = {
  cases: [
    onEvent('GET /api/events/:id/report', false, (_f, id) => `/api/events/${id}/report`),
    onEvent('POST /api/events/:id/close', true, (_f, id) => `/api/events/${id}/close`, { payload: { summary: '矩阵总结' } }),
    onEvent('POST /api/events/:id/cancel', true, (_f, id) => `/api/events/${id}/cancel`),
    onEvent('POST /api/events/:id/copy', true, (_f, id) => `/api/events/${id}/copy`, { payload: { firstDate: '2027-09-01' }, ok: 201 }),
    {
      route: 'POST /api/events/:id/open',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => {
        const event = await eventOnStreet(f);
        const copy = await f.asAdmin<{ id: number }>({
          method: 'POST',
          url: `/api/events/${event.id}/copy`,
          payload: { firstDate: '2027-09-01' },
        });
        return { method: 'POST', url: `/api/events/${copy.id}/open` };
      },
    },
    onEvent('GET /api/events/:id/by-unit', false, (f, id) => `/api/events/${id}/by-unit?orgId=${f.tree.dcStreet.id}`),
    onEvent(
      'GET /api/events/:id/registrations/export',
      false,
      (f, id) => `/api/events/${id}/registrations/export?orgId=${f.tree.dcStreet.id}`,
      { binary: true },
    ),
  ],
};
