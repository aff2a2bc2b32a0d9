import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
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
import type { AuditRecord } from '../../../common/audit.js';
import type { Page } from '../../../common/paging.js';
import type { Org } from '../../../common/orgs.js';

/**
 * What an auditor relies on in the log: one entry for every write, naming who did what to which record; refusals
 * counted without flooding it; entries that stay with their units when the tree changes; nothing seen beyond the
 * auditor's subtree; and a table nobody can rewrite. audit.test.ts holds the first placement and refusal cases.
 */

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const lastAuditId = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('audit_log')
        .select(sql<string>`coalesce(max(id), 0)`.as('id'))
        .executeTakeFirstOrThrow()
    ).id,
  );

const entriesAfter = (id: number) =>
  ctx.database.db
    .selectFrom('audit_log')
    .select([
      'id',
      'user_id',
      'username',
      'action',
      'target_type',
      'target_id',
      'result',
      'ip',
      sql<string | null>`org_path::text`.as('org_path'),
      'detail',
    ])
    .where('id', '>', id)
    .orderBy('id')
    .execute();

const pathOf = async (orgId: number) =>
  (
    await ctx.database.db
      .selectFrom('org_unit')
      .select(sql<string>`path::text`.as('path'))
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow()
  ).path;

const detailOf = (detail: unknown): Record<string, unknown> =>
  (typeof detail === 'string' ? JSON.parse(detail) : detail) as Record<string, unknown>;

async function auditOf(cookie: string, query = ''): Promise<AuditRecord[]> {
  const response = await ctx.call('GET', `/api/audit?limit=200${query}`, undefined, cookie);
  expect(response.statusCode).toBe(200);
  return response.json<Page<AuditRecord>>().items;
}

describe('writes', () => {
  it('every write leaves exactly one entry naming the actor, the action, the target and its unit', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const member = await buildMember(ctx, tree.dcUnion.id);
    const before = await lastAuditId();

    const union = (
      await ctx.call('POST', '/api/orgs', { parentId: tree.dcStreet.id, kind: 'grassroots_union', name: '审计测试工会' }, cadre.cookie)
    ).json<Org>();
    expect(
      (await ctx.call('PATCH', `/api/orgs/${union.id}`, { name: '审计测试工会（改）', version: union.version }, cadre.cookie)).statusCode,
    ).toBe(200);
    const intake = await ctx.call(
      'POST',
      '/api/applications',
      { name: '赵审计', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'courier', orgId: union.id },
      cadre.cookie,
    );
    const application = await ctx.database.db
      .selectFrom('member_application')
      .select('id')
      .where('tracking_code', '=', intake.json<{ trackingCode: string }>().trackingCode)
      .executeTakeFirstOrThrow();
    expect(
      (await ctx.call('POST', '/api/applications/decisions', { ids: [application.id], decision: 'approve' }, cadre.cookie)).statusCode,
    ).toBe(200);
    expect((await ctx.call('POST', `/api/members/${member.id}/lapse`, { reason: '调离' }, cadre.cookie)).statusCode).toBe(200);

    const entries = await entriesAfter(before);
    const unionPath = await pathOf(union.id);
    expect(entries.map((e) => [e.action, e.target_type, e.target_id, e.org_path])).toEqual([
      ['org.create', 'org', String(union.id), unionPath],
      ['org.update', 'org', String(union.id), unionPath],
      ['application.intake', 'application', String(application.id), unionPath],
      ['application.approve', 'application', String(application.id), unionPath],
      ['member.lapse', 'member', String(member.id), await pathOf(tree.dcUnion.id)],
    ]);
    for (const e of entries) expect(e).toMatchObject({ user_id: cadre.userId, username: cadre.username, result: 'ok', ip: '127.0.0.1' });
    expect(detailOf(entries[4]!.detail)).toMatchObject({ reason: '调离' });
  });

  it('a write refused halfway leaves no success entry, and one failed entry with the reason', async () => {
    const member = await buildMember(ctx, tree.dcUnion.id);
    const application = await ctx.database.db
      .selectFrom('member_application')
      .select('id')
      .where('tracking_code', '=', member.trackingCode)
      .executeTakeFirstOrThrow();
    const before = await lastAuditId();
    const again = await ctx.call('POST', '/api/applications/decisions', { ids: [application.id], decision: 'approve' });
    expect(again.statusCode).toBe(409);
    await ctx.app.auditRefusals.flush();
    const entries = await entriesAfter(before);
    expect(entries.map((e) => [e.action, e.result, detailOf(e.detail).code])).toEqual([
      ['POST /api/applications/decisions', 'failed', 'APPLICATION_NOT_PENDING'],
    ]);
  });
  // A batch decision is one entry; it once belonged to the first application's union only, so the second district's
  // auditors had no trace of a decision on their unions' applications.
  it('a batch decision over two districts is seen by the auditors of both', async () => {
    const apply = async (orgId: number) => {
      const applied = await ctx.call(
        'POST',
        '/api/public/applications',
        { name: '孙批量', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'courier', orgId },
        '',
      );
      return (
        await ctx.database.db
          .selectFrom('member_application')
          .select('id')
          .where('tracking_code', '=', applied.json<{ trackingCode: string }>().trackingCode)
          .executeTakeFirstOrThrow()
      ).id;
    };
    const ids = [await apply(tree.dcUnion.id), await apply(tree.xcUnion.id)];
    expect((await ctx.call('POST', '/api/applications/decisions', { ids, decision: 'reject', reason: '跨区批量' })).statusCode).toBe(200);
    const isDecision = (e: AuditRecord) => e.action === 'application.reject' && e.detail?.reason === '跨区批量';
    const dcAuditor = await actorWith(ctx, 'auditor', tree.dongcheng.id);
    const xcAuditor = await actorWith(ctx, 'auditor', tree.xicheng.id);
    expect((await auditOf(dcAuditor.cookie, '&action=application.reject')).some(isDecision)).toBe(true);
    expect((await auditOf(xcAuditor.cookie, '&action=application.reject')).some(isDecision)).toBe(true);
  });
});

describe('refusals', () => {
  it('keeps one window per route and reason: a first entry at once, then one summary counting the repeats and naming their targets', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const before = await lastAuditId();
    const foreign = [tree.dcUnion.id, tree.dcStreet.id, tree.dcBranch.id];
    for (const id of foreign) expect((await ctx.call('GET', `/api/orgs/${id}`, undefined, cadre.cookie)).statusCode).toBe(404);
    for (let i = 0; i < 2; i++) {
      const refused = await ctx.call(
        'POST',
        '/api/users',
        { username: `nope${i}`, displayName: '不行', password: 'Xq7-umbrella-kite', orgId: tree.xcUnion.id, role: 'read_only' },
        cadre.cookie,
      );
      expect(refused.statusCode).toBe(403);
    }
    // Before the windows close only the first of each kind is written.
    const early = await entriesAfter(before);
    expect(early.map((e) => [e.action, e.target_id, detailOf(e.detail).count ?? null])).toEqual([
      ['GET /api/orgs/:id', `/api/orgs/${foreign[0]}`, null],
      ['POST /api/users', '/api/users', null],
    ]);
    await ctx.app.auditRefusals.flush();
    const entries = await entriesAfter(before);
    expect(entries).toHaveLength(4);
    expect(entries.every((e) => e.user_id === cadre.userId && e.result === 'denied')).toBe(true);
    const summaries = entries.slice(2).map((e) => ({ action: e.action, ...detailOf(e.detail) }));
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'GET /api/orgs/:id',
          code: 'NOT_FOUND',
          count: 2,
          targets: foreign.slice(1).map((id) => `/api/orgs/${id}`),
        }),
        expect.objectContaining({ action: 'POST /api/users', code: 'FORBIDDEN', count: 1 }),
      ]),
    );
  });
});

describe('who sees what', () => {
  it('an auditor sees the entries of their subtree only; an account without audit.read sees none', async () => {
    const a = await ctx.call('PATCH', `/api/orgs/${tree.dcUnion.id}`, {
      name: `东城工会${tree.dcUnion.id}`,
      version: tree.dcUnion.version,
    });
    const b = await ctx.call('PATCH', `/api/orgs/${tree.xcUnion.id}`, {
      name: `西城工会${tree.xcUnion.id}`,
      version: tree.xcUnion.version,
    });
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const auditor = await actorWith(ctx, 'auditor', tree.dcStreet.id);
    const seen = await auditOf(auditor.cookie, '&action=org.update');
    const targets = seen.map((e) => e.targetId);
    expect(targets).toContain(String(tree.dcUnion.id));
    expect(targets).not.toContain(String(tree.xcUnion.id));
    expect(seen.every((e) => e.action === 'org.update')).toBe(true);
    expect((await ctx.call('GET', `/api/audit?orgId=${tree.xcUnion.id}`, undefined, auditor.cookie)).statusCode).toBe(404);
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    expect((await ctx.call('GET', '/api/audit', undefined, cadre.cookie)).statusCode).toBe(403);
  });

  it('entries of nobody’s unit (anonymous refusals) are for auditors at the root only', async () => {
    const ip = '192.0.2.45';
    expect((await ctx.app.inject({ method: 'GET', url: '/api/users', remoteAddress: ip })).statusCode).toBe(401);
    await ctx.app.auditRefusals.flush();
    const rootAuditor = await actorWith(ctx, 'auditor', 1);
    const districtAuditor = await actorWith(ctx, 'auditor', tree.dongcheng.id);
    expect((await auditOf(rootAuditor.cookie, '&result=denied')).some((e) => e.ip === ip)).toBe(true);
    expect((await auditOf(districtAuditor.cookie, '&result=denied')).some((e) => e.ip === ip)).toBe(false);
  });

  it('pages newest first with a cursor, each entry once', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dcStreet2.id);
    for (let i = 0; i < 5; i++) {
      await ctx.call('POST', '/api/orgs', { parentId: tree.dcStreet2.id, kind: 'grassroots_union', name: `分页工会${i}` }, cadre.cookie);
    }
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<AuditRecord> = (
        await ctx.call(
          'GET',
          `/api/audit?limit=2&action=org.create&username=${cadre.username}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).json();
      ids.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(5);
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);
    expect(new Set(ids).size).toBe(5);
  });
});

describe('a moved subtree', () => {
  it('takes along the entries of its units and of the accounts that hold roles in it', async () => {
    const street = await buildOrg(ctx, tree.dongcheng.id, 'street_federation');
    const union = await buildOrg(ctx, street.id, 'grassroots_union');
    const user = await actorWith(ctx, 'read_only', union.id);
    expect((await ctx.call('PATCH', `/api/users/${user.userId}`, { displayName: '随迁账号' })).statusCode).toBe(200);
    const intake = await ctx.call('POST', '/api/applications', {
      name: '钱随迁',
      idNumber: makeIdNumber(),
      phone: makePhone(),
      employmentForm: 'courier',
      orgId: union.id,
    });
    expect(intake.statusCode).toBe(201);
    const application = await ctx.database.db
      .selectFrom('member_application')
      .select('id')
      .where('tracking_code', '=', intake.json<{ trackingCode: string }>().trackingCode)
      .executeTakeFirstOrThrow();
    const dcAuditor = await actorWith(ctx, 'auditor', tree.dongcheng.id);
    const xcAuditor = await actorWith(ctx, 'auditor', tree.xicheng.id);
    /** The two entries of this test among those an auditor sees. */
    const ours = (entries: AuditRecord[]) =>
      entries
        .filter(
          (e) =>
            (e.action === 'user.update' && e.targetId === String(user.userId)) ||
            (e.action === 'application.intake' && e.targetId === String(application.id)),
        )
        .map((e) => e.action)
        .sort();
    const query = `&action=user.update,application.intake&from=${new Date(Date.now() - 600_000).toISOString()}`;
    const dcBefore = ours(await auditOf(dcAuditor.cookie, `${query}&orgId=${union.id}`));
    expect(dcBefore).toEqual(['application.intake', 'user.update']);
    expect((await ctx.call('GET', `/api/audit?orgId=${union.id}`, undefined, xcAuditor.cookie)).statusCode).toBe(404);

    expect((await ctx.call('POST', `/api/orgs/${street.id}/move`, { newParentId: tree.xicheng.id })).statusCode).toBe(200);
    expect(ours(await auditOf(xcAuditor.cookie, `${query}&orgId=${union.id}`))).toEqual(['application.intake', 'user.update']);
    expect((await ctx.call('GET', `/api/audit?orgId=${union.id}`, undefined, dcAuditor.cookie)).statusCode).toBe(404);
    const dcAll = await auditOf(dcAuditor.cookie, query);
    expect(dcAll.some((e) => e.action === 'user.update' && e.targetId === String(user.userId))).toBe(false);
  });
});

describe('the table', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, whoever connects', async () => {
    const count = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const attempts = [
      sql`UPDATE audit_log SET action = 'rewritten' WHERE id = (SELECT max(id) FROM audit_log)`,
      sql`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`,
      sql`TRUNCATE audit_log`,
    ];
    for (const attempt of attempts) {
      const error = await attempt.execute(ctx.database.db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/append-only/);
    }
    expect(await count()).toBe(before);
    const rewritten = await ctx.database.db.selectFrom('audit_log').select('id').where('action', '=', 'rewritten').execute();
    expect(rewritten).toEqual([]);
  });
});
