import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/ledger.photos.errors.js';
import {
  LEDGER_PHOTO_LIMITS,
  LedgerPhoto,
  LedgerPhotoList,
  LedgerPhotoParams,
  LedgerPhotoUploadQuery,
} from '../../../common/ledger.photos.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { readUploadedFile } from '../../http/upload.js';
import { sendImage } from '../../http/image.js';
import * as photos from './ledger.photos.service.js';

/** Photos of a ledger entry (台账照片): list, upload (multipart, one image), read one, delete one. */
export function ledgerPhotoRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];
  r.get('/api/ledger/entries/:id/photos', { schema: { tags, params: IdParam, response: { 200: LedgerPhotoList } } }, async (req) =>
    photos.listPhotos(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/ledger/entries/:id/photos',
    { schema: { tags, params: IdParam, querystring: LedgerPhotoUploadQuery, response: { 201: LedgerPhoto } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const file = await readUploadedFile(req, {
        maxBytes: LEDGER_PHOTO_LIMITS.maxBytes,
        oneFile: true,
        missing: () => new AppError('LEDGER_PHOTO_TYPE'),
        tooLarge: () => new AppError('LEDGER_PHOTO_TOO_LARGE', { maxMb: LEDGER_PHOTO_LIMITS.maxBytes / 1024 / 1024 }),
      });
      const photo = await photos.uploadPhoto(db, actor, req.params.id, req.query.caption, {
        content: file.bytes,
        truncated: file.truncated,
      });
      return reply.status(201).send(photo);
    },
  );
  r.get('/api/ledger/entries/:id/photos/:photoId', { schema: { tags, params: LedgerPhotoParams } }, async (req, reply) =>
    sendImage(req, reply, await photos.readPhoto(db, requireActor(req), req.params.id, req.params.photoId)),
  );
  r.delete('/api/ledger/entries/:id/photos/:photoId', { schema: { tags, params: LedgerPhotoParams } }, async (req, reply) => {
    await photos.deletePhoto(db, requireActor(req), req.params.id, req.params.photoId);
    return reply.status(204).send();
  });
}
