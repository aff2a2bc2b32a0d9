import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { AuditRecord } from '../../../common/audit.js';
import type { Page } from '../../../common/paging.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext({ revealPerHour: 3, fullExportsPerDay: 1 });
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const audit = async (cookie: string, query: string) => {
  const response = await ctx.call('GET', `/api/audit?limit=200${query}`, undefined, cookie);
  expect(response.statusCode).toBe(200);
  return response.json<Page<AuditRecord>>().items;
};

describe('reveal with a reason and a quota', () => {
  it('refuses a reveal without a stated reason, in the caller’s language', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    const none = await ctx.call('POST', `/api/members/${m.id}/reveal`, { field: 'idNumber' }, undefined, 'en');
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('reason') });
    const blank = await ctx.call('POST', `/api/members/${m.id}/reveal`, { field: 'idNumber', reason: '  x ' });
    expect(blank.statusCode).toBe(400);
  });

  it('stops a cadre after the hourly quota, audits the refusal, and lets the street’s auditor list who revealed what and why', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
    const members = await Promise.all([1, 2, 3, 4].map(() => buildMember(ctx, tree.dcUnion.id)));
    for (const m of members.slice(0, 3)) {
      const ok = await ctx.call('POST', `/api/members/${m.id}/reveal`, { field: 'phone', reason: '核对会员保险信息' }, cadre.cookie);
      expect(ok.statusCode).toBe(200);
    }
    const spent = await ctx.call(
      'POST',
      `/api/members/${members[3]!.id}/reveal`,
      { field: 'phone', reason: '核对会员保险信息' },
      cadre.cookie,
    );
    expect(spent.statusCode).toBe(429);
    expect(spent.json()).toMatchObject({ code: 'REVEAL_QUOTA_SPENT', message: expect.stringContaining('3') });

    const auditor = await actorWith(ctx, 'auditor', tree.dcStreet.id);
    const reveals = await audit(auditor.cookie, `&action=member.reveal&username=${cadre.username}`);
    expect(reveals).toHaveLength(3);
    expect(reveals[0]).toMatchObject({ targetId: String(members[2]!.id), detail: { field: 'phone', reason: '核对会员保险信息' } });
    const refusals = await audit(auditor.cookie, `&username=${cadre.username}&result=denied`);
    expect(refusals).toContainEqual(expect.objectContaining({ detail: expect.objectContaining({ code: 'REVEAL_QUOTA_SPENT' }) }));
    const elsewhere = await actorWith(ctx, 'auditor', tree.xicheng.id);
    expect(await audit(elsewhere.cookie, `&action=member.reveal&username=${cadre.username}`)).toEqual([]);
  });
});

describe('full export', () => {
  const download = (query: string, cookie = ctx.adminCookie) =>
    ctx.app.inject({ method: 'GET', url: `/api/members/export?format=csv&${query}`, headers: { cookie } });

  /** The end-of-stream entry is written once the last byte has gone out: wait for it. */
  const finished = async (cookie: string, username: string, count: number) => {
    for (let i = 0; i < 50; i++) {
      const done = await audit(cookie, `&action=member.export.done&username=${username}`);
      if (done.length >= count) return done;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no member.export.done entry');
  };

  it('needs a reason, records masked or full with the row count, and allows one full export a day', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    await buildMember(ctx, tree.xcUnion.id);
    await buildMember(ctx, tree.xcUnion.id);
    const noReason = await download(`orgId=${tree.xcUnion.id}&reveal=1`, cadre.cookie);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'EXPORT_REASON_REQUIRED' });

    expect((await download(`orgId=${tree.xcUnion.id}`, cadre.cookie)).statusCode).toBe(200);
    const full = await download(`orgId=${tree.xcUnion.id}&reveal=1&reason=${encodeURIComponent('年度会员保险投保')}`, cadre.cookie);
    expect(full.statusCode).toBe(200);
    const again = await download(`orgId=${tree.xcUnion.id}&reveal=1&reason=${encodeURIComponent('再次导出')}`, cadre.cookie);
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ code: 'FULL_EXPORT_QUOTA_SPENT' });

    const auditor = await actorWith(ctx, 'auditor', tree.xicheng.id);
    const done = await finished(auditor.cookie, cadre.username, 2);
    expect(done.map((d) => d.detail)).toEqual([
      expect.objectContaining({ masked: false, reason: '年度会员保险投保', rows: 2, complete: true }),
      expect.objectContaining({ masked: true, rows: 2, complete: true }),
    ]);
    const started = await audit(auditor.cookie, `&action=member.export&username=${cadre.username}`);
    expect(started.map((s) => s.detail)).toEqual([
      expect.objectContaining({ masked: false, reason: '年度会员保险投保' }),
      expect.objectContaining({ masked: true }),
    ]);
  });
});
