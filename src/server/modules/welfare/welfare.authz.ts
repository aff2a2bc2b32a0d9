import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';
import type { CampaignDetail, Handout } from '../../../common/welfare.js';
import { merchantAt } from './welfare.fixtures.js';

/** A merchant registered by the street T. */
const merchantOnStreet = (f: AuthzFixtures) => merchantAt(f.ctx.database.db, f.tree.dcStreet.id, `矩阵冷饮店${f.unique()}`);

/** A 夏送清凉 campaign of the street T with watermelons and a cold-drink voucher, stocked at its warehouse. */
async function campaignOnStreet(f: AuthzFixtures): Promise<{ campaign: CampaignDetail; merchantId: number }> {
  const merchantId = await merchantOnStreet(f);
  const campaign = await f.asAdmin<CampaignDetail>({
    method: 'POST',
    url: '/api/welfare/campaigns',
    payload: {
      orgId: f.tree.dcStreet.id,
      kind: 'summer',
      name: `矩阵夏送清凉${f.unique()}`,
      startsOn: '2026-07-01',
      endsOn: '2026-08-31',
      voucherFrom: '2026-01-01',
      voucherTo: '2099-12-31',
      merchantIds: [merchantId],
      items: [
        { name: '西瓜', unit: '斤', plannedQty: 10000, budgetYuan: 15000 },
        { name: '冷饮兑换券', unit: '张', plannedQty: 100, budgetYuan: 500, isVoucher: true },
      ],
    },
  });
  for (const item of campaign.items)
    await f.asAdmin({
      method: 'POST',
      url: `/api/welfare/campaigns/${campaign.id}/moves`,
      payload: { kind: 'stock_in', key: `in-${item.id}`, itemId: item.id, qty: 1000 },
    });
  return { campaign, merchantId };
}

const phone = (f: AuthzFixtures) => `1380${String(f.unique()).slice(-7)}`;

/** A voucher handed out to a named outdoor worker at the street's warehouse: its signed token. */
async function voucherOnStreet(f: AuthzFixtures): Promise<{ token: string; merchantId: number }> {
  const { campaign, merchantId } = await campaignOnStreet(f);
  const handout = await f.asAdmin<Handout>({
    method: 'POST',
    url: `/api/welfare/campaigns/${campaign.id}/handouts`,
    payload: {
      kind: 'person',
      key: `h-${f.unique()}`,
      from: { orgId: f.tree.dcStreet.id },
      name: '户外劳动者',
      phone: phone(f),
      items: [{ itemId: campaign.items[1]!.id, qty: 1 }],
    },
  });
  return { token: handout.vouchers[0]!.token, merchantId };
}

/** A counted batch of 30 handed out at a market the street T runs: the hand-out a site photo belongs to. */
async function batchOnStreet(f: AuthzFixtures): Promise<{ campaign: CampaignDetail; handoutId: number }> {
  const { campaign } = await campaignOnStreet(f);
  const melon = campaign.items[0]!.id;
  const site = { orgId: f.tree.dcStreet.id, site: '东华门菜市场' };
  await f.asAdmin({
    method: 'POST',
    url: `/api/welfare/campaigns/${campaign.id}/moves`,
    payload: { kind: 'transfer', key: `s-${f.unique()}`, itemId: melon, qty: 100, from: { orgId: f.tree.dcStreet.id }, to: site },
  });
  const handout = await f.asAdmin<Handout>({
    method: 'POST',
    url: `/api/welfare/campaigns/${campaign.id}/handouts`,
    payload: { kind: 'batch', key: `b-${f.unique()}`, from: site, count: 30, items: [{ itemId: melon, qty: 100 }] },
  });
  return { campaign, handoutId: handout.id };
}

/** A multipart body holding a real 1×1 PNG. */
function photoUpload(): { payload: Buffer; contentType: string } {
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  const boundary = '----gonghuimatrixphoto';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export const authz: ModuleAuthz = {
  publicRoutes: ['GET /api/public/welfare/voucher-key'],
  memberRoutes: [{ route: 'GET /api/portal/welfare/vouchers' }],
  cases: [
    {
      route: 'POST /api/welfare/campaigns',
      action: 'welfare.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: '/api/welfare/campaigns',
        payload: {
          orgId: f.tree.dcStreet.id,
          kind: 'winter',
          name: `矩阵送温暖${f.unique()}`,
          startsOn: '2026-12-01',
          endsOn: '2027-01-31',
          items: [{ name: '棉衣', unit: '份', plannedQty: 100, budgetYuan: 20000 }],
        },
      }),
    },
    {
      route: 'GET /api/welfare/campaigns',
      action: 'welfare.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/welfare/campaigns?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'GET /api/welfare/campaigns/:id',
      action: 'welfare.read',
      visibleWith: 'welfare.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/welfare/campaigns/${(await campaignOnStreet(f)).campaign.id}` }),
    },
    {
      route: 'POST /api/welfare/campaigns/:id/close',
      action: 'welfare.write',
      visibleWith: 'welfare.read',
      write: true,
      ok: 200,
      request: async (f) => ({
        method: 'POST',
        url: `/api/welfare/campaigns/${(await campaignOnStreet(f)).campaign.id}/close`,
        payload: {},
      }),
    },
    {
      route: 'POST /api/welfare/campaigns/:id/moves',
      action: 'welfare.write',
      visibleWith: 'welfare.read',
      write: true,
      ok: 201,
      request: async (f) => {
        const { campaign } = await campaignOnStreet(f);
        return {
          method: 'POST',
          url: `/api/welfare/campaigns/${campaign.id}/moves`,
          payload: { kind: 'stock_in', key: `more-${f.unique()}`, itemId: campaign.items[0]!.id, qty: 500 },
        };
      },
    },
    {
      // The union U confirms an allocation the street sent it.
      route: 'POST /api/welfare/campaigns/:id/receipts',
      action: 'welfare.write',
      visibleWith: 'welfare.read',
      write: true,
      ok: 201,
      target: 'union',
      request: async (f) => {
        const { campaign } = await campaignOnStreet(f);
        const move = await f.asAdmin<{ id: number }>({
          method: 'POST',
          url: `/api/welfare/campaigns/${campaign.id}/moves`,
          payload: {
            kind: 'allocate',
            key: `alloc-${f.unique()}`,
            itemId: campaign.items[0]!.id,
            qty: 200,
            fromOrgId: f.tree.dcStreet.id,
            toOrgId: f.tree.dcUnion.id,
          },
        });
        return { method: 'POST', url: `/api/welfare/campaigns/${campaign.id}/receipts`, payload: { moveId: move.id } };
      },
    },
    {
      route: 'POST /api/welfare/campaigns/:id/handouts',
      action: 'welfare.write',
      visibleWith: 'welfare.read',
      write: true,
      ok: 201,
      request: async (f) => {
        const { campaign } = await campaignOnStreet(f);
        return {
          method: 'POST',
          url: `/api/welfare/campaigns/${campaign.id}/handouts`,
          payload: {
            kind: 'person',
            key: `h-${f.unique()}`,
            from: { orgId: f.tree.dcStreet.id },
            name: '环卫工人',
            phone: phone(f),
            items: [{ itemId: campaign.items[0]!.id, qty: 10 }],
          },
        };
      },
    },
    {
      route: 'GET /api/welfare/campaigns/:id/handouts',
      action: 'welfare.read',
      visibleWith: 'welfare.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/welfare/campaigns/${(await campaignOnStreet(f)).campaign.id}/handouts` }),
    },
    {
      route: 'POST /api/welfare/campaigns/:id/handouts/:handoutId/photo',
      action: 'welfare.write',
      visibleWith: 'welfare.read',
      write: true,
      ok: 201,
      request: async (f) => {
        const { campaign, handoutId } = await batchOnStreet(f);
        return { method: 'POST', url: `/api/welfare/campaigns/${campaign.id}/handouts/${handoutId}/photo`, ...photoUpload() };
      },
    },
    {
      route: 'GET /api/welfare/campaigns/:id/handouts/:handoutId/photo',
      action: 'welfare.read',
      visibleWith: 'welfare.read',
      write: false,
      binary: true,
      request: async (f) => {
        const { campaign, handoutId } = await batchOnStreet(f);
        const url = `/api/welfare/campaigns/${campaign.id}/handouts/${handoutId}/photo`;
        const { payload, contentType } = photoUpload();
        await f.asAdmin({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
        return { method: 'GET', url };
      },
    },
    {
      route: 'GET /api/welfare/campaigns/:id/reconciliation',
      action: 'welfare.read',
      visibleWith: 'welfare.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/welfare/campaigns/${(await campaignOnStreet(f)).campaign.id}/reconciliation` }),
    },
    {
      route: 'GET /api/welfare/campaigns/:id/reconciliation.xlsx',
      action: 'welfare.read',
      visibleWith: 'welfare.read',
      write: false,
      binary: true,
      request: async (f) => ({
        method: 'GET',
        url: `/api/welfare/campaigns/${(await campaignOnStreet(f)).campaign.id}/reconciliation.xlsx`,
      }),
    },
    {
      // A shop's counter: the merchant must lie in the caller's points.redeem scope (a cashier: its own merchant).
      route: 'POST /api/welfare/redemptions',
      action: 'points.redeem',
      write: true,
      request: async (f) => {
        const { token, merchantId } = await voucherOnStreet(f);
        return { method: 'POST', url: '/api/welfare/redemptions', payload: { token, merchantId } };
      },
    },
    {
      route: 'POST /api/welfare/redemptions/offline',
      action: 'points.redeem',
      write: true,
      request: async (f) => {
        const { token, merchantId } = await voucherOnStreet(f);
        return {
          method: 'POST',
          url: '/api/welfare/redemptions/offline',
          payload: { merchantId, scans: [{ token, scannedAt: new Date().toISOString() }] },
        };
      },
    },
  ],
};
