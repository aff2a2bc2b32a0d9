import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { IdParam, Id, pageOf } from '../../../common/paging.js';
import {
  CatalogueItemInput,
  Counter,
  CounterQuery,
  CreateCashierBody,
  CreatedCashier,
  CreateMerchantBody,
  DesignateBody,
  Merchant,
  MerchantDetail,
  MerchantListQuery,
  MerchantStatusBody,
  Redemption,
  RedemptionBody,
  RedemptionListQuery,
  RedemptionPage,
  ShopInput,
  StatementQuery,
} from '../../../common/points.merchants.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { attachmentDisposition } from '../../http/attachment.js';
import * as merchants from './merchants.service.js';
import * as redemptions from './redemptions.service.js';
import { startStatement } from './redemptions.statement.js';

const HoldBody = z.object({ merchantId: z.number().int().positive().optional() }).default({});

/** Merchants (商户) registered by a node, their cashiers, the counter's charges and the monthly statements. */
export function merchantRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['points'];
  r.post('/api/points/merchants', { schema: { tags, body: CreateMerchantBody, response: { 201: MerchantDetail } } }, async (req, reply) =>
    reply.status(201).send(await merchants.createMerchant(db, requireActor(req), req.body)),
  );
  r.get('/api/points/merchants', { schema: { tags, querystring: MerchantListQuery, response: { 200: pageOf(Merchant) } } }, async (req) =>
    merchants.listMerchants(db, requireActor(req), req.query),
  );
  r.get('/api/points/merchants/:id', { schema: { tags, params: IdParam, response: { 200: MerchantDetail } } }, async (req) =>
    merchants.getMerchant(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/points/merchants/:id/status',
    { schema: { tags, params: IdParam, body: MerchantStatusBody, response: { 200: MerchantDetail } } },
    async (req) => merchants.setMerchantStatus(db, requireActor(req), req.params.id, req.body.status),
  );
  r.post(
    '/api/points/merchants/:id/shops',
    { schema: { tags, params: IdParam, body: ShopInput, response: { 200: MerchantDetail } } },
    async (req) => merchants.addShop(db, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/api/points/merchants/:id/items',
    { schema: { tags, params: IdParam, body: CatalogueItemInput, response: { 200: MerchantDetail } } },
    async (req) => merchants.addItem(db, requireActor(req), req.params.id, req.body),
  );
  r.post(
    '/api/points/merchants/:id/items/:itemId/withdraw',
    { schema: { tags, params: z.object({ id: Id, itemId: Id }), response: { 200: MerchantDetail } } },
    async (req) => merchants.withdrawItem(db, requireActor(req), req.params.id, req.params.itemId),
  );
  r.post(
    '/api/points/merchants/:id/programmes',
    { schema: { tags, params: IdParam, body: DesignateBody, response: { 200: MerchantDetail } } },
    async (req) => merchants.designateProgramme(db, requireActor(req), req.params.id, req.body.programmeId),
  );
  r.post(
    '/api/points/merchants/:id/cashiers',
    { schema: { tags, params: IdParam, body: CreateCashierBody, response: { 201: CreatedCashier } } },
    async (req, reply) => reply.status(201).send(await merchants.createCashier(db, requireActor(req), req.params.id, req.body)),
  );
  r.get('/api/points/merchants/:id/statement', { schema: { tags, params: IdParam, querystring: StatementQuery } }, async (req, reply) => {
    const started = await startStatement(deps, requireActor(req), req.params.id, req.query.month, req.locale);
    const stream = new PassThrough();
    started.write(stream).catch((error: unknown) => {
      req.log.error({ err: error }, 'points statement failed');
      stream.destroy(error as Error);
    });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachmentDisposition(started.fileName, `points-statement-${req.query.month}.xlsx`))
      .send(stream);
  });

  // The counter (cashier session).
  r.get('/api/points/counter', { schema: { tags, querystring: CounterQuery, response: { 200: Counter } } }, async (req) =>
    merchants.counter(db, requireActor(req), req.query.merchantId),
  );
  r.post(
    '/api/points/redemptions',
    {
      schema: {
        tags,
        body: RedemptionBody,
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }),
        response: { 201: Redemption },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await redemptions.redeem(deps, requireActor(req), req.body, req.headers['idempotency-key'])),
  );
  r.get('/api/points/redemptions', { schema: { tags, querystring: RedemptionListQuery, response: { 200: RedemptionPage } } }, async (req) =>
    redemptions.listRedemptions(deps, requireActor(req), req.query),
  );
  r.post(
    '/api/points/redemptions/:id/post',
    { schema: { tags, params: IdParam, body: HoldBody, response: { 200: Redemption } } },
    async (req) => redemptions.resolveHold(deps, requireActor(req), req.params.id, 'post', req.body.merchantId),
  );
  r.post(
    '/api/points/redemptions/:id/void',
    { schema: { tags, params: IdParam, body: HoldBody, response: { 200: Redemption } } },
    async (req) => redemptions.resolveHold(deps, requireActor(req), req.params.id, 'void', req.body.merchantId),
  );
}
