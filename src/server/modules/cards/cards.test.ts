import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { CardToken } from '../../../common/members.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext({ cardTokenSeconds: 300 });
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const verify = async (token: string) =>
  (await ctx.app.inject({ method: 'POST', url: '/api/public/cards/verify', payload: { token } })).json<{
    valid: boolean;
    maskedName?: string;
  }>();

describe('member cards', () => {
  it('the worker opens the card with tracking code and phone; the QR token verifies with a masked name only', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id, { name: '张三丰' });
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/card',
      payload: { trackingCode: m.trackingCode, phone: '13900000000' },
    });
    expect(wrong.json().code).toBe('TRACKING_NOT_FOUND');
    const card = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/card',
      payload: { trackingCode: m.trackingCode, phone: m.phone },
    });
    const { token, cardNo } = card.json<CardToken>();
    expect(cardNo).toBe(m.cardNo);
    expect(await verify(token)).toEqual({ valid: true, maskedName: '张**' });
  });

  it('refuses a tampered, expired or revoked card, and accepts the re-issued one', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    const { token } = (await ctx.call('GET', `/api/members/${m.id}/card`)).json<CardToken>();
    const [body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), e: 9999999999 })).toString(
      'base64url',
    );
    expect(await verify(`${forged}.${sig}`)).toEqual({ valid: false });
    expect(await verify('garbage')).toEqual({ valid: false });

    const shortLived = await createTestContext({ cardTokenSeconds: 0 });
    try {
      const other = await buildMember(shortLived, await shortLivedUnion(shortLived));
      const expired = (
        await shortLived.app.inject({ method: 'GET', url: `/api/members/${other.id}/card`, headers: { cookie: shortLived.adminCookie } })
      ).json<CardToken>();
      await new Promise((r) => setTimeout(r, 1100));
      expect(
        (await shortLived.app.inject({ method: 'POST', url: '/api/public/cards/verify', payload: { token: expired.token } })).json(),
      ).toEqual({ valid: false });
    } finally {
      await shortLived.close();
    }

    expect((await ctx.call('POST', `/api/members/${m.id}/card/revoke`)).statusCode).toBe(204);
    expect(await verify(token)).toEqual({ valid: false });
    const reissued = (await ctx.call('POST', `/api/members/${m.id}/card/reissue`)).json<CardToken>();
    expect(reissued.cardNo).not.toBe(m.cardNo);
    expect((await verify(reissued.token)).valid).toBe(true);
    expect(await verify(token)).toEqual({ valid: false });
  });

  it('a lapsed member card stops verifying', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    const { token } = (await ctx.call('GET', `/api/members/${m.id}/card`)).json<CardToken>();
    await ctx.call('POST', `/api/members/${m.id}/lapse`, { reason: '退会' });
    expect(await verify(token)).toEqual({ valid: false });
  });
});

async function shortLivedUnion(c: TestContext): Promise<number> {
  const d = await buildOrg(c, 1, 'district_federation');
  const s = await buildOrg(c, d.id, 'street_federation');
  return (await buildOrg(c, s.id, 'grassroots_union')).id;
}
