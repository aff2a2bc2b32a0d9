/**
 * Member import throughput, whole pipeline (parse, validate, normalise, encrypt, blind index, de-duplicate,
 * insert, roll-ups), through the command-line importer on a fresh database of each engine:
 *   npx tsx bench/import.ts [rows=100000] [pglite|postgres|both]
 * PostgreSQL: the server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a fresh
 * database is created and dropped. Prints one JSON line per engine.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { writeRosterXlsx } from './roster-files.js';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const rows = Number(process.argv[2] ?? 100_000);
const which = process.argv[3] ?? 'both';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function cli(env: Record<string, string>, ...args: string[]): string {
  return execFileSync(tsx, ['src/server/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function run(engine: 'pglite' | 'postgres', file: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-import-'));
  const env: Record<string, string> = { GONGHUI_DATA_DIR: dataDir, GONGHUI_SECRET: 'b'.repeat(64), GONGHUI_SEED_DEMO: '0' };
  let dropDb: (() => Promise<void>) | undefined;
  if (engine === 'postgres') {
    const name = `gonghui_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  try {
    // A union to import into: a tree of one city, one district, one street, one union, made by the CLI's own migrate.
    cli(env, 'migrate');
    const { default: setup } = await import('./setup-union.js');
    const orgId = await setup(env);
    const started = performance.now();
    const out = cli(env, 'import-members', file, '--org', String(orgId));
    const seconds = (performance.now() - started) / 1000;
    const summary = JSON.parse(out.trim().split('\n').at(-1)!) as { imported: number; rejected: number; duplicates: number };
    console.log(JSON.stringify({ engine, rows, seconds: +seconds.toFixed(1), rowsPerSecond: Math.round(rows / seconds), ...summary }));
  } finally {
    await dropDb?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-roster-'));
try {
  const file = path.join(dir, `roster-${rows}.xlsx`);
  await writeRosterXlsx(file, rows);
  for (const engine of which === 'both' ? (['pglite', 'postgres'] as const) : [which as 'pglite' | 'postgres']) await run(engine, file);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
