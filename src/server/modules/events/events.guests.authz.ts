import type { ModuleAuthz } from '../../testing/authz.js';
import { eventOnStreet, guestOnStreet, guestPhoneOf } from './events.fixtures.js';

/** Named non-members of an event (非会员): the organisers' cadres name, sign up and remove them; readers list them. */
export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'GET /api/events/:id/guests',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/events/${(await guestOnStreet(f)).event.id}/guests` }),
    },
    {
      route: 'POST /api/events/:id/guests',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: `/api/events/${(await eventOnStreet(f)).id}/guests`,
        payload: { name: '矩阵快递员', phone: guestPhoneOf(f), note: '快递员' },
      }),
    },
    {
      route: 'DELETE /api/events/:id/guests/:guestId',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => {
        const { event, guestId } = await guestOnStreet(f);
        return { method: 'DELETE', url: `/api/events/${event.id}/guests/${guestId}` };
      },
    },
    {
      route: 'POST /api/events/:id/guests/:guestId/sign-up',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => {
        const { event, guestId } = await guestOnStreet(f);
        return {
          method: 'POST',
          url: `/api/events/${event.id}/guests/${guestId}/sign-up`,
          payload: { sessionId: event.sessions[0]!.id, key: `g${f.unique()}` },
        };
      },
    },
  ],
};
