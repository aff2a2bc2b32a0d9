import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { Id, IdParam, pageOf } from '../../../common/paging.js';
import { CreateUserBody, GrantBody, UpdateUserBody, User, UserListQuery } from '../../../common/users.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as users from './users.service.js';

export function userRoutes(app: FastifyInstance, { db }: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  r.get('/api/users', { schema: { tags, querystring: UserListQuery, response: { 200: pageOf(User) } } }, async (req) =>
    users.listUsers(db, requireActor(req), req.query),
  );
  r.post('/api/users', { schema: { tags, body: CreateUserBody, response: { 201: User } } }, async (req, reply) =>
    reply.status(201).send(await users.createUser(db, requireActor(req), req.body)),
  );
  r.patch('/api/users/:id', { schema: { tags, params: IdParam, body: UpdateUserBody, response: { 200: User } } }, async (req) =>
    users.updateUser(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/users/:id/grants', { schema: { tags, params: IdParam, body: GrantBody, response: { 200: User } } }, async (req) =>
    users.grantRole(db, requireActor(req), req.params.id, req.body),
  );
  r.delete(
    '/api/users/:id/grants/:grantId',
    { schema: { tags, params: IdParam.extend({ grantId: Id }), response: { 204: z.null() } } },
    async (req, reply) => {
      await users.revokeGrant(db, requireActor(req), req.params.id, req.params.grantId);
      return reply.status(204).send(null);
    },
  );
}
