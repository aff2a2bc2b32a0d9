import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import { CoverageTrend, DistrictList, ReportQuery, SnapshotBody, SnapshotResult, TrendQuery } from '../../../common/coverage.reports.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { attachmentDisposition } from '../../http/attachment.js';
import * as reports from './coverage.reports.service.js';
import { reportFileName, reportLabels, writeReportXlsx } from './coverage.report-xlsx.js';

/** Leaders' reports (issue #11): monthly snapshots, trends, the district map's figures and the Excel 统计报表. */
export function coverageReportRoutes(app: FastifyInstance, { db }: Pick<Deps, 'db'>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['coverage'];
  // Registered before /api/coverage/:id so that "districts" and "report" are not read as ids.
  r.get('/api/coverage/districts', { schema: { tags, response: { 200: DistrictList } } }, async (req) =>
    reports.listDistricts(db, requireActor(req)),
  );
  r.get(
    '/api/coverage/:id/trend',
    { schema: { tags, params: IdParam, querystring: TrendQuery, response: { 200: CoverageTrend } } },
    async (req) => reports.getTrend(db, requireActor(req), req.params.id, req.query.months),
  );
  r.post('/api/coverage/snapshots', { schema: { tags, body: SnapshotBody, response: { 200: SnapshotResult } } }, async (req) =>
    reports.takeSnapshotNow(db, requireActor(req), req.body),
  );
  r.get('/api/coverage/report', { schema: { tags, querystring: ReportQuery } }, async (req, reply) => {
    const report = await reports.buildCoverageReport(db, requireActor(req), req.query, reportLabels(req.locale));
    const file = await writeReportXlsx(report, req.locale);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachmentDisposition(reportFileName(report, req.locale), `coverage-report-${report.asOf}.xlsx`))
      .send(file);
  });
}
