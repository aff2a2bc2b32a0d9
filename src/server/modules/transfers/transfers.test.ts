import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  actorWith,
  buildMember,
  buildTree,
  codeSentTo,
  createTestContext,
  makeIdNumber,
  signInMember,
  type TestContext,
} from '../../testing/harness.js';
import type { MemberDetail } from '../../../common/members.js';
import type { Application } from '../../../common/applications.js';
import type { Transfer } from '../../../common/transfers.js';
import type { PortalMe } from '../../../common/portal.js';
import type { Coverage } from '../../../common/coverage.js';
import { diffCoverage } from '../coverage/coverage.rollup.js';
import { confirmDueTransfers } from './transfers.service.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const membersOf = async (id: number) => (await ctx.call('GET', `/api/coverage/${id}`)).json<Coverage>().members;

const consentByCode = async (m: { idNumber: string; phone: string }, transferId: number) => {
  const cookie = await signInMember(ctx, m.idNumber, m.phone);
  const asked = await ctx.call('POST', `/api/portal/transfers/${transferId}/consent-code`, undefined, cookie);
  expect(asked.statusCode).toBe(201);
  const code = (await codeSentTo(ctx, m.phone))!;
  return ctx.call(
    'POST',
    `/api/portal/transfers/${transferId}/consent`,
    { challengeId: asked.json<{ challengeId: string }>().challengeId, code },
    cookie,
  );
};

describe('transfers', () => {
  it("moves a member only with their consent by code and the releasing union's confirmation, and the roll-ups follow", async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const receiving = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const releasing = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const asked = await ctx.call('POST', '/api/transfers', { idNumber: m.idNumber, toOrgId: tree.dcUnion.id }, receiving.cookie);
    expect(asked.statusCode).toBe(201);
    const transfer = asked.json<Transfer>();
    expect(transfer).toMatchObject({ maskedName: '测试**', consent: null, releasedAt: null });
    expect((await ctx.call('POST', `/api/transfers/${transfer.id}/decision`, { decision: 'confirm' }, receiving.cookie)).statusCode).toBe(
      403,
    );
    const before = { dc: await membersOf(tree.dongcheng.id), xc: await membersOf(tree.xicheng.id) };
    // The releasing union confirms first: recorded, but nobody moves without the member.
    const released = await ctx.call('POST', `/api/transfers/${transfer.id}/decision`, { decision: 'confirm' }, releasing.cookie);
    expect(released.json<Transfer>()).toMatchObject({ status: 'pending', consent: null });
    expect(released.json<Transfer>().releasedAt).not.toBeNull();
    expect(await membersOf(tree.dongcheng.id)).toBe(before.dc);
    // The member was told at the phone on record, signs in there and consents with a second code.
    const consented = await consentByCode(m, transfer.id);
    expect(consented.json()).toMatchObject({ status: 'confirmed', consent: 'code' });
    expect(await membersOf(tree.dongcheng.id)).toBe(before.dc + 1);
    expect(await membersOf(tree.xicheng.id)).toBe(before.xc - 1);
    const detail = (await ctx.call('GET', `/api/members/${m.id}`, undefined, receiving.cookie)).json<MemberDetail>();
    expect(detail.orgId).toBe(tree.dcUnion.id);
    expect(detail.history.at(-1)).toMatchObject({ event: 'transferred', fromOrgId: tree.xcUnion.id });
    expect((await ctx.call('GET', `/api/members/${m.id}`, undefined, releasing.cookie)).statusCode).toBe(404);
    expect(await diffCoverage(ctx.database.db)).toEqual([]);
  });

  it('a signed paper consent the releasing union records moves the member on its confirmation', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const asked = (await ctx.call('POST', '/api/transfers', { idNumber: m.idNumber, toOrgId: tree.dcUnion.id })).json<Transfer>();
    const releasing = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const confirmed = await ctx.call(
      'POST',
      `/api/transfers/${asked.id}/decision`,
      { decision: 'confirm', paperConsentRef: '西城转字2026第12号' },
      releasing.cookie,
    );
    expect(confirmed.json<Transfer>()).toMatchObject({ status: 'confirmed', consent: 'paper' });
    expect((await ctx.call('GET', `/api/members/${m.id}`)).json<MemberDetail>().orgId).toBe(tree.dcUnion.id);
  });

  it('confirms by itself once the period has passed, but only a transfer the member consented to', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const asked = (await ctx.call('POST', '/api/transfers', { idNumber: m.idNumber, toOrgId: tree.dcUnion.id })).json<Transfer>();
    expect(Date.parse(asked.autoConfirmAt) - Date.now()).toBeGreaterThan(14 * 86400_000);
    await sql`UPDATE member_transfer SET auto_confirm_at = now() - interval '1 minute' WHERE id = ${asked.id}`.execute(ctx.database.db);
    expect(await confirmDueTransfers(ctx.app.deps)).toBe(0); // no consent: it waits for ever
    expect((await ctx.call('GET', `/api/members/${m.id}`)).json<MemberDetail>().orgId).toBe(tree.xcUnion.id);
    expect((await consentByCode(m, asked.id)).json()).toMatchObject({ status: 'pending', consent: 'code' });
    expect(await confirmDueTransfers(ctx.app.deps)).toBe(1);
    expect((await ctx.call('GET', `/api/members/${m.id}`)).json<MemberDetail>().orgId).toBe(tree.dcUnion.id);
    expect(await diffCoverage(ctx.database.db)).toEqual([]);
  });

  it('the member may decline: a transfer born of an application closes the application', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const applied = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: { name: '测试会员', idNumber: m.idNumber, phone: m.phone, employmentForm: 'courier', orgId: tree.dcUnion.id },
    });
    const { trackingCode } = applied.json<{ trackingCode: string }>();
    const queue = (await ctx.call('GET', `/api/applications?orgId=${tree.dcUnion.id}`)).json<{ items: Application[] }>();
    const application = queue.items.find((a) => a.trackingCode === trackingCode)!;
    await ctx.call('POST', '/api/applications/decisions', { ids: [application.id], decision: 'approve' });
    const cookie = await signInMember(ctx, m.idNumber, m.phone);
    const mine = (await ctx.call('GET', '/api/portal/me', undefined, cookie)).json<PortalMe>();
    const pending = mine.transfers.find((t) => t.status === 'pending')!;
    expect(pending.toOrgName).toBe(tree.dcUnion.name);
    expect((await ctx.call('POST', `/api/portal/transfers/${pending.id}/decline`, undefined, cookie)).json()).toMatchObject({
      status: 'rejected',
    });
    const status = await ctx.app.inject({ method: 'GET', url: `/api/public/applications/${trackingCode}` });
    expect(status.json()).toMatchObject({ status: 'rejected' });
    // Another member cannot act on this member's transfers.
    const other = await buildMember(ctx, tree.xcUnion.id);
    const otherCookie = await signInMember(ctx, other.idNumber, other.phone);
    expect((await ctx.call('POST', `/api/portal/transfers/${pending.id}/decline`, undefined, otherCookie)).statusCode).toBe(404);
  });

  it('says plainly when nobody holds the ID number, and refuses a second pending transfer', async () => {
    expect((await ctx.call('POST', '/api/transfers', { idNumber: makeIdNumber(), toOrgId: tree.dcUnion.id })).json().code).toBe(
      'NO_MEMBER_WITH_ID',
    );
    const m = await buildMember(ctx, tree.xcUnion.id);
    expect((await ctx.call('POST', '/api/transfers', { idNumber: m.idNumber, toOrgId: tree.dcUnion.id })).statusCode).toBe(201);
    expect((await ctx.call('POST', '/api/transfers', { idNumber: m.idNumber, toOrgId: tree.dcBranch.id })).json().code).toBe(
      'TRANSFER_PENDING',
    );
  });

  it('audits every look-up of a member by ID number and limits them per cadre and hour', async () => {
    const limited = await createTestContext({ transferLookupsPerHour: 3 });
    try {
      const t = await buildTree(limited);
      const cadre = await actorWith(limited, 'union_cadre', t.dongcheng.id);
      const ask = () => limited.call('POST', '/api/transfers', { idNumber: makeIdNumber(), toOrgId: t.dcUnion.id }, cadre.cookie);
      for (let i = 0; i < 3; i++) expect((await ask()).json().code).toBe('NO_MEMBER_WITH_ID');
      const spent = await ask();
      expect(spent.statusCode).toBe(429);
      expect(spent.json().code).toBe('TRANSFER_LOOKUPS_SPENT');
      const audited = await limited.database.db.selectFrom('audit_log').select('user_id').where('action', '=', 'transfer.lookup').execute();
      expect(audited).toHaveLength(3);
      expect(audited.every((a) => a.user_id === cadre.userId)).toBe(true);
    } finally {
      await limited.close();
    }
  });
});
