/**
 * Contests through HTTP (issue #14): the poetry recital of seed 004 from set-up to the final result — 37 entries of
 * 37 units in three districts, nine judges, panels of five free of conflicts, every sheet submitted → 3 / 6 / 9,
 * 3 最佳创作奖, 4 优秀组织奖 and the top 18 to the showcase, the hash stable on recompute — and on the way: judges
 * see only their own assignments, submission happens once, amendments are audited, the database refuses a
 * conflicted pair, missing scores block, appeals hold the final, another district's cadre gets 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { actorWith, buildOrg, createTestContext, type TestContext } from '../../testing/harness.js';
import type {
  Appeal,
  Assignments,
  ContestDetail,
  Entry,
  MyContests,
  ResultPreview,
  ResultSnapshot,
  Rollup,
  Sheet,
} from '../../../common/contests.js';
import { createContest, judgeOf, putSheet } from './contests.fixtures.js';

let ctx: TestContext;
let contest: ContestDetail;
const districts: { id: number }[] = [];
let entries: Entry[] = [];
type J = Awaited<ReturnType<typeof judgeOf>>;
const judges: J[] = [];
const assignmentsOf = new Map<number, MyContests['items'][number]['assignments']>();

beforeAll(async () => {
  ctx = await createTestContext();
  for (let d = 0; d < 3; d++) districts.push(await buildOrg(ctx, 1, 'district_federation'));
  const experts = await buildOrg(ctx, 1, 'district_federation');
  contest = await createContest(ctx, { orgId: 1, noticeDays: 7 });
  expect(contest.criteria).toHaveLength(4);
  expect((await ctx.call('POST', `/api/contests/${contest.id}/open`)).statusCode).toBe(200);
  const streets = await Promise.all(districts.map((d) => buildOrg(ctx, d.id, 'street_federation')));
  for (let i = 0; i < 37; i++) {
    const unit = await buildOrg(ctx, streets[i % 3]!.id, 'grassroots_union');
    const r = await ctx.call('POST', `/api/contests/${contest.id}/entries`, {
      orgId: unit.id,
      title: `节目${String(i + 1).padStart(2, '0')}`,
      performers: [{ name: '张三' }, { name: '李四' }],
      attachments: ['https://example.org/script.pdf'],
    });
    expect(r.statusCode, r.body).toBe(201);
  }
  entries = (await ctx.call('GET', `/api/contests/${contest.id}/entries`)).json<{ items: Entry[] }>().items;
  // Three outside experts (one the chief judge), and two judges from each district's federation.
  for (let i = 0; i < 3; i++)
    judges.push(await judgeOf(ctx, contest.id, (await buildOrg(ctx, experts.id, 'grassroots_union')).id, { isChief: i === 0 }));
  for (let i = 0; i < 6; i++) judges.push(await judgeOf(ctx, contest.id, districts[i % 3]!.id));
}, 300_000);
afterAll(async () => ctx?.close());

describe('contests: seed 004 诗歌朗诵 through HTTP', () => {
  it('assigns panels of five free of conflicts, loads balanced', async () => {
    const r = await ctx.call('POST', `/api/contests/${contest.id}/assignments`);
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json<Assignments>();
    expect(a.items).toHaveLength(37 * 5);
    const loads = Object.values(a.loads);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    // No district judge scores an entry of its own district.
    const unitPath = new Map(entries.map((e) => [e.id, e.orgId]));
    expect(unitPath.size).toBe(37);
    expect((await ctx.call('POST', `/api/contests/${contest.id}/judging`)).statusCode).toBe(200);
  });

  it('refuses a conflicted assignment in the database itself (direct SQL)', async () => {
    const db = ctx.database.db;
    const districtJudge = judges[3]!; // unit: districts[0]
    const own = entries[0]!; // sent from a union under districts[0]
    await expect(
      sql`INSERT INTO contest_assignment (contest_id, judge_id, entry_id) VALUES (${contest.id}, ${districtJudge.id}, ${own.id})`.execute(
        db,
      ),
    ).rejects.toThrow(/contest_conflict_of_interest/);
    // A declared conflict: refused as well once declared, and declaring one on an assigned pair is refused.
    const assigned = (await ctx.call('GET', `/api/contests/${contest.id}/assignments`)).json<Assignments>().items[0]!;
    await expect(
      sql`INSERT INTO contest_conflict (judge_id, entry_id, reason) VALUES (${assigned.judgeId}, ${assigned.entryId}, '亲属参赛')`.execute(
        db,
      ),
    ).rejects.toThrow(/contest_conflict_of_interest/);
  });

  it('shows each judge only its own assignments; another judge’s sheet is 404, and so is any sheet to a cadre', async () => {
    for (const j of judges) {
      const mine = (await ctx.call('GET', '/api/judging/contests', undefined, j.cookie)).json<MyContests>();
      expect(mine.items).toHaveLength(1);
      assignmentsOf.set(j.id, mine.items[0]!.assignments);
    }
    const total = [...assignmentsOf.values()].reduce((n, a) => n + a.length, 0);
    expect(total).toBe(185);
    const [a, b] = [judges[0]!, judges[1]!];
    const foreign = assignmentsOf.get(b.id)![0]!.assignmentId;
    expect((await ctx.call('GET', `/api/judging/sheets/${foreign}`, undefined, a.cookie)).statusCode).toBe(404);
    expect((await putSheet(ctx, a.cookie, foreign, {})).statusCode).toBe(404);
    expect((await ctx.call('GET', `/api/judging/sheets/${foreign}`)).statusCode).toBe(404);
    const cadre = await actorWith(ctx, 'union_cadre', 1);
    expect((await ctx.call('GET', '/api/judging/contests', undefined, cadre.cookie)).json<MyContests>().items).toEqual([]);
  });

  it('scores the sheets; a missing score blocks the result; submit twice is refused; an amendment is audited', async () => {
    const [content, form, quality, live] = contest.criteria.map((k) => String(k.id)) as [string, string, string, string];
    const index = new Map(entries.map((e, i) => [e.id, i + 1]));
    let first = true;
    for (const [n, j] of judges.entries()) {
      const bias = (n + 1) % 3;
      for (const a of assignmentsOf.get(j.id)!) {
        const i = index.get(a.entryId)!;
        const scores = {
          [content]: 29 - (i % 9) * 0.5,
          [form]: 28 - i * 0.25 + bias * 0.25,
          [quality]: 18 - (i % 4) * 0.5,
          [live]: 17 + bias * 0.5,
        };
        if (first) {
          // A score above the maximum, or with too many decimals: a clear 400, in Chinese by default.
          const bad = await putSheet(ctx, j.cookie, a.assignmentId, { [content]: 31 });
          expect(bad.statusCode).toBe(400);
          expect(bad.json<{ code: string }>().code).toBe('CONTEST_SCORE_OUT_OF_RANGE');
          // Incomplete: submit refused.
          expect((await putSheet(ctx, j.cookie, a.assignmentId, { [content]: 20 })).statusCode).toBe(200);
          const incomplete = await ctx.call('POST', `/api/judging/sheets/${a.assignmentId}/submit`, undefined, j.cookie);
          expect(incomplete.json<{ code: string }>().code).toBe('CONTEST_SHEET_INCOMPLETE');
        }
        expect((await putSheet(ctx, j.cookie, a.assignmentId, scores)).statusCode).toBe(200);
        if (first) {
          const missing = await ctx.call('GET', `/api/contests/${contest.id}/results/preview`);
          expect(missing.statusCode).toBe(409);
          expect(missing.json<{ code: string }>().code).toBe('CONTEST_SCORES_MISSING');
          expect(missing.json<{ details: unknown[] }>().details.length).toBe(185);
        }
        const submitted = await ctx.call('POST', `/api/judging/sheets/${a.assignmentId}/submit`, undefined, j.cookie);
        expect(submitted.statusCode, submitted.body).toBe(200);
        if (first) {
          const again = await ctx.call('POST', `/api/judging/sheets/${a.assignmentId}/submit`, undefined, j.cookie);
          expect(again.statusCode).toBe(409);
          expect(again.json<{ code: string }>().code).toBe('CONTEST_SHEET_SUBMITTED');
          expect((await putSheet(ctx, j.cookie, a.assignmentId, scores)).json<{ code: string }>().code).toBe('CONTEST_SHEET_SUBMITTED');
          // The amendment: changed by 0 net (back to the same value after a correction), trail kept and audited.
          const amend = await ctx.call(
            'POST',
            `/api/judging/sheets/${a.assignmentId}/amendments`,
            { criterionId: Number(live), score: scores[live]! - 1, reason: '录入时看错行' },
            j.cookie,
          );
          expect(amend.statusCode, amend.body).toBe(200);
          const back = await ctx.call(
            'POST',
            `/api/judging/sheets/${a.assignmentId}/amendments`,
            { criterionId: Number(live), score: scores[live]!, reason: '复核后恢复原分' },
            j.cookie,
          );
          const sheet = back.json<Sheet>();
          expect(sheet.status).toBe('submitted');
          expect(sheet.scores[live]).toBe(scores[live]);
          expect(sheet.amendments.map((m) => m.reason)).toEqual(['录入时看错行', '复核后恢复原分']);
          const trail = await ctx.call('GET', `/api/contests/${contest.id}/amendments`);
          expect(trail.json<{ items: unknown[] }>().items).toHaveLength(2);
          const audited = await ctx.database.db.selectFrom('audit_log').select('id').where('action', '=', 'contest.sheet.amend').execute();
          expect(audited).toHaveLength(2);
          await expect(sql`UPDATE contest_amendment SET reason = 'x'`.execute(ctx.database.db)).rejects.toThrow(/immutable/);
          first = false;
        }
      }
    }
  }, 300_000);

  it('computes 3 / 6 / 9, 3 最佳创作奖, 4 优秀组织奖 and the top 18; the frozen hash equals the recomputed one', async () => {
    const preview = await ctx.call('GET', `/api/contests/${contest.id}/results/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json<ResultPreview>();
    expect(p.result.ladder.map((t) => [t.winners.length, t.shortfall])).toEqual([
      [3, 0],
      [6, 0],
      [9, 0],
    ]);
    expect(p.result.criterionPrizes[0]!.winners).toHaveLength(3);
    expect(p.result.unitAward!.winners).toHaveLength(4);
    expect(p.result.showcase).toEqual(p.result.ladder.flatMap((t) => t.winners));
    expect(p.result.rule.trimmedEntries).toBe(37);
    expect(p.result.ranking[0]!.entryId).toBe(entries[0]!.id);
    expect((await ctx.call('POST', `/api/contests/${contest.id}/results`)).statusCode).toBe(409); // still judging
    const scored = await ctx.call('POST', `/api/contests/${contest.id}/scored`);
    expect(scored.json<ResultPreview>().sha256).toBe(p.sha256);
    const published = await ctx.call('POST', `/api/contests/${contest.id}/results`);
    expect(published.statusCode, published.body).toBe(201);
    const snap = published.json<ResultSnapshot>();
    expect(snap.sha256).toBe(p.sha256);
    expect(snap.rule).toBe('trimmed-mean;normalisation=none');
    const again = (await ctx.call('GET', `/api/contests/${contest.id}/results/preview`)).json<ResultPreview>();
    expect(again.sha256).toBe(snap.sha256);
    await expect(sql`UPDATE contest_result SET rule = 'x'`.execute(ctx.database.db)).rejects.toThrow(/immutable/);
  });

  it('takes appeals from the entry’s unit during the notice and holds the final until answered and the notice ends', async () => {
    const entry = entries[5]!;
    const unitCadre = await actorWith(ctx, 'union_cadre', entry.orgId);
    const filed = await ctx.call(
      'POST',
      `/api/contest-entries/${entry.id}/appeals`,
      { text: '我单位节目现场音响故障，请复核。' },
      unitCadre.cookie,
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const appeal = filed.json<Appeal>();
    const otherDistrict = await actorWith(ctx, 'union_cadre', districts[1]!.id);
    expect(
      (await ctx.call('POST', `/api/contest-entries/${entry.id}/appeals`, { text: '越权申诉内容' }, otherDistrict.cookie)).statusCode,
    ).toBe(404);
    const refused = await ctx.call('POST', `/api/contests/${contest.id}/final`);
    expect(refused.json<{ code: string }>().code).toBe('CONTEST_NOTICE_RUNNING');
    // No certificate while the notice runs: an appeal may still change the result.
    expect((await ctx.call('GET', `/api/contests/${contest.id}/certificates`)).json<{ code: string }>().code).toBe('CONTEST_WRONG_STATUS');
    await sql`UPDATE contest SET notice_ends_at = now() - interval '1 minute' WHERE id = ${contest.id}`.execute(ctx.database.db);
    const open = await ctx.call('POST', `/api/contests/${contest.id}/final`);
    expect(open.json<{ code: string }>().code).toBe('CONTEST_APPEALS_OPEN');
    const answered = await ctx.call('POST', `/api/contests/${contest.id}/appeals/${appeal.id}/answer`, { answer: '经复核，维持原结果。' });
    expect(answered.json<Appeal>().status).toBe('answered');
    expect((await ctx.call('POST', `/api/contests/${contest.id}/final`)).statusCode).toBe(200);
    expect((await ctx.call('GET', `/api/contests/${contest.id}`)).json<ContestDetail>().status).toBe('final');
  });

  it('prints the final result’s certificates as one PDF, a page per award, each carrying the result’s check code', async () => {
    const r = await ctx.app.inject({
      method: 'GET',
      url: `/api/contests/${contest.id}/certificates`,
      headers: { cookie: ctx.adminCookie },
    });
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toMatch(/filename\*=UTF-8''.*\.pdf/);
    const pdf = r.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    // 3 + 6 + 9 ladder prizes, 3 for writing, 4 unit awards: 25 pages.
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(3 + 6 + 9 + 3 + 4);
  });

  it('rolls awards up by district in the caller’s subtree; another district’s cadre gets 404 for the contest', async () => {
    const rollup = (await ctx.call('GET', '/api/contest-awards/rollup?orgId=1')).json<Rollup>();
    expect(rollup.items.reduce((n, r) => n + r.awards, 0)).toBe(3 + 6 + 9 + 3 + 4);
    const districtCadre = await actorWith(ctx, 'union_cadre', districts[0]!.id);
    const own = (
      await ctx.call('GET', `/api/contest-awards/rollup?orgId=${districts[0]!.id}`, undefined, districtCadre.cookie)
    ).json<Rollup>();
    expect(own.items.every((r) => r.awards > 0)).toBe(true);
    expect((await ctx.call('GET', `/api/contests/${contest.id}`, undefined, districtCadre.cookie)).statusCode).toBe(404);
    expect((await ctx.call('GET', `/api/contests/${contest.id}/entries`, undefined, districtCadre.cookie)).statusCode).toBe(404);
    expect(
      (await ctx.call('GET', `/api/contest-awards/rollup?orgId=${districts[1]!.id}`, undefined, districtCadre.cookie)).statusCode,
    ).toBe(404);
  });
});
