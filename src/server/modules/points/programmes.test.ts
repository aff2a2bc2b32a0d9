import { sql } from 'kysely';
import type { Actor } from '../../auth/scope.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, makeIdNumber, type TestContext } from '../../testing/harness.js';
import type {
  AwardJobRows,
  AwardResult,
  BulkAwardJob,
  ProgrammeDetail,
  ProgrammeFigures,
  RankingRow,
  ReversalResult,
} from '../../../common/points.programmes.js';
import { awardExpiresAt } from '../../../common/points.programmes.js';
import { accountFor, transfer } from './points.ledger.js';
import { runPointsJobs } from './points.jobs.js';
import { awardForActivity } from './awards.service.js';
import { resumeAwardJobs, startAwardJob } from './awards.jobs.js';

let ctx: TestContext;
/** The root's admin as a service sees it (user 1, federation_admin on the city). */
const rootAdmin: Actor = {
  userId: 1,
  username: 'admin',
  displayName: 'admin',
  ip: '127.0.0.1',
  grants: [{ id: 1, orgId: 1, orgPath: '1', orgName: '北京市总工会', orgKind: 'city_federation', role: 'federation_admin' }],
};
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
}, 120_000);
afterAll(async () => ctx?.close());

let serial = 0;
const key = (prefix: string) => `${prefix}:${process.pid}:${++serial}`;

async function createProgramme(overrides: Record<string, unknown> = {}): Promise<ProgrammeDetail> {
  const r = await ctx.call('POST', '/api/points/programmes', {
    orgId: tree.dongcheng.id,
    name: '党心e家',
    description: '志愿服务积分，可在美食广场定点商户兑换午餐',
    earnRules: { volunteerHour: 10, eventAttendance: 5, training: 5, manual: true },
    capDay: 50,
    capMonth: 200,
    expiryRule: 'end_of_next_year',
    ...overrides,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<ProgrammeDetail>();
}

const fund = (id: number, amount: number, k = key('fund')) => ctx.call('POST', `/api/points/programmes/${id}/fund`, { key: k, amount });
const manual = (id: number, memberId: number, points: number, k = key('award')) =>
  ctx.call('POST', `/api/points/programmes/${id}/awards`, { source: 'manual', key: k, memberId, points, reason: '社区志愿服务' });
/** Waits for a bulk award job (202) to end; answers it with its result rows. */
async function finished(programmeId: number, started: { statusCode: number; body: string; json<T>(): T }) {
  expect(started.statusCode, started.body).toBe(202);
  let job = started.json<BulkAwardJob>();
  for (let i = 0; i < 600 && (job.status === 'queued' || job.status === 'running'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = (await ctx.call('GET', `/api/points/programmes/${programmeId}/award-jobs/${job.id}`)).json<BulkAwardJob>();
  }
  const rows = (await ctx.call('GET', `/api/points/programmes/${programmeId}/award-jobs/${job.id}/rows?limit=500`)).json<AwardJobRows>();
  return { ...job, rows: rows.items };
}
const figures = async (id: number) => (await ctx.call('GET', `/api/points/programmes/${id}`)).json<ProgrammeDetail>().figures;

describe('points programmes (积分项目)', () => {
  it('computes expiry at the Beijing instant', () => {
    expect(awardExpiresAt('end_of_next_year', null, new Date('2026-07-01T02:00:00Z'))).toBe('2027-12-31T16:00:00.000Z');
    // 31 Dec 23:30 in Beijing is already the next year there.
    expect(awardExpiresAt('end_of_next_year', null, new Date('2026-12-31T16:30:00Z'))).toBe('2028-12-31T16:00:00.000Z');
    expect(awardExpiresAt('months', 1, new Date('2026-01-31T04:00:00Z'))).toBe('2026-02-28T16:00:00.000Z');
    expect(awardExpiresAt('never', null, new Date())).toBeNull();
  });

  it('creates a programme with its system accounts; another district’s cadre gets 404, a reader 403', async () => {
    const p = await createProgramme();
    expect(p).toMatchObject({ name: '党心e家', status: 'active', canWrite: true, figures: { funded: 0, issued: 0, liability: 0 } });
    const { rows } = await ctx.database.db
      .selectFrom('points_account')
      .select('kind')
      .where('programme_id', '=', p.id)
      .execute()
      .then((r) => ({ rows: r.map((a) => a.kind).sort() }));
    expect(rows).toEqual(['budget', 'clawback', 'expiry', 'issuance', 'settled']);
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/points/programmes/${p.id}`, undefined, xicheng.cookie)).statusCode).toBe(404);
    expect((await fund(p.id, 10)).statusCode).toBe(200);
    const foreignFund = await ctx.call('POST', `/api/points/programmes/${p.id}/fund`, { key: key('f'), amount: 10 }, xicheng.cookie);
    expect(foreignFund.statusCode).toBe(404);
    const reader = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    expect((await ctx.call('POST', `/api/points/programmes/${p.id}/fund`, { key: key('f'), amount: 10 }, reader.cookie)).statusCode).toBe(
      403,
    );
    const list = (await ctx.call('GET', `/api/points/programmes?orgId=${tree.xicheng.id}`, undefined, xicheng.cookie)).json<{
      items: unknown[];
    }>();
    expect(list.items).toHaveLength(0);
    const refused = await ctx.call(
      'POST',
      '/api/points/programmes',
      { orgId: tree.dongcheng.id, name: 'x', earnRules: {}, expiryRule: 'never' },
      xicheng.cookie,
    );
    expect(refused.statusCode).toBe(404);
  });

  it('funds once per key, awards, refuses over a cap with what is left, replays a key and refuses it with other fields', async () => {
    const p = await createProgramme({ capDay: 30, capMonth: null });
    const k = key('fund');
    const first = (await fund(p.id, 1000, k)).json<{ transfer: { id: number }; replayed: boolean }>();
    const again = (await fund(p.id, 1000, k)).json<{ transfer: { id: number }; replayed: boolean }>();
    expect(again).toMatchObject({ replayed: true, transfer: { id: first.transfer.id } });
    expect((await figures(p.id)).budgetLeft).toBe(1000);

    const m = await buildMember(ctx, tree.dcUnion.id);
    const hours = await ctx.call('POST', `/api/points/programmes/${p.id}/awards`, {
      source: 'volunteer_hours',
      key: key('vh'),
      memberId: m.id,
      hours: 2,
      reason: '社区核酸检测点志愿服务',
    });
    expect(hours.statusCode, hours.body).toBe(200);
    expect(hours.json<AwardResult>()).toMatchObject({
      transfer: { amount: 20, kind: 'award', source: 'volunteer_hours' },
      replayed: false,
    });

    const over = await manual(p.id, m.id, 15);
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'PROGRAMME_CAP_DAY' });
    expect(over.json<{ message: string }>().message).toContain('还可获得 10 分');

    const k2 = key('award');
    const a = (await manual(p.id, m.id, 10, k2)).json<AwardResult>();
    const replay = (await manual(p.id, m.id, 10, k2)).json<AwardResult>();
    expect(replay).toMatchObject({ replayed: true, transfer: { id: a.transfer.id } });
    const other = await manual(p.id, m.id, 9, k2);
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'POINTS_KEY_REUSED' });
    const count = await ctx.database.db
      .selectFrom('points_transfer')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('transfer_key', '=', k2)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect(await figures(p.id)).toMatchObject({ funded: 1000, issued: 30, liability: 30, budgetLeft: 970, membersHolding: 1 });

    // A member of another district is not a member of this programme.
    const west = await buildMember(ctx, tree.xcUnion.id);
    expect((await manual(p.id, west.id, 1)).json()).toMatchObject({ code: 'PROGRAMME_MEMBER_OUTSIDE' });
  });

  it('a bulk award sent twice awards nobody twice, and answers per row', async () => {
    const p = await createProgramme({ capDay: null, capMonth: null });
    await fund(p.id, 100000);
    const members = await Promise.all([0, 1, 2].map(() => buildMember(ctx, tree.dcBranch.id)));
    const west = await buildMember(ctx, tree.xcUnion.id);
    const rows = [
      ...members.map((m) => ({ memberId: m.id, points: 8, reason: '夏季志愿服务' })),
      { memberId: west.id, points: 8, reason: '越界' },
    ];
    const first = await finished(
      p.id,
      await ctx.call('POST', `/api/points/programmes/${p.id}/awards/bulk`, { batchKey: 'summer-2026', rows }),
    );
    expect(first).toMatchObject({ status: 'done', totalRows: 4, rowsDone: 4, awarded: 3, replayed: 0, refused: 1, points: 24 });
    expect(first.rows[3]).toMatchObject({ row: 4, outcome: 'refused', code: 'PROGRAMME_MEMBER_OUTSIDE' });
    // The same batch number again answers the same job; nobody is awarded twice.
    const second = await finished(
      p.id,
      await ctx.call('POST', `/api/points/programmes/${p.id}/awards/bulk`, { batchKey: 'summer-2026', rows }),
    );
    expect(second).toMatchObject({ id: first.id, awarded: 3, refused: 1 });
    expect((await figures(p.id)).issued).toBe(24);
    // … and with other rows it is refused.
    const other = await ctx.call('POST', `/api/points/programmes/${p.id}/awards/bulk`, { batchKey: 'summer-2026', rows: rows.slice(1) });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'PROGRAMME_BATCH_KEY_REUSED' });
    // The results as a file.
    const file = await ctx.call('GET', `/api/points/programmes/${p.id}/award-jobs/${first.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    // A job a crash left queued is resumed (the server calls this when it listens).
    const started = await startAwardJob(ctx.database.db, rootAdmin, p.id, {
      batchKey: 'resume-1',
      source: 'list',
      items: rows.slice(0, 3).map((r, i) => ({ row: i + 1, name: null, points: 2, reason: r.reason, memberId: r.memberId, refusal: null })),
      locale: 'zh-CN',
    });
    expect(await resumeAwardJobs(ctx.database.db)).toBeGreaterThanOrEqual(1);
    expect((await ctx.call('GET', `/api/points/programmes/${p.id}/award-jobs/${started.job.id}`)).json()).toMatchObject({
      status: 'done',
      awarded: 3,
    });
    expect((await figures(p.id)).issued).toBe(30);

    // The same from a file: members found by ID number and name.
    const named = await buildMember(ctx, tree.dcUnion.id, { name: '王骑手', idNumber: makeIdNumber() });
    const csv = `姓名,证件号码,积分,事由\n王骑手,${named.idNumber},12,送餐途中救助老人\n李不在,${makeIdNumber()},5,无此人\n王骑手,${named.idNumber},abc,坏数\n`;
    const upload = async () => {
      const boundary = '----points';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="awards.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        Buffer.from(csv, 'utf8'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return ctx.app.inject({
        method: 'POST',
        url: `/api/points/programmes/${p.id}/awards/file?batchKey=file-1`,
        payload,
        headers: { cookie: ctx.adminCookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const fromFile = await finished(p.id, await upload());
    expect(fromFile).toMatchObject({ source: 'file', awarded: 1, refused: 2 });
    expect(JSON.stringify(fromFile)).not.toContain(named.idNumber);
    const stored = await sql<{ items: unknown }>`SELECT items FROM points_award_job WHERE id = ${fromFile.id}`.execute(ctx.database.db);
    expect(JSON.stringify(stored.rows)).not.toContain(named.idNumber);
    expect(await finished(p.id, await upload())).toMatchObject({ id: fromFile.id, awarded: 1, refused: 2 });
  });

  it('reverses an unspent award once; refuses or claws back one partly spent, saying which', async () => {
    const p = await createProgramme({ capDay: null, capMonth: null });
    await fund(p.id, 1000);
    const m = await buildMember(ctx, tree.dcUnion.id);
    const a = (await manual(p.id, m.id, 40)).json<AwardResult>();
    const reversal = await ctx.call('POST', `/api/points/programmes/${p.id}/reversals`, {
      transferId: a.transfer.id,
      mode: 'refuse',
      reason: '录错会员',
    });
    expect(reversal.statusCode, reversal.body).toBe(200);
    expect(reversal.json<ReversalResult>()).toMatchObject({ outcome: 'reversed', alreadySpent: 0 });
    const twice = await ctx.call('POST', `/api/points/programmes/${p.id}/reversals`, {
      transferId: a.transfer.id,
      mode: 'clawback',
      reason: '再来一次',
    });
    expect([200, 409]).toContain(twice.statusCode);
    const reversals = await ctx.database.db.selectFrom('points_transfer').select('id').where('reversal_of', '=', a.transfer.id).execute();
    expect(reversals).toHaveLength(1);

    // 30 of 50 spent at a merchant (booked straight in the ledger: merchants are another module's).
    const b = (await manual(p.id, m.id, 50)).json<AwardResult>();
    const merchant = await ctx.database.db
      .insertInto('points_merchant')
      .values({ org_id: tree.dongcheng.id, org_path: `1.${tree.dongcheng.id}`, name: '新世界美食广场' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const book = { region: tree.dongcheng.id, programmeId: p.id };
    await ctx.database.db.transaction().execute(async (tx) => {
      const from = await accountFor(tx, book, { kind: 'member', memberId: m.id });
      const to = await accountFor(tx, book, { kind: 'merchant', merchantId: merchant.id });
      await transfer(tx, {
        key: key('spend'),
        book,
        kind: 'spend',
        debitAccountId: from,
        creditAccountId: to,
        amount: 30,
        memberId: m.id,
        merchantId: merchant.id,
      });
    });
    const refused = await ctx.call('POST', `/api/points/programmes/${p.id}/reversals`, {
      transferId: b.transfer.id,
      mode: 'refuse',
      reason: '录错',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'POINTS_ALREADY_SPENT' });
    const clawed = await ctx.call('POST', `/api/points/programmes/${p.id}/reversals`, {
      transferId: b.transfer.id,
      mode: 'clawback',
      reason: '录错',
    });
    expect(clawed.statusCode, clawed.body).toBe(200);
    expect(clawed.json<ReversalResult>()).toMatchObject({ outcome: 'clawedBack', alreadySpent: 30 });
    const f = await figures(p.id);
    expect(f).toMatchObject({ issued: 0, spent: 30, owed: 30, liability: 0 });
    expect(f.issued - f.spent - f.expired + f.owed).toBe(f.liability);
  });

  it('expires at the Beijing instant, once; the figures add up', async () => {
    const p = await createProgramme({ capDay: null, capMonth: null });
    await fund(p.id, 5000);
    const m = await buildMember(ctx, tree.dcUnion.id);
    const at = new Date('2026-07-01T02:00:00Z');
    const r = await ctx.database.db
      .transaction()
      .execute((tx) =>
        awardForActivity(tx, { programmeId: p.id, memberId: m.id, source: 'event', sourceRef: 'event:1', key: key('event'), units: 4 }, at),
      );
    expect(r).toMatchObject({ amount: 20, expiresAt: '2027-12-31T16:00:00.000Z', replayed: false });
    // Awarded in 2027 (Beijing): expires at the end of 2028.
    const later = await ctx.database.db
      .transaction()
      .execute((tx) =>
        awardForActivity(
          tx,
          { programmeId: p.id, memberId: m.id, source: 'training', sourceRef: 'training:1', key: key('training'), units: 1 },
          new Date('2027-03-01T02:00:00Z'),
        ),
      );
    expect(later.expiresAt).toBe('2028-12-31T16:00:00.000Z');
    expect(await runPointsJobs(ctx.database.db, new Date('2027-12-31T15:59:59Z'))).toMatchObject({ lots: 0 });
    const run = await runPointsJobs(ctx.database.db, new Date('2027-12-31T16:00:00Z'));
    expect(run.lots).toBeGreaterThanOrEqual(1);
    const before = await figures(p.id);
    expect(before.expired).toBe(20);
    await runPointsJobs(ctx.database.db, new Date('2027-12-31T16:00:01Z'));
    const after = await figures(p.id);
    expect(after).toEqual(before);
    expect(after.issued - after.spent - after.expired + after.owed).toBe(after.liability);
    expect(after).toMatchObject({ issued: 25, liability: 5 });

    const ranking = (await ctx.call('GET', `/api/points/programmes/${p.id}/ranking?from=2026-01-01&to=2027-12-31`)).json<{
      items: RankingRow[];
    }>();
    expect(ranking.items[0]).toMatchObject({ memberId: m.id, earned: 25 });
    const subtree = (await ctx.call('GET', `/api/points/figures?orgId=${tree.dongcheng.id}`)).json<ProgrammeFigures>();
    expect(subtree.programmes).toBeGreaterThanOrEqual(4);
    expect(subtree.issued - subtree.spent - subtree.expired + subtree.owed).toBe(subtree.liability);
    const list = (await ctx.call('GET', `/api/points/programmes/${p.id}/transfers?kind=award`)).json<{
      items: { kind: string }[];
      total: { count: number };
    }>();
    expect(list.total.count).toBe(2);
    expect(list.items.every((t) => t.kind === 'award')).toBe(true);
  });
});
