/**
 * The contest rows the authorization reliability test aims at (竞赛评比, issue #14): a contest of the street T still
 * open (an entry sent by T, a judge from a union elsewhere, its panel assigned), and a second one run to its notice
 * (the judge's sheet written directly, then scored and published through the routes). Made as the root's admin.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/db/schema.js';
import type { AsAdmin } from './authorization.points.js';

type Req = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object };

export type ContestsTarget = { open: number; entry: number; judge: number; assignment: number; notice: number; noticeEntry: number };

async function contestOf(asAdmin: AsAdmin, o: { orgId: number; judgeUnitId: number; label: string }) {
  const contest = await asAdmin<{ id: number; criteria: { id: number }[] }>({
    method: 'POST',
    url: '/api/contests',
    payload: {
      orgId: o.orgId,
      name: `${o.label}竞赛`,
      panelSize: 1,
      noticeDays: 7,
      criteria: [{ name: '综合', weight: 1, maxScore: 100 }],
      tiers: [{ kind: 'ladder', name: '一等奖', quota: 1 }],
    },
  });
  const url = `/api/contests/${contest.id}`;
  await asAdmin({ method: 'POST', url: `${url}/open` });
  const entry = await asAdmin<{ id: number }>({
    method: 'POST',
    url: `${url}/entries`,
    payload: { orgId: o.orgId, title: `${o.label}节目` },
  });
  const judge = await asAdmin<{ id: number }>({
    method: 'POST',
    url: `${url}/judges`,
    payload: { username: `rjudge${contest.id}`, displayName: `${o.label}评委`, orgId: o.judgeUnitId },
  });
  const assigned = await asAdmin<{ items: { id: number }[] }>({ method: 'POST', url: `${url}/assignments` });
  return { id: contest.id, criterion: contest.criteria[0]!.id, entry: entry.id, judge: judge.id, assignment: assigned.items[0]!.id };
}

export async function buildContestsTarget(
  asAdmin: AsAdmin,
  db: Kysely<DB>,
  o: { orgId: number; judgeUnitId: number },
): Promise<ContestsTarget> {
  const open = await contestOf(asAdmin, { ...o, label: '靶子' });
  const notice = await contestOf(asAdmin, { ...o, label: '靶子公示' });
  const url = `/api/contests/${notice.id}`;
  await asAdmin({ method: 'POST', url: `${url}/judging` });
  await sql`INSERT INTO contest_sheet (assignment_id, status, scores, submitted_at)
            VALUES (${notice.assignment}, 'submitted', ${JSON.stringify({ [String(notice.criterion)]: 90 })}::jsonb, now())`.execute(db);
  await asAdmin({ method: 'POST', url: `${url}/scored` });
  await asAdmin({ method: 'POST', url: `${url}/results` });
  return { open: open.id, entry: open.entry, judge: open.judge, assignment: open.assignment, notice: notice.id, noticeEntry: notice.entry };
}

/** The contest routes, aimed at T's contests; the judge's own routes at T's judge's sheet (404 to anyone else). */
export function aimedAtTargetContests(t: ContestsTarget, T: number): { route: string; request: Req }[] {
  const r = (route: string, request: Req) => ({ route, request });
  const open = `/api/contests/${t.open}`;
  const notice = `/api/contests/${t.notice}`;
  const sheet = `/api/judging/sheets/${t.assignment}`;
  return [
    r('POST /api/contests', {
      method: 'POST',
      url: '/api/contests',
      payload: { orgId: T, name: '越权竞赛', criteria: [{ name: '综合', weight: 1, maxScore: 10 }] },
    }),
    r('GET /api/contests', { method: 'GET', url: `/api/contests?orgId=${T}` }),
    r('GET /api/contest-awards/rollup', { method: 'GET', url: `/api/contest-awards/rollup?orgId=${T}` }),
    r('GET /api/contests/entered', { method: 'GET', url: `/api/contests/entered?orgId=${T}` }),
    r('GET /api/contests/:id', { method: 'GET', url: open }),
    r('PUT /api/contests/:id', {
      method: 'PUT',
      url: open,
      payload: { name: '越权改名', criteria: [{ name: '综合', weight: 1, maxScore: 10 }] },
    }),
    r('POST /api/contests/:id/open', { method: 'POST', url: `${open}/open` }),
    r('POST /api/contests/:id/entries', { method: 'POST', url: `${open}/entries`, payload: { orgId: T, title: '越权节目' } }),
    r('GET /api/contests/:id/entries', { method: 'GET', url: `${open}/entries` }),
    r('DELETE /api/contests/:id/entries/:entryId', { method: 'DELETE', url: `${open}/entries/${t.entry}` }),
    r('POST /api/contests/:id/judges', {
      method: 'POST',
      url: `${open}/judges`,
      payload: { username: 'xjudge1', displayName: '越权评委', orgId: T },
    }),
    r('GET /api/contests/:id/judges', { method: 'GET', url: `${open}/judges` }),
    r('POST /api/contests/:id/conflicts', {
      method: 'POST',
      url: `${open}/conflicts`,
      payload: { judgeId: t.judge, entryId: t.entry, reason: '越权申报' },
    }),
    r('GET /api/contests/:id/conflicts', { method: 'GET', url: `${open}/conflicts` }),
    r('PUT /api/contests/:id/design', { method: 'PUT', url: `${open}/design`, payload: { design: '越权声明' } }),
    r('POST /api/contests/:id/assignments', { method: 'POST', url: `${open}/assignments` }),
    r('GET /api/contests/:id/assignments', { method: 'GET', url: `${open}/assignments` }),
    r('POST /api/contests/:id/judging', { method: 'POST', url: `${open}/judging` }),
    r('GET /api/contests/:id/amendments', { method: 'GET', url: `${notice}/amendments` }),
    r('GET /api/contests/:id/results/preview', { method: 'GET', url: `${notice}/results/preview` }),
    r('POST /api/contests/:id/scored', { method: 'POST', url: `${notice}/scored` }),
    r('POST /api/contests/:id/results', { method: 'POST', url: `${notice}/results` }),
    r('GET /api/contests/:id/results', { method: 'GET', url: `${notice}/results` }),
    r('POST /api/contests/:id/final', { method: 'POST', url: `${notice}/final` }),
    r('GET /api/contests/:id/certificates', { method: 'GET', url: `${notice}/certificates` }),
    r('GET /api/contests/:id/appeals', { method: 'GET', url: `${notice}/appeals` }),
    r('POST /api/contest-entries/:id/appeals', {
      method: 'POST',
      url: `/api/contest-entries/${t.noticeEntry}/appeals`,
      payload: { text: '越权申诉：请复核得分。' },
    }),
    r('POST /api/contests/:id/appeals/:appealId/answer', {
      method: 'POST',
      url: `${notice}/appeals/1/answer`,
      payload: { answer: '越权答复' },
    }),
    r('GET /api/judging/sheets/:id', { method: 'GET', url: sheet }),
    r('PUT /api/judging/sheets/:id', { method: 'PUT', url: sheet, payload: { scores: {} } }),
    r('POST /api/judging/sheets/:id/submit', { method: 'POST', url: `${sheet}/submit` }),
    r('POST /api/judging/sheets/:id/amendments', {
      method: 'POST',
      url: `${sheet}/amendments`,
      payload: { criterionId: 1, score: 1, reason: '越权更正' },
    }),
    r('GET /api/judging/contests/:id/ties', { method: 'GET', url: `/api/judging/contests/${t.notice}/ties` }),
    r('POST /api/judging/contests/:id/chief-decisions', {
      method: 'POST',
      url: `/api/judging/contests/${t.notice}/chief-decisions`,
      payload: { context: 'overall', order: ['1', '2'] },
    }),
  ];
}
