import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { actorWith, buildMember, buildTree, createTestContext, login, signInMember, type TestContext } from '../../testing/harness.js';
import type {
  CreatedCashier,
  MemberHistoryItem,
  MemberPoints,
  MerchantDetail,
  Redemption,
  RedemptionPage,
  SpendCode,
  WhereToSpend,
} from '../../../common/points.merchants.js';
import { award, programmeAt, regionOfMember } from './merchants.fixtures.js';
import { mintSpendCode } from './redemptions.codes.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let programme: Awaited<ReturnType<typeof programmeAt>>;
let otherProgramme: Awaited<ReturnType<typeof programmeAt>>;
let merchantA: MerchantDetail;
let merchantB: MerchantDetail;
let cashierA: string;
let member: Awaited<ReturnType<typeof buildMember>> & { cookie: string; regionId: number };

async function cashierFor(merchantId: number): Promise<string> {
  const username = `cashier${Math.random().toString(36).slice(2, 8)}`;
  const created = await ctx.call('POST', `/api/points/merchants/${merchantId}/cashiers`, { username, displayName: '收银员小王' });
  expect(created.statusCode).toBe(201);
  const { firstPassword } = created.json<CreatedCashier>();
  const first = await login(ctx.app, username, firstPassword);
  const changed = await ctx.call('POST', '/api/auth/password', { currentPassword: firstPassword, newPassword: 'Kassa-Lunch-2026!' }, first);
  expect(changed.statusCode).toBe(200);
  return login(ctx.app, username, 'Kassa-Lunch-2026!');
}

async function memberCode(): Promise<SpendCode> {
  const r = await ctx.call('POST', '/api/portal/points/code', undefined, member.cookie);
  expect(r.statusCode).toBe(201);
  return r.json<SpendCode>();
}

function charge(cookie: string, body: object, key: string | undefined, lang?: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/points/redemptions',
    payload: body,
    headers: { cookie, ...(key ? { 'idempotency-key': key } : {}), ...(lang ? { 'accept-language': lang } : {}) },
  });
}

async function balance(): Promise<number> {
  const points = (await ctx.call('GET', '/api/portal/points', undefined, member.cookie)).json<MemberPoints>();
  return points.programmes.find((p) => p.programmeId === programme.id)?.balance ?? 0;
}

async function transfersUnder(key: string): Promise<number> {
  const rows = await ctx.database.db.selectFrom('points_transfer').select('id').where('transfer_key', 'like', `%:${key}`).execute();
  return rows.length;
}

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  programme = await programmeAt(ctx.database.db, tree.dongcheng.id, '党心e家');
  otherProgramme = await programmeAt(ctx.database.db, tree.dongcheng.id, '另一个项目');
  const created = await ctx.call('POST', '/api/points/merchants', {
    orgId: tree.dcStreet.id,
    name: '新世界美食广场',
    uscc: '91110101MA01ABCD1X'.slice(0, 17) + '0',
    contactName: '李经理',
    shops: [{ name: '二期美食广场', address: '崇文门外大街3号', lat: 39.897, lng: 116.417 }],
    items: [{ name: '午餐套餐', points: 15 }],
    programmeIds: [programme.id],
  });
  // The USCC above is not valid: the registration is refused with a clear code, nothing is written.
  expect(created.statusCode).toBe(422);
  expect(created.json<{ code: string }>().code).toBe('POINTS_USCC_INVALID');
  merchantA = (
    await ctx.call('POST', '/api/points/merchants', {
      orgId: tree.dcStreet.id,
      name: '新世界美食广场',
      contactName: '李经理',
      shops: [{ name: '二期美食广场', address: '崇文门外大街3号', lat: 39.897, lng: 116.417 }],
      items: [{ name: '午餐套餐', points: 15 }],
      programmeIds: [programme.id],
    })
  ).json<MerchantDetail>();
  merchantB = (
    await ctx.call('POST', '/api/points/merchants', {
      orgId: tree.dcStreet.id,
      name: '东华门小吃',
      shops: [{ name: '小吃店', address: '东华门大街8号', lat: 39.914, lng: 116.4 }],
      items: [{ name: '绿豆汤', points: 3 }],
      programmeIds: [programme.id],
    })
  ).json<MerchantDetail>();
  cashierA = await cashierFor(merchantA.id);
  const m = await buildMember(ctx, tree.dcUnion.id, { name: '张小明' });
  await award(ctx.database.db, programme.book, m.id, 40);
  member = { ...m, cookie: await signInMember(ctx, m.idNumber, m.phone), regionId: await regionOfMember(ctx.database.db, m.id) };
});
afterAll(async () => ctx?.close());

describe('merchants (商户)', () => {
  it('registers a merchant with shops, catalogue and designated programme, and lists it with a total', async () => {
    expect(merchantA).toMatchObject({ name: '新世界美食广场', status: 'active', shops: 1 });
    expect(merchantA.items).toEqual([expect.objectContaining({ name: '午餐套餐', points: 15, active: true })]);
    expect(merchantA.programmes.map((p) => p.id)).toEqual([programme.id]);
    const list = (await ctx.call('GET', `/api/points/merchants?orgId=${tree.dongcheng.id}`)).json<{
      items: { id: number }[];
      total: { count: number };
    }>();
    expect(list.items.map((i) => i.id)).toEqual(expect.arrayContaining([merchantA.id, merchantB.id]));
    expect(list.total.count).toBe(list.items.length);
  });

  it('designates only programmes of the same subtree or above it', async () => {
    const xc = await programmeAt(ctx.database.db, tree.xicheng.id);
    const r = await ctx.call('POST', `/api/points/merchants/${merchantB.id}/programmes`, { programmeId: xc.id });
    expect(r.statusCode).toBe(422);
    expect(r.json<{ code: string }>().code).toBe('POINTS_PROGRAMME_OUT_OF_REACH');
  });

  it('a cadre of another district gets 404 for a merchant, its statement and its cashiers', async () => {
    const xc = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/points/merchants/${merchantA.id}`, undefined, xc.cookie)).statusCode).toBe(404);
    expect((await ctx.call('GET', `/api/points/merchants/${merchantA.id}/statement?month=2026-12`, undefined, xc.cookie)).statusCode).toBe(
      404,
    );
    expect(
      (await ctx.call('POST', `/api/points/merchants/${merchantA.id}/cashiers`, { username: 'intruder01', displayName: 'x' }, xc.cookie))
        .statusCode,
    ).toBe(404);
  });
});

describe('redemptions at the counter (积分消费)', () => {
  it('charges the member by QR code, once per Idempotency-Key, and the member sees the charge', async () => {
    const code = await memberCode();
    expect(code.shortCode).toMatch(/^\d{8}$/);
    const before = await balance();
    const first = await charge(cashierA, { code: code.token, itemId: merchantA.items[0]!.id }, 'lunch-1');
    expect(first.statusCode).toBe(201);
    const redemption = first.json<Redemption>();
    expect(redemption).toMatchObject({
      points: 15,
      status: 'posted',
      itemName: '午餐套餐',
      memberNameMasked: '张**',
      merchantId: merchantA.id,
    });
    // The network dropped the answer: the cashier's phone sends the same request again.
    const again = await charge(cashierA, { code: code.token, itemId: merchantA.items[0]!.id }, 'lunch-1');
    expect(again.statusCode).toBe(201);
    expect(again.json<Redemption>()).toMatchObject({ id: redemption.id, replayed: true });
    expect(await transfersUnder('lunch-1')).toBe(1);
    expect(await balance()).toBe(before - 15);
    const history = (await ctx.call('GET', '/api/portal/points/history', undefined, member.cookie)).json<{ items: MemberHistoryItem[] }>();
    expect(history.items[0]).toMatchObject({ id: redemption.id, points: -15, merchantName: '新世界美食广场', itemName: '午餐套餐' });
  });

  it('refuses the same key with another body (409 POINTS_KEY_REUSED), a missing key, and a code already used', async () => {
    const code = await memberCode();
    expect((await charge(cashierA, { code: code.token, points: 1 }, 'reuse-1')).statusCode).toBe(201);
    const other = await charge(cashierA, { code: code.token, points: 2 }, 'reuse-1');
    expect(other.statusCode).toBe(409);
    expect(other.json<{ code: string }>().code).toBe('POINTS_KEY_REUSED');
    expect((await charge(cashierA, { code: code.token, points: 1 }, undefined)).json<{ code: string }>().code).toBe(
      'POINTS_IDEMPOTENCY_KEY_REQUIRED',
    );
    const used = await charge(cashierA, { code: code.token, points: 1 }, 'reuse-2');
    expect(used.statusCode).toBe(409);
    expect(used.json<{ code: string }>().code).toBe('POINTS_CODE_USED');
    expect(await transfersUnder('reuse-2')).toBe(0);
  });

  it('a retry under the same key that names another programme is not a second charge', async () => {
    const both = (
      await ctx.call('POST', '/api/points/merchants', {
        orgId: tree.dcStreet.id,
        name: '两个项目的食堂',
        shops: [{ name: '一楼', address: '东四十条1号' }],
        items: [],
        programmeIds: [programme.id, otherProgramme.id],
      })
    ).json<MerchantDetail>();
    const cashier = await cashierFor(both.id);
    await award(ctx.database.db, otherProgramme.book, member.id, 10);
    const code = await memberCode();
    const first = await charge(cashier, { code: code.token, points: 2, programmeId: programme.id }, 'two-books');
    expect(first.statusCode).toBe(201);
    const other = await charge(cashier, { code: code.token, points: 2, programmeId: otherProgramme.id }, 'two-books');
    expect(other.statusCode).toBe(409);
    expect(await transfersUnder('two-books')).toBe(1);
  });

  it('refuses a charge above the balance with a clear 409 in zh-CN and en, and writes nothing', async () => {
    const code = await memberCode();
    const zh = await charge(cashierA, { code: code.token, points: 10_000 }, 'too-much', 'zh-CN');
    expect(zh.statusCode).toBe(409);
    expect(zh.json<{ code: string; message: string }>()).toMatchObject({ code: 'POINTS_INSUFFICIENT' });
    expect(zh.json<{ message: string }>().message).toContain('积分不足');
    const en = await charge(cashierA, { code: code.token, points: 10_000 }, 'too-much', 'en');
    expect(en.json<{ message: string }>().message).toContain('Not enough points');
    expect(await transfersUnder('too-much')).toBe(0);
  });

  it('takes the typed code, and refuses an expired one', async () => {
    const code = await memberCode();
    const typed = await charge(cashierA, { code: `${code.shortCode.slice(0, 4)} ${code.shortCode.slice(4)}`, points: 1 }, 'typed-1');
    expect(typed.statusCode).toBe(201);
    const old = await mintSpendCode(ctx.app.deps, { memberId: member.id, regionId: member.regionId }, new Date(Date.now() - 10 * 60_000));
    const expired = await charge(cashierA, { code: old.token, points: 1 }, 'expired-1');
    expect(expired.statusCode).toBe(409);
    expect(expired.json<{ code: string }>().code).toBe('POINTS_CODE_EXPIRED');
    expect((await charge(cashierA, { code: 'not-a-code-at-all', points: 1 }, 'bad-1')).json<{ code: string }>().code).toBe(
      'POINTS_CODE_INVALID',
    );
  });

  it('a hold is posted once; a voided hold gives the points back and cannot be posted after', async () => {
    const start = await balance();
    const held = (await charge(cashierA, { code: (await memberCode()).token, points: 2, hold: true }, 'hold-1')).json<Redemption>();
    expect(held.status).toBe('held');
    expect(await balance()).toBe(start - 2);
    const posted = await ctx.call('POST', `/api/points/redemptions/${held.id}/post`, {}, cashierA);
    expect(posted.json<Redemption>().status).toBe('posted');
    expect(await balance()).toBe(start - 2);

    const held2 = (await charge(cashierA, { code: (await memberCode()).token, points: 3, hold: true }, 'hold-2')).json<Redemption>();
    expect(await balance()).toBe(start - 5);
    const voided = await ctx.call('POST', `/api/points/redemptions/${held2.id}/void`, {}, cashierA);
    expect(voided.json<Redemption>().status).toBe('voided');
    expect(await balance()).toBe(start - 2);
    const late = await ctx.call('POST', `/api/points/redemptions/${held2.id}/post`, {}, cashierA);
    expect(late.statusCode).toBe(409);
    expect(late.json<{ code: string }>().code).toBe('POINTS_HOLD_RESOLVED');

    // The counter's day total counts what stands — the posted hold, not the voided one — as the list shows it.
    const held3 = (await charge(cashierA, { code: (await memberCode()).token, points: 4, hold: true }, 'hold-3')).json<Redemption>();
    const day = (await ctx.call('GET', '/api/points/redemptions?limit=200', undefined, cashierA)).json<RedemptionPage>();
    const standing = day.items.filter((r) => r.status === 'posted');
    expect(day.dayTotal).toEqual({
      charges: standing.length,
      points: standing.reduce((sum, r) => sum + r.points, 0),
      held: day.items.filter((r) => r.status === 'held').length,
    });
    expect(day.items.find((r) => r.id === held2.id)?.status).toBe('voided');
    expect(day.items.find((r) => r.id === held3.id)?.status).toBe('held');
    expect(day.dayTotal!.held).toBeGreaterThanOrEqual(1);
    expect(day.dayTotal!.charges).toBeGreaterThanOrEqual(1);
    await ctx.call('POST', `/api/points/redemptions/${held3.id}/void`, {}, cashierA);
  });

  it('a cashier of merchant A can neither see nor charge as merchant B', async () => {
    const asB = await charge(cashierA, { code: (await memberCode()).token, merchantId: merchantB.id, points: 1 }, 'as-b');
    expect(asB.statusCode).toBe(404);
    expect((await ctx.call('GET', `/api/points/redemptions?merchantId=${merchantB.id}`, undefined, cashierA)).statusCode).toBe(404);
    expect((await ctx.call('GET', `/api/points/merchants/${merchantB.id}/statement?month=2026-12`, undefined, cashierA)).statusCode).toBe(
      404,
    );
    expect((await ctx.call('GET', `/api/points/merchants/${merchantB.id}`, undefined, cashierA)).statusCode).toBe(404);
    const today = (await ctx.call('GET', '/api/points/redemptions', undefined, cashierA)).json<{ items: Redemption[] }>();
    expect(today.items.length).toBeGreaterThan(0);
    expect(today.items.every((r) => r.merchantId === merchantA.id)).toBe(true);
    const counter = (await ctx.call('GET', '/api/points/counter', undefined, cashierA)).json<{ merchantId: number }>();
    expect(counter.merchantId).toBe(merchantA.id);
  });

  it('refuses a suspended merchant and a programme it is not designated for', async () => {
    const notDesignated = await charge(cashierA, { code: (await memberCode()).token, programmeId: otherProgramme.id, points: 1 }, 'nd-1');
    expect(notDesignated.json<{ code: string }>().code).toBe('POINTS_MERCHANT_NOT_DESIGNATED');
    await ctx.call('POST', `/api/points/merchants/${merchantB.id}/status`, { status: 'suspended' });
    const cashierB = await cashierFor(merchantB.id);
    const suspended = await charge(cashierB, { code: (await memberCode()).token, points: 1 }, 'susp-1');
    expect(suspended.statusCode).toBe(409);
    expect(suspended.json<{ code: string }>().code).toBe('POINTS_MERCHANT_SUSPENDED');
    await ctx.call('POST', `/api/points/merchants/${merchantB.id}/status`, { status: 'active' });
  });
});

describe('the member view and the monthly statement', () => {
  it('groups what is left by when it expires, soonest first', async () => {
    await award(ctx.database.db, programme.book, member.id, 5, '2027-12-31T16:00:00.000Z');
    const points = (await ctx.call('GET', '/api/portal/points', undefined, member.cookie)).json<MemberPoints>();
    const mine = points.programmes.find((p) => p.programmeId === programme.id)!;
    expect(mine.expiring[0]).toEqual({ expiresAt: '2027-12-31T16:00:00.000Z', points: 5 });
    expect(mine.expiring.at(-1)?.expiresAt).toBeNull();
    expect(mine.expiring.reduce((sum, e) => sum + e.points, 0)).toBe(mine.balance + mine.held);
  });

  it('shows where to spend, nearest first', async () => {
    const places = (
      await ctx.call('GET', '/api/portal/points/places?lat=39.915&lng=116.401', undefined, member.cookie)
    ).json<WhereToSpend>();
    expect(places.items.map((p) => p.merchantName).slice(0, 2)).toEqual(['东华门小吃', '新世界美食广场']);
    expect(places.items[0]!.distanceMetres).toBeLessThan(places.items[1]!.distanceMetres!);
  });

  it("streams the merchant's statement of the month with every charge, its status and the totals", async () => {
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
      .format(new Date())
      .slice(0, 7);
    const r = await ctx.call('GET', `/api/points/merchants/${merchantA.id}/statement?month=${month}`, undefined, cashierA);
    expect(r.statusCode).toBe(200);
    expect(decodeURIComponent(r.headers['content-disposition'] as string)).toContain(`新世界美食广场_积分结算单_${month}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[1]).toEqual(['时间（北京）', '会员', '积分项目', '商品', '积分', '门店', '收银员', '状态']);
    const charges = rows.slice(2).filter((r) => typeof r[4] === 'number');
    expect(charges.find((c) => c[3] === '午餐套餐')).toEqual([
      expect.any(String),
      '张**',
      '党心e家',
      '午餐套餐',
      15,
      '二期美食广场',
      '收银员小王',
      '已入账',
    ]);
    expect(charges.some((c) => c[7] === '已撤销')).toBe(true);
    const posted = charges.filter((c) => c[7] === '已入账').reduce((s, c) => s + (c[4] as number), 0);
    expect(rows.find((r) => r[0] === '合计：已入账')?.[1]).toBe(posted);
  });
});
