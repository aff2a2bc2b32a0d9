import { createPublicKey, verify } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, makeIdNumber, makePhone, type TestContext } from '../../testing/harness.js';
import type { CampaignDetail, Handout, Reconciliation, Redemption, StockMove, VoucherKey } from '../../../common/welfare.js';
import { merchantAt } from './welfare.fixtures.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let merchantId: number;
let otherMerchantId: number;
let campaign: CampaignDetail;
let key = 0;
const nextKey = () => `k-${++key}`;

const merchant = (name: string, orgId: number) => merchantAt(ctx.database.db, orgId, name);

async function cashierOf(merchant: number, orgId: number): Promise<string> {
  const cashier = await actorWith(ctx, 'cashier', orgId);
  await ctx.database.db.insertInto('points_merchant_cashier').values({ user_id: cashier.userId, merchant_id: merchant }).execute();
  return cashier.cookie;
}

const item = (name: string) => campaign.items.find((i) => i.name === name)!;
const move = (body: object, cookie?: string) => ctx.call('POST', `/api/welfare/campaigns/${campaign.id}/moves`, body, cookie);
const handOut = (body: object, cookie?: string) => ctx.call('POST', `/api/welfare/campaigns/${campaign.id}/handouts`, body, cookie);
const reconciliation = async (cookie?: string) =>
  (await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}/reconciliation`, undefined, cookie)).json<Reconciliation>();

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  merchantId = await merchant('蜜雪冰城（东华门店）', tree.dcStreet.id);
  otherMerchantId = await merchant('便利蜂（景山店）', tree.dcStreet2.id);
  const created = await ctx.call('POST', '/api/welfare/campaigns', {
    orgId: tree.dongcheng.id,
    kind: 'summer',
    name: '2026年夏送清凉',
    startsOn: '2026-07-01',
    endsOn: '2026-08-31',
    voucherFrom: '2026-01-01',
    voucherTo: '2099-12-31',
    coOrganiserIds: [tree.dcStreet2.id],
    merchantIds: [merchantId],
    items: [
      { name: '西瓜', unit: '斤', plannedQty: 10000, budgetYuan: 15000 },
      { name: '绿豆汤', unit: '份', plannedQty: 1500, budgetYuan: 4500.5 },
      { name: '冷饮兑换券', unit: '张', plannedQty: 500, budgetYuan: 2500, isVoucher: true },
    ],
  });
  expect(created.statusCode).toBe(201);
  campaign = created.json<CampaignDetail>();
});
afterAll(async () => ctx?.close());

describe('welfare campaigns (夏送清凉)', () => {
  it('creates a campaign with items, budgets in yuan and designated merchants', () => {
    expect(campaign.items.map((i) => [i.name, i.unit, i.plannedQty])).toEqual([
      ['西瓜', '斤', 10000],
      ['绿豆汤', '份', 1500],
      ['冷饮兑换券', '张', 500],
    ]);
    expect(campaign.budgetYuan).toBe(22000.5);
    expect(campaign.merchants.map((m) => m.merchantId)).toEqual([merchantId]);
    expect(campaign.coOrganisers.map((c) => c.orgId)).toEqual([tree.dcStreet2.id]);
  });

  it('stocks the warehouse by key: a retry answers the first move, other fields under the same key are refused', async () => {
    const first = await move({ kind: 'stock_in', key: 'in-melon', itemId: item('西瓜').id, qty: 10000 });
    expect(first.statusCode).toBe(201);
    const again = await move({ kind: 'stock_in', key: 'in-melon', itemId: item('西瓜').id, qty: 10000 });
    expect(again.json<StockMove>().id).toBe(first.json<StockMove>().id);
    const other = await move({ kind: 'stock_in', key: 'in-melon', itemId: item('西瓜').id, qty: 9000 });
    expect(other.statusCode).toBe(409);
    expect(other.json<{ code: string }>().code).toBe('WELFARE_KEY_REUSED');
    for (const [name, qty] of [
      ['绿豆汤', 1500],
      ['冷饮兑换券', 500],
    ] as const)
      expect((await move({ kind: 'stock_in', key: `in-${item(name).id}`, itemId: item(name).id, qty })).statusCode).toBe(201);
  });

  it('allocates down the tree in transit until the receiving node confirms receipt, once', async () => {
    const sent = await move({
      kind: 'allocate',
      key: nextKey(),
      itemId: item('西瓜').id,
      qty: 3000,
      fromOrgId: tree.dongcheng.id,
      toOrgId: tree.dcStreet.id,
    });
    expect(sent.statusCode).toBe(201);
    const streetCadre = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
    const seen = (await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}`, undefined, streetCadre.cookie)).json<CampaignDetail>();
    expect(seen.pendingReceipts.map((p) => p.qty)).toEqual([3000]);
    // Nothing to hand out before the receipt: the street holds no stock yet.
    const early = await handOut(
      {
        kind: 'person',
        key: nextKey(),
        from: { orgId: tree.dcStreet.id },
        name: '张师傅',
        phone: makePhone(),
        items: [{ itemId: item('西瓜').id, qty: 10 }],
      },
      streetCadre.cookie,
    );
    expect(early.json<{ code: string }>().code).toBe('WELFARE_NOT_IN_CAMPAIGN');
    const receipt = await ctx.call(
      'POST',
      `/api/welfare/campaigns/${campaign.id}/receipts`,
      { moveId: sent.json<StockMove>().id },
      streetCadre.cookie,
    );
    expect(receipt.statusCode).toBe(201);
    const twice = await ctx.call(
      'POST',
      `/api/welfare/campaigns/${campaign.id}/receipts`,
      { moveId: sent.json<StockMove>().id },
      streetCadre.cookie,
    );
    expect(twice.json<StockMove>().id).toBe(receipt.json<StockMove>().id);
    const after = (await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}`, undefined, streetCadre.cookie)).json<CampaignDetail>();
    expect(after.pendingReceipts).toEqual([]);
    expect(after.stock.filter((s) => s.kind === 'node').map((s) => s.qty)).toEqual([3000]);
    // Upwards or sideways is not an allocation.
    const up = await move({
      kind: 'allocate',
      key: nextKey(),
      itemId: item('西瓜').id,
      qty: 1,
      fromOrgId: tree.dcStreet.id,
      toOrgId: tree.dongcheng.id,
    });
    expect(up.statusCode).toBe(422);
  });

  it('never lets stock go below zero', async () => {
    const site = await move({
      kind: 'transfer',
      key: nextKey(),
      itemId: item('西瓜').id,
      qty: 100,
      from: { orgId: tree.dcStreet.id },
      to: { orgId: tree.dcStreet.id, site: '东华门菜市场' },
    });
    expect(site.statusCode).toBe(201);
    const tooMuch = await handOut({
      kind: 'batch',
      key: nextKey(),
      from: { orgId: tree.dcStreet.id, site: '东华门菜市场' },
      count: 30,
      items: [{ itemId: item('西瓜').id, qty: 101 }],
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json<{ message: string }>().message).toContain('仅剩 100斤');
    const batch = await handOut({
      kind: 'batch',
      key: nextKey(),
      from: { orgId: tree.dcStreet.id, site: '东华门菜市场' },
      count: 30,
      items: [{ itemId: item('西瓜').id, qty: 100 }],
    });
    expect(batch.statusCode).toBe(201);
    const negative = await ctx.database.db.selectFrom('welfare_balance').select('qty').where('qty', '<', 0).execute();
    expect(negative).toEqual([]);
  });

  it('hands out once per person across units, by card or by ID number, and names where the first hand-out was', async () => {
    const member = await buildMember(ctx, tree.dcUnion.id, { name: '李环卫' });
    const card = (await ctx.call('GET', `/api/members/${member.id}/card`)).json<{ token: string }>();
    const byCard = await handOut({
      kind: 'member',
      key: nextKey(),
      from: { orgId: tree.dcStreet.id },
      cardToken: card.token,
      items: [{ itemId: item('西瓜').id, qty: 10 }],
    });
    expect(byCard.statusCode).toBe(201);
    expect(byCard.json<Handout>().nameMasked).toBe('李**');
    // Another unit (the warehouse of the district) tries the same person as a non-member with the ID number.
    const again = await handOut({
      kind: 'person',
      key: nextKey(),
      from: { orgId: tree.dongcheng.id },
      name: '李环卫',
      phone: makePhone(),
      idNumber: member.idNumber,
      items: [{ itemId: item('绿豆汤').id, qty: 1 }],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string; message: string }>().code).toBe('WELFARE_ALREADY_HANDED_OUT');
    expect(again.json<{ message: string }>().message).toContain(tree.dcStreet.name);
    // A non-member by phone, collected by a workmate (代领): the answer is masked, the row sealed.
    const phone = makePhone();
    const proxy = await handOut({
      kind: 'person',
      key: nextKey(),
      from: { orgId: tree.dongcheng.id },
      name: '王建筑',
      phone,
      collectorName: '赵工友',
      items: [{ itemId: item('绿豆汤').id, qty: 1 }],
    });
    expect(proxy.statusCode).toBe(201);
    expect(proxy.body).not.toContain(phone);
    expect(proxy.json<Handout>()).toMatchObject({ collectorName: '赵工友', phoneMasked: expect.stringContaining('****') });
    const stored = await ctx.database.db
      .selectFrom('welfare_handout')
      .select(['phone_enc'])
      .where('id', '=', proxy.json<Handout>().id)
      .executeTakeFirstOrThrow();
    expect(stored.phone_enc).not.toContain(phone);
    expect(ctx.app.deps.cipher.decrypt(stored.phone_enc!)).toBe(phone);
    const samePhone = await handOut({
      kind: 'person',
      key: nextKey(),
      from: { orgId: tree.dcStreet.id },
      name: '王建筑',
      phone,
      items: [{ itemId: item('西瓜').id, qty: 5 }],
    });
    expect(samePhone.statusCode).toBe(409);
    const list = await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}/handouts`);
    expect(list.body).not.toContain(phone);
    expect(list.body).not.toContain(member.idNumber);
  });

  it('gives a cadre of another subtree 404 on the campaign and everything in it', async () => {
    const outsider = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    for (const path of ['', '/handouts', '/reconciliation', '/reconciliation.xlsx'])
      expect((await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}${path}`, undefined, outsider.cookie)).statusCode).toBe(404);
    expect((await move({ kind: 'stock_in', key: nextKey(), itemId: item('西瓜').id, qty: 1 }, outsider.cookie)).statusCode).toBe(404);
    const list = await ctx.call('GET', `/api/welfare/campaigns?orgId=${tree.xicheng.id}`, undefined, outsider.cookie);
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('redeems a voucher once: a second scan is refused online, and flagged when synced from an offline scan', async () => {
    const issued = await handOut({
      kind: 'person',
      key: nextKey(),
      from: { orgId: tree.dongcheng.id },
      name: '刘快递',
      phone: makePhone(),
      idNumber: makeIdNumber(),
      items: [{ itemId: item('冷饮兑换券').id, qty: 1 }],
    });
    expect(issued.statusCode).toBe(201);
    const { token, serial } = issued.json<Handout>().vouchers[0]!;
    // The shop checks the code offline with the public key it cached.
    const jwk = (await ctx.app.inject({ method: 'GET', url: '/api/public/welfare/voucher-key' })).json<VoucherKey>();
    const [prefix, body, signature] = token.split('.') as [string, string, string];
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
    expect(verify(null, Buffer.from(`${prefix}.${body}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
    expect(JSON.parse(Buffer.from(body, 'base64url').toString())).toMatchObject({ s: serial, m: [merchantId] });
    const tampered = `${prefix}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), v: 999 })).toString('base64url')}.${signature}`;

    const cashier = await cashierOf(merchantId, tree.dcStreet.id);
    const foreignCashier = await cashierOf(otherMerchantId, tree.dcStreet2.id);
    expect((await ctx.call('POST', '/api/welfare/redemptions', { token: tampered }, cashier)).statusCode).toBe(422);
    // A shop not designated for the campaign cannot take it, nor can its cashier scan for another merchant.
    expect((await ctx.call('POST', '/api/welfare/redemptions', { token }, foreignCashier)).json<{ code: string }>().code).toBe(
      'WELFARE_VOUCHER_WRONG_MERCHANT',
    );
    expect((await ctx.call('POST', '/api/welfare/redemptions', { token, merchantId }, foreignCashier)).statusCode).toBe(403);
    // A cadre without points.redeem is refused.
    const cadre = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
    expect((await ctx.call('POST', '/api/welfare/redemptions', { token, merchantId }, cadre.cookie)).statusCode).toBe(403);

    const first = await ctx.call('POST', '/api/welfare/redemptions', { token }, cashier);
    expect(first.statusCode).toBe(200);
    expect(first.json<Redemption>()).toMatchObject({ outcome: 'redeemed', serial, itemName: '冷饮兑换券' });
    const second = await ctx.call('POST', '/api/welfare/redemptions', { token }, cashier);
    expect(second.statusCode).toBe(409);
    expect(second.json<{ message: string }>().message).toContain('蜜雪冰城');
    const synced = await ctx.call(
      'POST',
      '/api/welfare/redemptions/offline',
      { scans: [{ token, scannedAt: new Date(Date.now() - 3_600_000).toISOString() }] },
      cashier,
    );
    expect(synced.json<{ results: Redemption[] }>().results.map((r) => r.outcome)).toEqual(['duplicate']);
    const count = await ctx.database.db
      .selectFrom('welfare_redemption')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    expect((await reconciliation()).duplicateScans).toBe(2);
  });

  it('takes two offline scans of one fresh voucher as one redemption and one flagged duplicate', async () => {
    const issued = await handOut({
      kind: 'person',
      key: nextKey(),
      from: { orgId: tree.dongcheng.id },
      name: '陈外卖',
      phone: makePhone(),
      items: [{ itemId: item('冷饮兑换券').id, qty: 1 }],
    });
    const { token } = issued.json<Handout>().vouchers[0]!;
    const cashier = await cashierOf(merchantId, tree.dcStreet.id);
    const t = Date.now();
    const synced = await ctx.call(
      'POST',
      '/api/welfare/redemptions/offline',
      {
        scans: [
          { token, scannedAt: new Date(t - 60_000).toISOString() },
          { token, scannedAt: new Date(t - 120_000).toISOString() },
          { token: 'WV1.bad.code', scannedAt: new Date(t).toISOString() },
        ],
      },
      cashier,
    );
    expect(synced.statusCode).toBe(200);
    // The earlier scan (the second in the list) redeemed it.
    expect(synced.json<{ results: Redemption[] }>().results.map((r) => r.outcome)).toEqual(['duplicate', 'redeemed', 'invalid']);
    const future = await ctx.call(
      'POST',
      '/api/welfare/redemptions/offline',
      { scans: [{ token, scannedAt: new Date(t + 3_600_000).toISOString() }] },
      cashier,
    );
    expect(future.statusCode).toBe(422);
  });

  it('reconciles by node and item, rolled up the tree, and the figures add up', async () => {
    const report = await reconciliation();
    for (const i of report.items) expect(i.balanced, i.itemName).toBe(true);
    const melon = report.items.find((i) => i.itemName === '西瓜')!;
    expect(melon).toMatchObject({ stockIn: 10000, handedOut: 110, left: 9890, inTransit: 0 });
    const street = report.rows.find((r) => r.orgId === tree.dcStreet.id && r.itemName === '西瓜')!;
    expect(street.own).toMatchObject({ allocated: 3000, received: 3000, handedOut: 110, left: 2890 });
    const district = report.rows.find((r) => r.orgId === tree.dongcheng.id && r.itemName === '西瓜')!;
    expect(district.subtree.handedOut).toBe(110);
    expect(district.subtree.left).toBe(9890);
    expect(report.items.find((i) => i.itemName === '冷饮兑换券')).toMatchObject({ handedOut: 2, redeemed: 2 });
    // Named people once each (member, 王建筑, 刘快递, 陈外卖) plus the batch of 30.
    expect(report.peopleReached).toBe(34);
    // The street's own cadre sees its part: received from above counts as its stock in.
    const streetCadre = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    const own = await reconciliation(streetCadre.cookie);
    expect(own.items.find((i) => i.itemName === '西瓜')).toMatchObject({ stockIn: 3000, handedOut: 110, left: 2890, balanced: true });
    const file = await ctx.call('GET', `/api/welfare/campaigns/${campaign.id}/reconciliation.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toMatch(/2026年夏送清凉_对账表_\d{4}-\d{2}-\d{2}\.xlsx/);
  });

  it('refuses to change or delete a stock move, hand-out or redemption', async () => {
    for (const table of ['welfare_move', 'welfare_handout', 'welfare_redemption'])
      await expect(sql`UPDATE ${sql.table(table)} SET created_at = now()`.execute(ctx.database.db)).rejects.toThrow(/immutable/);
    await expect(sql`DELETE FROM welfare_move`.execute(ctx.database.db)).rejects.toThrow(/immutable/);
  });
});

describe('closing a campaign (结束活动)', () => {
  it('closes once, refuses hand-outs after, and adds one ledger entry counting the members who received goods', async () => {
    const created = await ctx.call('POST', '/api/welfare/campaigns', {
      orgId: tree.dcStreet.id,
      kind: 'winter',
      name: '2026年送温暖',
      description: '为困难职工送去棉衣',
      startsOn: '2026-12-01',
      endsOn: '2027-01-31',
      items: [{ name: '棉衣', unit: '份', plannedQty: 100, budgetYuan: 20000 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const winter = created.json<CampaignDetail>();
    expect(winter.closedAt).toBeNull();
    const coat = winter.items[0]!.id;
    const give = (body: object) =>
      ctx.call('POST', `/api/welfare/campaigns/${winter.id}/handouts`, {
        key: nextKey(),
        from: { orgId: tree.dcStreet.id },
        items: [{ itemId: coat, qty: 1 }],
        ...body,
      });
    expect(
      (await ctx.call('POST', `/api/welfare/campaigns/${winter.id}/moves`, { kind: 'stock_in', key: nextKey(), itemId: coat, qty: 100 }))
        .statusCode,
    ).toBe(201);
    // Two members by card, one named non-member: two members reached, three hand-outs given.
    for (const name of ['赵困难', '钱困难']) {
      const member = await buildMember(ctx, tree.dcUnion.id, { name });
      const card = (await ctx.call('GET', `/api/members/${member.id}/card`)).json<{ token: string }>();
      expect((await give({ kind: 'member', cardToken: card.token })).statusCode).toBe(201);
    }
    expect((await give({ kind: 'person', name: '孙外卖', phone: makePhone() })).statusCode).toBe(201);
    // A reader of the node may not close it; a cadre of another subtree does not see it.
    const reader = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    expect((await ctx.call('POST', `/api/welfare/campaigns/${winter.id}/close`, {}, reader.cookie)).statusCode).toBe(403);
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('POST', `/api/welfare/campaigns/${winter.id}/close`, {}, xicheng.cookie)).statusCode).toBe(404);
    const closed = await ctx.call('POST', `/api/welfare/campaigns/${winter.id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    const closedAt = closed.json<CampaignDetail>().closedAt;
    expect(closedAt).not.toBeNull();
    // Closing again changes nothing.
    const again = await ctx.call('POST', `/api/welfare/campaigns/${winter.id}/close`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json<CampaignDetail>().closedAt).toBe(closedAt);
    const late = await give({ kind: 'person', name: '李迟到', phone: makePhone() });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ code: string; message: string }>()).toMatchObject({
      code: 'WELFARE_CAMPAIGN_CLOSED',
      message: '该活动已结束，不再发放慰问品',
    });
    const entries = await ctx.database.db
      .selectFrom('ledger_entry')
      .select(['id', 'org_id', 'kind', 'title', 'summary', 'date_from', 'date_to', 'people_reached', 'people_basis', 'source'])
      .where('module', '=', 'welfare')
      .where('module_record_id', '=', winter.id)
      .execute();
    expect(entries.map(({ id: _id, ...e }) => e)).toEqual([
      {
        org_id: tree.dcStreet.id,
        kind: 'welfare',
        title: '2026年送温暖',
        summary: '为困难职工送去棉衣',
        date_from: '2026-12-01',
        date_to: '2027-01-31',
        people_reached: 2,
        people_basis: 'members',
        source: 'module',
      },
    ]);
    const figures = await ctx.database.db
      .selectFrom('ledger_figure')
      .select(['value', 'unit', 'counts'])
      .where('entry_id', '=', entries[0]!.id)
      .execute();
    expect(figures.map((f) => [Number(f.value), f.unit, f.counts])).toEqual([[3, '人次', '领取慰问品']]);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'welfare_campaign')
      .where('target_id', '=', String(winter.id))
      .where('action', '=', 'welfare.campaign.close')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
