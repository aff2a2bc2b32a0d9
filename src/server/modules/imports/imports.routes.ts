import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam, PageQuery, pageOf } from '../../../common/paging.js';
import { ElsewhereTransfersResult, ImportElsewhereRow, ImportJob, ImportListQuery, ImportUploadQuery } from '../../../common/imports.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/imports.errors.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { writeRosterTemplate } from '../rosters/roster.template.js';
import * as imports from './imports.service.js';
import { attachmentDisposition } from '../../http/attachment.js';
import { failedImports } from './imports.todos.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const attachment = (name: string): string => attachmentDisposition(name, 'roster.xlsx');

declare module 'fastify' {
  interface FastifyInstance {
    /** Background roster imports of this app (tests await `idle()`; main.ts stops it and resumes unfinished jobs). */
    importQueue: imports.ImportQueue;
  }
}

export function importRoutes(app: FastifyInstance, deps: Deps): void {
  // What waits for cadres here (工作台, menu badges).
  const unregisterFailedImports = deps.todos.register(failedImports);
  app.addHook('onClose', async () => unregisterFailedImports());
  const queue = imports.createImportQueue(deps, app.log);
  app.decorate('importQueue', queue);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];

  r.get('/api/imports/template', { schema: { tags } }, async (req, reply) => {
    requireActor(req);
    const stream = new PassThrough();
    void writeRosterTemplate(stream).catch((error: unknown) => stream.destroy(error as Error));
    return reply.header('content-type', XLSX).header('content-disposition', attachment('会员名册模板.xlsx')).send(stream);
  });

  r.post('/api/imports', { schema: { tags, querystring: ImportUploadQuery, response: { 202: ImportJob } } }, async (req, reply) => {
    const actor = requireActor(req);
    if (!req.isMultipart()) throw new AppError('UPLOAD_MISSING');
    const file = await req.file();
    if (!file) throw new AppError('UPLOAD_MISSING');
    const job = await imports.startImport(
      deps,
      queue,
      actor,
      { orgId: req.query.orgId, fileName: file.filename, stream: file.file, truncated: () => file.file.truncated },
      req.locale,
    );
    return reply.status(202).send(job);
  });

  r.get('/api/imports', { schema: { tags, querystring: ImportListQuery, response: { 200: pageOf(ImportJob) } } }, async (req) =>
    imports.listImports(deps, requireActor(req), req.query, req.locale),
  );
  r.get('/api/imports/:id', { schema: { tags, params: IdParam, response: { 200: ImportJob } } }, async (req) =>
    imports.getImport(deps, requireActor(req), req.params.id, req.locale),
  );
  r.get(
    '/api/imports/:id/elsewhere',
    { schema: { tags, params: IdParam, querystring: PageQuery, response: { 200: pageOf(ImportElsewhereRow) } } },
    async (req) => imports.listElsewhere(deps, requireActor(req), req.params.id, req.query),
  );
  r.post('/api/imports/:id/transfers', { schema: { tags, params: IdParam, response: { 200: ElsewhereTransfersResult } } }, async (req) =>
    imports.requestElsewhereTransfers(deps, requireActor(req), req.params.id),
  );
  r.get('/api/imports/:id/errors', { schema: { tags, params: IdParam } }, async (req, reply) => {
    const file = await imports.downloadImportErrors(deps, requireActor(req), req.params.id);
    const type = file.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX;
    return reply.header('content-type', type).header('content-disposition', attachment(file.name)).send(file.stream);
  });
}
