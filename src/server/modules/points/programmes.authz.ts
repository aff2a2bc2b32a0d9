import { sql } from 'kysely';
import { buildMember } from '../../testing/harness.js';
import type { AuthzFixtures, ModuleAuthz } from '../../testing/authz.js';

/** A funded programme of the street T (manual awards and volunteer hours), made by the admin. */
async function programmeOnStreet(f: AuthzFixtures): Promise<{ id: number }> {
  const p = await f.asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/points/programmes',
    payload: {
      orgId: f.tree.dcStreet.id,
      name: `矩阵积分项目${f.unique()}`,
      earnRules: { volunteerHour: 10, manual: true },
      expiryRule: 'end_of_next_year',
    },
  });
  await f.asAdmin({ method: 'POST', url: `/api/points/programmes/${p.id}/fund`, payload: { key: `fund:${f.unique()}`, amount: 100000 } });
  return p;
}

const members = new WeakMap<AuthzFixtures, Promise<{ id: number }>>();
/** One member of the union U inside T, made once per run. */
function memberOnStreet(f: AuthzFixtures): Promise<{ id: number }> {
  let member = members.get(f);
  if (!member) {
    member = buildMember(f.ctx, f.tree.dcUnion.id);
    members.set(f, member);
  }
  return member;
}

async function awardIn(f: AuthzFixtures, programmeId: number): Promise<{ transfer: { id: number } }> {
  const m = await memberOnStreet(f);
  return f.asAdmin({
    method: 'POST',
    url: `/api/points/programmes/${programmeId}/awards`,
    payload: { source: 'manual', key: `a:${f.unique()}`, memberId: m.id, points: 5, reason: '志愿服务' },
  });
}

const csv = (rows: string[]) => Buffer.from(`${rows.join('\n')}\n`, 'utf8');

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'POST /api/points/programmes',
      action: 'points.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async (f) => ({
        method: 'POST',
        url: '/api/points/programmes',
        payload: { orgId: f.tree.dcStreet.id, name: `积分${f.unique()}`, earnRules: { manual: true }, expiryRule: 'never' },
      }),
    },
    {
      route: 'GET /api/points/programmes',
      action: 'points.read',
      visibleWith: 'points.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/points/programmes?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'GET /api/points/programmes/:id',
      action: 'points.read',
      visibleWith: 'points.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/points/programmes/${(await programmeOnStreet(f)).id}` }),
    },
    {
      route: 'PATCH /api/points/programmes/:id',
      action: 'points.write',
      visibleWith: 'points.read',
      write: true,
      request: async (f) => ({
        method: 'PATCH',
        url: `/api/points/programmes/${(await programmeOnStreet(f)).id}`,
        payload: { name: `改名${f.unique()}`, earnRules: { manual: true }, expiryRule: 'months', expiryMonths: 12, status: 'active' },
      }),
    },
    {
      route: 'GET /api/points/figures',
      action: 'points.read',
      visibleWith: 'points.read',
      write: false,
      request: async ({ tree }) => ({ method: 'GET', url: `/api/points/figures?orgId=${tree.dcStreet.id}` }),
    },
    {
      route: 'POST /api/points/programmes/:id/fund',
      action: 'points.write',
      visibleWith: 'points.read',
      write: true,
      request: async (f) => ({
        method: 'POST',
        url: `/api/points/programmes/${(await programmeOnStreet(f)).id}/fund`,
        payload: { key: `fund:${f.unique()}`, amount: 500 },
      }),
    },
    {
      route: 'POST /api/points/programmes/:id/awards',
      action: 'points.write',
      visibleWith: 'points.read',
      write: true,
      request: async (f) => ({
        method: 'POST',
        url: `/api/points/programmes/${(await programmeOnStreet(f)).id}/awards`,
        payload: {
          source: 'volunteer_hours',
          key: `a:${f.unique()}`,
          memberId: (await memberOnStreet(f)).id,
          hours: 2,
          reason: '社区志愿服务',
        },
      }),
    },
    {
      route: 'POST /api/points/programmes/:id/awards/bulk',
      action: 'points.write',
      visibleWith: 'points.read',
      write: true,
      ok: 202,
      request: async (f) => ({
        method: 'POST',
        url: `/api/points/programmes/${(await programmeOnStreet(f)).id}/awards/bulk`,
        payload: { batchKey: `b${f.unique()}`, rows: [{ memberId: (await memberOnStreet(f)).id, points: 3, reason: '批量' }] },
      }),
    },
    {
      route: 'POST /api/points/programmes/:id/awards/file',
      action: 'points.write',
      visibleWith: 'points.read',
      write: true,
      ok: 202,
      request: async (f) => {
        const p = await programmeOnStreet(f);
        const boundary = '----matrix';
        const body = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="awards.csv"\r\nContent-Type: text/csv\r\n\r\n`,
          ),
          csv(['姓名,证件号码,积分,事由', '无此人,110101199001011234,5,测试']),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        return {
          method: 'POST',
          url: `/api/points/programmes/${p.id}/awards/file?batchKey=f${f.unique()}`,
          payload: body,
          contentType: `multipart/form-data; boundary=${boundary}`,
        };
      },
    },
    ...(['', '/rows', '/file'] as const).map((tail) => ({
      route: `GET /api/points/programmes/:id/award-jobs/:jobId${tail}`,
      action: 'points.read' as const,
      visibleWith: 'points.read' as const,
      write: false,
      request: async (f: AuthzFixtures) => {
        const p = await programmeOnStreet(f);
        const job = await f.asAdmin<{ id: number }>({
          method: 'POST',
          url: `/api/points/programmes/${p.id}/awards/bulk`,
          payload: { batchKey: `j${f.unique()}`, rows: [{ memberId: (await memberOnStreet(f)).id, points: 3, reason: '批量' }] },
        });
        return { method: 'GET' as const, url: `/api/points/programmes/${p.id}/award-jobs/${job.id}${tail}` };
      },
    })),
    {
      // A job that failed (marked so once it finished: the runner is not to be raced) is queued again by a writer.
      route: 'POST /api/points/programmes/:id/award-jobs/:jobId/retry',
      action: 'points.write',
      visibleWith: 'points.read',
      write: true,
      ok: 202,
      request: async (f: AuthzFixtures) => {
        const p = await programmeOnStreet(f);
        const job = await f.asAdmin<{ id: number }>({
          method: 'POST',
          url: `/api/points/programmes/${p.id}/awards/bulk`,
          payload: { batchKey: `r${f.unique()}`, rows: [{ memberId: (await memberOnStreet(f)).id, points: 1, reason: '批量' }] },
        });
        const url = `/api/points/programmes/${p.id}/award-jobs/${job.id}`;
        for (let tries = 0; (await f.asAdmin<{ status: string }>({ method: 'GET', url })).status !== 'done'; tries += 1) {
          if (tries > 200) throw new Error('the bulk award job did not finish');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await sql`UPDATE points_award_job SET status = 'failed', error = '测试' WHERE id = ${job.id}`.execute(f.ctx.database.db);
        return { method: 'POST' as const, url: `${url}/retry` };
      },
    },
    {
      route: 'POST /api/points/programmes/:id/reversals',
      action: 'points.write',
      visibleWith: 'points.read',
      write: true,
      request: async (f) => {
        const p = await programmeOnStreet(f);
        const a = await awardIn(f, p.id);
        return {
          method: 'POST',
          url: `/api/points/programmes/${p.id}/reversals`,
          payload: { transferId: a.transfer.id, mode: 'refuse', reason: '录错' },
        };
      },
    },
    {
      route: 'GET /api/points/programmes/:id/transfers',
      action: 'points.read',
      visibleWith: 'points.read',
      write: false,
      request: async (f) => ({ method: 'GET', url: `/api/points/programmes/${(await programmeOnStreet(f)).id}/transfers` }),
    },
    {
      route: 'GET /api/points/programmes/:id/ranking',
      action: 'points.read',
      visibleWith: 'points.read',
      write: false,
      request: async (f) => ({
        method: 'GET',
        url: `/api/points/programmes/${(await programmeOnStreet(f)).id}/ranking?from=2026-01-01&to=2026-12-31`,
      }),
    },
  ],
};
