import { expect } from 'vitest';
import { login, type TestContext } from '../../testing/harness.js';
import type { ContestDetail, CreatedJudge, CreateContestBody } from '../../../common/contests.js';

/** The four criteria of seed 004 (诗歌朗诵), every one in the tie-break chain in this order. */
export const poetryCriteria: CreateContestBody['criteria'] = [
  { name: '题材内容', weight: 1, maxScore: 30, decimals: 2, tieBreakRank: 1 },
  { name: '表现形式', weight: 1, maxScore: 30, decimals: 2, tieBreakRank: 2 },
  { name: '选手素质', weight: 1, maxScore: 20, decimals: 2, tieBreakRank: 3 },
  { name: '现场发挥', weight: 1, maxScore: 20, decimals: 2, tieBreakRank: 4 },
];

/** 3 最佳表演奖, 6 最佳风采奖, 9 优秀表演奖, 3 最佳创作奖 (on 题材内容), 4 优秀组织奖. */
export const poetryTiers: CreateContestBody['tiers'] = [
  { kind: 'ladder', name: '最佳表演奖', quota: 3 },
  { kind: 'ladder', name: '最佳风采奖', quota: 6 },
  { kind: 'ladder', name: '优秀表演奖', quota: 9 },
  { kind: 'criterion', name: '最佳创作奖', quota: 3, criterionIndex: 0 },
  { kind: 'unit', name: '优秀组织奖', quota: 4 },
];

export async function createContest(
  ctx: TestContext,
  body: Partial<CreateContestBody> & { orgId: number },
  cookie = ctx.adminCookie,
): Promise<ContestDetail> {
  const r = await ctx.call(
    'POST',
    '/api/contests',
    { name: '职工诗歌朗诵比赛', criteria: poetryCriteria, tiers: poetryTiers, showcaseSize: 18, panelSize: 5, ...body },
    cookie,
  );
  expect(r.statusCode, r.body).toBe(201);
  return r.json<ContestDetail>();
}

let serial = 0;

/** A judge account through the organiser's route, its first password replaced: returns its session cookie. */
export async function judgeOf(
  ctx: TestContext,
  contestId: number,
  unitId: number,
  o: { isChief?: boolean; cookie?: string } = {},
): Promise<CreatedJudge & { cookie: string }> {
  const username = `judge${++serial}${Math.random().toString(36).slice(2, 6)}`;
  const created = await ctx.call(
    'POST',
    `/api/contests/${contestId}/judges`,
    { username, displayName: `评委${serial}`, orgId: unitId, isChief: o.isChief ?? false },
    o.cookie ?? ctx.adminCookie,
  );
  expect(created.statusCode, created.body).toBe(201);
  const judge = created.json<CreatedJudge>();
  const first = await login(ctx.app, username, judge.firstPassword);
  const changed = await ctx.call(
    'POST',
    '/api/auth/password',
    { currentPassword: judge.firstPassword, newPassword: 'Judge-Poetry-2026!' },
    first,
  );
  expect(changed.statusCode, changed.body).toBe(200);
  return { ...judge, cookie: await login(ctx.app, username, 'Judge-Poetry-2026!') };
}

export function putSheet(ctx: TestContext, cookie: string, assignmentId: number, scores: Record<string, number>) {
  return ctx.app.inject({ method: 'PUT', url: `/api/judging/sheets/${assignmentId}`, payload: { scores }, headers: { cookie } });
}
