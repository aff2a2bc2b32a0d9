import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'kysely';
import type { Deps } from '../../deps.js';

export const Health = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });

export function healthRoutes(app: FastifyInstance, { db, engine }: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', { schema: { tags: ['health'], response: { 200: Health } } }, async () => {
    await sql`SELECT 1`.execute(db);
    return { status: 'ok' as const, db: engine };
  });
}
