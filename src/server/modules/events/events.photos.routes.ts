import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.photos.errors.js';
import { EVENT_PHOTO_LIMITS, EventPhoto, EventPhotoList, EventPhotoParams, EventPhotoUploadQuery } from '../../../common/events.photos.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { readUploadedFile } from '../../http/upload.js';
import { sendImage } from '../../http/image.js';
import { requireMember } from '../../auth/member-session.js';
import * as photos from './events.photos.service.js';

/** Photos of an event (活动图片): the cover and the closing summary's photos, kept in the database. */
export function eventPhotoRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  r.post(
    '/api/events/:id/photos',
    { schema: { tags, params: IdParam, querystring: EventPhotoUploadQuery, response: { 201: EventPhoto } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const file = await readUploadedFile(req, {
        maxBytes: EVENT_PHOTO_LIMITS.maxBytes,
        missing: () => new AppError('EVENT_PHOTO_TYPE'),
        tooLarge: () => new AppError('EVENT_PHOTO_TOO_LARGE', { maxMb: EVENT_PHOTO_LIMITS.maxBytes / 1024 / 1024 }),
      });
      const photo = await photos.uploadPhoto(db, actor, req.params.id, req.query.role, { content: file.bytes, truncated: file.truncated });
      return reply.status(201).send(photo);
    },
  );
  r.get('/api/events/:id/photos', { schema: { tags, params: IdParam, response: { 200: EventPhotoList } } }, async (req) =>
    photos.listPhotos(db, requireActor(req), req.params.id),
  );
  r.get('/api/events/:id/photos/:photoId', { schema: { tags, params: EventPhotoParams } }, async (req, reply) =>
    sendImage(req, reply, await photos.readPhoto(db, requireActor(req), req.params.id, req.params.photoId)),
  );
  r.delete('/api/events/:id/photos/:photoId', { schema: { tags, params: EventPhotoParams } }, async (req, reply) => {
    await photos.deletePhoto(db, requireActor(req), req.params.id, req.params.photoId);
    return reply.status(204).send();
  });
  r.get('/api/portal/events/:id/cover', { schema: { tags: ['portal'], params: IdParam } }, async (req, reply) =>
    sendImage(req, reply, await photos.coverForMember(db, requireMember(req), req.params.id)),
  );
}
