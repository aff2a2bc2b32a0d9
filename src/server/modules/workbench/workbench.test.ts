import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, makeIdNumber, makePhone, type TestContext } from '../../testing/harness.js';
import type { Workbench, WorkbenchCounts } from '../../../common/workbench.js';
import type { Coverage } from '../../../common/coverage.js';
import type { Page } from '../../../common/paging.js';
import type { Application } from '../../../common/applications.js';

/**
 * The 工作台 and the badges: what waits for a cadre is counted inside their nodes only, a source they may not act on
 * is not counted at all, and the key figures are the roll-up's.
 */

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const apply = async (orgId: number) =>
  expect(
    (
      await ctx.call(
        'POST',
        '/api/public/applications',
        { name: '钱待审', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'courier', orgId },
        '',
      )
    ).statusCode,
  ).toBe(201);

const countsOf = async (cookie: string) => {
  const response = await ctx.call('GET', '/api/workbench/counts', undefined, cookie);
  expect(response.statusCode).toBe(200);
  return Object.fromEntries(response.json<WorkbenchCounts>().todos.map((t) => [t.key, t.count]));
};

describe('counts', () => {
  it('counts pending applications and transfers to confirm in the caller’s nodes only', async () => {
    for (let i = 0; i < 3; i++) await apply(tree.dcUnion.id);
    await apply(tree.xcUnion.id);
    // A member of the 西城 union asked for by 东城: 西城 (the releasing side) must confirm.
    const m = await buildMember(ctx, tree.xcUnion.id);
    expect((await ctx.call('POST', '/api/transfers', { idNumber: m.idNumber, toOrgId: tree.dcUnion.id })).statusCode).toBe(201);

    const dcCadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const xcCadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const queue = (
      await ctx.call('GET', `/api/applications?orgId=${tree.dongcheng.id}&status=pending&limit=500`, undefined, dcCadre.cookie)
    ).json<Page<Application>>().items;
    expect(await countsOf(dcCadre.cookie)).toEqual({ 'applications.pending': queue.length, 'transfers.toConfirm': 0, 'imports.failed': 0 });
    expect(queue).toHaveLength(3);
    expect(await countsOf(xcCadre.cookie)).toEqual({ 'applications.pending': 1, 'transfers.toConfirm': 1, 'imports.failed': 0 });
    // An outsider of both districts (a union below 东城's street, no pending items of its own) sees none of them.
    const branchCadre = await actorWith(ctx, 'union_cadre', tree.dcBranch.id);
    expect(await countsOf(branchCadre.cookie)).toEqual({ 'applications.pending': 0, 'transfers.toConfirm': 0, 'imports.failed': 0 });
  });

  it('leaves out what the caller may not act on, and counts failed imports of the last 30 days', async () => {
    const reader = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    expect(await countsOf(reader.cookie)).toEqual({});
    const job = {
      kind: 'members' as const,
      org_id: tree.dcUnion.id,
      org_path: (await ctx.database.db.selectFrom('org_unit').select('path').where('id', '=', tree.dcUnion.id).executeTakeFirstOrThrow())
        .path,
      region_id: tree.dongcheng.id,
      file_name: '名册.xlsx',
      file_path: '/nowhere',
      file_sha256: 'x',
      file_bytes: 1,
    };
    // One job that failed today, one that failed 40 days ago.
    await ctx.database.db.insertInto('import_job').values(job).execute();
    await ctx.database.db
      .insertInto('import_job')
      .values({ ...job, created_at: new Date(Date.now() - 40 * 86400_000).toISOString() })
      .execute();
    await ctx.database.db.updateTable('import_job').set({ status: 'failed' }).where('org_id', '=', tree.dcUnion.id).execute();
    const cadre = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
    expect((await countsOf(cadre.cookie))['imports.failed']).toBe(1);
    expect((await countsOf((await actorWith(ctx, 'union_cadre', tree.xicheng.id)).cookie))['imports.failed']).toBe(0);
    // Inside one organisation the caller can see: what waits there only; elsewhere: not found.
    const here = await ctx.call('GET', `/api/workbench/counts?orgId=${tree.dcStreet2.id}`, undefined, cadre.cookie);
    expect(here.statusCode).toBe(404);
    const district = (
      await ctx.call('GET', `/api/workbench/counts?orgId=${tree.dcUnion.id}`, undefined, cadre.cookie)
    ).json<WorkbenchCounts>();
    expect(Object.fromEntries(district.todos.map((t) => [t.key, t.count]))).toEqual({
      'applications.pending': 3,
      'transfers.toConfirm': 0,
      'imports.failed': 1,
    });
  });
});

describe('the 工作台', () => {
  it('shows each of the caller’s nodes with the roll-up’s figures and its to-dos, and the caller’s own recent actions', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    await ctx.call(
      'PATCH',
      `/api/orgs/${tree.dcStreet2.id}`,
      { name: '景山街道总工会（工作台）', version: tree.dcStreet2.version },
      cadre.cookie,
    );
    const response = await ctx.call('GET', '/api/workbench', undefined, cadre.cookie);
    expect(response.statusCode).toBe(200);
    const bench = response.json<Workbench>();
    const coverage = (await ctx.call('GET', `/api/coverage/${tree.dongcheng.id}`, undefined, cadre.cookie)).json<Coverage>();
    expect(bench.nodes).toHaveLength(1);
    expect(bench.nodes[0]).toMatchObject({
      orgId: tree.dongcheng.id,
      name: coverage.name,
      members: coverage.members,
      membershipRate: coverage.membershipRate,
      unionisationRate: coverage.unionisationRate,
    });
    expect(bench.nodes[0]!.todos.find((t) => t.key === 'applications.pending')?.count).toBe(3);
    expect(bench.activityIsOwn).toBe(true);
    expect(bench.activity[0]).toMatchObject({ action: 'org.update', targetName: '景山街道总工会（工作台）', username: cadre.username });
  });

  it('shows an auditor the log of their subtree, never another district’s', async () => {
    const auditor = await actorWith(ctx, 'auditor', tree.xicheng.id);
    const bench = (await ctx.call('GET', '/api/workbench', undefined, auditor.cookie)).json<Workbench>();
    expect(bench.activityIsOwn).toBe(false);
    expect(bench.activity.length).toBeGreaterThan(0);
    expect(bench.activity.some((e) => e.targetName === '景山街道总工会（工作台）')).toBe(false);
    expect(bench.nodes.map((n) => n.orgId)).toEqual([tree.xicheng.id]);
  });
});
