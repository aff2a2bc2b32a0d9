import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Deps } from '../../deps.js';
import { pageOf, type Page } from '../../../common/paging.js';
import { OutboxMessage, OutboxQuery } from '../../../common/messages.js';
import { AppError } from '../../../common/errors.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { isRootPath } from '../../auth/tree.js';
import { listPage } from '../../http/list-page.js';
import { boundedTotal } from '../../http/list-total.js';

/**
 * The outbox, newest first: every text message the platform sent, the phone masked. Without an SMS gateway this is
 * how the federation sees what went out (and, in a trial, relays a code). Only a federation admin at the root.
 */
async function listOutbox(deps: Deps, actor: Actor, query: OutboxQuery): Promise<Page<OutboxMessage>> {
  if (!scopeFor(actor, 'message.read').paths.some(isRootPath)) throw new AppError('FORBIDDEN');
  return listPage(query, {
    cursor: 'number',
    read: (before) =>
      deps.db
        .selectFrom('message_outbox')
        .select(['id', 'created_at', 'phone_masked', 'purpose', 'body_zh', 'body_en', 'channel', 'status'])
        .where(before === undefined ? sql<boolean>`true` : sql<boolean>`id < ${before}`)
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .execute(),
    present: (rows) =>
      rows.map((r) => ({
        id: r.id,
        at: r.created_at,
        phoneMasked: r.phone_masked,
        purpose: r.purpose,
        textZh: r.body_zh,
        textEn: r.body_en,
        channel: r.channel,
        status: r.status,
      })),
    sortKey: (last) => last.id,
    total: () => boundedTotal(deps.db, deps.db.selectFrom('message_outbox').select('id')),
  });
}

export function messageRoutes(app: FastifyInstance, deps: Deps): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/messages',
      { schema: { tags: ['messages'], querystring: OutboxQuery, response: { 200: pageOf(OutboxMessage) } } },
      async (req) => listOutbox(deps, requireActor(req), req.query),
    );
}
