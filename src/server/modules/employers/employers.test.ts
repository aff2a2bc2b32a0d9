import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { Employer } from '../../../common/employers.js';
import type { Coverage } from '../../../common/coverage.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const baidu = '91110000802100433B';

describe('employers', () => {
  it('registers an employer with a normalised credit code and counts it in its street', async () => {
    const response = await ctx.call('POST', '/api/employers', {
      name: '北京百度网讯科技有限公司',
      uscc: ' 9111 0000 8021 0043 3b ',
      headcount: 350,
      industry: 'I',
      streetOrgId: tree.dcStreet.id,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<Employer>()).toMatchObject({ uscc: baidu, unionOrgId: null, streetName: tree.dcStreet.name });
    const coverage = (await ctx.call('GET', `/api/coverage/${tree.dcStreet.id}`)).json<Coverage>();
    expect(coverage).toMatchObject({ employers: 1, employersCovered: 0, employers100plus: 1, unionisationRate: 0 });
  });

  it('explains a wrong check character, naming the right one', async () => {
    const response = await ctx.call('POST', '/api/employers', {
      name: '校验错误公司',
      uscc: '91110000802100433C',
      headcount: 5,
      industry: 'I',
      streetOrgId: tree.dcStreet.id,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ code: 'USCC_INVALID_CHECK', message: '统一社会信用代码校验位错误：末位应为“B”，请核对' });
  });

  it('refuses a credit code already registered', async () => {
    const response = await ctx.call('POST', '/api/employers', {
      name: '重复公司',
      uscc: baidu,
      headcount: 5,
      industry: 'I',
      streetOrgId: tree.dcStreet.id,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('USCC_TAKEN');
  });

  it('refuses a location that is not a street and a cover that is not a union', async () => {
    const notStreet = await ctx.call('POST', '/api/employers', {
      name: '位置错误',
      headcount: 5,
      industry: 'I',
      streetOrgId: tree.dongcheng.id,
    });
    expect(notStreet.json().code).toBe('EMPLOYER_STREET_KIND');
    const notUnion = await ctx.call('POST', '/api/employers', {
      name: '覆盖错误',
      headcount: 5,
      industry: 'I',
      streetOrgId: tree.dcStreet.id,
      unionOrgId: tree.dcStreet2.id,
    });
    expect(notUnion.json().code).toBe('EMPLOYER_UNION_KIND');
  });

  it('moves its figures to the union that comes to cover it', async () => {
    const list = (await ctx.call('GET', `/api/employers?orgId=${tree.dcStreet.id}&q=${encodeURIComponent('百度')}`)).json<{
      items: Employer[];
    }>();
    const employer = list.items[0]!;
    const response = await ctx.call('PATCH', `/api/employers/${employer.id}`, { version: employer.version, unionOrgId: tree.dcUnion.id });
    expect(response.statusCode).toBe(200);
    const union = (await ctx.call('GET', `/api/coverage/${tree.dcUnion.id}`)).json<Coverage>();
    expect(union).toMatchObject({ employersCovered: 1, employeesCovered: 350, unionisationRate: 1 });
    const street = (await ctx.call('GET', `/api/coverage/${tree.dcStreet.id}`)).json<Coverage>();
    expect(street).toMatchObject({ employers: 1, employersCovered: 1 });
  });

  it('filters and pages a subtree list', async () => {
    for (let i = 0; i < 4; i++) {
      await ctx.call('POST', '/api/employers', { name: `景山企业${i}`, headcount: i * 60, industry: 'G', streetOrgId: tree.dcStreet2.id });
    }
    const big = (await ctx.call('GET', `/api/employers?orgId=${tree.dcStreet2.id}&minHeadcount=100`)).json<{ items: Employer[] }>();
    expect(big.items.map((e) => e.name)).toEqual(['景山企业2', '景山企业3']);
    const first = (await ctx.call('GET', `/api/employers?orgId=${tree.dongcheng.id}&covered=no&limit=2`)).json<{
      items: Employer[];
      nextCursor: string;
    }>();
    expect(first.items).toHaveLength(2);
    const second = (await ctx.call('GET', `/api/employers?orgId=${tree.dongcheng.id}&covered=no&limit=2&cursor=${first.nextCursor}`)).json<{
      items: Employer[];
    }>();
    expect(second.items.map((e) => e.id)).not.toContain(first.items[0]!.id);
    const bad = await ctx.call('GET', `/api/employers?orgId=${tree.dongcheng.id}&cursor=not-a-cursor`);
    expect(bad.statusCode).toBe(400);
  });

  it('a cadre of 西城 can neither list, read nor change a 东城 employer', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const employer = (await ctx.call('GET', `/api/employers?orgId=${tree.dcStreet.id}`)).json<{ items: Employer[] }>().items[0]!;
    expect((await ctx.call('GET', `/api/employers?orgId=${tree.dongcheng.id}`, undefined, cadre.cookie)).statusCode).toBe(404);
    expect((await ctx.call('GET', `/api/employers/${employer.id}`, undefined, cadre.cookie)).statusCode).toBe(404);
    expect(
      (await ctx.call('PATCH', `/api/employers/${employer.id}`, { version: employer.version, headcount: 1 }, cadre.cookie)).statusCode,
    ).toBe(404);
    const ownList = (await ctx.call('GET', `/api/employers?orgId=${tree.xicheng.id}`, undefined, cadre.cookie)).json<{
      items: Employer[];
    }>();
    expect(ownList.items.map((e) => e.id)).not.toContain(employer.id);
  });
});
