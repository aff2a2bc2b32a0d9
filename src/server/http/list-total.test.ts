import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_TOTAL_BOUND, type ListTotal } from '../../common/paging.js';
import { regionOfPath } from '../auth/tree.js';
import { actorWith, buildOrg, buildTree, createTestContext, type TestContext } from '../testing/harness.js';

type Tree = Awaited<ReturnType<typeof buildTree>>;
type TotalPage = { items: unknown[]; nextCursor: string | null; total?: ListTotal };

/** Members written straight into the table (the count is under test, not the joining path), each one unique. */
async function insertMembers(ctx: TestContext, orgId: number, n: number, status: 'member' | 'lapsed', tag: string) {
  const org = await ctx.database.db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', orgId).executeTakeFirstOrThrow();
  await sql`
    INSERT INTO member (region_id, name, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date, status,
                        org_id, org_path, join_date)
    SELECT ${regionOfPath(org.path)}::bigint, '测试' || i, 'enc', ${tag} || i, '1101**********0000', 'male', DATE '1990-01-01',
           ${status}, ${org.id}::bigint, ${org.path}::ltree, DATE '2020-01-01'
      FROM generate_series(1, ${n}::int) AS i`.execute(ctx.database.db);
}

describe('list totals', () => {
  let ctx: TestContext;
  let tree: Tree;
  beforeAll(async () => {
    ctx = await createTestContext();
    tree = await buildTree(ctx);
    await insertMembers(ctx, tree.dcUnion.id, 3, 'member', 'small-');
    await insertMembers(ctx, tree.xcUnion.id, LIST_TOTAL_BOUND + 5, 'member', 'large-');
    await insertMembers(ctx, tree.xcUnion.id, 2, 'lapsed', 'lapsed-');
    expect((await ctx.call('POST', '/api/coverage/rebuild')).statusCode).toBe(200);
  }, 120_000);
  afterAll(() => ctx.close());

  const page = async (url: string, cookie?: string) => {
    const response = await ctx.call('GET', url, undefined, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TotalPage>();
  };

  it('counts a small list exactly on its first page, and leaves the total off the following pages', async () => {
    const first = await page(`/api/members?orgId=${tree.dcUnion.id}&limit=2`);
    expect(first.total).toEqual({ count: 3, kind: 'exact' });
    const second = await page(`/api/members?orgId=${tree.dcUnion.id}&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items).toHaveLength(1);
    expect(second.total).toBeUndefined();
  });

  it('answers the roll-up above the bound for the member list with no filter but status', async () => {
    const members = await page(`/api/members?orgId=${tree.xicheng.id}&status=member&limit=1`);
    expect(members.total).toEqual({ count: LIST_TOTAL_BOUND + 5, kind: 'rollup' });
  });

  it('says "at least" the bound above it when a filter rules the roll-up out', async () => {
    expect((await page(`/api/members?orgId=${tree.xicheng.id}&limit=1`)).total).toEqual({ count: LIST_TOTAL_BOUND, kind: 'atLeast' });
    expect((await page(`/api/members?orgId=${tree.xicheng.id}&status=member&employmentForm=standard&limit=1`)).total).toEqual({
      count: LIST_TOTAL_BOUND,
      kind: 'atLeast',
    });
    // Filtered down below the bound, the count is exact again.
    expect((await page(`/api/members?orgId=${tree.xicheng.id}&status=lapsed&limit=1`)).total).toEqual({ count: 2, kind: 'exact' });
  });

  it("counts only the caller's subtree", async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    expect((await page(`/api/members?orgId=${tree.dongcheng.id}&limit=1`, cadre.cookie)).total).toEqual({ count: 3, kind: 'exact' });
    const refused = await ctx.call('GET', `/api/members?orgId=${tree.xicheng.id}&limit=1`, undefined, cadre.cookie);
    expect(refused.statusCode).toBe(404);
  });

  it('gives employers, users and the audit log a total too', async () => {
    const street = await buildOrg(ctx, tree.dongcheng.id, 'street_federation');
    for (const name of ['甲公司', '乙公司']) {
      const created = await ctx.call('POST', '/api/employers', {
        name,
        headcount: 10,
        industry: 'C',
        streetOrgId: street.id,
        unionOrgId: null,
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    expect((await page(`/api/employers?orgId=${street.id}`)).total).toEqual({ count: 2, kind: 'exact' });
    expect((await page(`/api/users?orgId=${tree.dongcheng.id}`)).total?.kind).toBe('exact');
    expect((await page('/api/audit?limit=1')).total?.count).toBeGreaterThan(0);
  });

  it('gives the outbox a total, counted in the database like the rows it pages', async () => {
    const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM message_outbox`.execute(ctx.database.db);
    expect((await page('/api/messages?limit=1')).total).toEqual({ count: Number(rows[0]!.n), kind: 'exact' });
  });
});
