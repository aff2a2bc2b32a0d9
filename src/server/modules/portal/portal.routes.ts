import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import { CardToken } from '../../../common/cards.js';
import { CodeAnswer, CodeChallenge, MemberCodeBody, PortalMe, PortalTransfer } from '../../../common/portal.js';
import { endMemberSession, MEMBER_SESSION_COOKIE, requireMember } from '../../auth/member-session.js';
import { cardTokenForMember } from '../cards/cards.service.js';
import { consentCode, consentToTransfer, declineTransfer } from '../transfers/transfers.service.js';
import * as portal from './portal.service.js';

/** The member pages (phone): sign-in by a one-time code, the member's own card, applications and transfers. */
export function portalRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  const publicLimit = { rateLimit: { max: deps.config.publicRateLimitPerMinute, timeWindow: '1 minute' } };

  r.post(
    '/api/public/member-codes',
    { schema: { tags: ['public'], body: MemberCodeBody, response: { 201: CodeChallenge } }, config: publicLimit },
    async (req, reply) => reply.status(201).send(await portal.requestSignInCode(deps, req.body, req.ip)),
  );
  r.post(
    '/api/public/member-sessions',
    { schema: { tags: ['public'], body: CodeAnswer, response: { 200: PortalMe } }, config: publicLimit },
    async (req, reply) => {
      const { cookie, principal } = await portal.signIn(deps, req.body, req.ip);
      reply.setCookie(MEMBER_SESSION_COOKIE, cookie, portal.memberCookieOptions(deps.config, req.protocol === 'https'));
      return portal.describeMemberSelf(deps, principal);
    },
  );
  r.get('/api/portal/me', { schema: { tags, response: { 200: PortalMe } } }, async (req) =>
    portal.describeMemberSelf(deps, requireMember(req)),
  );
  r.get('/api/portal/card', { schema: { tags, response: { 200: CardToken } } }, async (req) =>
    cardTokenForMember(deps, requireMember(req)),
  );
  r.post(
    '/api/portal/transfers/:id/consent-code',
    { schema: { tags, params: IdParam, response: { 201: CodeChallenge } }, config: publicLimit },
    async (req, reply) => reply.status(201).send(await consentCode(deps, requireMember(req), req.params.id)),
  );
  r.post(
    '/api/portal/transfers/:id/consent',
    { schema: { tags, params: IdParam, body: CodeAnswer, response: { 200: PortalTransfer } } },
    async (req) => consentToTransfer(deps, requireMember(req), req.params.id, req.body),
  );
  r.post('/api/portal/transfers/:id/decline', { schema: { tags, params: IdParam, response: { 200: PortalTransfer } } }, async (req) =>
    declineTransfer(deps, requireMember(req), req.params.id),
  );
  r.post('/api/portal/logout', { schema: { tags, response: { 204: z.null() } } }, async (req, reply) => {
    const cookie = req.cookies[MEMBER_SESSION_COOKIE];
    if (cookie) await endMemberSession(deps.db, cookie);
    reply.clearCookie(MEMBER_SESSION_COOKIE, { path: '/api/portal/' });
    return reply.status(204).send(null);
  });
}
