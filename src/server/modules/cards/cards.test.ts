import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorWith,
  buildMember,
  buildOrg,
  buildTree,
  codeSentTo,
  createTestContext,
  makePhone,
  type TestContext,
} from '../../testing/harness.js';
import type { Application } from '../../../common/applications.js';
import type { CardToken } from '../../../common/cards.js';

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
  it("an application carrying a member's ID number gives its applicant nothing of the member, before or after any decision", async () => {
    const victim = await buildMember(ctx, tree.xcUnion.id, { name: '张三丰' });
    const attackerPhone = makePhone();
    const applied = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: { name: '张三丰', idNumber: victim.idNumber, phone: attackerPhone, employmentForm: 'standard', orgId: tree.dcUnion.id },
    });
    expect(applied.json()).toMatchObject({ status: 'pending' });
    const trackingCode = applied.json<{ trackingCode: string }>().trackingCode;
    // The old way in: tracking code + the applicant's phone. The route is gone.
    const old = await ctx.app.inject({ method: 'POST', url: '/api/public/card', payload: { trackingCode, phone: attackerPhone } });
    expect(old.statusCode).toBe(404);
    // The member pages send codes only to the phone on the member's record.
    const asked = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/member-codes',
      payload: { idNumber: victim.idNumber, phone: attackerPhone },
    });
    expect(asked.statusCode).toBe(201);
    expect(await codeSentTo(ctx, attackerPhone)).toBeUndefined();
    // Approving the application asks for a transfer; it moves nobody and mints nothing without the member's consent.
    const queue = (await ctx.call('GET', `/api/applications?orgId=${tree.dcUnion.id}`)).json<{ items: Application[] }>();
    const application = queue.items.find((a) => a.trackingCode === trackingCode)!;
    expect(application.flag).toBe('member_elsewhere');
    expect((await ctx.call('POST', '/api/applications/decisions', { ids: [application.id], decision: 'approve' })).json()).toMatchObject({
      approved: 0,
      transfersRequested: 1,
    });
    const status = await ctx.app.inject({ method: 'GET', url: `/api/public/applications/${trackingCode}` });
    expect(status.json()).toMatchObject({ status: 'pending', decidedAt: null });
    expect(JSON.stringify(status.json())).not.toContain(victim.cardNo);
    expect((await ctx.call('GET', `/api/members/${victim.id}`)).json()).toMatchObject({ orgId: tree.xcUnion.id });
  });

  it('a card is minted for someone else only by a cadre of the primary union, and each minting is audited', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    for (const role of ['read_only', 'finance_officer', 'auditor'] as const) {
      const user = await actorWith(ctx, role, tree.dcUnion.id);
      expect((await ctx.call('GET', `/api/members/${m.id}/card`, undefined, user.cookie)).statusCode).toBe(403);
    }
    // A union holding only a secondary affiliation sees the member but cannot mint their card.
    const secondary = await buildOrg(ctx, tree.xcStreet.id, 'joint_union');
    await ctx.call('POST', `/api/members/${m.id}/affiliations`, { orgId: secondary.id });
    const secondaryCadre = await actorWith(ctx, 'union_cadre', secondary.id);
    expect((await ctx.call('GET', `/api/members/${m.id}`, undefined, secondaryCadre.cookie)).statusCode).toBe(200);
    expect((await ctx.call('GET', `/api/members/${m.id}/card`, undefined, secondaryCadre.cookie)).statusCode).toBe(403);
    const cadre = await actorWith(ctx, 'union_cadre', tree.dcUnion.id);
    const minted = await ctx.call('GET', `/api/members/${m.id}/card`, undefined, cadre.cookie);
    expect(minted.statusCode).toBe(200);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'target_id', 'username'])
      .where('action', '=', 'card.mint')
      .where('target_id', '=', String(m.id))
      .execute();
    expect(audit).toEqual([{ action: 'card.mint', target_id: String(m.id), username: cadre.username }]);
  });

  it('a token names the card, never the internal member id, and has exactly one spelling', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    const { token } = (await ctx.call('GET', `/api/members/${m.id}/card`)).json<CardToken>();
    const [body, sig] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['c', 'e', 'r', 'v']); // card number, version, region, expiry: no member id
    expect(payload.c).toBe(m.cardNo);
    expect((await verify(token)).valid).toBe(true);
    // 16 bytes of signature are 22 characters whose last one carries 4 unused bits: altering them decodes to the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(sig.at(-1)!);
    const twin = `${sig.slice(0, -1)}${alphabet[(last & ~15) | ((last + 1) & 15)]}`;
    expect(Buffer.from(twin, 'base64url').equals(Buffer.from(sig, 'base64url'))).toBe(true);
    expect(await verify(`${body}.${twin}`)).toEqual({ valid: false });
    expect(await verify(`${body}.${sig}==`)).toEqual({ valid: false });
    expect(await verify(`${body}=.${sig}`)).toEqual({ valid: false });
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
