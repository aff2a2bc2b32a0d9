import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildMember, buildOrg, buildTree, createTestContext, makeIdNumber, makePhone, type TestContext } from '../../testing/harness.js';
import { regionOfPath } from '../../auth/tree.js';
import { sealPerson } from './members.person.js';
import { admitMembers, moveMember, type Admission } from './members.service.js';

// Issue #10: a member's rows carry the member's region in every key; a member or a subtree that changes region is
// re-inserted there with everything of theirs, and the city-wide claim follows (docs/scale-out.md).

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
const pathOf = async (id: number) =>
  (await ctx.database.db.selectFrom('org_unit').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

/** Every member-owned row naming the member, by table: region and count. */
async function rowsOf(memberId: number): Promise<Record<string, string[]>> {
  const { rows } = await sql<{ t: string; region_id: number }>`
    SELECT 'member' AS t, region_id FROM member WHERE id = ${memberId}
    UNION ALL SELECT 'affiliation', region_id FROM member_affiliation WHERE member_id = ${memberId}
    UNION ALL SELECT 'history', region_id FROM member_status_history WHERE member_id = ${memberId}
    UNION ALL SELECT 'transfer', region_id FROM member_transfer WHERE member_id = ${memberId}
    UNION ALL SELECT 'claim', region_id FROM member_claim WHERE member_id = ${memberId}`.execute(ctx.database.db);
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.t] ??= []).push(String(r.region_id));
  return out;
}

describe('regions', () => {
  it('a member moved to another district takes history, affiliations, transfers and the claim along, and leaves nothing behind', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    const dc = regionOfPath(await pathOf(tree.dcUnion.id));
    const xc = regionOfPath(await pathOf(tree.xcUnion.id));
    expect(dc).toBe(tree.dongcheng.id);
    expect(xc).toBe(tree.xicheng.id);
    // A secondary affiliation lives with the member, in the member’s region, wherever its union is.
    expect((await ctx.call('POST', `/api/members/${m.id}/affiliations`, { orgId: tree.dcBranch.id })).statusCode).toBe(200);
    const before = await rowsOf(m.id);
    expect(new Set(Object.values(before).flat())).toEqual(new Set([String(dc)]));

    const xcPath = await pathOf(tree.xcUnion.id);
    await ctx.database.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('member')
        .select(['region_id', 'org_id', 'org_path'])
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow();
      await moveMember(
        tx,
        { regionId: row.region_id, id: m.id, orgId: row.org_id, orgPath: row.org_path },
        { id: tree.xcUnion.id, path: xcPath },
        null,
        'test',
      );
    });

    const after = await rowsOf(m.id);
    expect(new Set(Object.values(after).flat())).toEqual(new Set([String(xc)]));
    expect(after.member).toHaveLength(1);
    expect(after.claim).toHaveLength(1);
    expect(after.affiliation).toHaveLength(before.affiliation!.length);
    expect(after.history).toHaveLength(before.history!.length + 1);
    // Found again by ID number (through the claim), now in 西城.
    const found = await ctx.call('GET', `/api/members?orgId=${tree.xicheng.id}&q=${m.idNumber}`);
    expect(found.json<{ items: { id: number; orgId: number }[] }>().items.map((i) => [i.id, i.orgId])).toEqual([[m.id, tree.xcUnion.id]]);
  });

  it('a street moved under another district federation moves its members to that region, claims included', async () => {
    const street = await buildOrg(ctx, tree.dongcheng.id, 'street_federation');
    const union = await buildOrg(ctx, street.id, 'grassroots_union');
    const members = [await buildMember(ctx, union.id), await buildMember(ctx, union.id)];
    expect((await ctx.call('POST', `/api/orgs/${street.id}/move`, { newParentId: tree.xicheng.id })).statusCode).toBe(200);
    for (const m of members) {
      const rows = await rowsOf(m.id);
      expect(new Set(Object.values(rows).flat())).toEqual(new Set([String(tree.xicheng.id)]));
      expect(rows.member).toHaveLength(1);
    }
    // The CHECK that ties region_id to the path holds for every row (a stale key could not have been written).
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM member
       WHERE region_id <> (CASE WHEN nlevel(org_path) = 1 THEN ltree2text(org_path) ELSE ltree2text(subpath(org_path, 1, 1)) END)::bigint`.execute(
      ctx.database.db,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('the key and the path cannot disagree: the database refuses a member written with another region', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    await expect(sql`UPDATE member SET region_id = ${tree.xicheng.id} WHERE id = ${m.id}`.execute(ctx.database.db)).rejects.toThrow(
      /member_region_check|foreign key/,
    );
  });

  it('one person, one member across regions: concurrent admissions of one new person into two districts admit one', async () => {
    const dcPath = await pathOf(tree.dcUnion.id);
    const xcPath = await pathOf(tree.xcUnion.id);
    for (let round = 0; round < 10; round++) {
      const idNumber = makeIdNumber();
      const phone = makePhone();
      const admission = (org: { id: number; path: string }): Admission => ({
        person: sealPerson(ctx.app.deps.cipher, { name: '并发会员', idNumber, phone }),
        employerId: null,
        employerName: null,
        employmentForm: 'standard',
        org,
        joinDate: '2026-01-05',
      });
      const outcomes = await Promise.allSettled([
        ctx.database.db.transaction().execute((tx) => admitMembers(tx, null, [admission({ id: tree.dcUnion.id, path: dcPath })])),
        ctx.database.db.transaction().execute((tx) => admitMembers(tx, null, [admission({ id: tree.xcUnion.id, path: xcPath })])),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const bidx = ctx.app.deps.cipher.blindIndex('id_number', idNumber);
      const { rows } = await sql<{ members: number; claims: number }>`
        SELECT (SELECT count(*)::int FROM member WHERE id_number_bidx = ${bidx}) AS members,
               (SELECT count(*)::int FROM member_claim WHERE id_number_bidx = ${bidx}) AS claims`.execute(ctx.database.db);
      expect(rows[0]).toEqual({ members: 1, claims: 1 });
    }
  });
});
