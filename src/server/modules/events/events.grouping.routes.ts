import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { SessionParams } from '../../../common/events.js';
import { EventGrouping, GroupingBody } from '../../../common/events.grouping.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { attachmentDisposition } from '../../http/attachment.js';
import * as grouping from './events.grouping.service.js';

/** Random grouping at a session (随机分组): the owner groups; whoever sees the event reads the latest grouping. */
export function eventGroupingRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  r.post(
    '/api/events/:id/sessions/:sessionId/groupings',
    { schema: { tags, params: SessionParams, body: GroupingBody, response: { 201: EventGrouping } } },
    async (req, reply) =>
      reply.status(201).send(await grouping.groupSession(db, requireActor(req), req.params.id, req.params.sessionId, req.body)),
  );
  r.get(
    '/api/events/:id/sessions/:sessionId/groupings/latest',
    { schema: { tags, params: SessionParams, response: { 200: EventGrouping } } },
    async (req) => grouping.latestGrouping(db, requireActor(req), req.params.id, req.params.sessionId),
  );
  r.get('/api/events/:id/sessions/:sessionId/groupings/latest/export', { schema: { tags, params: SessionParams } }, async (req, reply) => {
    // Authorisation and the audit entry happen before the first byte; a later failure cuts the download short.
    const started = await grouping.startGroupingExport(db, requireActor(req), req.params.id, req.params.sessionId, req.locale);
    const stream = new PassThrough();
    started.write(stream).catch((error: unknown) => {
      req.log.error({ err: error }, 'event grouping export failed');
      stream.destroy(error as Error);
    });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachmentDisposition(started.fileName, `event-${req.params.id}-groups.xlsx`))
      .send(stream);
  });
}
