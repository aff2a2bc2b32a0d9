import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam, pageOf } from '../../../common/paging.js';
import { Transfer, TransferDecisionBody, TransferListQuery, TransferRequestBody } from '../../../common/transfers.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as transfers from './transfers.service.js';
import { transfersToConfirm } from './transfers.todos.js';

export function transferRoutes(app: FastifyInstance, deps: Deps): void {
  // What waits for cadres here (工作台, menu badges).
  const unregisterTransfersToConfirm = deps.todos.register(transfersToConfirm);
  app.addHook('onClose', async () => unregisterTransfersToConfirm());
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['transfers'];
  r.post('/api/transfers', { schema: { tags, body: TransferRequestBody, response: { 201: Transfer } } }, async (req, reply) =>
    reply.status(201).send(await transfers.requestTransfer(deps, requireActor(req), req.body)),
  );
  r.get('/api/transfers', { schema: { tags, querystring: TransferListQuery, response: { 200: pageOf(Transfer) } } }, async (req) =>
    transfers.listTransfers(deps.db, requireActor(req), req.query),
  );
  r.post(
    '/api/transfers/:id/decision',
    { schema: { tags, params: IdParam, body: TransferDecisionBody, response: { 200: Transfer } } },
    async (req) => transfers.decideTransfer(deps, requireActor(req), req.params.id, req.body),
  );
}
