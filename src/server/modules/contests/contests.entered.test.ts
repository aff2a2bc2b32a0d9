/**
 * 本单位参赛 (issue #14): a street cadre lists the entries of its units in a district contest it cannot otherwise
 * read — with the organiser, the notice's end, the entry's place in the frozen result and the appeals with their
 * answers — and appeals from there during the notice; another district's cadre sees none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { actorWith, buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { Appeal, ContestDetail, Entry, MyContests } from '../../../common/contests.js';
import type { EnteredEntry } from '../../../common/contests.entered.js';
import type { Page } from '../../../common/paging.js';
import { createContest, judgeOf, putSheet } from './contests.fixtures.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let contest: ContestDetail;
let ours: Entry; // sent by a union under the street 东华门
let theirs: Entry; // sent by a union under the other street of the district
let streetCadre: { cookie: string };

const entered = (orgId: number, cookie: string, query = '') =>
  ctx.call('GET', `/api/contests/entered?orgId=${orgId}${query}`, undefined, cookie);

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  contest = await createContest(ctx, {
    orgId: tree.dongcheng.id,
    name: '东城区职工诗歌朗诵比赛',
    panelSize: 1,
    noticeDays: 7,
    showcaseSize: 1,
    criteria: [{ name: '综合', weight: 1, maxScore: 100, decimals: 2 }],
    tiers: [{ kind: 'ladder', name: '一等奖', quota: 1 }],
  });
  expect((await ctx.call('POST', `/api/contests/${contest.id}/open`)).statusCode).toBe(200);
  const add = async (orgId: number, title: string) => {
    const r = await ctx.call('POST', `/api/contests/${contest.id}/entries`, { orgId, title });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<Entry>();
  };
  ours = await add(tree.dcUnion.id, '我们的节目');
  theirs = await add((await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union')).id, '景山的节目');
  streetCadre = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
}, 120_000);
afterAll(async () => ctx?.close());

/** Judging by one judge of the other district, theirs ahead of ours, then frozen and put on notice. */
async function judgeAndPublish() {
  const judge = await judgeOf(ctx, contest.id, tree.xcUnion.id);
  expect((await ctx.call('POST', `/api/contests/${contest.id}/assignments`)).statusCode).toBe(200);
  expect((await ctx.call('POST', `/api/contests/${contest.id}/judging`)).statusCode).toBe(200);
  const k = String(contest.criteria[0]!.id);
  const mine = (await ctx.call('GET', '/api/judging/contests', undefined, judge.cookie)).json<MyContests>();
  for (const a of mine.items.find((c) => c.contestId === contest.id)!.assignments) {
    expect((await putSheet(ctx, judge.cookie, a.assignmentId, { [k]: a.entryId === ours.id ? 70 : 90 })).statusCode).toBe(200);
    expect((await ctx.call('POST', `/api/judging/sheets/${a.assignmentId}/submit`, undefined, judge.cookie)).statusCode).toBe(200);
  }
  expect((await ctx.call('POST', `/api/contests/${contest.id}/scored`)).statusCode).toBe(200);
  expect((await ctx.call('POST', `/api/contests/${contest.id}/results`)).statusCode).toBe(201);
}

describe('contests: our entries (本单位参赛)', () => {
  it('lists the street’s own entries of a district contest it cannot read, without a result before the notice', async () => {
    expect((await ctx.call('GET', `/api/contests/${contest.id}`, undefined, streetCadre.cookie)).statusCode).toBe(404);
    const r = await entered(tree.dcStreet.id, streetCadre.cookie);
    expect(r.statusCode, r.body).toBe(200);
    const page = r.json<Page<EnteredEntry>>();
    expect(page.items.map((e) => e.id)).toEqual([ours.id]);
    expect(page.total).toEqual({ count: 1, kind: 'exact' });
    expect(page.items[0]).toMatchObject({
      title: '我们的节目',
      orgId: tree.dcUnion.id,
      contest: { id: contest.id, name: '东城区职工诗歌朗诵比赛', status: 'open', organiserName: tree.dongcheng.name, noticeEndsAt: null },
      result: null,
      appeals: [],
    });
  });

  it('shows the place in the frozen result during the notice, takes an appeal and lists it with the organiser’s answer', async () => {
    await judgeAndPublish();
    const onNotice = (await entered(tree.dcStreet.id, streetCadre.cookie)).json<Page<EnteredEntry>>().items[0]!;
    expect(onNotice.contest.status).toBe('notice');
    expect(Date.parse(onNotice.contest.noticeEndsAt!)).toBeGreaterThan(Date.now());
    expect(onNotice.result).toEqual({ rank: 2, total: 2, awards: [], isShowcase: false });

    const filed = await ctx.call(
      'POST',
      `/api/contest-entries/${ours.id}/appeals`,
      { text: '我单位节目现场音响故障，请复核。' },
      streetCadre.cookie,
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const appeal = filed.json<Appeal>();
    const open = (await entered(tree.dcStreet.id, streetCadre.cookie)).json<Page<EnteredEntry>>().items[0]!;
    expect(open.appeals).toMatchObject([{ id: appeal.id, status: 'open', answer: null, text: '我单位节目现场音响故障，请复核。' }]);

    const answered = await ctx.call('POST', `/api/contests/${contest.id}/appeals/${appeal.id}/answer`, { answer: '经复核，维持原结果。' });
    expect(answered.statusCode, answered.body).toBe(200);
    const after = (await entered(tree.dcStreet.id, streetCadre.cookie)).json<Page<EnteredEntry>>().items[0]!;
    expect(after.appeals).toMatchObject([{ id: appeal.id, status: 'answered', answer: '经复核，维持原结果。' }]);

    // The district sees both of its units' entries, the winner with its prize and its place in the showcase.
    const district = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const both = (await entered(tree.dongcheng.id, district.cookie)).json<Page<EnteredEntry>>().items;
    expect(both.find((e) => e.id === theirs.id)!.result).toEqual({ rank: 1, total: 2, awards: ['一等奖'], isShowcase: true });
    expect(both.find((e) => e.id === theirs.id)!.appeals).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const district = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const first = (await entered(tree.dongcheng.id, district.cookie, '&limit=1')).json<Page<EnteredEntry>>();
    expect(first.items.map((e) => e.id)).toEqual([theirs.id]);
    expect(first.total?.count).toBe(2);
    const second = (await entered(tree.dongcheng.id, district.cookie, `&limit=1&cursor=${first.nextCursor}`)).json<Page<EnteredEntry>>();
    expect(second.items.map((e) => e.id)).toEqual([ours.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('shows nothing of them to another district’s cadre: an empty list of its own, 404 for the street', async () => {
    const xiCadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const own = await entered(tree.xicheng.id, xiCadre.cookie);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<Page<EnteredEntry>>().items).toEqual([]);
    expect((await entered(tree.dcStreet.id, xiCadre.cookie)).statusCode).toBe(404);
    // Nor the other street of the same district.
    const other = await actorWith(ctx, 'union_cadre', tree.dcStreet2.id);
    expect((await entered(tree.dcStreet.id, other.cookie)).statusCode).toBe(404);
    expect((await entered(tree.dcStreet2.id, other.cookie)).json<Page<EnteredEntry>>().items.map((e) => e.id)).toEqual([theirs.id]);
  });

  it('refuses a malformed org id with a message in the caller’s language', async () => {
    const r = await ctx.call('GET', '/api/contests/entered?orgId=abc', undefined, streetCadre.cookie, 'en');
    expect(r.statusCode).toBe(400);
    expect(r.json<{ message: string }>().message).toMatch(/whole-number id/);
  });

  it('shows the final result once the notice is over and the appeal answered', async () => {
    await sql`UPDATE contest SET notice_ends_at = now() - interval '1 minute' WHERE id = ${contest.id}`.execute(ctx.database.db);
    expect((await ctx.call('POST', `/api/contests/${contest.id}/final`)).statusCode).toBe(200);
    const final = (await entered(tree.dcStreet.id, streetCadre.cookie)).json<Page<EnteredEntry>>().items[0]!;
    expect(final.contest.status).toBe('final');
    expect(final.result).toEqual({ rank: 2, total: 2, awards: [], isShowcase: false });
  });
});
