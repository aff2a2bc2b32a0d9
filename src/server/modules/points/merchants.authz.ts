import { buildMember } from '../../testing/harness.js';
import type { AuthzFixtures, AuthzRequest, ModuleAuthz } from '../../testing/authz.js';
import { award, programmeAt, regionOfMember } from './merchants.fixtures.js';
import { mintSpendCode } from './redemptions.codes.js';

type Counter = { merchantId: number; itemId: number; programmeId: number; memberId: number; regionId: number };
const counters = new WeakMap<AuthzFixtures, Promise<Counter>>();

/** One merchant on the street T taking a funded programme of T, and a member of U with points: made once per run. */
function counterOf(f: AuthzFixtures): Promise<Counter> {
  let c = counters.get(f);
  if (!c) {
    c = (async () => {
      const db = f.ctx.database.db;
      const programme = await programmeAt(db, f.tree.dcStreet.id);
      const merchant = await f.asAdmin<{ id: number; items: { id: number }[] }>({
        method: 'POST',
        url: '/api/points/merchants',
        payload: {
          orgId: f.tree.dcStreet.id,
          name: `矩阵商户${f.unique()}`,
          items: [{ name: '午餐套餐', points: 1 }],
          programmeIds: [programme.id],
        },
      });
      const member = await buildMember(f.ctx, f.tree.dcUnion.id);
      await award(db, programme.book, member.id, 100_000);
      return {
        merchantId: merchant.id,
        itemId: merchant.items[0]!.id,
        programmeId: programme.id,
        memberId: member.id,
        regionId: await regionOfMember(db, member.id),
      };
    })();
    counters.set(f, c);
  }
  return c;
}

async function redemptionRequest(f: AuthzFixtures, hold: boolean): Promise<AuthzRequest> {
  const c = await counterOf(f);
  const code = await mintSpendCode(f.ctx.app.deps, { memberId: c.memberId, regionId: c.regionId });
  return {
    method: 'POST',
    url: '/api/points/redemptions',
    payload: { code: code.token, merchantId: c.merchantId, itemId: c.itemId, hold },
    headers: { 'idempotency-key': `matrix-${f.unique()}` },
  };
}

async function holdRequest(f: AuthzFixtures, how: 'post' | 'void'): Promise<AuthzRequest> {
  const c = await counterOf(f);
  const held = await f.asAdmin<{ id: number }>(await redemptionRequest(f, true));
  return { method: 'POST', url: `/api/points/redemptions/${held.id}/${how}`, payload: { merchantId: c.merchantId } };
}

const merchantOnStreet = (f: AuthzFixtures) =>
  f.asAdmin<{ id: number; items: { id: number }[] }>({
    method: 'POST',
    url: '/api/points/merchants',
    payload: { orgId: f.tree.dcStreet.id, name: `矩阵商户${f.unique()}`, items: [{ name: '绿豆汤', points: 3 }] },
  });

const write = { action: 'points.write', visibleWith: 'points.read', write: true } as const;
const redeem = { action: 'points.redeem', write: true } as const;

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'POST /api/points/merchants',
      action: 'points.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: '/api/points/merchants',
        payload: { orgId: f.tree.dcStreet.id, name: `矩阵商户${f.unique()}`, shops: [{ name: '一号店', address: '东华门大街1号' }] },
      }),
    },
    {
      route: 'GET /api/points/merchants',
      action: 'points.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/points/merchants?orgId=${f.tree.dcStreet.id}` }),
    },
    {
      route: 'GET /api/points/merchants/:id',
      action: 'points.read',
      visibleWith: 'points.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/points/merchants/${(await merchantOnStreet(f)).id}` }),
    },
    {
      route: 'POST /api/points/merchants/:id/status',
      ...write,
      request: async (f) => ({
        method: 'POST',
        url: `/api/points/merchants/${(await merchantOnStreet(f)).id}/status`,
        payload: { status: 'suspended' },
      }),
    },
    {
      route: 'POST /api/points/merchants/:id/shops',
      ...write,
      request: async (f) => ({
        method: 'POST',
        url: `/api/points/merchants/${(await merchantOnStreet(f)).id}/shops`,
        payload: { name: '二号店', address: '王府井大街2号', lat: 39.91, lng: 116.41 },
      }),
    },
    {
      route: 'POST /api/points/merchants/:id/items',
      ...write,
      request: async (f) => ({
        method: 'POST',
        url: `/api/points/merchants/${(await merchantOnStreet(f)).id}/items`,
        payload: { name: '午餐套餐', points: 15 },
      }),
    },
    {
      route: 'POST /api/points/merchants/:id/items/:itemId/withdraw',
      ...write,
      request: async (f) => {
        const m = await merchantOnStreet(f);
        return { method: 'POST', url: `/api/points/merchants/${m.id}/items/${m.items[0]!.id}/withdraw` };
      },
    },
    {
      route: 'POST /api/points/merchants/:id/programmes',
      ...write,
      request: async (f) => ({
        method: 'POST',
        url: `/api/points/merchants/${(await merchantOnStreet(f)).id}/programmes`,
        payload: { programmeId: (await counterOf(f)).programmeId },
      }),
    },
    {
      route: 'POST /api/points/merchants/:id/cashiers',
      ...write,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: `/api/points/merchants/${(await merchantOnStreet(f)).id}/cashiers`,
        payload: { username: `cashier${f.unique()}`, displayName: '收银员' },
      }),
    },
    {
      route: 'GET /api/points/merchants/:id/statement',
      action: 'points.read',
      visibleWith: 'points.read',
      write: false,
      binary: true,
      request: async (f) => ({ method: 'GET', url: `/api/points/merchants/${(await counterOf(f)).merchantId}/statement?month=2026-12` }),
    },
    {
      route: 'GET /api/points/counter',
      ...redeem,
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/points/counter?merchantId=${(await counterOf(f)).merchantId}` }),
    },
    { route: 'POST /api/points/redemptions', ...redeem, ok: 201, request: (f) => redemptionRequest(f, false) },
    {
      route: 'GET /api/points/redemptions',
      ...redeem,
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/points/redemptions?merchantId=${(await counterOf(f)).merchantId}` }),
    },
    { route: 'POST /api/points/redemptions/:id/post', ...redeem, request: (f) => holdRequest(f, 'post') },
    { route: 'POST /api/points/redemptions/:id/void', ...redeem, request: (f) => holdRequest(f, 'void') },
  ],
  memberRoutes: [
    { route: 'GET /api/portal/points' },
    { route: 'GET /api/portal/points/history' },
    { route: 'GET /api/portal/points/places' },
    { route: 'POST /api/portal/points/code' },
  ],
};
