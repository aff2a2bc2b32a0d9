import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam, pageOf } from '../../../common/paging.js';
import { CreateEmployerBody, Employer, EmployerListQuery, UpdateEmployerBody } from '../../../common/employers.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as employers from './employers.service.js';

export function employerRoutes(app: FastifyInstance, { db }: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['employers'];
  r.get('/api/employers', { schema: { tags, querystring: EmployerListQuery, response: { 200: pageOf(Employer) } } }, async (req) =>
    employers.listEmployers(db, requireActor(req), req.query),
  );
  r.get('/api/employers/:id', { schema: { tags, params: IdParam, response: { 200: Employer } } }, async (req) =>
    employers.getEmployer(db, requireActor(req), req.params.id),
  );
  r.post('/api/employers', { schema: { tags, body: CreateEmployerBody, response: { 201: Employer } } }, async (req, reply) =>
    reply.status(201).send(await employers.createEmployer(db, requireActor(req), req.body)),
  );
  r.patch('/api/employers/:id', { schema: { tags, params: IdParam, body: UpdateEmployerBody, response: { 200: Employer } } }, async (req) =>
    employers.updateEmployer(db, requireActor(req), req.params.id, req.body),
  );
}
