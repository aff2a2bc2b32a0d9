/**
 * The points and welfare rows the authorization reliability test aims at (inside the target subtree) and reads
 * beside (inside each outsider's own subtree): a funded programme with an award, a bulk award job, a merchant taking
 * the programme with a shop, an item and a cashier, a posted charge and a held one, and a 夏送清凉 campaign with
 * stock, an allocation, a hand-out and its voucher. Everything is made through the routes as the root's admin.
 */
import { buildMember, type TestContext } from '../src/server/testing/harness.js';
import { mintSpendCode } from '../src/server/modules/points/redemptions.codes.js';
import { regionOfMember } from '../src/server/modules/points/merchants.fixtures.js';

export type AdminRequest = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
};
export type AsAdmin = <T>(request: AdminRequest) => Promise<T>;

export type PointsWorld = {
  programme: number;
  programmeName: string;
  /** The member of the subtree the programme awarded points to. */
  member: number;
  award: number;
  awardJob: number;
  merchant: number;
  merchantName: string;
  shopName: string;
  item: number;
  /** A posted charge (in the statement) and a held one (to post or void). */
  charge: number;
  hold: number;
  campaign: number;
  campaignItems: { goods: number; voucher: number };
  /** An allocation from the campaign's node down to `allocatedTo`, waiting for its receipt. */
  allocation: number;
  handout: number;
  voucher: { id: number; token: string };
};

type Job = { id: number; status: string };

/** A spending code as the member's phone would show it (the portal's own minting). */
export async function spendCode(ctx: TestContext, memberId: number): Promise<string> {
  const code = await mintSpendCode(ctx.app.deps, { memberId, regionId: await regionOfMember(ctx.database.db, memberId) });
  return code.token;
}

/**
 * Builds the world on `orgId` (a street or a district), its member in `memberOrgId` below it and the allocation
 * going to `allocatedTo` (a node below `orgId`). `label` keeps names apart (靶子 for the target).
 */
export async function buildPointsWorld(
  ctx: TestContext,
  asAdmin: AsAdmin,
  o: { orgId: number; memberOrgId: number; allocatedTo: number; label: string; serial: () => number },
): Promise<PointsWorld> {
  const { orgId, label } = o;
  // Keys are printable ASCII: the world's own tag, not its Chinese label.
  const tag = `w${o.serial()}`;
  const programmeName = `${label}积分项目`;
  const programme = await asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/points/programmes',
    payload: { orgId, name: programmeName, earnRules: { volunteerHour: 10, manual: true }, expiryRule: 'end_of_next_year' },
  });
  await asAdmin({ method: 'POST', url: `/api/points/programmes/${programme.id}/fund`, payload: { key: `fund:${tag}`, amount: 100_000 } });
  const member = await buildMember(ctx, o.memberOrgId, { name: `${label}积分会员` });
  const award = await asAdmin<{ transfer: { id: number } }>({
    method: 'POST',
    url: `/api/points/programmes/${programme.id}/awards`,
    payload: { source: 'volunteer_hours', key: `award:${tag}`, memberId: member.id, hours: 20, reason: '社区志愿服务' },
  });
  const job = await asAdmin<Job>({
    method: 'POST',
    url: `/api/points/programmes/${programme.id}/awards/bulk`,
    payload: { batchKey: `bulk-${o.serial()}`, rows: [{ memberId: member.id, points: 5, reason: '外卖骑手志愿服务' }] },
  });
  // The job runs in the background: wait for it, so nothing is still writing when the file's database closes.
  for (let status = job.status; status === 'queued' || status === 'running';) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = (await asAdmin<Job>({ method: 'GET', url: `/api/points/programmes/${programme.id}/award-jobs/${job.id}` })).status;
  }

  const merchantName = `${label}美食城商户`;
  const shopName = `${label}美食城一号店`;
  const merchant = await asAdmin<{ id: number; items: { id: number }[] }>({
    method: 'POST',
    url: '/api/points/merchants',
    payload: {
      orgId,
      name: merchantName,
      shops: [{ name: shopName, address: '东华门大街1号' }],
      items: [{ name: '午餐套餐', points: 15 }],
      programmeIds: [programme.id],
    },
  });
  await asAdmin({
    method: 'POST',
    url: `/api/points/merchants/${merchant.id}/cashiers`,
    payload: { username: `cashier${o.serial()}`, displayName: `${label}收银员` },
  });
  const charge = async (hold: boolean) =>
    asAdmin<{ id: number }>({
      method: 'POST',
      url: '/api/points/redemptions',
      payload: { code: await spendCode(ctx, member.id), merchantId: merchant.id, itemId: merchant.items[0]!.id, hold },
      headers: { 'idempotency-key': `${tag}-${o.serial()}` },
    });
  const posted = await charge(false);
  const held = await charge(true);

  const campaign = await asAdmin<{ id: number; items: { id: number; isVoucher: boolean }[] }>({
    method: 'POST',
    url: '/api/welfare/campaigns',
    payload: {
      orgId,
      kind: 'summer',
      name: `${label}夏送清凉`,
      startsOn: '2026-07-01',
      endsOn: '2026-08-31',
      voucherFrom: '2026-01-01',
      voucherTo: '2099-12-31',
      merchantIds: [merchant.id],
      items: [
        { name: '西瓜', unit: '斤', plannedQty: 10_000, budgetYuan: 15_000 },
        { name: '冷饮兑换券', unit: '张', plannedQty: 1_500, budgetYuan: 4_500, isVoucher: true },
      ],
    },
  });
  const goods = campaign.items.find((i) => !i.isVoucher)!.id;
  const voucherItem = campaign.items.find((i) => i.isVoucher)!.id;
  for (const [itemId, qty] of [
    [goods, 10_000],
    [voucherItem, 1_500],
  ] as const)
    await asAdmin({
      method: 'POST',
      url: `/api/welfare/campaigns/${campaign.id}/moves`,
      payload: { kind: 'stock_in', key: `in-${tag}-${itemId}`, itemId, qty },
    });
  const allocation = await asAdmin<{ id: number }>({
    method: 'POST',
    url: `/api/welfare/campaigns/${campaign.id}/moves`,
    payload: { kind: 'allocate', key: `alloc-${tag}`, itemId: goods, qty: 2_000, fromOrgId: orgId, toOrgId: o.allocatedTo },
  });
  const handout = await asAdmin<{ id: number; vouchers: { id: number; token: string }[] }>({
    method: 'POST',
    url: `/api/welfare/campaigns/${campaign.id}/handouts`,
    payload: {
      kind: 'person',
      key: `handout-${tag}`,
      from: { orgId },
      name: `${label}环卫工人`,
      phone: `1390${String(o.serial()).slice(-7)}`,
      items: [
        { itemId: goods, qty: 10 },
        { itemId: voucherItem, qty: 1 },
      ],
    },
  });
  return {
    programme: programme.id,
    programmeName,
    member: member.id,
    award: award.transfer.id,
    awardJob: job.id,
    merchant: merchant.id,
    merchantName,
    shopName,
    item: merchant.items[0]!.id,
    charge: posted.id,
    hold: held.id,
    campaign: campaign.id,
    campaignItems: { goods, voucher: voucherItem },
    allocation: allocation.id,
    handout: handout.id,
    voucher: handout.vouchers[0]!,
  };
}
