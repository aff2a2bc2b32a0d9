/**
 * Coverage roll-up reads at demo scale, beside a primary-key look-up measured in the same run:
 *   npx tsx bench/coverage.ts [pglite|postgres]
 * Seeds the Beijing demo (scale 1) into a fresh database, then times the maintained roll-up read for the city,
 * 东城 and one street, and — for contrast — the same figures summed live over the subtree's employers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { seedDemo } from '../src/server/db/seed/demo.js';

const engine = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
const RUNS = 300;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 20; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return { p50: +percentile(samples, 50).toFixed(3), p95: +percentile(samples, 95).toFixed(3) };
}

async function open(): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-cov-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `gonghui_bench_cov_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await openDatabase({ dataDir: '', databaseUrl: url.toString() });
  return {
    database,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const { database, cleanup } = await open();
try {
  await migrate(database);
  const seeded = await seedDemo(database, { seed: 20260521, scale: 1 });
  const { db } = database;
  const street = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('parent_id', '=', 2)
    .where('kind', '=', 'street_federation')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const targets = { city: { id: 1, path: '1' }, district: { id: 2, path: '1.2' }, street: { id: street.id, path: street.path } };
  const rollup = (id: number) => () => db.selectFrom('org_coverage').selectAll().where('org_id', '=', id).executeTakeFirstOrThrow();
  const live = (p: string) => () =>
    sql`SELECT count(*) FILTER (WHERE union_org_id IS NOT NULL) AS covered, sum(headcount) AS staff FROM employer WHERE org_path <@ ${p}::ltree`.execute(
      db,
    );
  const baseline = await time(() => db.selectFrom('org_unit').select(['id', 'name']).where('id', '=', 2).executeTakeFirstOrThrow());
  const results: Record<string, unknown> = { engine, orgs: seeded.orgs, employers: seeded.employers, baselinePkMs: baseline };
  for (const [name, t] of Object.entries(targets)) {
    const r = await time(rollup(t.id));
    const l = await time(live(t.path));
    results[name] = {
      rollupMs: r,
      rollupToPk: +(r.p50 / baseline.p50).toFixed(2),
      liveSumMs: l,
      liveToRollup: +(l.p50 / r.p50).toFixed(1),
    };
  }
  console.log(JSON.stringify(results, null, 1));
} finally {
  await database.close();
  await cleanup();
}
