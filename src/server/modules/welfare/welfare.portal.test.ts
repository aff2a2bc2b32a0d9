import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, signInMember, type TestContext } from '../../testing/harness.js';
import type { CampaignDetail, Handout, MemberVoucher, Redemption } from '../../../common/welfare.js';
import { merchantAt } from './welfare.fixtures.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let campaign: CampaignDetail;
let merchantId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  merchantId = await merchantAt(ctx.database.db, tree.dcStreet.id, '蜜雪冰城（东华门店）');
  campaign = (
    await ctx.call('POST', '/api/welfare/campaigns', {
      orgId: tree.dongcheng.id,
      kind: 'summer',
      name: '夏送清凉（会员兑换券）',
      startsOn: '2026-07-01',
      endsOn: '2026-08-31',
      voucherFrom: '2026-01-01',
      voucherTo: '2099-12-31',
      merchantIds: [merchantId],
      items: [{ name: '冷饮兑换券', unit: '张', plannedQty: 100, budgetYuan: 500, isVoucher: true }],
    })
  ).json<CampaignDetail>();
  const itemId = campaign.items[0]!.id;
  await ctx.call('POST', `/api/welfare/campaigns/${campaign.id}/moves`, { kind: 'stock_in', key: 'in-voucher', itemId, qty: 100 });
});
afterAll(async () => ctx?.close());

describe('a member sees their own welfare vouchers on the member page', () => {
  it('lists the voucher handed out to the member with a QR code a shop redeems, then shows it redeemed', async () => {
    const member = await buildMember(ctx, tree.dcUnion.id, { name: '王骑手' });
    const other = await buildMember(ctx, tree.dcUnion.id, { name: '赵骑手' });
    const card = (await ctx.call('GET', `/api/members/${member.id}/card`)).json<{ token: string }>();
    const handout = await ctx.call('POST', `/api/welfare/campaigns/${campaign.id}/handouts`, {
      kind: 'member',
      key: 'member-voucher-1',
      from: { orgId: tree.dongcheng.id },
      cardToken: card.token,
      items: [{ itemId: campaign.items[0]!.id, qty: 1 }],
    });
    expect(handout.statusCode).toBe(201);
    const issued = handout.json<Handout>().vouchers[0]!;

    const cookie = await signInMember(ctx, member.idNumber, member.phone);
    const mine = await ctx.call('GET', '/api/portal/welfare/vouchers', undefined, cookie);
    expect(mine.statusCode).toBe(200);
    const [voucher] = mine.json<{ items: MemberVoucher[] }>().items;
    expect(voucher).toMatchObject({
      id: issued.id,
      serial: issued.serial,
      campaignName: '夏送清凉（会员兑换券）',
      itemName: '冷饮兑换券',
      merchants: ['蜜雪冰城（东华门店）'],
      redeemedAt: null,
    });

    // The code on the member page is one the shop redeems; afterwards the member page says when.
    const cashier = await actorWith(ctx, 'cashier', tree.dcStreet.id);
    await ctx.database.db.insertInto('points_merchant_cashier').values({ user_id: cashier.userId, merchant_id: merchantId }).execute();
    const redeemed = await ctx.call('POST', '/api/welfare/redemptions', { token: voucher!.token }, cashier.cookie);
    expect(redeemed.json<Redemption>().outcome).toBe('redeemed');
    const after = (await ctx.call('GET', '/api/portal/welfare/vouchers', undefined, cookie)).json<{ items: MemberVoucher[] }>();
    expect(after.items[0]!.redeemedAt).not.toBeNull();

    // Another member sees none of it; a cadre's session is not a member's.
    const otherCookie = await signInMember(ctx, other.idNumber, other.phone);
    expect(
      (await ctx.call('GET', '/api/portal/welfare/vouchers', undefined, otherCookie)).json<{ items: MemberVoucher[] }>().items,
    ).toEqual([]);
    expect((await ctx.call('GET', '/api/portal/welfare/vouchers')).statusCode).toBe(401);
  });
});
