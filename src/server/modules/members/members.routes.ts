import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam, pageOf } from '../../../common/paging.js';
import { LapseBody, Member, MemberDetail, MemberListQuery, RevealBody, RevealResult } from '../../../common/members.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as members from './members.service.js';

export function memberRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['members'];
  const { db, cipher } = deps;
  r.get('/api/members', { schema: { tags, querystring: MemberListQuery, response: { 200: pageOf(Member) } } }, async (req) =>
    members.listMembers(db, cipher, requireActor(req), req.query),
  );
  r.get('/api/members/:id', { schema: { tags, params: IdParam, response: { 200: MemberDetail } } }, async (req) =>
    members.getMember(db, requireActor(req), req.params.id),
  );
  r.post('/api/members/:id/reveal', { schema: { tags, params: IdParam, body: RevealBody, response: { 200: RevealResult } } }, async (req) =>
    members.revealMember(db, cipher, requireActor(req), req.params.id, req.body.field),
  );
  r.post('/api/members/:id/lapse', { schema: { tags, params: IdParam, body: LapseBody, response: { 200: Member } } }, async (req) =>
    members.lapseMember(db, requireActor(req), req.params.id, req.body.reason),
  );
  r.post('/api/members/:id/rejoin', { schema: { tags, params: IdParam, response: { 200: Member } } }, async (req) =>
    members.rejoinMember(db, requireActor(req), req.params.id),
  );
}
