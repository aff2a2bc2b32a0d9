import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import { CardToken, CardVerifyBody, CardVerifyResult } from '../../../common/cards.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as cards from './cards.service.js';

export function cardRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cards'];
  r.get('/api/members/:id/card', { schema: { tags, params: IdParam, response: { 200: CardToken } } }, async (req) =>
    cards.cardTokenForCadre(deps, requireActor(req), req.params.id),
  );
  r.post('/api/members/:id/card/revoke', { schema: { tags, params: IdParam, response: { 204: z.null() } } }, async (req, reply) => {
    await cards.revokeMemberCard(deps, requireActor(req), req.params.id);
    return reply.status(204).send(null);
  });
  r.post('/api/members/:id/card/reissue', { schema: { tags, params: IdParam, response: { 200: CardToken } } }, async (req) =>
    cards.reissueMemberCard(deps, requireActor(req), req.params.id),
  );
  r.post(
    '/api/public/cards/verify',
    {
      schema: { tags: ['public'], body: CardVerifyBody, response: { 200: CardVerifyResult } },
      config: { rateLimit: { max: deps.config.publicRateLimitPerMinute * 4, timeWindow: '1 minute' } },
    },
    async (req) => cards.verifyCard(deps.db, deps, req.body.token),
  );
}
