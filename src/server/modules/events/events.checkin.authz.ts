import { randomUUID } from 'node:crypto';
import type { ModuleAuthz } from '../../testing/authz.js';
import { eventOnStreet, registrationOnStreet } from './events.fixtures.js';

/** The matrix cases of check-in (签到): the scanner's pack and sync, manual check-in (event.write); the member's ticket. */
export const authz: ModuleAuthz = {
  memberRoutes: [{ route: 'GET /api/portal/events/registrations/:id/ticket' }],
  cases: [
    {
      route: 'GET /api/events/:id/sessions/:sessionId/check-in/pack',
      action: 'event.write',
      visibleWith: 'event.read',
      write: false,
      request: async (f) => {
        const event = await eventOnStreet(f);
        return { method: 'GET', url: `/api/events/${event.id}/sessions/${event.sessions[0]!.id}/check-in/pack` };
      },
    },
    {
      route: 'POST /api/events/:id/sessions/:sessionId/check-in/sync',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => {
        const event = await eventOnStreet(f);
        return {
          method: 'POST',
          url: `/api/events/${event.id}/sessions/${event.sessions[0]!.id}/check-in/sync`,
          payload: { scans: [{ scanId: randomUUID(), token: 'ET1.x.y', scannedAt: new Date().toISOString(), deviceId: 'matrix' }] },
        };
      },
    },
    {
      route: 'POST /api/events/:id/registrations/:registrationId/check-in',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => {
        const { event, registrationId } = await registrationOnStreet(f);
        return { method: 'POST', url: `/api/events/${event.id}/registrations/${registrationId}/check-in` };
      },
    },
  ],
};
