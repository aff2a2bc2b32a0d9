import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { pageOf } from '../../../common/paging.js';
import { AuditListQuery, AuditRecord } from '../../../common/audit.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { listAuditEntries } from './audit.service.js';

export function auditRoutes(app: FastifyInstance, { db }: Deps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/audit', { schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: pageOf(AuditRecord) } } }, async (req) =>
      listAuditEntries(db, requireActor(req), req.query),
    );
}
