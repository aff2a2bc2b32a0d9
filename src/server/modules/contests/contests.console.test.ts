/**
 * The organiser's console around the judging (issue #14): entries only from units below the organising node (the
 * check in SQL), the balanced design declared before scoring, the list of declared conflicts, and appeals filed by
 * a cadre of the entry's unit or its parents during the notice and answered by the organiser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { ContestDetail } from '../../../common/contests.js';
import { createContest } from './contests.fixtures.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
}, 120_000);
afterAll(async () => ctx?.close());

async function openContest(body: Partial<Parameters<typeof createContest>[1]> = {}): Promise<ContestDetail> {
  const contest = await createContest(ctx, { orgId: tree.dongcheng.id, panelSize: 1, tiers: [], ...body });
  expect((await ctx.call('POST', `/api/contests/${contest.id}/open`)).statusCode).toBe(200);
  return contest;
}

describe('contests: entries', () => {
  it('takes an entry from a unit below the organising node and answers 404 for a unit elsewhere, even for the admin', async () => {
    const contest = await openContest();
    const inside = await ctx.call('POST', `/api/contests/${contest.id}/entries`, { orgId: tree.dcUnion.id, title: '东城作品' });
    expect(inside.statusCode, inside.body).toBe(201);
    const outside = await ctx.call('POST', `/api/contests/${contest.id}/entries`, { orgId: tree.xcUnion.id, title: '西城作品' });
    expect(outside.statusCode).toBe(404);
  });

  it('answers 404 to a district cadre naming a unit outside its own subtree, though inside the contest', async () => {
    const contest = await openContest();
    const streetCadre = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
    const other = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
    // The street cadre cannot act on the district's contest at all…
    const r = await ctx.call('POST', `/api/contests/${contest.id}/entries`, { orgId: other.id, title: '作品' }, streetCadre.cookie);
    expect(r.statusCode).toBe(404);
    // …and a district cadre may add the street's union.
    const districtCadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const ok = await ctx.call('POST', `/api/contests/${contest.id}/entries`, { orgId: other.id, title: '作品' }, districtCadre.cookie);
    expect(ok.statusCode, ok.body).toBe(201);
  });
});
