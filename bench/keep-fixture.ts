/**
 * Builds the member fixture into a named store and keeps it, for looking at plans (EXPLAIN) and measuring search
 * at 10M without building the fixture each time (it takes 20–30 min on PostgreSQL, 30–40 min on PGlite, 2 cores).
 *
 *   npx tsx bench/keep-fixture.ts build <name> <members>    build and keep; samples in bench/results/<name>.samples.json
 *   npx tsx bench/keep-fixture.ts search <name> [runs]      the `search` section against the kept store
 *   npx tsx bench/keep-fixture.ts export <name>             the `export` section against the kept store, in a
 *                                                           process of its own (its RSS is the export's, not the build's)
 *
 * With BENCH_KEEP_ENGINE=pglite the store is a PGlite data directory, bench/results/<name>.pglite (ignored by git;
 * delete it when done); otherwise a database of that name on BENCH_DATABASE_URL's server (drop it by hand).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { createDeps } from '../src/server/deps.js';
import { migrate } from '../src/server/db/migrate.js';
import { root, say, serverUrl, type Store } from './lib/context.js';
import { loadFixture, type Fixture } from './lib/fixture.js';
import { benchExport } from './scenarios/export.js';
import { benchSearch } from './scenarios/search.js';

const [command, name, arg] = process.argv.slice(2);
if (!name || !/^\w+$/.test(name) || !['build', 'search', 'export'].includes(command ?? '')) {
  process.stderr.write('usage: keep-fixture.ts build <name> <members> | search <name> [runs] | export <name>\n');
  process.exit(2);
}
const engine = process.env.BENCH_KEEP_ENGINE === 'pglite' ? 'pglite' : 'postgres';
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const dataDir = path.join(root, `bench/results/${name}.pglite`);
const env = {
  GONGHUI_SECRET: 'b'.repeat(64),
  GONGHUI_SEED_DEMO: '0',
  GONGHUI_ADMIN_PASSWORD: 'Bench-Admin-2026',
  LOG_LEVEL: 'warn',
  GONGHUI_DATA_DIR: dataDir,
};
const databaseUrl = engine === 'postgres' ? url.toString() : undefined;
const config = { ...loadConfig({ ...process.env, ...env, DATABASE_URL: databaseUrl }), databaseUrl };
const samplesFile = path.join(root, `bench/results/${name}.samples.json`);

if (command === 'build') {
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const store: Store = { engine, dataDir, env, config, open: () => openDatabase(config), drop: async () => {} };
  const started = performance.now();
  const fixture = await loadFixture(store, Number(arg ?? 10_000_000));
  const kept: Omit<Fixture, 'database' | 'deps'> = {
    district: fixture.district,
    street: fixture.street,
    union: fixture.union,
    members: fixture.members,
    samples: fixture.samples,
  };
  fs.writeFileSync(samplesFile, `${JSON.stringify(kept)}\n`);
  await fixture.close();
  say(`${name}: ${fixture.members.toLocaleString('en')} members kept in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
} else {
  const kept = JSON.parse(fs.readFileSync(samplesFile, 'utf8')) as Omit<Fixture, 'database' | 'deps'>;
  const database = await openDatabase(config);
  await migrate(database);
  const fixture: Fixture = { ...kept, database, deps: createDeps(database, config) };
  const section = command === 'export' ? await benchExport(fixture) : await benchSearch(fixture, Number(arg ?? 300));
  for (const f of section.figures) process.stdout.write(`${f.name}\t${f.value} ${f.unit}\t${f.ratio}×\t${f.baseline?.value}\n`);
  if (section.details) process.stdout.write(`${JSON.stringify(section.details)}\n`);
  await database.close();
}
