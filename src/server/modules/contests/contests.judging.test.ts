/**
 * The judge's side under pressure (issue #14): a tie at a prize boundary waits for the chief judge's recorded
 * decision (nobody else may record it), and on PostgreSQL the same sheet submitted 20 times at once is submitted
 * exactly once (the guarded update `status = 'draft'`; without it every request would pass the check before it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { ChiefTies, ContestDetail, Entry, MyContests, ResultPreview } from '../../../common/contests.js';
import { createContest, judgeOf, putSheet } from './contests.fixtures.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
}, 120_000);
afterAll(async () => ctx?.close());

/** A contest at the district with `entries` entries from its unions, one judge from the other district, judging. */
async function smallContest(
  entries: number,
  o: { isChief: boolean; tiers?: Parameters<typeof createContest>[1]['tiers']; criteria?: Parameters<typeof createContest>[1]['criteria'] },
) {
  const contest: ContestDetail = await createContest(ctx, {
    orgId: tree.dongcheng.id,
    panelSize: 1,
    criteria: o.criteria ?? [{ name: '综合', weight: 1, maxScore: 100, decimals: 1, tieBreakRank: 1 }],
    tiers: o.tiers ?? [{ kind: 'ladder', name: '一等奖', quota: 1 }],
  });
  expect((await ctx.call('POST', `/api/contests/${contest.id}/open`)).statusCode).toBe(200);
  for (let i = 0; i < entries; i++) {
    const unit = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    expect((await ctx.call('POST', `/api/contests/${contest.id}/entries`, { orgId: unit.id, title: `作品${i}` })).statusCode).toBe(201);
  }
  const judge = await judgeOf(ctx, contest.id, tree.xcUnion.id, { isChief: o.isChief });
  expect((await ctx.call('POST', `/api/contests/${contest.id}/assignments`)).statusCode).toBe(200);
  expect((await ctx.call('POST', `/api/contests/${contest.id}/judging`)).statusCode).toBe(200);
  const mine = (await ctx.call('GET', '/api/judging/contests', undefined, judge.cookie)).json<MyContests>().items[0]!;
  const entryList = (await ctx.call('GET', `/api/contests/${contest.id}/entries`)).json<{ items: Entry[] }>().items;
  return { contest, judge, assignments: mine.assignments, entries: entryList };
}

describe('contests: ties and the chief judge', () => {
  it('answers 409 for a tie at the boundary until the chief judge records a decision', async () => {
    const { contest, judge, assignments, entries } = await smallContest(2, { isChief: true });
    const k = String(contest.criteria[0]!.id);
    for (const a of assignments) {
      expect((await putSheet(ctx, judge.cookie, a.assignmentId, { [k]: 88.5 })).statusCode).toBe(200);
      expect((await ctx.call('POST', `/api/judging/sheets/${a.assignmentId}/submit`, undefined, judge.cookie)).statusCode).toBe(200);
    }
    const tied = await ctx.call('GET', `/api/contests/${contest.id}/results/preview`, undefined, ctx.adminCookie, 'en');
    expect(tied.statusCode).toBe(409);
    expect(tied.json<{ code: string; message: string }>().code).toBe('CONTEST_TIE_UNRESOLVED');
    expect(tied.json<{ message: string }>().message).toMatch(/chief judge/);
    const order = [String(entries[1]!.id), String(entries[0]!.id)];
    // The organiser (federation_admin, every action) is not the chief judge: not found.
    const byAdmin = await ctx.call('POST', `/api/judging/contests/${contest.id}/chief-decisions`, { context: 'overall', order });
    expect(byAdmin.statusCode).toBe(404);
    const decided = await ctx.call(
      'POST',
      `/api/judging/contests/${contest.id}/chief-decisions`,
      { context: 'overall', order },
      judge.cookie,
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const result = (await ctx.call('GET', `/api/contests/${contest.id}/results/preview`)).json<ResultPreview>().result;
    expect(result.ladder[0]!.winners).toEqual([entries[1]!.id]);
    expect(result.ranking.every((r) => r.decidedByChief)).toBe(true);
  });

  it('shows the chief judge the tie blind: entry codes, aggregates and tie-break scores, no unit name or title', async () => {
    const criteria = [
      { name: '内容', weight: 1, maxScore: 50, decimals: 1, tieBreakRank: 1 },
      { name: '表现', weight: 1, maxScore: 50, decimals: 1, tieBreakRank: 2 },
    ];
    const { contest, judge, assignments, entries } = await smallContest(3, { isChief: true, criteria });
    const [content, delivery] = contest.criteria.map((k) => String(k.id));
    const third = assignments.find((a) => a.entryId === entries[2]!.id)!;
    for (const a of assignments) {
      const scores = a === third ? { [content!]: 30, [delivery!]: 30 } : { [content!]: 45.5, [delivery!]: 40 };
      expect((await putSheet(ctx, judge.cookie, a.assignmentId, scores)).statusCode).toBe(200);
      expect((await ctx.call('POST', `/api/judging/sheets/${a.assignmentId}/submit`, undefined, judge.cookie)).statusCode).toBe(200);
    }
    const r = await ctx.call('GET', `/api/judging/contests/${contest.id}/ties`, undefined, judge.cookie);
    expect(r.statusCode, r.body).toBe(200);
    const tiedIds = [entries[0]!, entries[1]!].map((e) => String(e.id)).sort();
    expect(r.json<ChiefTies>().items).toEqual([
      {
        context: 'overall',
        award: 'overall',
        kind: 'entry',
        boundary: 1,
        criteria: ['内容', '表现'],
        tied: tiedIds.map((code) => ({ code, aggregate: '85.50', scores: ['45.50', '40.00'] })),
      },
    ]);
    const tiedEntries = entries.filter((e) => tiedIds.includes(String(e.id)));
    for (const e of tiedEntries) {
      expect(r.body).not.toContain(e.title);
      expect(r.body).not.toContain(e.orgName);
    }
    // Anyone but the chief judge (the organiser included) finds nothing; once decided, nothing is tied.
    expect((await ctx.call('GET', `/api/judging/contests/${contest.id}/ties`)).statusCode).toBe(404);
    const order = [...tiedIds].reverse();
    const decided = await ctx.call(
      'POST',
      `/api/judging/contests/${contest.id}/chief-decisions`,
      { context: 'overall', order },
      judge.cookie,
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const after = await ctx.call('GET', `/api/judging/contests/${contest.id}/ties`, undefined, judge.cookie);
    expect(after.json<ChiefTies>().items).toEqual([]);
  });

  it('refuses a decision from a judge who is not the chief', async () => {
    const { contest, judge, entries } = await smallContest(2, { isChief: false });
    const order = entries.map((e) => String(e.id));
    const r = await ctx.call('POST', `/api/judging/contests/${contest.id}/chief-decisions`, { context: 'overall', order }, judge.cookie);
    expect(r.statusCode).toBe(404);
  });
});

describe('contests: conflicts through the routes', () => {
  it('answers 409 with the conflict rule when a conflict is declared on an assigned pair, and 400 in Chinese for bad input', async () => {
    const contest = await createContest(ctx, { orgId: tree.dongcheng.id, panelSize: 1, tiers: [] });
    expect((await ctx.call('POST', `/api/contests/${contest.id}/open`)).statusCode).toBe(200);
    const unit = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const entry = (await ctx.call('POST', `/api/contests/${contest.id}/entries`, { orgId: unit.id, title: '作品' })).json<Entry>();
    const judge = await judgeOf(ctx, contest.id, tree.xcUnion.id);
    expect((await ctx.call('POST', `/api/contests/${contest.id}/assignments`)).statusCode).toBe(200);
    const late = await ctx.call('POST', `/api/contests/${contest.id}/conflicts`, {
      judgeId: judge.id,
      entryId: entry.id,
      reason: '亲属参赛',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ code: string; message: string }>()).toMatchObject({
      code: 'CONTEST_CONFLICT_OF_INTEREST',
      message: expect.stringMatching(/回避/),
    });
    const bad = await ctx.call('POST', `/api/contests/${contest.id}/entries`, { orgId: unit.id, title: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ code: string }>().code).toBe('VALIDATION');
  });
});

const pg = process.env.TEST_DATABASE_URL ? describe : describe.skip;

pg('contests hammer on PostgreSQL', () => {
  it('submits one sheet exactly once when 20 submissions arrive together', async () => {
    const { contest, judge, assignments } = await smallContest(1, { isChief: false });
    const a = assignments[0]!;
    expect((await putSheet(ctx, judge.cookie, a.assignmentId, { [String(contest.criteria[0]!.id)]: 70 })).statusCode).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        ctx.app.inject({ method: 'POST', url: `/api/judging/sheets/${a.assignmentId}/submit`, headers: { cookie: judge.cookie } }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 409).map((r) => r.json<{ code: string }>().code)).toEqual(
      Array(19).fill('CONTEST_SHEET_SUBMITTED'),
    );
    const audited = await ctx.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'contest.sheet.submit')
      .where('target_id', '=', String(a.assignmentId))
      .execute();
    expect(audited).toHaveLength(1);
  });
});
