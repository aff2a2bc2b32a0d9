import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam, pageOf } from '../../../common/paging.js';
import {
  Campaign,
  CampaignDetail,
  CampaignListQuery,
  CreateCampaignBody,
  Handout,
  HandoutBody,
  HandoutListQuery,
  HandoutPhoto,
  HandoutPhotoParams,
  MemberVoucher,
  MoveBody,
  OfflineScansBody,
  OfflineScansResult,
  ReceiptBody,
  Reconciliation,
  Redemption,
  RedemptionBody,
  StockMove,
  VoucherKey,
} from '../../../common/welfare.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { readUploadedFile } from '../../http/upload.js';
import { requireMember } from '../../auth/member-session.js';
import { z } from 'zod';
import { attachmentDisposition } from '../../http/attachment.js';
import { loadMasterSecret } from '../../crypto/pii.js';
import { createVoucherSigner } from './welfare.signer.js';
import * as welfare from './welfare.service.js';
import * as vouchers from './welfare.vouchers.js';
import { reconcile, reconciliationXlsx } from './welfare.reconcile.js';
import { addHandoutPhoto, openHandoutPhoto, PHOTO_MAX_BYTES } from './welfare.photos.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/welfare.errors.js';

/** Welfare campaigns (慰问 / 夏送清凉 / 送温暖): campaigns, stock, hand-outs, vouchers, reconciliation. */
export function welfareRoutes(app: FastifyInstance, deps: Deps): void {
  const { db, config } = deps;
  const signer = createVoucherSigner(loadMasterSecret({ secret: config.secret, dataDir: config.dataDir }));
  const wdeps: welfare.WelfareDeps = { db, cipher: deps.cipher, cardSigner: deps.cardSigner, vouchers: signer };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['welfare'];
  r.post('/api/welfare/campaigns', { schema: { tags, body: CreateCampaignBody, response: { 201: CampaignDetail } } }, async (req, reply) =>
    reply.status(201).send(await welfare.createCampaign(db, requireActor(req), req.body)),
  );
  r.get('/api/welfare/campaigns', { schema: { tags, querystring: CampaignListQuery, response: { 200: pageOf(Campaign) } } }, async (req) =>
    welfare.listCampaigns(db, requireActor(req), req.query),
  );
  r.get('/api/welfare/campaigns/:id', { schema: { tags, params: IdParam, response: { 200: CampaignDetail } } }, async (req) =>
    welfare.getCampaign(db, requireActor(req), req.params.id),
  );
  r.post('/api/welfare/campaigns/:id/close', { schema: { tags, params: IdParam, response: { 200: CampaignDetail } } }, async (req) =>
    welfare.closeCampaign(db, deps.events, requireActor(req), req.params.id),
  );
  r.post(
    '/api/welfare/campaigns/:id/moves',
    { schema: { tags, params: IdParam, body: MoveBody, response: { 201: StockMove } } },
    async (req, reply) => reply.status(201).send(await welfare.moveStock(db, requireActor(req), req.params.id, req.body)),
  );
  r.post(
    '/api/welfare/campaigns/:id/receipts',
    { schema: { tags, params: IdParam, body: ReceiptBody, response: { 201: StockMove } } },
    async (req, reply) => reply.status(201).send(await welfare.confirmReceipt(db, requireActor(req), req.params.id, req.body)),
  );
  r.post(
    '/api/welfare/campaigns/:id/handouts',
    { schema: { tags, params: IdParam, body: HandoutBody, response: { 201: Handout } } },
    async (req, reply) => reply.status(201).send(await welfare.handOut(wdeps, requireActor(req), req.params.id, req.body)),
  );
  r.get(
    '/api/welfare/campaigns/:id/handouts',
    { schema: { tags, params: IdParam, querystring: HandoutListQuery, response: { 200: pageOf(Handout) } } },
    async (req) => welfare.listHandouts(wdeps, requireActor(req), req.params.id, req.query),
  );
  // The photo of a counted batch hand-out at a site: one per hand-out, kept as evidence (welfare.photos.ts).
  r.post(
    '/api/welfare/campaigns/:id/handouts/:handoutId/photo',
    { schema: { tags, params: HandoutPhotoParams, response: { 201: HandoutPhoto } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const file = await readUploadedFile(req, {
        maxBytes: PHOTO_MAX_BYTES,
        missing: () => new AppError('WELFARE_PHOTO_TYPE'),
        tooLarge: () => new AppError('WELFARE_PHOTO_TOO_LARGE', { maxMb: PHOTO_MAX_BYTES / 1024 / 1024 }),
      });
      const photo = await addHandoutPhoto(deps, actor, req.params.id, req.params.handoutId, {
        content: file.bytes,
        truncated: file.truncated,
      });
      return reply.status(201).send(photo);
    },
  );
  r.get('/api/welfare/campaigns/:id/handouts/:handoutId/photo', { schema: { tags, params: HandoutPhotoParams } }, async (req, reply) => {
    const photo = await openHandoutPhoto(deps, requireActor(req), req.params.id, req.params.handoutId);
    return reply.type(photo.mime).header('content-length', photo.bytes).header('cache-control', 'private, no-store').send(photo.stream);
  });
  r.get(
    '/api/welfare/campaigns/:id/reconciliation',
    { schema: { tags, params: IdParam, response: { 200: Reconciliation } } },
    async (req) => {
      const { campaignName: _name, ...report } = await reconcile(db, requireActor(req), req.params.id);
      return report;
    },
  );
  r.get('/api/welfare/campaigns/:id/reconciliation.xlsx', { schema: { tags, params: IdParam } }, async (req, reply) => {
    const { fileName, file } = await reconciliationXlsx(db, requireActor(req), req.params.id, req.locale);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachmentDisposition(fileName, `welfare-reconciliation-${req.params.id}.xlsx`))
      .send(file);
  });
  r.post('/api/welfare/redemptions', { schema: { tags, body: RedemptionBody, response: { 200: Redemption } } }, async (req) =>
    vouchers.redeemVoucher(db, signer, requireActor(req), req.body),
  );
  r.post(
    '/api/welfare/redemptions/offline',
    { schema: { tags, body: OfflineScansBody, response: { 200: OfflineScansResult } } },
    async (req) => vouchers.syncOfflineScans(db, signer, requireActor(req), req.body),
  );
  // The member page: the signed-in member's own vouchers with their QR codes.
  r.get(
    '/api/portal/welfare/vouchers',
    { schema: { tags: ['portal'], response: { 200: z.object({ items: z.array(MemberVoucher) }) } } },
    async (req) => vouchers.vouchersForMember(db, signer, requireMember(req)),
  );
  // The shop's page caches this key and checks voucher codes offline; public: it is a public key.
  r.get(
    '/api/public/welfare/voucher-key',
    {
      schema: { tags: ['public'], response: { 200: VoucherKey } },
      config: { rateLimit: { max: config.publicRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=86400').send(signer.publicJwk),
  );
}
