import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { IdParam, queryCount } from '../../../common/paging.js';
import { Coverage, CoverageBreakdown } from '../../../common/coverage.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as coverage from './coverage.service.js';
import { coverageReportRoutes } from './coverage.reports.routes.js';

export function coverageRoutes(app: FastifyInstance, { db }: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['coverage'];
  r.get('/api/coverage/:id', { schema: { tags, params: IdParam, response: { 200: Coverage } } }, async (req) =>
    coverage.getCoverage(db, requireActor(req), req.params.id),
  );
  r.get(
    '/api/coverage/:id/children',
    {
      schema: {
        tags,
        params: IdParam,
        querystring: z.object({ limit: queryCount(1, 500).default(100) }),
        response: { 200: CoverageBreakdown },
      },
    },
    async (req) => coverage.getCoverageBreakdown(db, requireActor(req), req.params.id, req.query.limit),
  );
  coverageReportRoutes(app, { db });
  r.post('/api/coverage/rebuild', { schema: { tags, response: { 200: z.object({ orgs: z.number(), ms: z.number() }) } } }, async (req) =>
    coverage.rebuildAllCoverage(db, requireActor(req)),
  );
}
