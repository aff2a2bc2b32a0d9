import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorWith,
  buildMember,
  buildOrg,
  buildTree,
  createTestContext,
  makeIdNumber,
  makePhone,
  type TestContext,
} from '../../testing/harness.js';
import type { Application, ApplicationStatusView } from '../../../common/applications.js';
import type { Coverage } from '../../../common/coverage.js';
import { diffCoverage } from '../coverage/coverage.rollup.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const apply = (orgId: number, over: Record<string, unknown> = {}) =>
  ctx.call(
    'POST',
    '/api/public/applications',
    { name: '王小明', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'delivery_rider', orgId, ...over },
    '',
  );

describe('joining', () => {
  it('a worker applies without an account and follows the status with the tracking code', async () => {
    const joint = await buildOrg(ctx, tree.dcStreet.id, 'joint_union', { jointType: 'sectoral' });
    const found = await ctx.call('GET', `/api/public/unions?q=${encodeURIComponent(joint.name.slice(0, 6))}`, undefined, '');
    expect(found.json<{ items: { id: number }[] }>().items.map((u) => u.id)).toContain(joint.id);
    const applied = await apply(joint.id);
    expect(applied.statusCode).toBe(201);
    const { trackingCode } = applied.json<{ trackingCode: string }>();
    expect(trackingCode).toMatch(/^[A-Z2-9]{12}$/);
    const status = await ctx.call('GET', `/api/public/applications/${trackingCode.toLowerCase()}`, undefined, '');
    expect(status.json<ApplicationStatusView>()).toMatchObject({
      status: 'pending',
      maskedName: '王**',
      orgName: joint.name,
    });
  });

  it('explains a bad ID number and phone in Chinese', async () => {
    const badId = await apply(tree.dcUnion.id, { idNumber: '110105194912310021' });
    expect(badId.statusCode).toBe(422);
    expect(badId.json()).toEqual({ code: 'ID_CHECK', message: '身份证号校验位错误：末位应为 X，请核对' });
    const badPhone = await apply(tree.dcUnion.id, { phone: '1381234567' });
    expect(badPhone.json().message).toBe('手机号应为 11 位数字，当前为 10 位');
    const legacy = await apply(tree.dcUnion.id, { idNumber: '110105491231002' });
    expect(legacy.json().code).toBe('ID_LEGACY15');
  });

  it('answers every applicant alike — new, pending, member here or elsewhere — and tells only the reviewing cadre', async () => {
    const here = await buildMember(ctx, tree.dcUnion.id);
    const elsewhere = await buildMember(ctx, tree.xcUnion.id);
    const pendingId = makeIdNumber();
    expect((await apply(tree.dcUnion.id, { idNumber: pendingId })).statusCode).toBe(201);
    const cases = { new: makeIdNumber(), duplicate: pendingId, member_here: here.idNumber, member_elsewhere: elsewhere.idNumber };
    const codes = new Map<string, string>();
    for (const [flag, idNumber] of Object.entries(cases)) {
      const answer = await apply(tree.dcUnion.id, { idNumber });
      expect(answer.statusCode).toBe(201);
      expect(Object.keys(answer.json()).sort()).toEqual(['status', 'trackingCode']);
      expect(answer.json().status).toBe('pending');
      const status = await ctx.call('GET', `/api/public/applications/${answer.json().trackingCode}`, undefined, '');
      expect(Object.keys(status.json()).sort()).toEqual([
        'decidedAt',
        'maskedName',
        'orgName',
        'rejectReason',
        'status',
        'submittedAt',
        'trackingCode',
      ]);
      expect(status.json()).toMatchObject({ status: 'pending', decidedAt: null, rejectReason: null });
      codes.set(answer.json().trackingCode, flag);
    }
    const queue = (await ctx.call('GET', `/api/applications?orgId=${tree.dcUnion.id}&limit=500`)).json<{ items: Application[] }>();
    for (const a of queue.items.filter((q) => codes.has(q.trackingCode))) expect(a.flag).toBe(codes.get(a.trackingCode));
    const ids = queue.items.filter((q) => codes.has(q.trackingCode)).map((a) => a.id);
    expect((await ctx.call('POST', '/api/applications/decisions', { ids, decision: 'approve' })).json()).toEqual({
      approved: 2, // the new applicant, and the person whose earlier application is still pending: admitted once
      rejected: 0,
      transfersRequested: 1,
      duplicates: 1, // the member here
    });
    const first = (await ctx.call('GET', `/api/applications?orgId=${tree.dcUnion.id}&limit=500`)).json<{ items: Application[] }>();
    const earlier = first.items.find((a) => a.flag === 'member_here' && !codes.has(a.trackingCode))!;
    expect((await ctx.call('POST', '/api/applications/decisions', { ids: [earlier.id], decision: 'approve' })).json()).toMatchObject({
      approved: 0,
      duplicates: 1,
    });
    expect((await apply(tree.dcStreet.id)).json().code).toBe('RECEIVING_ORG_KIND');
  });

  it('approves 498 applications from one outreach meeting as one action', async () => {
    const union = await buildOrg(ctx, tree.dcStreet2.id, 'joint_union');
    for (let i = 0; i < 498; i++) expect((await apply(union.id)).statusCode).toBe(201);
    const queue = await ctx.call('GET', `/api/applications?orgId=${union.id}&limit=500`);
    const ids = queue.json<{ items: Application[] }>().items.map((a) => a.id);
    expect(ids).toHaveLength(498);
    const auditBefore = await ctx.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const decided = await ctx.call('POST', '/api/applications/decisions', { ids, decision: 'approve' });
    expect(decided.json()).toEqual({ approved: 498, rejected: 0, transfersRequested: 0, duplicates: 0 });
    expect((await ctx.call('GET', `/api/coverage/${union.id}`)).json<Coverage>().members).toBe(498);
    const auditAfter = await ctx.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n) - Number(auditBefore.n)).toBe(1);
    expect(await diffCoverage(ctx.database.db)).toEqual([]);
    expect((await ctx.call('POST', '/api/applications/decisions', { ids: ids.slice(0, 3), decision: 'approve' })).json().code).toBe(
      'APPLICATION_NOT_PENDING',
    );
  });

  it('names the outreach meeting an application came from by its title in the review queue', async () => {
    const union = await buildOrg(ctx, tree.dcStreet2.id, 'joint_union');
    const meeting = (
      await ctx.call('POST', '/api/meetings', { orgId: tree.dcStreet2.id, kind: 'worker', title: '快递员专场沟通会', heldOn: '2026-05-30' })
    ).json<{ id: number }>();
    expect((await apply(union.id, { meetingId: meeting.id })).statusCode).toBe(201);
    expect((await apply(union.id)).statusCode).toBe(201);
    const queue = (await ctx.call('GET', `/api/applications?orgId=${union.id}`)).json<{ items: Application[] }>().items;
    expect(queue.map((a) => [a.source, a.meetingId, a.meetingTitle])).toEqual([
      ['meeting', meeting.id, '快递员专场沟通会'],
      ['self', null, null],
    ]);
  });

  it('rejects with a reason, which the applicant sees', async () => {
    const { trackingCode } = (await apply(tree.dcUnion.id)).json<{ trackingCode: string }>();
    const queue = (await ctx.call('GET', `/api/applications?orgId=${tree.dcUnion.id}&limit=500`)).json<{ items: Application[] }>();
    const id = queue.items.find((a) => a.trackingCode === trackingCode)!.id;
    expect((await ctx.call('POST', '/api/applications/decisions', { ids: [id], decision: 'reject' })).json().code).toBe(
      'REJECT_REASON_REQUIRED',
    );
    expect(
      (await ctx.call('POST', '/api/applications/decisions', { ids: [id], decision: 'reject', reason: '非本单位职工' })).json().rejected,
    ).toBe(1);
    const status = (await ctx.call('GET', `/api/public/applications/${trackingCode}`, undefined, '')).json<ApplicationStatusView>();
    expect(status).toMatchObject({ status: 'rejected', rejectReason: '非本单位职工' });
  });

  it("approving an application of a member elsewhere asks for a transfer that waits for the member's consent", async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const applied = await apply(tree.dcUnion.id, { idNumber: m.idNumber });
    expect(applied.json()).toMatchObject({ status: 'pending' });
    const incomingBefore = await ctx.call('GET', `/api/transfers?orgId=${tree.dcUnion.id}&direction=incoming`);
    expect(incomingBefore.json<{ items: { memberId: number }[] }>().items.map((t) => t.memberId)).not.toContain(m.id);
    const queue = (await ctx.call('GET', `/api/applications?orgId=${tree.dcUnion.id}&limit=500`)).json<{ items: Application[] }>();
    const application = queue.items.find((a) => a.trackingCode === applied.json().trackingCode)!;
    await ctx.call('POST', '/api/applications/decisions', { ids: [application.id], decision: 'approve' });
    const incoming = await ctx.call('GET', `/api/transfers?orgId=${tree.dcUnion.id}&direction=incoming`);
    const transfer = incoming.json<{ items: { memberId: number; consent: string | null }[] }>().items.find((t) => t.memberId === m.id);
    expect(transfer).toMatchObject({ consent: null });
    expect((await ctx.call('GET', `/api/members/${m.id}`)).json().orgId).toBe(tree.xcUnion.id);
  });

  it('a batch with one application outside the caller scope is refused whole', async () => {
    await apply(tree.dcUnion.id);
    await apply(tree.xcUnion.id);
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const own = (await ctx.call('GET', `/api/applications?orgId=${tree.dongcheng.id}&limit=500`, undefined, cadre.cookie)).json<{
      items: Application[];
    }>().items;
    const foreign = (await ctx.call('GET', `/api/applications?orgId=${tree.xicheng.id}&limit=500`)).json<{ items: Application[] }>().items;
    const response = await ctx.call(
      'POST',
      '/api/applications/decisions',
      { ids: [own[0]!.id, foreign[0]!.id], decision: 'approve' },
      cadre.cookie,
    );
    expect(response.statusCode).toBe(404);
    const still = (await ctx.call('GET', `/api/applications?orgId=${tree.dongcheng.id}&limit=500`, undefined, cadre.cookie)).json<{
      items: Application[];
    }>().items;
    expect(still.map((a) => a.id)).toContain(own[0]!.id);
    expect(JSON.stringify(own)).not.toMatch(/\d{17}[\dX]/);
  });
});
