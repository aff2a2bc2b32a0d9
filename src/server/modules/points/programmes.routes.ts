import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { IdParam, pageOf } from '../../../common/paging.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/points.programmes.errors.js';
import {
  AwardBody,
  AwardResult,
  AwardJobParams,
  AwardJobRows,
  AwardJobRowsQuery,
  BulkAwardBody,
  BulkAwardJob,
  BulkFileQuery,
  CreateProgrammeBody,
  FiguresQuery,
  FundBody,
  PointsTransfer,
  Programme,
  ProgrammeDetail,
  ProgrammeFigures,
  ProgrammeListQuery,
  RankingQuery,
  RankingRow,
  ReversalBody,
  ReversalResult,
  TransferListQuery,
  UpdateProgrammeBody,
} from '../../../common/points.programmes.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as programmes from './programmes.service.js';
import * as awards from './awards.service.js';
import { readAwardFile } from './awards.file.js';
import { awardJobFile, awardJobRows, getAwardJob, launchAwardJob, resumeAwardJobs, retryAwardJob, startAwardJob } from './awards.jobs.js';
import { schedulePointsJobs } from './points.jobs.js';

/** Points programmes, awards and the cadre's view (积分项目); the ledger's housekeeping runs while the server listens. */
export function programmeRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  let jobs: { stop(): void } | undefined;
  app.addHook('onListen', async () => {
    jobs = schedulePointsJobs(db, app.log);
    // Bulk awards a stop or a crash interrupted carry on after their last committed batch.
    void resumeAwardJobs(db, app.log).catch((error: unknown) => app.log.error({ err: error }, 'points award jobs not resumed'));
  });
  app.addHook('onClose', async () => jobs?.stop());
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['points'];
  const base = '/api/points/programmes';

  r.post(base, { schema: { tags, body: CreateProgrammeBody, response: { 201: ProgrammeDetail } } }, async (req, reply) =>
    reply.status(201).send(await programmes.createProgramme(db, requireActor(req), req.body)),
  );
  r.get(base, { schema: { tags, querystring: ProgrammeListQuery, response: { 200: pageOf(Programme) } } }, async (req) =>
    programmes.listProgrammes(db, requireActor(req), req.query),
  );
  r.get(`${base}/:id`, { schema: { tags, params: IdParam, response: { 200: ProgrammeDetail } } }, async (req) =>
    programmes.getProgramme(db, requireActor(req), req.params.id),
  );
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: IdParam, body: UpdateProgrammeBody, response: { 200: ProgrammeDetail } } },
    async (req) => programmes.updateProgramme(db, requireActor(req), req.params.id, req.body),
  );
  r.get('/api/points/figures', { schema: { tags, querystring: FiguresQuery, response: { 200: ProgrammeFigures } } }, async (req) =>
    programmes.subtreeFigures(db, requireActor(req), req.query.orgId),
  );
  r.post(
    `${base}/:id/fund`,
    { schema: { tags, params: IdParam, body: FundBody, response: { 200: z.object({ transfer: PointsTransfer, replayed: z.boolean() }) } } },
    async (req) => programmes.fundProgramme(db, requireActor(req), req.params.id, req.body),
  );
  r.post(`${base}/:id/awards`, { schema: { tags, params: IdParam, body: AwardBody, response: { 200: AwardResult } } }, async (req) =>
    awards.award(db, requireActor(req), req.params.id, req.body),
  );
  // A bulk award answers its job at once (202) and runs in the background; the same batch number answers the same job.
  const started = (job: { job: BulkAwardJob; created: boolean; region: number }) => {
    if (job.created || job.job.status === 'queued') void launchAwardJob(db, job.region, job.job.id, app.log);
    return job.job;
  };
  r.post(
    `${base}/:id/awards/bulk`,
    { schema: { tags, params: IdParam, body: BulkAwardBody, response: { 202: BulkAwardJob } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const job = await startAwardJob(db, actor, req.params.id, {
        batchKey: req.body.batchKey,
        source: 'list',
        items: awards.itemsOfList(req.body),
        locale: req.locale,
      });
      return reply.status(202).send(started(job));
    },
  );
  r.post(
    `${base}/:id/awards/file`,
    { schema: { tags, params: IdParam, querystring: BulkFileQuery, response: { 202: BulkAwardJob } } },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!req.isMultipart()) throw new AppError('PROGRAMME_FILE_INVALID', { detail: 'multipart' });
      const file = await req.file();
      if (!file) throw new AppError('PROGRAMME_FILE_INVALID', { detail: '没有文件 / no file' });
      const content = await file.toBuffer();
      const rows = await readAwardFile(file.filename, content);
      const items = await awards.itemsOfFile(db, deps.cipher, actor, req.params.id, rows);
      const job = await startAwardJob(db, actor, req.params.id, {
        batchKey: req.query.batchKey,
        source: 'file',
        items,
        locale: req.locale,
      });
      return reply.status(202).send(started(job));
    },
  );
  r.get(`${base}/:id/award-jobs/:jobId`, { schema: { tags, params: AwardJobParams, response: { 200: BulkAwardJob } } }, async (req) =>
    getAwardJob(db, requireActor(req), req.params.id, req.params.jobId),
  );
  // 重试: an interrupted job carries on after its last committed batch (each row's key books it at most once).
  r.post(
    `${base}/:id/award-jobs/:jobId/retry`,
    { schema: { tags, params: AwardJobParams, response: { 202: BulkAwardJob } } },
    async (req, reply) => {
      const { job, region } = await retryAwardJob(db, requireActor(req), req.params.id, req.params.jobId);
      void launchAwardJob(db, region, job.id, app.log);
      return reply.status(202).send(job);
    },
  );
  r.get(
    `${base}/:id/award-jobs/:jobId/rows`,
    { schema: { tags, params: AwardJobParams, querystring: AwardJobRowsQuery, response: { 200: AwardJobRows } } },
    async (req) => awardJobRows(db, requireActor(req), req.params.id, req.params.jobId, req.query),
  );
  r.get(`${base}/:id/award-jobs/:jobId/file`, { schema: { tags, params: AwardJobParams } }, async (req, reply) => {
    const content = await awardJobFile(db, requireActor(req), req.params.id, req.params.jobId, req.locale);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="award-job-${req.params.jobId}.xlsx"`)
      .send(content);
  });
  r.post(
    `${base}/:id/reversals`,
    { schema: { tags, params: IdParam, body: ReversalBody, response: { 200: ReversalResult } } },
    async (req) => awards.reverseAward(db, requireActor(req), req.params.id, req.body),
  );
  r.get(
    `${base}/:id/transfers`,
    { schema: { tags, params: IdParam, querystring: TransferListQuery, response: { 200: pageOf(PointsTransfer) } } },
    async (req) => programmes.listTransfers(db, requireActor(req), req.params.id, req.query),
  );
  r.get(
    `${base}/:id/ranking`,
    { schema: { tags, params: IdParam, querystring: RankingQuery, response: { 200: z.object({ items: z.array(RankingRow) }) } } },
    async (req) => programmes.ranking(db, requireActor(req), req.params.id, req.query),
  );
}
