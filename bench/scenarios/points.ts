/**
 * Points (积分, issue #12) on a fresh store: a bulk award to 10,000 members of one district through the bulk award
 * service (the code behind POST /api/points/programmes/:id/awards/bulk: scope, member check, caps under the account
 * locks, idempotent keys, the ledger's entries and lots, audit), beside the database's floor for the same writes in the
 * same run: an `INSERT … SELECT` of as many rows into bare tables shaped like points_transfer and points_entry (one
 * transfer and two entries per award, no index, no constraint but NOT NULL), in one transaction.
 *
 * ── Redemptions through HTTP at 50 connections ─────────────────────────────────────────────────────────────────
 * Then, on the same store with the awarded balances: a merchant at 东华门街道 designated for the programme, its
 * cashier signed in (first password changed, as at the counter), and a FIXED NUMBER of charges (default 5,000;
 * BENCH_POINTS_REDEMPTIONS) of 午餐套餐 (15 分) fired at POST /api/points/redemptions from 50 connections, each with
 * the next unused spending code (a QR token minted just before through mintSpendCode, the code behind
 * POST /api/portal/points/code: one code per member, members with 20 分 or more) and its own Idempotency-Key. A code
 * lives 120 s, so the codes of each phase are minted right before it and a run, not a duration, is fixed — cut to
 * what the warm-up's pace answers in 90 s when that is fewer (PGlite), so that no charge outlives its code. The load
 * generator is autocannon in a child process as in http.ts (programmatic, bench/lib/load-list.ts, because every
 * request needs its own body); the baseline is the bare primary-key route of http.ts (a Fastify instance whose one
 * route selects an org_unit row) on the same database, the same number of requests at 50 connections, run before
 * and after, the better of the two kept. Afterwards the books must hold (checkBooks) and the spends booked must
 * equal the 201s that were not replays, one per code.
 */
import { sql } from 'kysely';
import { figure, freshStore, say, type Engine, type Figure, type Section } from '../lib/context.js';
import { actorOn } from '../lib/actors.js';
import setupUnion from '../setup-union.js';
import { regionOfPath } from '../../src/server/auth/tree.js';
import { createProgramme, fundProgramme } from '../../src/server/modules/points/programmes.service.js';
import { awardBatchOfBulk, itemsOfList } from '../../src/server/modules/points/awards.service.js';
import { getAwardJob, runAwardJob, startAwardJob } from '../../src/server/modules/points/awards.jobs.js';
import { findProgrammeById } from '../../src/server/modules/points/programmes.repo.js';
import { checkBooks } from '../../src/server/modules/points/points.invariants.js';
import { benchRedemptions } from './points-redemptions.js';

/** Charges measured through HTTP (BENCH_POINTS_REDEMPTIONS, default 5,000) and sent before them to warm up (a tenth). */
const REDEMPTIONS = Number(process.env.BENCH_POINTS_REDEMPTIONS ?? 5_000);

export async function benchPoints(engine: Engine, members = 10_000): Promise<Section> {
  if (!Number.isInteger(REDEMPTIONS) || REDEMPTIONS < 50) throw new Error('BENCH_POINTS_REDEMPTIONS must be a whole number ≥ 50');
  const store = await freshStore(engine, 'points');
  try {
    const unionId = await setupUnion(store.env);
    const database = await store.open();
    try {
      const { db } = database;
      const union = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', unionId).executeTakeFirstOrThrow();
      const districtId = Number(union.path.split('.')[1]);
      const district = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', districtId).executeTakeFirstOrThrow();
      say(`points: ${members.toLocaleString('en')} members in ${district.path}`);
      await sql`
        INSERT INTO member (region_id, name, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date, status,
          org_id, org_path, join_date, employment_form)
        SELECT ${regionOfPath(union.path)}, '会员' || g, 'bench', 'bench-points-' || g, '110101********' || lpad((g % 10000)::text, 4, '0'),
          CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END, DATE '1990-01-01', 'member', ${union.id}, ${union.path}::ltree,
          DATE '2024-01-01', 'delivery_rider'
        FROM generate_series(1, ${members}) g`.execute(db);
      const { rows: ids } = await sql<{ id: number }>`SELECT id FROM member WHERE org_id = ${union.id} ORDER BY id`.execute(db);
      const actor = actorOn(district, 'union_cadre');
      const programme = await createProgramme(db, actor, {
        orgId: district.id,
        name: '党心e家',
        description: '',
        earnRules: { manual: true, volunteerHour: 10 },
        capDay: 200,
        capMonth: 1000,
        capYear: null,
        expiryRule: 'end_of_next_year',
        expiryMonths: null,
      });
      await fundProgramme(db, actor, programme.id, { key: 'bench:fund', amount: members * 100 });
      const rows = ids.map((m, i) => ({ memberId: m.id, points: 10 + (i % 5) * 10, reason: '志愿服务 2 小时' }));

      say('points: bulk award');
      // The bulk service as the route runs it: the job started (rows stored), then run to its end in the background.
      const bulk = async (batchKey: string) => {
        const items = itemsOfList({ batchKey, rows });
        const start = await startAwardJob(db, actor, programme.id, { batchKey, source: 'list', items, locale: 'zh-CN' });
        await runAwardJob(db, start.region, start.job.id);
        return getAwardJob(db, actor, programme.id, start.job.id);
      };
      let started = performance.now();
      const first = await bulk('bench-2026');
      const awardSeconds = (performance.now() - started) / 1000;
      // The same list under another batch number: every row's key (award:<batch>:<row>) is new again, so to replay
      // the rows the second run re-runs the same job's rows through the ledger directly (a re-sent batch number
      // answers the finished job without re-running it).
      started = performance.now();
      const again = await db.transaction().execute(async (tx) => {
        const p = (await findProgrammeById(tx, programme.id))!;
        const out = [];
        for (let i = 0; i < rows.length; i += 500)
          out.push(
            ...(await awardBatchOfBulk(
              tx,
              p,
              'bench-2026',
              itemsOfList({ batchKey: 'bench-2026', rows }).slice(i, i + 500),
              actor,
              'zh-CN',
              new Date(),
            )),
          );
        return { replayed: out.filter((r) => r.outcome === 'replayed').length };
      });
      const replaySeconds = (performance.now() - started) / 1000;
      if (first.awarded !== members || again.replayed !== members) throw new Error(`bulk award: ${JSON.stringify({ first, again })}`);
      const findings = await checkBooks(db);
      if (findings.length > 0) throw new Error(`books broken after the bulk award: ${JSON.stringify(findings.slice(0, 3))}`);

      say('points: the floor, INSERT … SELECT into bare tables');
      await sql`CREATE TABLE bench_transfer (LIKE points_transfer)`.execute(db);
      await sql`CREATE TABLE bench_entry (LIKE points_entry)`.execute(db);
      started = performance.now();
      await db.transaction().execute(async (tx) => {
        await sql`
          INSERT INTO bench_transfer (region_id, id, transfer_key, request_hash, programme_id, kind, op, debit_account_id,
            credit_account_id, amount, source, source_ref, reason, member_id, actor_user_id, created_at)
          SELECT 1, g, 'award:floor:' || g, md5(g::text), 1, 'award', 'single', 1, g + 1, 10, 'manual', 'bulk:floor',
            '志愿服务 2 小时', g, 1, now()
          FROM generate_series(1, ${members}) g`.execute(tx);
        await sql`
          INSERT INTO bench_entry (region_id, id, transfer_id, account_id, delta, balance_after, account_version, created_at)
          SELECT 1, g, (g + 1) / 2, CASE WHEN g % 2 = 1 THEN 1 ELSE g END, CASE WHEN g % 2 = 1 THEN -10 ELSE 10 END, 10, g, now()
          FROM generate_series(1, ${2 * members}) g`.execute(tx);
      });
      const floorSeconds = (performance.now() - started) / 1000;

      const figures: Figure[] = [
        figure(
          `awards in bulk (${members.toLocaleString('en')} members)`,
          members / awardSeconds,
          'awards/s',
          { name: 'INSERT … SELECT floor', value: members / floorSeconds },
          'higher',
        ),
        figure(
          'the same list re-sent (all replayed)',
          members / replaySeconds,
          'rows/s',
          { name: 'INSERT … SELECT floor', value: members / floorSeconds },
          'higher',
        ),
      ];

      say('points: redemptions through HTTP');
      const street = Number(union.path.split('.')[2]);
      const redemptions = await benchRedemptions(database, store.config, {
        requests: REDEMPTIONS,
        warmup: Math.max(50, Math.round(REDEMPTIONS / 10)),
        connections: 50,
        programmeId: programme.id,
        merchantOrgId: street,
        members: ids.map((m, i) => ({ id: m.id, regionId: regionOfPath(union.path), points: rows[i]!.points })),
      });
      figures.push(...redemptions.figures);
      return {
        id: 'points',
        title: `Points: a bulk award to ${members.toLocaleString('en')} members of one district; up to ${REDEMPTIONS.toLocaleString('en')} redemptions through HTTP`,
        figures,
        details: {
          members,
          awardSeconds: +awardSeconds.toFixed(2),
          replaySeconds: +replaySeconds.toFixed(2),
          floorSeconds: +floorSeconds.toFixed(3),
          points: first.points,
          ...redemptions.details,
        },
      };
    } finally {
      await database.close();
    }
  } finally {
    await store.drop();
  }
}
