import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { EventDetail, SessionParams } from '../../../common/events.js';
import { QuotasBody } from '../../../common/events.quota.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as quotas from './events.quota.service.js';

/** Quotas per unit of a first-come session (分单位名额): the owner sets them; they are shown with the session. */
export function eventQuotaRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put(
    '/api/events/:id/sessions/:sessionId/quotas',
    { schema: { tags: ['events'], params: SessionParams, body: QuotasBody, response: { 200: EventDetail } } },
    async (req) => quotas.setQuotas(db, requireActor(req), req.params.id, req.params.sessionId, req.body.quotas),
  );
}
