import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import {
  CancelEventResult,
  CloseEventBody,
  CopyEventBody,
  EventDetail,
  EventReport,
  RegistrationExportQuery,
  SignUpsByUnit,
  SignUpsByUnitQuery,
} from '../../../common/events.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { attachmentDisposition } from '../../http/attachment.js';
import * as admin from './events.admin.service.js';

/** The cadres' console of events (issue #13): close with a summary, cancel, copy, publish, sign-ups by unit, export. */
export function eventAdminRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  r.get('/api/events/:id/report', { schema: { tags, params: IdParam, response: { 200: EventReport } } }, async (req) =>
    admin.eventReport(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/events/:id/close',
    { schema: { tags, params: IdParam, body: CloseEventBody, response: { 200: EventReport } } },
    async (req) => admin.closeEvent(db, deps.events, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/events/:id/cancel', { schema: { tags, params: IdParam, response: { 200: CancelEventResult } } }, async (req) =>
    admin.cancelEvent(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/events/:id/copy',
    { schema: { tags, params: IdParam, body: CopyEventBody, response: { 201: EventDetail } } },
    async (req, reply) => reply.status(201).send(await admin.copyEvent(db, requireActor(req), req.params.id, req.body)),
  );
  r.post('/api/events/:id/open', { schema: { tags, params: IdParam, response: { 200: EventDetail } } }, async (req) =>
    admin.openEvent(db, requireActor(req), req.params.id),
  );
  r.get(
    '/api/events/:id/by-unit',
    { schema: { tags, params: IdParam, querystring: SignUpsByUnitQuery, response: { 200: SignUpsByUnit } } },
    async (req) => admin.signUpsByUnit(db, requireActor(req), req.params.id, req.query.orgId),
  );
  r.get(
    '/api/events/:id/registrations/export',
    { schema: { tags, params: IdParam, querystring: RegistrationExportQuery } },
    async (req, reply) => {
      // Authorisation and the audit entry happen before the first byte; a later failure cuts the download short.
      const started = await admin.startRegistrationExport(db, requireActor(req), req.params.id, req.query, req.locale);
      const stream = new PassThrough();
      started.write(stream).catch((error: unknown) => {
        req.log.error({ err: error }, 'event registration export failed');
        stream.destroy(error as Error);
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentDisposition(started.fileName, `event-${req.params.id}-registrations.xlsx`))
        .send(stream);
    },
  );
}
