import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { Reach, ReachQuery } from '../../../common/events.reach.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { reachOf } from './events.reach.service.js';

/** The reach of events and training (people reached once each, sign-ups, attendance, plan progress). */
export function eventReachRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/events/reach', { schema: { tags: ['events'], querystring: ReachQuery, response: { 200: Reach } } }, async (req) =>
    reachOf(deps.db, requireActor(req), req.query),
  );
}
