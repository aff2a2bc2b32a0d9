import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';
import type { EventDetail } from '../../../common/events.js';
import { registrationOnStreet } from './events.fixtures.js';

/** The event of the street T with U's member confirmed on its session, and that session grouped once by the admin. */
async function groupedOnStreet(f: AuthzFixtures): Promise<EventDetail> {
  const { event } = await registrationOnStreet(f);
  await f.asAdmin({ method: 'POST', url: `/api/events/${event.id}/sessions/${event.sessions[0]!.id}/groupings`, payload: { groups: 1 } });
  return event;
}

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'POST /api/events/:id/sessions/:sessionId/groupings',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      ok: 201,
      request: async (f) => {
        const { event } = await registrationOnStreet(f);
        return { method: 'POST', url: `/api/events/${event.id}/sessions/${event.sessions[0]!.id}/groupings`, payload: { groups: 1 } };
      },
    },
    {
      route: 'GET /api/events/:id/sessions/:sessionId/groupings/latest',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      request: async (f) => {
        const event = await groupedOnStreet(f);
        return { method: 'GET', url: `/api/events/${event.id}/sessions/${event.sessions[0]!.id}/groupings/latest` };
      },
    },
    {
      route: 'GET /api/events/:id/sessions/:sessionId/groupings/latest/export',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      binary: true,
      request: async (f) => {
        const event = await groupedOnStreet(f);
        return { method: 'GET', url: `/api/events/${event.id}/sessions/${event.sessions[0]!.id}/groupings/latest/export` };
      },
    },
  ],
};
