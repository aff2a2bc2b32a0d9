import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'kysely';
import { DemoStatus } from '../../../common/demo.js';
import type { Deps } from '../../deps.js';

export const Health = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });

export function healthRoutes(app: FastifyInstance, deps: Deps): void {
  const { db, engine } = deps;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/api/health', { schema: { tags: ['health'], response: { 200: Health } } }, async () => {
    await sql`SELECT 1`.execute(db);
    return { status: 'ok' as const, db: engine };
  });
  // Read from memory, never the database: it must answer at once while the demo loader holds the connection.
  routes.get(
    '/api/public/demo-status',
    {
      schema: {
        tags: ['health'],
        summary: 'Whether the demo members are still loading after a first start (演示数据加载中), and how far',
        security: [],
        response: { 200: DemoStatus },
      },
    },
    async () => ({ loading: deps.demoStatus.loading, percent: deps.demoStatus.percent }),
  );
}
