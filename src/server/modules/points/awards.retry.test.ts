import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/errors.js';
import { PROGRAMME_LIMITS, type BulkAwardJob, type ProgrammeDetail } from '../../../common/points.programmes.js';
import type { Actor } from '../../auth/scope.js';
import { actorWith, buildMember, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import { itemsOfList } from './awards.service.js';
import { runAwardJob, startAwardJob } from './awards.jobs.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 120_000);
afterAll(async () => ctx?.close());

/** The root's admin as a service sees it (user 1, federation_admin on the city). */
const rootAdmin: Actor = {
  userId: 1,
  username: 'admin',
  displayName: 'admin',
  ip: '127.0.0.1',
  grants: [{ id: 1, orgId: 1, orgPath: '1', orgName: '北京市总工会', orgKind: 'city_federation', role: 'federation_admin' }],
};

describe('retrying an interrupted bulk award', () => {
  it('carries on after the last committed batch and books no row twice', async () => {
    const tree = await buildTree(ctx);
    const members = await Promise.all([0, 1, 2].map(() => buildMember(ctx, tree.dcUnion.id)));
    const p = (
      await ctx.call('POST', '/api/points/programmes', {
        orgId: tree.dongcheng.id,
        name: '夏季志愿服务',
        earnRules: { manual: true },
        expiryRule: 'never',
      })
    ).json<ProgrammeDetail>();
    expect((await ctx.call('POST', `/api/points/programmes/${p.id}/fund`, { key: 'fund:retry', amount: 100_000 })).statusCode).toBe(200);
    // Two batches and a half: the job dies in the second.
    const count = PROGRAMME_LIMITS.bulkBatchRows * 2 + 7;
    const rows = Array.from({ length: count }, (_, i) => ({
      memberId: members[i % 3]!.id,
      points: 1 + (i % 3),
      reason: '夏送清凉志愿服务',
    }));
    const total = rows.reduce((n, r) => n + r.points, 0);
    const { job, region } = await startAwardJob(ctx.database.db, rootAdmin, p.id, {
      batchKey: 'summer-2026',
      source: 'list',
      items: itemsOfList({ batchKey: 'summer-2026', rows }),
      locale: 'zh-CN',
    });
    let batches = 0;
    const dyingInBatchTwo = () => {
      if (++batches === 2) throw new AppError('PROGRAMME_CLOSED');
      return new Date();
    };
    await expect(runAwardJob(ctx.database.db, region, job.id, dyingInBatchTwo)).rejects.toThrow();
    const failed = (await ctx.call('GET', `/api/points/programmes/${p.id}/award-jobs/${job.id}`)).json<BulkAwardJob>();
    expect(failed).toMatchObject({ status: 'failed', rowsDone: PROGRAMME_LIMITS.bulkBatchRows, error: 'PROGRAMME_CLOSED' });

    // A cadre of another district cannot retry it; a job that did not fail cannot be retried.
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const foreign = await ctx.call('POST', `/api/points/programmes/${p.id}/award-jobs/${job.id}/retry`, undefined, xicheng.cookie);
    expect(foreign.statusCode).toBe(404);

    const retried = await ctx.call('POST', `/api/points/programmes/${p.id}/award-jobs/${job.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(202);
    let after = retried.json<BulkAwardJob>();
    expect(after).toMatchObject({ status: 'queued', rowsDone: PROGRAMME_LIMITS.bulkBatchRows, error: null });
    while (after.status === 'queued' || after.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = (await ctx.call('GET', `/api/points/programmes/${p.id}/award-jobs/${job.id}`)).json<BulkAwardJob>();
    }
    expect(after).toMatchObject({ status: 'done', rowsDone: count, awarded: count, replayed: 0, refused: 0, points: total });

    const again = await ctx.call('POST', `/api/points/programmes/${p.id}/award-jobs/${job.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'PROGRAMME_JOB_NOT_FAILED' });

    // Each row booked once: one award transfer per row key, and the books agree.
    const { rows: booked } = await sql<{ n: string; keys: string; points: string }>`
      SELECT count(*) AS n, count(DISTINCT transfer_key) AS keys, coalesce(sum(amount), 0) AS points FROM points_transfer
      WHERE programme_id = ${p.id} AND kind = 'award'`.execute(ctx.database.db);
    const b = booked[0]!;
    // Counts come back as numbers or strings depending on the engine.
    expect([Number(b.n), Number(b.keys), Number(b.points)]).toEqual([count, count, total]);
    const { rows: results } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM points_award_job_row WHERE job_id = ${job.id}`.execute(ctx.database.db);
    expect(Number(results[0]!.n)).toBe(count);
    const figures = (await ctx.call('GET', `/api/points/programmes/${p.id}`)).json<ProgrammeDetail>().figures;
    expect(figures).toMatchObject({ issued: total, liability: total, budgetLeft: 100_000 - total });
  }, 300_000);

  it('books a row a crashed runner already booked only once when the job is retried from before it', async () => {
    const tree = await buildTree(ctx);
    const m = await buildMember(ctx, tree.dcUnion.id);
    const p = (
      await ctx.call('POST', '/api/points/programmes', {
        orgId: tree.dongcheng.id,
        name: '重试',
        earnRules: { manual: true },
        expiryRule: 'never',
      })
    ).json<ProgrammeDetail>();
    await ctx.call('POST', `/api/points/programmes/${p.id}/fund`, { key: 'fund:replay', amount: 1000 });
    const rows = [1, 2, 3].map((points) => ({ memberId: m.id, points, reason: '志愿服务' }));
    const { job, region } = await startAwardJob(ctx.database.db, rootAdmin, p.id, {
      batchKey: 'crash',
      source: 'list',
      items: itemsOfList({ batchKey: 'crash', rows }),
      locale: 'zh-CN',
    });
    await runAwardJob(ctx.database.db, region, job.id);
    // As if progress had been lost after the awards were booked: the job failed with nothing recorded as done.
    await sql`DELETE FROM points_award_job_row WHERE region_id = ${region} AND job_id = ${job.id}`.execute(ctx.database.db);
    await sql`UPDATE points_award_job SET status = 'failed', rows_done = 0, awarded = 0, points = 0 WHERE region_id = ${region} AND id = ${job.id}`.execute(
      ctx.database.db,
    );
    expect((await ctx.call('POST', `/api/points/programmes/${p.id}/award-jobs/${job.id}/retry`)).statusCode).toBe(202);
    let after: BulkAwardJob;
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = (await ctx.call('GET', `/api/points/programmes/${p.id}/award-jobs/${job.id}`)).json<BulkAwardJob>();
    } while (after.status === 'queued' || after.status === 'running');
    expect(after).toMatchObject({ status: 'done', awarded: 0, replayed: 3 });
    expect((await ctx.call('GET', `/api/points/programmes/${p.id}`)).json<ProgrammeDetail>().figures).toMatchObject({
      issued: 6,
      liability: 6,
    });
  }, 300_000);
});
