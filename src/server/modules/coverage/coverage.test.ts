import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actorWith, buildMember, buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { Coverage, CoverageBreakdown } from '../../../common/coverage.js';
import { canSitUnder, type OrgKind } from '../../../common/orgs.js';
import { diffCoverage, rebuildCoverage } from './coverage.rollup.js';
import { usccCheckChar } from '../../../common/uscc.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

let usccSerial = 100000000;
function nextUscc(): string {
  const body = `91110101${String(usccSerial++).padStart(9, '0')}`;
  return body + usccCheckChar(body);
}

async function addEmployer(streetOrgId: number, unionOrgId: number | null, headcount: number) {
  const response = await ctx.call('POST', '/api/employers', {
    name: `企业${usccSerial}`,
    uscc: nextUscc(),
    headcount,
    industry: 'C',
    streetOrgId,
    unionOrgId,
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json<{ id: number; version: number }>();
}

describe('coverage roll-up', () => {
  it('counts unions, covered employers and staff up the tree, with 建会率 over units of 100+', async () => {
    const street = await buildOrg(ctx, tree.dongcheng.id, 'street_federation');
    const union = await buildOrg(ctx, street.id, 'grassroots_union');
    await addEmployer(street.id, union.id, 2570);
    await addEmployer(street.id, null, 150);
    await addEmployer(street.id, null, 20);
    const coverage = (await ctx.call('GET', `/api/coverage/${street.id}`)).json<Coverage>();
    expect(coverage).toMatchObject({
      grassrootsUnions: 1,
      employers: 3,
      employersCovered: 1,
      employees: 2740,
      employeesCovered: 2570,
      employers100plus: 2,
      employers100plusCovered: 1,
      members: 0,
      unionisationRate: 0.5,
      membershipRate: 0,
    });
    const district = (await ctx.call('GET', `/api/coverage/${tree.dongcheng.id}/children`)).json<CoverageBreakdown>();
    expect(district.children.map((c) => c.orgId)).toContain(street.id);
    expect(district.childrenTotal).toBe(district.children.length);
    const largest = (await ctx.call('GET', `/api/coverage/${tree.dongcheng.id}/children?limit=1`)).json<CoverageBreakdown>();
    expect(largest.children).toHaveLength(1);
    expect(largest.childrenTotal).toBe(district.childrenTotal);
    expect(district.total.employersCovered).toBeGreaterThanOrEqual(1);
  });

  it('flags every organisation of the subtree whose 入会率 is over 100 % as a data-quality problem, and only in scope', async () => {
    const street = await buildOrg(ctx, tree.dongcheng.id, 'street_federation');
    const joint = await buildOrg(ctx, street.id, 'joint_union');
    const fine = await buildOrg(ctx, street.id, 'grassroots_union');
    await addEmployer(street.id, joint.id, 2);
    await addEmployer(street.id, fine.id, 10);
    for (let i = 0; i < 3; i++) await buildMember(ctx, joint.id);
    await buildMember(ctx, fine.id);
    const district = (await ctx.call('GET', `/api/coverage/${tree.dongcheng.id}/children`)).json<CoverageBreakdown>();
    const flagged = district.overRate.find((c) => c.orgId === joint.id);
    expect(flagged).toMatchObject({ name: joint.name, members: 3, employeesCovered: 2, membershipRate: 1.5 });
    expect(district.overRate.map((c) => c.orgId)).not.toContain(fine.id);
    expect(district.overRate.map((c) => c.orgId)).not.toContain(street.id); // 4 members, 12 staff
    const cadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const xicheng = (await ctx.call('GET', `/api/coverage/${tree.xicheng.id}/children`, undefined, cadre.cookie)).json<CoverageBreakdown>();
    expect(xicheng.overRate.map((c) => c.orgId)).not.toContain(joint.id);
  });

  it('is scoped: a cadre of 西城 cannot read 东城 figures', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/coverage/${tree.dongcheng.id}`, undefined, cadre.cookie)).statusCode).toBe(404);
    const city = await ctx.call('GET', '/api/coverage/1/children', undefined, cadre.cookie);
    expect(city.statusCode).toBe(404);
  });

  it('stays equal to a rebuild from scratch after any sequence of creates, moves, deletes and employer changes', async () => {
    type Node = { id: number; kind: OrgKind };
    const nodes: Node[] = [{ id: 1, kind: 'city_federation' }, ...Object.values(tree).map((o) => ({ id: o.id, kind: o.kind }))];
    const employers: { id: number; version: number }[] = [];
    const kinds: OrgKind[] = ['district_federation', 'industry_union', 'street_federation', 'grassroots_union', 'joint_union', 'branch'];
    const op = fc.oneof(
      fc.record({ t: fc.constant('create' as const), parent: fc.nat(), kind: fc.constantFrom(...kinds) }),
      fc.record({ t: fc.constant('move' as const), node: fc.nat(), parent: fc.nat() }),
      fc.record({
        t: fc.constant('employer' as const),
        street: fc.nat(),
        union: fc.nat(),
        headcount: fc.integer({ min: 0, max: 3000 }),
        covered: fc.boolean(),
      }),
      fc.record({
        t: fc.constant('recover' as const),
        employer: fc.nat(),
        union: fc.nat(),
        headcount: fc.integer({ min: 0, max: 3000 }),
        covered: fc.boolean(),
      }),
      fc.record({ t: fc.constant('delete' as const), node: fc.nat() }),
    );
    const pick = <T>(list: T[], i: number): T => list[i % list.length]!;
    const byKind = (k: OrgKind[]) => nodes.filter((n) => k.includes(n.kind));

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          if (o.t === 'create') {
            const parents = nodes.filter((n) => canSitUnder(o.kind, n.kind));
            if (parents.length === 0) continue;
            const org = await buildOrg(ctx, pick(parents, o.parent).id, o.kind);
            nodes.push({ id: org.id, kind: org.kind });
          } else if (o.t === 'move') {
            const node = pick(nodes, o.node);
            const parents = nodes.filter((n) => canSitUnder(node.kind, n.kind));
            if (node.id === 1 || parents.length === 0) continue;
            const response = await ctx.call('POST', `/api/orgs/${node.id}/move`, { newParentId: pick(parents, o.parent).id });
            expect([200, 409, 422]).toContain(response.statusCode);
          } else if (o.t === 'employer') {
            const streets = byKind(['street_federation']);
            const unions = byKind(['grassroots_union', 'joint_union', 'branch']);
            if (streets.length === 0) continue;
            const union = o.covered && unions.length > 0 ? pick(unions, o.union).id : null;
            employers.push(await addEmployer(pick(streets, o.street).id, union, o.headcount));
          } else if (o.t === 'recover') {
            if (employers.length === 0) continue;
            const employer = pick(employers, o.employer);
            const unions = byKind(['grassroots_union', 'joint_union', 'branch']);
            const union = o.covered && unions.length > 0 ? pick(unions, o.union).id : null;
            const response = await ctx.call('PATCH', `/api/employers/${employer.id}`, {
              version: employer.version,
              unionOrgId: union,
              headcount: o.headcount,
            });
            expect(response.statusCode).toBe(200);
            employer.version = response.json<{ version: number }>().version;
          } else {
            const node = pick(nodes, o.node);
            const response = await ctx.app.inject({ method: 'DELETE', url: `/api/orgs/${node.id}`, headers: { cookie: ctx.adminCookie } });
            if (response.statusCode === 204) nodes.splice(nodes.indexOf(node), 1);
            else expect([422]).toContain(response.statusCode);
          }
        }
        expect(await diffCoverage(ctx.database.db)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

  it('a rebuild from scratch reproduces the maintained table exactly', async () => {
    const before = await ctx.database.db.selectFrom('org_coverage').selectAll().orderBy('org_id').execute();
    await ctx.database.db.transaction().execute((tx) => rebuildCoverage(tx));
    const after = await ctx.database.db.selectFrom('org_coverage').selectAll().orderBy('org_id').execute();
    const strip = (rows: typeof before) => rows.map(({ updated_at: _u, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
  });

  it('only a federation admin at the root may trigger a rebuild', async () => {
    const admin = await actorWith(ctx, 'federation_admin', tree.dongcheng.id);
    expect((await ctx.call('POST', '/api/coverage/rebuild', undefined, admin.cookie)).statusCode).toBe(403);
    const response = await ctx.call('POST', '/api/coverage/rebuild');
    expect(response.statusCode).toBe(200);
    expect(response.json<{ orgs: number }>().orgs).toBeGreaterThan(8);
  });
});
