import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { Id, IdParam, pageOf } from '../../../common/paging.js';
import { PassThrough } from 'node:stream';
import {
  AffiliationBody,
  LapseBody,
  Member,
  MemberDetail,
  MemberExportQuery,
  MemberListQuery,
  PhoneChangeBody,
  RevealBody,
  RevealResult,
} from '../../../common/members.js';
import { startMemberExport } from './members.export.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { attachmentDisposition } from '../../http/attachment.js';
import * as members from './members.service.js';

export function memberRoutes(app: FastifyInstance, deps: Deps): void {
  // A subtree moved to another region takes its members' city-wide claims along (orgs sits below and cannot call up).
  const unsubscribe = deps.events.on('org.moved', members.followMovedSubtree);
  app.addHook('onClose', async () => unsubscribe());
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['members'];
  const { db, cipher } = deps;
  r.get('/api/members', { schema: { tags, querystring: MemberListQuery, response: { 200: pageOf(Member) } } }, async (req) =>
    members.listMembers(db, cipher, requireActor(req), req.query),
  );
  r.get('/api/members/export', { schema: { tags, querystring: MemberExportQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const { orgId, format, reveal, reason, q, status, employmentForm } = req.query;
    // Authorisation and the audit entry happen before the first byte; a later failure cuts the download short.
    const started = await startMemberExport(deps, actor, {
      orgId,
      format,
      reveal: reveal === '1',
      reason,
      locale: req.locale,
      filters: { q, status, employmentForm },
    });
    const stream = new PassThrough();
    started.write(stream).catch((error: unknown) => {
      req.log.error({ err: error }, 'member export failed');
      stream.destroy(error as Error);
    });
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return reply
      .header('content-type', type)
      .header('content-disposition', attachmentDisposition(started.fileName, `members.${format}`))
      .send(stream);
  });
  r.get('/api/members/:id', { schema: { tags, params: IdParam, response: { 200: MemberDetail } } }, async (req) =>
    members.getMember(db, requireActor(req), req.params.id),
  );
  r.post('/api/members/:id/reveal', { schema: { tags, params: IdParam, body: RevealBody, response: { 200: RevealResult } } }, async (req) =>
    members.revealMember(db, cipher, requireActor(req), req.params.id, { ...req.body, perHour: deps.config.revealPerHour }),
  );
  r.post('/api/members/:id/lapse', { schema: { tags, params: IdParam, body: LapseBody, response: { 200: Member } } }, async (req) =>
    members.lapseMember(db, requireActor(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/members/:id/affiliations',
    { schema: { tags, params: IdParam, body: AffiliationBody, response: { 200: Member } } },
    async (req) => members.addAffiliation(db, requireActor(req), req.params.id, req.body.orgId),
  );
  r.delete(
    '/api/members/:id/affiliations/:orgId',
    { schema: { tags, params: IdParam.extend({ orgId: Id }), response: { 204: z.null() } } },
    async (req, reply) => {
      await members.removeAffiliation(db, requireActor(req), req.params.id, req.params.orgId);
      return reply.status(204).send(null);
    },
  );
  r.post('/api/members/:id/phone', { schema: { tags, params: IdParam, body: PhoneChangeBody, response: { 200: Member } } }, async (req) =>
    members.changePhone(db, cipher, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/members/:id/rejoin', { schema: { tags, params: IdParam, response: { 200: Member } } }, async (req) =>
    members.rejoinMember(db, requireActor(req), req.params.id),
  );
}
