import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';
import type { EventPhoto } from '../../../common/events.photos.js';
import { eventOnStreet } from './events.fixtures.js';

/** A multipart body holding a real 1×1 PNG. */
function pngUpload(): { payload: Buffer; contentType: string } {
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  const boundary = '----gonghuimatrixeventphoto';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="封面.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

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
