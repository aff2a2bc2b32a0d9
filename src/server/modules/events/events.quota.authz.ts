import type { ModuleAuthz } from '../../testing/authz.js';
import { eventOnStreet } from './events.fixtures.js';

/** The matrix case of quotas per unit: only the owner node's event.write sets a session's quotas. */
export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'PUT /api/events/:id/sessions/:sessionId/quotas',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => {
        const event = await eventOnStreet(f);
        return {
          method: 'PUT',
          url: `/api/events/${event.id}/sessions/${event.sessions[0]!.id}/quotas`,
          payload: { quotas: [{ orgId: f.tree.dcUnion.id, places: 3 }] },
        };
      },
    },
  ],
};
