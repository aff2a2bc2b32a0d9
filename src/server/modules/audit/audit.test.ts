import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { actorWith, buildOrg, buildTree, createTestContext, TEST_PASSWORD, type TestContext } from '../../testing/harness.js';
import type { AuditRecord } from '../../../common/audit.js';
import type { Page } from '../../../common/paging.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const auditOf = async (cookie: string, query = '') => {
  const response = await ctx.call('GET', `/api/audit?limit=200${query}`, undefined, cookie);
  expect(response.statusCode).toBe(200);
  return response.json<Page<AuditRecord>>().items;
};

describe('audit placement', () => {
  it('moves a unit’s entries to the auditors of its new parent when its subtree moves', async () => {
    const street = await buildOrg(ctx, tree.dongcheng.id, 'street_federation');
    const union = await buildOrg(ctx, street.id, 'grassroots_union');
    const renamed = await ctx.call('PATCH', `/api/orgs/${union.id}`, { name: `改名${union.id}`, version: union.version });
    expect(renamed.statusCode).toBe(200);
    const dcAuditor = await actorWith(ctx, 'auditor', tree.dongcheng.id);
    const xcAuditor = await actorWith(ctx, 'auditor', tree.xicheng.id);
    const isUpdate = (i: AuditRecord) => i.action === 'org.update' && i.targetId === String(union.id);
    expect((await auditOf(dcAuditor.cookie)).some(isUpdate)).toBe(true);
    expect((await auditOf(xcAuditor.cookie)).some(isUpdate)).toBe(false);

    expect((await ctx.call('POST', `/api/orgs/${street.id}/move`, { newParentId: tree.xicheng.id })).statusCode).toBe(200);
    expect((await auditOf(xcAuditor.cookie)).some(isUpdate)).toBe(true);
    expect((await auditOf(xcAuditor.cookie, `&orgId=${street.id}`)).some(isUpdate)).toBe(true);
    expect((await auditOf(dcAuditor.cookie)).some(isUpdate)).toBe(false);
  });

  it('places a district cadre’s denied read at the district, where its auditors see it', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const refused = await ctx.call('GET', `/api/orgs/${tree.xcUnion.id}`, undefined, cadre.cookie);
    expect(refused.statusCode).toBe(404);
    const dcAuditor = await actorWith(ctx, 'auditor', tree.dongcheng.id);
    const entries = await auditOf(dcAuditor.cookie, `&username=${cadre.username}`);
    expect(entries).toContainEqual(
      expect.objectContaining({ action: 'GET /api/orgs/:id', result: 'denied', detail: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    );
  });

  it('places a refused login of a known account and changes to that account at its grant nodes', async () => {
    const user = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    const failed = await ctx.call('POST', '/api/auth/login', { username: user.username, password: 'not-it-1234' }, '');
    expect(failed.statusCode).toBe(401);
    expect((await ctx.call('PATCH', `/api/users/${user.userId}`, { displayName: '新名字' })).statusCode).toBe(200);
    const streetAuditor = await actorWith(ctx, 'auditor', tree.dcStreet.id);
    const entries = await auditOf(streetAuditor.cookie);
    expect(entries).toContainEqual(expect.objectContaining({ action: 'auth.login', result: 'denied', username: user.username }));
    expect(entries).toContainEqual(expect.objectContaining({ action: 'user.update', targetId: String(user.userId) }));
    const otherAuditor = await actorWith(ctx, 'auditor', tree.dcStreet2.id);
    expect((await auditOf(otherAuditor.cookie)).some((i) => i.username === user.username)).toBe(false);
    await ctx.call('POST', '/api/auth/login', { username: user.username, password: TEST_PASSWORD }, '');
  });
});

describe('refused requests', () => {
  it('records repeated denied reads of one caller as one entry and one summary with the count', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    for (let i = 0; i < 5; i++) {
      expect((await ctx.call('GET', `/api/members?orgId=${tree.dcUnion.id}`, undefined, cadre.cookie)).statusCode).toBe(404);
    }
    await ctx.app.auditRefusals.flush();
    const rows = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'result', sql<number | null>`(detail->>'count')::int`.as('count')])
      .where('username', '=', cadre.username)
      .where('result', '=', 'denied')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { action: 'GET /api/members', result: 'denied', count: null },
      { action: 'GET /api/members', result: 'denied', count: 4 },
    ]);
  });

  it('writes a handful of rows for 1,000 anonymous refusals from one IP, and keeps the count', async () => {
    const ip = '203.0.113.77';
    const urls = [
      '/api/members?orgId=1',
      '/api/orgs/roots',
      '/api/users',
      '/api/audit',
      '/api/employers?orgId=1',
      '/api/auth/me',
      '/api/nope',
    ];
    for (let i = 0; i < 1000; i++) {
      const response = await ctx.app.inject({ method: 'GET', url: urls[i % urls.length]!, remoteAddress: ip });
      expect([401, 404]).toContain(response.statusCode);
    }
    await ctx.app.auditRefusals.flush();
    const rows = await ctx.database.db
      .selectFrom('audit_log')
      .select(sql<number>`coalesce((detail->>'count')::int, 1)`.as('count'))
      .where('ip', '=', ip)
      .execute();
    expect(rows.length).toBeLessThanOrEqual(12);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(1000);
    const root = await auditOf(ctx.adminCookie, `&result=denied`);
    expect(root.some((i) => i.ip === ip)).toBe(true);
  });
});

describe('audit list', () => {
  it('filters by action, person, result and time, and refuses a malformed date with a clear message', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
    const created = await ctx.call(
      'POST',
      '/api/orgs',
      { parentId: tree.dcStreet.id, kind: 'grassroots_union', name: '筛选测试' },
      cadre.cookie,
    );
    expect(created.statusCode).toBe(201);
    const mine = await auditOf(ctx.adminCookie, `&username=${cadre.username}&action=org.create,zone.create`);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ action: 'org.create', detail: { name: '筛选测试' } });
    expect(await auditOf(ctx.adminCookie, `&username=${cadre.username}&to=2000-01-01`)).toEqual([]);
    expect(await auditOf(ctx.adminCookie, `&username=${cadre.username}&from=2000-01-01&result=ok&action=org.create`)).toHaveLength(1);
    const bad = await ctx.call('GET', '/api/audit?from=yesterday', undefined, ctx.adminCookie, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('from') });
    // Found by the fuzzer: a day or time that does not exist reached PostgreSQL and answered 500.
    for (const when of ['to=2026-13-40', 'from=2026-02-30', 'from=2026-01-01T25:61'])
      expect((await ctx.call('GET', `/api/audit?${when}`, undefined, ctx.adminCookie)).statusCode).toBe(400);
  });
});

describe('refusal windows', () => {
  it('writes the summary of repeats when the window closes, and on app.close() for a window still open', async () => {
    const short = await createTestContext({ auditRefusalWindowSeconds: 1 });
    try {
      const summaries = async (ip: string) =>
        short.database.db
          .selectFrom('audit_log')
          .select(sql<number | null>`(detail->>'count')::int`.as('count'))
          .where('ip', '=', ip)
          .orderBy('id')
          .execute();
      for (let i = 0; i < 3; i++) await short.app.inject({ method: 'GET', url: '/api/users', remoteAddress: '198.51.100.1' });
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(await summaries('198.51.100.1')).toEqual([{ count: null }, { count: 2 }]);

      for (let i = 0; i < 4; i++) await short.app.inject({ method: 'GET', url: '/api/users', remoteAddress: '198.51.100.2' });
      await short.app.close();
      expect(await summaries('198.51.100.2')).toEqual([{ count: null }, { count: 3 }]);
    } finally {
      await short.close();
    }
  });
});
