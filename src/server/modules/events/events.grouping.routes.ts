import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { SessionParams } from '../../../common/events.js';
import { EventGrouping, GroupingBody } from '../../../common/events.grouping.js';
import { requireActor } from '../../auth/auth.plugin.js';
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
}
