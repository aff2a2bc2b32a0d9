import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { pageOf } from '../../../common/paging.js';
import {
  MemberHistoryItem,
  MemberHistoryQuery,
  MemberPoints,
  SpendCode,
  WhereToSpend,
  WhereToSpendQuery,
} from '../../../common/points.merchants.js';
import { requireMember } from '../../auth/member-session.js';
import * as portal from './points.portal.service.js';

/** The member's points on the phone pages (member session): balances, history, expiry, where to spend, the spending code. */
export function pointsPortalRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  r.get('/api/portal/points', { schema: { tags, response: { 200: MemberPoints } } }, async (req) =>
    portal.memberPoints(deps, requireMember(req)),
  );
  r.get(
    '/api/portal/points/history',
    { schema: { tags, querystring: MemberHistoryQuery, response: { 200: pageOf(MemberHistoryItem) } } },
    async (req) => portal.memberHistory(deps, requireMember(req), req.query),
  );
  r.get('/api/portal/points/places', { schema: { tags, querystring: WhereToSpendQuery, response: { 200: WhereToSpend } } }, async (req) =>
    portal.whereToSpend(deps, requireMember(req), req.query),
  );
  r.post(
    '/api/portal/points/code',
    {
      schema: { tags, response: { 201: SpendCode } },
      config: { rateLimit: { max: deps.config.publicRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => reply.status(201).send(await portal.spendCode(deps, requireMember(req))),
  );
}
