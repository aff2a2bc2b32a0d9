import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListTotal } from '../../../common/paging.js';
import type { OrgChild } from '../../../common/orgs.js';
import { actorWith, buildOrg, createTestContext, type TestContext } from '../../testing/harness.js';

type ChildPage = { items: OrgChild[]; nextCursor: string | null; total?: ListTotal };

describe('children of an organisation', () => {
  let ctx: TestContext;
  let city: number;
  let street: number;
  const children = async (id: number, query = '', cookie?: string) => {
    const response = await ctx.call('GET', `/api/orgs/${id}/children${query}`, undefined, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ChildPage>();
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    // A city of its own under the root keeps the test's children apart from anything else in the database.
    const created = await ctx.call('POST', '/api/orgs', {
      parentId: 1,
      kind: 'district_federation',
      name: '排序测试区',
      regionCode: '119900',
    });
    city = created.json<{ id: number }>().id;
    // Created out of order: the answer must not depend on insertion order or on the names' collation.
    const add = (name: string, kind: 'street_federation' | 'grassroots_union', regionCode?: string) =>
      ctx.call('POST', '/api/orgs', { parentId: city, kind, name, ...(regionCode ? { regionCode } : {}) });
    for (const [name, code] of [
      ['朝阳街道总工会', '110105'],
      ['西城街道总工会', '110102'],
      ['东城街道总工会', '110101'],
    ] as const) {
      expect((await add(name, 'street_federation', code)).statusCode).toBe(201);
    }
    expect((await add('阿拉基层工会', 'grassroots_union')).statusCode).toBe(201);
    street = (await buildOrg(ctx, city, 'street_federation', { name: '百户街道总工会' })).id;
    for (let i = 1; i <= 111; i++) await buildOrg(ctx, street, 'grassroots_union', { name: `工会${String(i).padStart(3, '0')}号` });
  }, 120_000);
  afterAll(() => ctx.close());

  it('lists children by region code, coded ones first, then by name', async () => {
    const page = await children(city);
    expect(page.items.map((c) => c.name)).toEqual(['东城街道总工会', '西城街道总工会', '朝阳街道总工会', '百户街道总工会', '阿拉基层工会']);
    expect(page.items[3]!.childCount).toBe(111);
    expect(page.items[0]!.memberCount).toBe(0);
  });

  it('puts district federations before industry unions under the city', async () => {
    const page = await children(1, '?limit=200');
    const kinds = page.items.map((c) => c.kind);
    const lastDistrict = kinds.lastIndexOf('district_federation');
    const firstIndustry = kinds.indexOf('industry_union');
    if (firstIndustry >= 0) expect(lastDistrict).toBeLessThan(firstIndustry);
    const industry = await ctx.call('POST', '/api/orgs', { parentId: 1, kind: 'industry_union', name: '阿一产业工会' });
    expect(industry.statusCode, industry.body).toBe(201);
    const after = (await children(1, '?limit=200')).items;
    expect(after.findIndex((c) => c.name === '阿一产业工会')).toBeGreaterThan(after.findIndex((c) => c.name === '排序测试区'));
  });

  it('pages 111 unions under one street in order, with the total on the first page', async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    let first: ChildPage | undefined;
    do {
      const page: ChildPage = await children(street, `?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      first ??= page;
      names.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(first?.total).toEqual({ count: 111, kind: 'exact' });
    expect(names).toHaveLength(111);
    expect(names[0]).toBe('工会001号');
    expect(names.at(-1)).toBe('工会111号');
  });

  it('searches the children by name', async () => {
    const page = await children(street, `?q=${encodeURIComponent('工会10')}`);
    expect(page.items.map((c) => c.name)).toEqual([
      '工会100号',
      '工会101号',
      '工会102号',
      '工会103号',
      '工会104号',
      '工会105号',
      '工会106号',
      '工会107号',
      '工会108号',
      '工会109号',
    ]);
    expect(page.total).toEqual({ count: 10, kind: 'exact' });
  });

  it('a cadre of another subtree cannot list them', async () => {
    const other = await buildOrg(ctx, 1, 'district_federation');
    const cadre = await actorWith(ctx, 'union_cadre', other.id);
    expect((await ctx.call('GET', `/api/orgs/${street}/children`, undefined, cadre.cookie)).statusCode).toBe(404);
  });
});
