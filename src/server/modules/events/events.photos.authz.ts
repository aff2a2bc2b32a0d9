import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';
import type { EventPhoto } from '../../../common/events.photos.js';
import { eventOnStreet, pngUpload } from './events.fixtures.js';

/** An event of the street T with a cover photo, uploaded by the admin. */
async function photoOnStreet(f: AuthzFixtures): Promise<EventPhoto> {
  const event = await eventOnStreet(f);
  const { payload, contentType } = pngUpload();
  return f.asAdmin<EventPhoto>({
    method: 'POST',
    url: `/api/events/${event.id}/photos?role=cover`,
    payload,
    headers: { 'content-type': contentType },
  });
}

export const authz: ModuleAuthz = {
  memberRoutes: [{ route: 'GET /api/portal/events/:id/cover' }],
  cases: [
    {
      route: 'POST /api/events/:id/photos',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      ok: 201,
      request: async (f) => ({ method: 'POST', url: `/api/events/${(await eventOnStreet(f)).id}/photos?role=closing`, ...pngUpload() }),
    },
    {
      route: 'GET /api/events/:id/photos',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/events/${(await photoOnStreet(f)).eventId}/photos` }),
    },
    {
      route: 'GET /api/events/:id/photos/:photoId',
      action: 'event.read',
      visibleWith: 'event.read',
      write: false,
      binary: true,
      request: async (f) => ({ method: 'GET', url: (await photoOnStreet(f)).url }),
    },
    {
      route: 'DELETE /api/events/:id/photos/:photoId',
      action: 'event.write',
      visibleWith: 'event.read',
      write: true,
      request: async (f) => ({ method: 'DELETE', url: (await photoOnStreet(f)).url }),
    },
  ],
};
