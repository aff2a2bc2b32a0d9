import { sql, type Transaction } from 'kysely';
import { rebuildCoverage } from '../modules/coverage/coverage.rollup.js';
import type { Database } from '../db/client.js';
import type { DB } from '../db/schema.js';
import type { GenerateOptions } from './generate.js';
import { employerColumns, orgColumns, zoneColumns, type DemoRows } from './demo-rows.js';
import { seedPointsMerchants } from './points-merchants.js';
import { seedPointsProgrammes } from './points-programmes.js';
import { bulkInsertCopyText, withIndexesDeferred } from './load.js';
import { seedWelfare } from './welfare.js';
import { seedEvents } from './events.js';
import { seedTraining } from './training.js';
import { startWorker } from '../workers.js';

export type SeedOptions = {
  /** Same seed, same data. */
  seed?: number;
  /** Size of the city relative to the real one; 东城 matches its reported 1793 unions / 8327 employers at 1. */
  scale?: number;
  /** Only these districts (division codes such as '110101'); for tests. */
  districts?: readonly string[];
};

/** What was loaded and how long it took, with the milliseconds of each phase. */
export type SeedReport = { orgs: number; employers: number; ms: number; phases: Record<string, number> };

export const DEFAULT_DEMO_SEED = 20230530;
/** The audit action that records the demo data being loaded; bootstrap reads it to tell a demo database. */
export const DEMO_SEED_ACTION = 'demo.seed';

/**
 * Fills an empty database with the demo city: 北京市总工会, its 16 district federations and industry
 * unions, every real street and township, grassroots and joint unions with branches, employers, and the
 * coverage roll-up. One transaction: either all of it is there or none. `generation`: the same options' demo
 * already being generated (`generateDemoRows`), as bootstrap starts it before a new database's migrations.
 */
export async function seedDemo(
  database: Database,
  options: SeedOptions = {},
  generation: Promise<DemoRows> = generateDemoRows(options),
): Promise<SeedReport> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let last = started;
  const lap = (phase: string) => {
    const now = performance.now();
    phases[phase] = Math.round(now - last);
    last = now;
  };
  // What is left of the generation when the seed is reached (all of it unless it was started earlier).
  const data = await generation;
  lap('generate');
  await database.db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
    if (existing) throw new Error('demo data goes into an empty organisation tree only');
    await withIndexesDeferred(tx, ['org_unit', 'collaboration_zone', 'employer', 'org_coverage'], async () => {
      await loadDemo(database, tx, data);
      lap('load');
      await rebuildCoverage(tx);
      lap('coverage');
    });
    lap('indexes');
    await seedWelfare(tx);
    await seedEvents(tx); // 科技+杏福 and 燕缘际会 (#13); their sign-ups once the members are in
    await seedTraining(tx); // the city's 送教 plan (#13); attendance once the members are in
    lap('modules');
    for (const table of ['org_unit', 'collaboration_zone', 'employer'] as const) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false) FROM ${sql.table(table)}`.execute(
        tx,
      );
    }
    // Marks the database as generated demo data (the first audit entry): only such a database gets demo members later.
    await tx
      .insertInto('audit_log')
      .values({
        region_id: 1,
        user_id: null,
        username: 'system',
        action: DEMO_SEED_ACTION,
        target_type: 'org',
        target_id: '1',
        org_path: '1',
        result: 'ok',
        ip: null,
        detail: JSON.stringify({ seed: options.seed ?? DEFAULT_DEMO_SEED, scale: options.scale ?? 1 }),
      })
      .execute();
    // PGlite runs no autovacuum: without statistics the planner would guess on a table of 125k employers.
    await sql`ANALYZE org_unit, collaboration_zone, employer, org_coverage`.execute(tx);
    lap('analyze');
  });
  lap('commit');
  await seedPointsProgrammes(database.db); // 党心e家 (issue #12)
  await database.db.transaction().execute((tx) => seedPointsMerchants(tx)); // its food-court merchants
  lap('points');
  return { orgs: data.orgs.count, employers: data.employers.count, ms: Math.round(performance.now() - started), phases };
}

async function loadDemo(database: Database, tx: Transaction<DB>, data: DemoRows): Promise<void> {
  await bulkInsertCopyText(database, tx, 'org_unit', orgColumns, data.orgs.copy);
  // org_unit and collaboration_zone reference each other: zones go in after their orgs, then branches join them.
  await bulkInsertCopyText(database, tx, 'collaboration_zone', zoneColumns, data.zones.copy);
  if (data.zoned.orgIds.length > 0) {
    await sql`UPDATE org_unit SET zone_id = z.zone_id
                FROM unnest(${data.zoned.orgIds}::bigint[], ${data.zoned.zoneIds}::bigint[]) AS z(id, zone_id)
               WHERE org_unit.id = z.id`.execute(tx);
  }
  await bulkInsertCopyText(database, tx, 'employer', employerColumns, data.employers.copy);
}

/**
 * Generates the demo (`generateDemo`) in a worker thread and resolves to its rows as COPY text. Started before a new
 * database's migrations (bootstrap), it runs beside them: ≈ 1.4 s of a life-size cold start (#16).
 */
export function generateDemoRows(options: SeedOptions): Promise<DemoRows> {
  const workerData: GenerateOptions = {
    seed: options.seed ?? DEFAULT_DEMO_SEED,
    scale: options.scale ?? 1,
    districts: options.districts,
  };
  const worker = startWorker(import.meta.url, 'generate.worker', workerData);
  return new Promise<DemoRows>((resolve, reject) => {
    worker.once('message', (rows: DemoRows) => resolve(rows));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the demo generation ended without its data (exit code ${code})`)));
  });
}
