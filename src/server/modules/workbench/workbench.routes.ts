import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { Workbench, WorkbenchCounts, WorkbenchCountsQuery } from '../../../common/workbench.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { getWorkbench, workbenchCounts } from './workbench.service.js';

/** 工作台: the console's home, and the counts behind the menu badges (polled every minute). */
export function workbenchRoutes(app: FastifyInstance, { db, todos }: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workbench'];
  r.get('/api/workbench', { schema: { tags, response: { 200: Workbench } } }, async (req) => getWorkbench(db, todos, requireActor(req)));
  r.get('/api/workbench/counts', { schema: { tags, querystring: WorkbenchCountsQuery, response: { 200: WorkbenchCounts } } }, async (req) =>
    workbenchCounts(db, todos, requireActor(req), req.query),
  );
}
