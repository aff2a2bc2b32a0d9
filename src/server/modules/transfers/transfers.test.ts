import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { actorWith, buildMember, buildTree, createTestContext, makeIdNumber, type TestContext } from '../../testing/harness.js';
import type { Transfer, MemberDetail } from '../../../common/members.js';
import type { Coverage } from '../../../common/coverage.js';
import { diffCoverage } from '../coverage/coverage.repo.js';
import { confirmDueTransfers } from './transfers.service.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const membersOf = async (id: number) => (await ctx.call('GET', `/api/coverage/${id}`)).json<Coverage>().members;

describe('transfers', () => {
  it('the receiving union asks, the releasing union confirms, and the member and roll-ups move', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const receiving = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const releasing = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const asked = await ctx.call('POST', '/api/transfers', { idNumber: m.idNumber, toOrgId: tree.dcUnion.id }, receiving.cookie);
    expect(asked.statusCode).toBe(201);
    const transfer = asked.json<Transfer>();
    expect(transfer.maskedName).toBe('测试**');
    expect((await ctx.call('POST', `/api/transfers/${transfer.id}/decision`, { decision: 'confirm' }, receiving.cookie)).statusCode).toBe(
      403,
    );
    const before = { dc: await membersOf(tree.dongcheng.id), xc: await membersOf(tree.xicheng.id) };
    const confirmed = await ctx.call('POST', `/api/transfers/${transfer.id}/decision`, { decision: 'confirm' }, releasing.cookie);
    expect(confirmed.json<Transfer>().status).toBe('confirmed');
    expect(await membersOf(tree.dongcheng.id)).toBe(before.dc + 1);
    expect(await membersOf(tree.xicheng.id)).toBe(before.xc - 1);
    const detail = (await ctx.call('GET', `/api/members/${m.id}`, undefined, receiving.cookie)).json<MemberDetail>();
    expect(detail.orgId).toBe(tree.dcUnion.id);
    expect(detail.history.at(-1)).toMatchObject({ event: 'transferred', fromOrgId: tree.xcUnion.id });
    expect((await ctx.call('GET', `/api/members/${m.id}`, undefined, releasing.cookie)).statusCode).toBe(404);
    expect(await diffCoverage(ctx.database.db)).toEqual([]);
  });

  it('confirms by itself once the confirmation period has passed', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const asked = (await ctx.call('POST', '/api/transfers', { idNumber: m.idNumber, toOrgId: tree.dcUnion.id })).json<Transfer>();
    expect(Date.parse(asked.autoConfirmAt) - Date.now()).toBeGreaterThan(14 * 86400_000);
    expect(await confirmDueTransfers(ctx.database.db)).toBe(0);
    await sql`UPDATE member_transfer SET auto_confirm_at = now() - interval '1 minute' WHERE id = ${asked.id}`.execute(ctx.database.db);
    expect(await confirmDueTransfers(ctx.database.db)).toBe(1);
    expect((await ctx.call('GET', `/api/members/${m.id}`)).json<MemberDetail>().orgId).toBe(tree.dcUnion.id);
    expect(await diffCoverage(ctx.database.db)).toEqual([]);
  });

  it('a refused transfer born of an application closes the application with the note', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const applied = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: { name: '测试会员', idNumber: m.idNumber, phone: m.phone, employmentForm: 'courier', orgId: tree.dcUnion.id },
    });
    const { trackingCode } = applied.json<{ trackingCode: string }>();
    const outgoing = (await ctx.call('GET', `/api/transfers?orgId=${tree.xicheng.id}&direction=outgoing`)).json<{ items: Transfer[] }>();
    const transfer = outgoing.items.find((t) => t.memberId === m.id)!;
    await ctx.call('POST', `/api/transfers/${transfer.id}/decision`, { decision: 'reject', note: '劳动关系仍在本单位' });
    const status = await ctx.app.inject({ method: 'GET', url: `/api/public/applications/${trackingCode}` });
    expect(status.json()).toMatchObject({ status: 'rejected', rejectReason: '劳动关系仍在本单位' });
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
});
