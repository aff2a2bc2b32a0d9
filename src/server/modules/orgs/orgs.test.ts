import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { actorWith, buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { Org, OrgWithAncestors } from '../../../common/orgs.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const get = (url: string, cookie = ctx.adminCookie, lang = 'zh-CN') =>
  ctx.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
const post = (url: string, payload: object, cookie = ctx.adminCookie, lang = 'zh-CN') =>
  ctx.app.inject({ method: 'POST', url, payload, headers: { cookie, 'accept-language': lang } });

async function pathOf(id: number): Promise<string> {
  const row = await ctx.database.db
    .selectFrom('org_unit')
    .select(sql<string>`path::text`.as('path'))
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.path;
}

describe('organisation tree', () => {
  it('creates a node with a path under its parent and counts it as a child', async () => {
    const union = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
    expect(await pathOf(union.id)).toBe(`${await pathOf(tree.dcStreet2.id)}.${union.id}`);
    const parent = (await get(`/api/orgs/${tree.dcStreet2.id}`)).json<Org>();
    expect(parent.childCount).toBe(1);
  });

  it('refuses a kind that may not sit under the parent, in Chinese by default and in English on request', async () => {
    const zh = await post('/api/orgs', { parentId: tree.dcUnion.id, kind: 'street_federation', name: '错误街道' });
    expect(zh.statusCode).toBe(422);
    expect(zh.json()).toMatchObject({ code: 'ORG_KIND_NOT_ALLOWED' });
    expect(zh.json().message).toMatch(/不能设立/);
    const en = await post(
      '/api/orgs',
      { parentId: tree.dcUnion.id, kind: 'street_federation', name: '错误街道' },
      ctx.adminCookie,
      'en-US,en;q=0.9',
    );
    expect(en.json().message).toMatch(/cannot sit under/);
  });

  it('explains a missing name field in Chinese', async () => {
    const response = await post('/api/orgs', { parentId: tree.dcStreet.id, kind: 'grassroots_union', name: '' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION');
    expect(response.json().message).toMatch(/输入有误/);
    expect(response.body).not.toMatch(/at .*\.ts/);
  });

  it('refuses a duplicate name among siblings', async () => {
    const response = await post('/api/orgs', { parentId: tree.dongcheng.id, kind: 'street_federation', name: tree.dcStreet.name });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ORG_NAME_TAKEN');
  });

  it('moves a whole subtree and rewrites every path below it', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const branch = await buildOrg(ctx, union.id, 'branch');
    const moved = await post(`/api/orgs/${union.id}/move`, { newParentId: tree.xcStreet.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Org>().parentId).toBe(tree.xcStreet.id);
    expect(await pathOf(union.id)).toBe(`${await pathOf(tree.xcStreet.id)}.${union.id}`);
    expect(await pathOf(branch.id)).toBe(`${await pathOf(tree.xcStreet.id)}.${union.id}.${branch.id}`);
    const page = (await get(`/api/orgs/${union.id}`)).json<OrgWithAncestors>();
    expect(page.ancestors.map((a) => a.id)).toEqual([1, tree.xicheng.id, tree.xcStreet.id]);
  });

  it('refuses to move a node under its own descendant', async () => {
    const response = await post(`/api/orgs/${tree.dcStreet.id}/move`, { newParentId: tree.dcBranch.id });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('ORG_MOVE_INTO_ITSELF');
  });

  it('keeps parent_id and path in agreement after many operations', async () => {
    const { rows } = await sql<{ bad: number }>`
      SELECT count(*)::int AS bad FROM org_unit c LEFT JOIN org_unit p ON p.id = c.parent_id
       WHERE (c.parent_id IS NULL AND nlevel(c.path) <> 1)
          OR (c.parent_id IS NOT NULL AND c.path <> p.path || c.id::text)`.execute(ctx.database.db);
    expect(rows[0]?.bad).toBe(0);
    const { rows: counts } = await sql<{ bad: number }>`
      SELECT count(*)::int AS bad FROM org_unit p
       WHERE p.child_count <> (SELECT count(*) FROM org_unit c WHERE c.parent_id = p.id)`.execute(ctx.database.db);
    expect(counts[0]?.bad).toBe(0);
  });

  it('pages children with a cursor', async () => {
    const street = await buildOrg(ctx, tree.xicheng.id, 'street_federation');
    for (let i = 0; i < 5; i++) await buildOrg(ctx, street.id, 'grassroots_union', { name: `分页工会${i}` });
    const first = (await get(`/api/orgs/${street.id}/children?limit=2`)).json<{ items: Org[]; nextCursor: string }>();
    expect(first.items.map((o) => o.name)).toEqual(['分页工会0', '分页工会1']);
    const second = (await get(`/api/orgs/${street.id}/children?limit=2&cursor=${first.nextCursor}`)).json<{
      items: Org[];
      nextCursor: string | null;
    }>();
    expect(second.items.map((o) => o.name)).toEqual(['分页工会2', '分页工会3']);
    const third = (await get(`/api/orgs/${street.id}/children?limit=2&cursor=${second.nextCursor}`)).json<{
      items: Org[];
      nextCursor: string | null;
    }>();
    expect(third.items.map((o) => o.name)).toEqual(['分页工会4']);
    expect(third.nextCursor).toBeNull();
  });

  it('finds nodes by pinyin initials and by name', async () => {
    await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union', { name: '北京大学肿瘤医院工会' });
    const byInitials = (await get('/api/orgs/search?q=bjdxzl')).json<{ items: { name: string }[] }>();
    expect(byInitials.items.map((h) => h.name)).toContain('北京大学肿瘤医院工会');
    const byName = (await get(`/api/orgs/search?q=${encodeURIComponent('肿瘤')}`)).json<{ items: { name: string; trail: string[] }[] }>();
    expect(byName.items[0]?.name).toBe('北京大学肿瘤医院工会');
    expect(byName.items[0]?.trail).toEqual(['北京市总工会', tree.dongcheng.name, tree.dcStreet.name]);
  });

  it('groups children into a collaboration zone', async () => {
    const zone = await post(`/api/orgs/${tree.dongcheng.id}/zones`, { name: '第一协作区' });
    expect(zone.statusCode).toBe(201);
    const street = (await get(`/api/orgs/${tree.dcStreet.id}`)).json<Org>();
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${tree.dcStreet.id}`,
      payload: { version: street.version, zoneId: zone.json().id },
      headers: { cookie: ctx.adminCookie },
    });
    expect(patched.statusCode).toBe(200);
    const zones = (await get(`/api/orgs/${tree.dongcheng.id}/zones`)).json<{ items: { name: string; memberCount: number }[] }>();
    expect(zones.items).toEqual([expect.objectContaining({ name: '第一协作区', memberCount: 1 })]);
    const wrongZone = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${tree.xcStreet.id}`,
      payload: { version: 1, zoneId: zone.json().id },
      headers: { cookie: ctx.adminCookie },
    });
    expect(wrongZone.json().code).toBe('ZONE_NOT_CHILD');
  });

  it('placing a node in a zone or taking it out is a right on the parent: a street cadre may not, the district cadre may', async () => {
    const district = await buildOrg(ctx, 1, 'district_federation');
    const street = await buildOrg(ctx, district.id, 'street_federation');
    const zone = (await post(`/api/orgs/${district.id}/zones`, { name: '协作区甲' })).json<{ id: number }>();
    const streetCadre = await actorWith(ctx, 'union_cadre', street.id);
    const districtCadre = await actorWith(ctx, 'union_cadre', district.id);
    const patch = (cookie: string, payload: object) =>
      ctx.app.inject({ method: 'PATCH', url: `/api/orgs/${street.id}`, payload, headers: { cookie, 'accept-language': 'en' } });
    const current = async () => (await get(`/api/orgs/${street.id}`)).json<Org>();

    const byStreet = await patch(streetCadre.cookie, { version: (await current()).version, zoneId: zone.id });
    expect(byStreet.statusCode).toBe(403);
    expect(byStreet.json()).toEqual({ code: 'FORBIDDEN', message: 'You are not allowed to do this' });
    expect((await current()).zoneId).toBeNull();

    const byDistrict = await patch(districtCadre.cookie, { version: (await current()).version, zoneId: zone.id });
    expect(byDistrict.statusCode).toBe(200);
    expect((await current()).zoneId).toBe(zone.id);

    // The street cadre may still rename its street when the form sends the zone it already has, but not take it out.
    const renamed = await patch(streetCadre.cookie, { version: (await current()).version, zoneId: zone.id, name: `${street.name}改` });
    expect(renamed.statusCode).toBe(200);
    const out = await patch(streetCadre.cookie, { version: (await current()).version, zoneId: null });
    expect(out.statusCode).toBe(403);
    expect((await current()).zoneId).toBe(zone.id);
  });

  it('answers a stale version with CONFLICT', async () => {
    const org = (await get(`/api/orgs/${tree.dcStreet2.id}`)).json<Org>();
    const patch = (name: string) =>
      ctx.app.inject({
        method: 'PATCH',
        url: `/api/orgs/${org.id}`,
        payload: { version: org.version, name },
        headers: { cookie: ctx.adminCookie },
      });
    expect((await patch('景山街道总工会（新）')).statusCode).toBe(200);
    expect((await patch('景山街道总工会（又新）')).json().code).toBe('CONFLICT');
  });
});

describe('organisation scope', () => {
  it('a cadre of 东城 sees 东城 and below, and nothing of 西城', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    expect((await get(`/api/orgs/${tree.dcUnion.id}`, cadre.cookie)).statusCode).toBe(200);
    expect((await get(`/api/orgs/${tree.xicheng.id}`, cadre.cookie)).statusCode).toBe(404);
    expect((await get(`/api/orgs/${tree.xcUnion.id}`, cadre.cookie)).statusCode).toBe(404);
    expect((await get('/api/orgs/1', cadre.cookie)).statusCode).toBe(404);
    const roots = (await get('/api/orgs/roots', cadre.cookie)).json<{ items: Org[] }>();
    expect(roots.items.map((o) => o.id)).toEqual([tree.dongcheng.id]);
    const breadcrumb = (await get(`/api/orgs/${tree.dcUnion.id}`, cadre.cookie)).json<OrgWithAncestors>();
    expect(breadcrumb.ancestors.map((a) => a.id)).toEqual([tree.dongcheng.id, tree.dcStreet.id]);
    const search = (await get(`/api/orgs/search?q=${encodeURIComponent('西')}`, cadre.cookie)).json<{ items: { id: number }[] }>();
    expect(search.items.map((h) => h.id)).not.toContain(tree.xicheng.id);
    expect(search.items.map((h) => h.id)).not.toContain(tree.xcStreet.id);
  });

  it('a cadre cannot create under, move into, or move out of a foreign subtree', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    expect(
      (await post('/api/orgs', { parentId: tree.xcStreet.id, kind: 'grassroots_union', name: '越权工会' }, cadre.cookie)).statusCode,
    ).toBe(404);
    expect((await post(`/api/orgs/${tree.dcUnion.id}/move`, { newParentId: tree.xcStreet.id }, cadre.cookie)).statusCode).toBe(404);
    expect((await post(`/api/orgs/${tree.xcUnion.id}/move`, { newParentId: tree.dcStreet.id }, cadre.cookie)).statusCode).toBe(404);
  });

  it('a read-only user may see but not change, and is told so', async () => {
    const reader = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    expect((await get(`/api/orgs/${tree.dcStreet.id}`, reader.cookie)).statusCode).toBe(200);
    const response = await post('/api/orgs', { parentId: tree.dcStreet.id, kind: 'grassroots_union', name: '只读新建' }, reader.cookie);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });

  it('an anonymous caller gets 401', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `/api/orgs/${tree.dongcheng.id}` });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });
});
