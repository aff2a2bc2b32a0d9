import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { pageOf } from '../../../common/paging.js';
import { AuditExportQuery, AuditListQuery, AuditRecord } from '../../../common/audit.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { attachmentDisposition } from '../../http/attachment.js';
import { exportAudit, listAuditEntries } from './audit.service.js';

export function auditRoutes(app: FastifyInstance, { db }: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/audit', { schema: { tags: ['audit'], querystring: AuditListQuery, response: { 200: pageOf(AuditRecord) } } }, async (req) =>
    listAuditEntries(db, requireActor(req), req.query),
  );
  r.get('/api/audit/export', { schema: { tags: ['audit'], querystring: AuditExportQuery } }, async (req, reply) => {
    // Authorisation and the audit entry happen before the first byte; a later failure cuts the download short.
    const file = await exportAudit(db, requireActor(req), req.query, req.locale);
    const stream = new PassThrough();
    file.write(stream).catch((error: unknown) => {
      req.log.error({ err: error }, 'audit export failed');
      stream.destroy(error as Error);
    });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachmentDisposition(file.fileName, 'audit-log.xlsx'))
      .send(stream);
  });
}
