import { sql } from 'kysely';
import type { AuthzCase, AuthzFixtures, AuthzRequest, ModuleAuthz } from '../../testing/authz.js';

type Stage = 'draft' | 'open' | 'assigned' | 'judging' | 'scored' | 'notice';
type Built = { id: number; entryId: number; judgeId: number; assignmentId: number | null };

const judgeUsers = new WeakMap<AuthzFixtures, Promise<number>>();

/** One judge account for the whole run (each contest names it in its own contest_judge row). */
function judgeUserOf(f: AuthzFixtures): Promise<number> {
  let u = judgeUsers.get(f);
  if (!u) {
    u = (async () => {
      const c = await contestAt(f, 'draft');
      await f.asAdmin({ method: 'POST', url: `/api/contests/${c.id}/open` });
      const judge = await f.asAdmin<{ userId: number }>({
        method: 'POST',
        url: `/api/contests/${c.id}/judges`,
        payload: { username: `mjudge${f.unique()}`, displayName: '矩阵评委', orgId: f.elsewhere.id },
      });
      return judge.userId;
    })();
    judgeUsers.set(f, u);
  }
  return u;
}

/**
 * A contest of the street T at a stage: one criterion, one entry sent by T itself, one judge from a union elsewhere
 * (no conflict). The contest is made through its route as the root's admin; the rows of later stages are written
 * directly to keep the matrix fast (the routes that make them are tested in contests.test.ts), the results through
 * their routes.
 */
async function contestAt(f: AuthzFixtures, stage: Stage, noticeDays = 0): Promise<Built> {
  const contest = await f.asAdmin<{ id: number; criteria: { id: number }[] }>({
    method: 'POST',
    url: '/api/contests',
    payload: {
      orgId: f.tree.dcStreet.id,
      name: `矩阵竞赛${f.unique()}`,
      panelSize: 1,
      noticeDays,
      criteria: [{ name: '综合', weight: 1, maxScore: 100 }],
      tiers: [{ kind: 'ladder', name: '一等奖', quota: 1 }],
    },
  });
  const built: Built = { id: contest.id, entryId: 0, judgeId: 0, assignmentId: null };
  if (stage === 'draft') return built;
  const db = f.ctx.database.db;
  const userId = await judgeUserOf(f);
  const status = stage === 'open' || stage === 'assigned' ? 'open' : 'judging';
  const { rows } = await sql<{ entry_id: number; judge_id: number }>`
    WITH c AS (UPDATE contest SET status = ${status} WHERE id = ${contest.id} RETURNING id, org_id, org_path),
         e AS (INSERT INTO contest_entry (contest_id, org_id, org_path, title) SELECT id, org_id, org_path, '矩阵节目' FROM c RETURNING id),
         j AS (INSERT INTO contest_judge (contest_id, user_id, org_id, org_path)
               SELECT c.id, ${userId}::bigint, o.id, o.path FROM c, org_unit o WHERE o.id = ${f.elsewhere.id} RETURNING id)
    SELECT e.id AS entry_id, j.id AS judge_id FROM e, j`.execute(db);
  built.entryId = rows[0]!.entry_id;
  built.judgeId = rows[0]!.judge_id;
  if (stage === 'open') return built;
  const { rows: a } = await sql<{ id: number }>`
    INSERT INTO contest_assignment (contest_id, judge_id, entry_id) VALUES (${contest.id}, ${built.judgeId}, ${built.entryId}) RETURNING id`.execute(
    db,
  );
  built.assignmentId = a[0]!.id;
  if (stage === 'assigned') return built;
  await sql`INSERT INTO contest_sheet (assignment_id, status, scores, submitted_at)
            VALUES (${built.assignmentId}, 'submitted', ${JSON.stringify({ [String(contest.criteria[0]!.id)]: 80 })}::jsonb, now())`.execute(
    db,
  );
  if (stage === 'judging') return built;
  await f.asAdmin({ method: 'POST', url: `/api/contests/${contest.id}/scored` });
  if (stage === 'scored') return built;
  await f.asAdmin({ method: 'POST', url: `/api/contests/${contest.id}/results` });
  return built;
}

const read = { action: 'contest.read', visibleWith: 'contest.read', write: false } as const;
const write = { action: 'contest.write', visibleWith: 'contest.read', write: true } as const;
/** The judge's own routes: nobody in the matrix is a named judge, so every signed-in caller gets 404 (or an empty list). */
const judgeOnly = { action: 'contest.judge', write: true, unscoped: true, callerOnly: true, ok: 404 } as const;

const on = (method: AuthzRequest['method'], stage: Stage, path: string, payload?: (b: Built) => object, noticeDays = 0) => {
  return async (f: AuthzFixtures): Promise<AuthzRequest> => {
    const b = await contestAt(f, stage, noticeDays);
    return {
      method,
      url: `/api/contests/${b.id}${path.replace(':entryId', String(b.entryId))}`,
      ...(payload ? { payload: payload(b) } : {}),
    };
  };
};

const cases: AuthzCase[] = [
  {
    route: 'POST /api/contests',
    action: 'contest.write',
    visibleWith: 'org.read',
    write: true,
    ok: 201,
    request: async (f) => ({
      method: 'POST',
      url: '/api/contests',
      payload: { orgId: f.tree.dcStreet.id, name: `矩阵竞赛${f.unique()}`, criteria: [{ name: '综合', weight: 1, maxScore: 100 }] },
    }),
  },
  {
    route: 'GET /api/contests',
    action: 'contest.read',
    write: false,
    request: async (f) => ({ method: 'GET', url: `/api/contests?orgId=${f.tree.dcStreet.id}` }),
  },
  {
    route: 'GET /api/contest-awards/rollup',
    action: 'contest.read',
    write: false,
    request: async (f) => ({ method: 'GET', url: `/api/contest-awards/rollup?orgId=${f.tree.dcStreet.id}` }),
  },
  {
    route: 'GET /api/contests/entered',
    action: 'contest.read',
    write: false,
    request: async (f) => {
      await contestAt(f, 'notice', 7); // an entry sent by T itself, its result on notice
      return { method: 'GET', url: `/api/contests/entered?orgId=${f.tree.dcStreet.id}` };
    },
  },
  { route: 'GET /api/contests/:id', ...read, request: on('GET', 'draft', '') },
  {
    route: 'PUT /api/contests/:id',
    ...write,
    request: on('PUT', 'draft', '', () => ({ name: '改名的竞赛', criteria: [{ name: '综合', weight: 2, maxScore: 10 }] })),
  },
  { route: 'POST /api/contests/:id/open', ...write, request: on('POST', 'draft', '/open') },
  {
    route: 'POST /api/contests/:id/entries',
    ...write,
    ok: 201,
    request: async (f) => {
      const b = await contestAt(f, 'open');
      return { method: 'POST', url: `/api/contests/${b.id}/entries`, payload: { orgId: f.tree.dcStreet.id, title: '又一个节目' } };
    },
  },
  { route: 'GET /api/contests/:id/entries', ...read, request: on('GET', 'open', '/entries') },
  { route: 'DELETE /api/contests/:id/entries/:entryId', ...write, request: on('DELETE', 'open', '/entries/:entryId') },
  {
    route: 'POST /api/contests/:id/judges',
    ...write,
    ok: 201,
    request: async (f) => {
      const b = await contestAt(f, 'open');
      return {
        method: 'POST',
        url: `/api/contests/${b.id}/judges`,
        payload: { username: `mjudge${f.unique()}`, displayName: '矩阵评委', orgId: f.tree.dcStreet.id },
      };
    },
  },
  { route: 'GET /api/contests/:id/judges', ...read, request: on('GET', 'open', '/judges') },
  {
    route: 'POST /api/contests/:id/conflicts',
    ...write,
    ok: 201,
    request: on('POST', 'open', '/conflicts', (b) => ({ judgeId: b.judgeId, entryId: b.entryId, reason: '亲属参赛' })),
  },
  { route: 'GET /api/contests/:id/conflicts', ...read, request: on('GET', 'open', '/conflicts') },
  {
    route: 'PUT /api/contests/:id/design',
    ...write,
    request: on('PUT', 'open', '/design', () => ({ design: '每位评委评全部作品' })),
  },
  { route: 'POST /api/contests/:id/assignments', ...write, request: on('POST', 'open', '/assignments') },
  { route: 'GET /api/contests/:id/assignments', ...read, request: on('GET', 'assigned', '/assignments') },
  { route: 'POST /api/contests/:id/judging', ...write, request: on('POST', 'assigned', '/judging') },
  { route: 'GET /api/contests/:id/amendments', ...read, request: on('GET', 'judging', '/amendments') },
  { route: 'GET /api/contests/:id/results/preview', ...read, request: on('GET', 'judging', '/results/preview') },
  { route: 'POST /api/contests/:id/scored', ...write, request: on('POST', 'judging', '/scored') },
  { route: 'POST /api/contests/:id/results', ...write, ok: 201, request: on('POST', 'scored', '/results') },
  { route: 'GET /api/contests/:id/results', ...read, request: on('GET', 'notice', '/results') },
  { route: 'POST /api/contests/:id/final', ...write, request: on('POST', 'notice', '/final') },
  {
    route: 'GET /api/contests/:id/certificates',
    ...read,
    binary: true,
    request: async (f) => {
      const b = await contestAt(f, 'notice');
      await f.asAdmin({ method: 'POST', url: `/api/contests/${b.id}/final` });
      return { method: 'GET', url: `/api/contests/${b.id}/certificates` };
    },
  },
  { route: 'GET /api/contests/:id/appeals', ...read, request: on('GET', 'notice', '/appeals') },
  {
    route: 'POST /api/contest-entries/:id/appeals',
    ...write,
    ok: 201,
    request: async (f) => {
      const b = await contestAt(f, 'notice', 7);
      return { method: 'POST', url: `/api/contest-entries/${b.entryId}/appeals`, payload: { text: '请复核我单位节目的得分。' } };
    },
  },
  {
    route: 'POST /api/contests/:id/appeals/:appealId/answer',
    ...write,
    request: async (f) => {
      const b = await contestAt(f, 'notice', 7);
      const appeal = await f.asAdmin({
        method: 'POST',
        url: `/api/contest-entries/${b.entryId}/appeals`,
        payload: { text: '请复核我单位节目的得分。' },
      });
      return { method: 'POST', url: `/api/contests/${b.id}/appeals/${appeal.id}/answer`, payload: { answer: '维持原结果。' } };
    },
  },
  // The judge's side: '[]' for everyone not a judge, 404 for every sheet and decision of someone else.
  {
    route: 'GET /api/judging/contests',
    action: 'contest.judge',
    write: false,
    unscoped: true,
    callerOnly: true,
    request: async () => ({ method: 'GET', url: '/api/judging/contests' }),
  },
  {
    route: 'GET /api/judging/sheets/:id',
    ...judgeOnly,
    write: false,
    request: async (f) => ({ method: 'GET', url: `/api/judging/sheets/${(await contestAt(f, 'assigned')).assignmentId}` }),
  },
  {
    route: 'PUT /api/judging/sheets/:id',
    ...judgeOnly,
    request: async (f) => ({
      method: 'PUT',
      url: `/api/judging/sheets/${(await contestAt(f, 'assigned')).assignmentId}`,
      payload: { scores: {} },
    }),
  },
  {
    route: 'POST /api/judging/sheets/:id/submit',
    ...judgeOnly,
    request: async (f) => ({ method: 'POST', url: `/api/judging/sheets/${(await contestAt(f, 'assigned')).assignmentId}/submit` }),
  },
  {
    route: 'POST /api/judging/sheets/:id/amendments',
    ...judgeOnly,
    request: async (f) => ({
      method: 'POST',
      url: `/api/judging/sheets/${(await contestAt(f, 'judging')).assignmentId}/amendments`,
      payload: { criterionId: 1, score: 1, reason: '更正分数' },
    }),
  },
  {
    route: 'GET /api/judging/contests/:id/ties',
    ...judgeOnly,
    write: false,
    request: async (f) => ({ method: 'GET', url: `/api/judging/contests/${(await contestAt(f, 'judging')).id}/ties` }),
  },
  {
    route: 'POST /api/judging/contests/:id/chief-decisions',
    ...judgeOnly,
    request: async (f) => {
      const b = await contestAt(f, 'judging');
      return { method: 'POST', url: `/api/judging/contests/${b.id}/chief-decisions`, payload: { context: 'overall', order: ['1', '2'] } };
    },
  },
];

export const authz: ModuleAuthz = { cases };
