import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Engine } from '../../db/client.js';

export const Health = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });

export function healthRoutes(app: FastifyInstance, db: Kysely<DB>, engine: Engine): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', { schema: { tags: ['health'], response: { 200: Health } } }, async () => {
    await sql`SELECT 1`.execute(db);
    return { status: 'ok' as const, db: engine };
  });
}
