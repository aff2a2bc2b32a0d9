/**
 * The organiser's console around the judging (issue #14): entries only from units below the organising node (the
 * check in SQL), the balanced design declared before scoring, the list of declared conflicts, and appeals filed by
 * a cadre of the entry's unit or its parents during the notice and answered by the organiser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { Conflicts, ContestDetail, Entry, MyContests, ResultPreview } from '../../../common/contests.js';
import { createContest, judgeOf, putSheet } from './contests.fixtures.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
}, 120_000);
afterAll(async () => ctx?.close());

function putDesign(contest: ContestDetail, payload: { design: string | null }) {
  return ctx.app.inject({ method: 'PUT', url: `/api/contests/${contest.id}/design`, payload, headers: { cookie: ctx.adminCookie } });
}

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

/** A robust-z contest at the district with `entries` entries and two judges from the other district, panels of one. */
async function normalisedContest(entries: number) {
  const contest = await openContest({
    normalisation: 'robust-z',
    criteria: [{ name: '综合', weight: 1, maxScore: 100, decimals: 2 }],
  });
  for (let i = 0; i < entries; i++) {
    const unit = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    expect((await ctx.call('POST', `/api/contests/${contest.id}/entries`, { orgId: unit.id, title: `作品${i}` })).statusCode).toBe(201);
  }
  const judges = [
    await judgeOf(ctx, contest.id, tree.xcUnion.id),
    await judgeOf(ctx, contest.id, (await buildOrg(ctx, tree.xcStreet.id, 'grassroots_union')).id),
  ];
  expect((await ctx.call('POST', `/api/contests/${contest.id}/assignments`)).statusCode).toBe(200);
  return { contest, judges };
}

describe('contests: a balanced design declared before scoring', () => {
  it('refuses to start a normalised judging on a partial assignment without a declared design, in Chinese', async () => {
    const { contest } = await normalisedContest(4);
    const r = await ctx.call('POST', `/api/contests/${contest.id}/judging`);
    expect(r.statusCode).toBe(409);
    expect(r.json<{ code: string; message: string }>()).toMatchObject({
      code: 'CONTEST_DESIGN_NOT_DECLARED',
      message: expect.stringMatching(/平衡设计/),
    });
  });

  it('refuses a declared design the actual assignment does not hold, naming the loads', async () => {
    const { contest } = await normalisedContest(3);
    const declared = await putDesign(contest, { design: '每位评委评相同数量的作品' });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json<ContestDetail>().balancedDesign).toBe('每位评委评相同数量的作品');
    const r = await ctx.call('POST', `/api/contests/${contest.id}/judging`, undefined, ctx.adminCookie, 'en');
    expect(r.statusCode).toBe(409);
    expect(r.json<{ code: string; message: string }>()).toMatchObject({
      code: 'CONTEST_DESIGN_NOT_HELD',
      message: expect.stringContaining('judges score 1–2 entries'),
    });
  });

  it('normalises when the declared design holds, says so in the result, and refuses a new declaration once judging runs', async () => {
    const { contest, judges } = await normalisedContest(4);
    expect((await putDesign(contest, { design: '每位评委评两个作品，每个作品一位评委' })).statusCode).toBe(200);
    const started = await ctx.call('POST', `/api/contests/${contest.id}/judging`);
    expect(started.statusCode, started.body).toBe(200);
    const k = String(contest.criteria[0]!.id);
    for (const [ji, judge] of judges.entries()) {
      const mine = (await ctx.call('GET', '/api/judging/contests', undefined, judge.cookie)).json<MyContests>();
      const assignments = mine.items.find((c) => c.contestId === contest.id)!.assignments;
      for (const [ai, a] of assignments.entries()) {
        expect((await putSheet(ctx, judge.cookie, a.assignmentId, { [k]: 60 + 10 * ai + 5 * ji })).statusCode).toBe(200);
        expect((await ctx.call('POST', `/api/judging/sheets/${a.assignmentId}/submit`, undefined, judge.cookie)).statusCode).toBe(200);
      }
    }
    const preview = await ctx.call('GET', `/api/contests/${contest.id}/results/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    const rule = preview.json<ResultPreview>().result.rule;
    expect(rule).toMatchObject({ normalisation: 'robust-z', balance: 'declared', balancedDesign: '每位评委评两个作品，每个作品一位评委' });
    const late = await putDesign(contest, { design: null });
    expect(late.json<{ code: string }>().code).toBe('CONTEST_WRONG_STATUS');
  });
});

describe('contests: the list of conflicts', () => {
  it('lists declared conflicts with who recorded them and the tree’s own conflicts with their relation; 404 elsewhere', async () => {
    const contest = await openContest();
    const add = async (orgId: number, title: string) =>
      (await ctx.call('POST', `/api/contests/${contest.id}/entries`, { orgId, title })).json<Entry>();
    const unionEntry = await add(tree.dcUnion.id, '工会节目');
    const branchEntry = await add(tree.dcBranch.id, '分会节目');
    const streetJudge = await judgeOf(ctx, contest.id, tree.dcStreet.id);
    const branchJudge = await judgeOf(ctx, contest.id, tree.dcBranch.id);
    const outsideJudge = await judgeOf(ctx, contest.id, tree.xcUnion.id);
    const declared = await ctx.call('POST', `/api/contests/${contest.id}/conflicts`, {
      judgeId: outsideJudge.id,
      entryId: unionEntry.id,
      reason: '评委的亲属参赛',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const r = await ctx.call('GET', `/api/contests/${contest.id}/conflicts`);
    expect(r.statusCode, r.body).toBe(200);
    const list = r.json<Conflicts>();
    expect(list.declared).toHaveLength(1);
    expect(list.declared[0]).toMatchObject({
      judgeId: outsideJudge.id,
      judgeName: outsideJudge.displayName,
      entryId: unionEntry.id,
      entryTitle: '工会节目',
      reason: '评委的亲属参赛',
      declaredBy: expect.any(String),
    });
    expect(Date.parse(list.declared[0]!.declaredAt)).not.toBeNaN();
    const relations = list.automatic.map((a) => [a.judgeId, a.entryId, a.relation]);
    expect(relations).toEqual(
      expect.arrayContaining([
        [streetJudge.id, unionEntry.id, 'below'],
        [streetJudge.id, branchEntry.id, 'below'],
        [branchJudge.id, branchEntry.id, 'same'],
        [branchJudge.id, unionEntry.id, 'above'],
      ]),
    );
    expect(list.automatic).toHaveLength(4); // the outside judge has none from the tree
    const xiCadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/contests/${contest.id}/conflicts`, undefined, xiCadre.cookie)).statusCode).toBe(404);
  });
});
