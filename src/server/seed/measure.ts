/**
 * Times a first start with demo data: open a fresh database, migrate, seed; then prints row counts and
 * the 东城 figures from the roll-up.
 *   npx tsx src/server/seed/measure.ts [scale]                      (fresh temp PGlite dir)
 *   DATABASE_URL=postgres://… npx tsx src/server/seed/measure.ts    (an empty PostgreSQL database)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from './demo.js';

const scale = Number(process.argv[2] ?? 1);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-seed-'));
const lap = (() => {
  let last = performance.now();
  return (label: string) => {
    const now = performance.now();
    console.log(`${label.padEnd(10)} ${Math.round(now - last)} ms`);
    last = now;
  };
})();

const started = performance.now();
const database = await openDatabase({ dataDir, databaseUrl });
lap(database.engine === 'pglite' ? 'initdb' : 'connect');
try {
  await migrate(database);
  lap('migrate');
  const report = await seedDemo(database, { scale });
  lap('seed');
  console.log(`first start ${Math.round(performance.now() - started)} ms; ${JSON.stringify(report)}`);

  const { db } = database;
  const counts = await sql<{ table: string; rows: number }>`
    SELECT 'org_unit' AS table, count(*)::int AS rows FROM org_unit
    UNION ALL SELECT 'employer', count(*)::int FROM employer
    UNION ALL SELECT 'collaboration_zone', count(*)::int FROM collaboration_zone
    UNION ALL SELECT 'org_coverage', count(*)::int FROM org_coverage`.execute(db);
  console.table(counts.rows);
  const kinds = await sql<{ kind: string; n: number }>`SELECT kind, count(*)::int AS n FROM org_unit GROUP BY kind ORDER BY n DESC`.execute(
    db,
  );
  console.table(kinds.rows);
  const figures = await sql`
    SELECT o.name, c.grassroots_unions, c.branches, c.employers, c.employers_covered, c.employees, c.employees_covered,
           c.employers_100plus, c.employers_100plus_covered,
           round(c.employers_100plus_covered::numeric / nullif(c.employers_100plus, 0), 3) AS unionisation_rate
      FROM org_coverage c JOIN org_unit o ON o.id = c.org_id
     WHERE o.kind IN ('city_federation', 'district_federation')
     ORDER BY o.id`.execute(db);
  console.table(figures.rows);
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
