import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { listMigrations } from '../db/migrate.js';
import { openDatabase } from '../db/client.js';
import { bootstrap } from '../bootstrap.js';
import { loadConfig, type Config } from '../config.js';

export const TEST_ADMIN_PASSWORD = 'Admin-Test-2026';

/** Settings every test database is bootstrapped with: no demo data, a known admin password, generous login limits. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    seedDemo: false,
    adminPassword: TEST_ADMIN_PASSWORD,
    loginRateLimitPerMinute: 10_000,
    publicRateLimitPerMinute: 100_000,
    otpPerIpPerHour: 100_000,
    secret: 'a'.repeat(64),
    ...overrides,
  };
}

/** A name that changes whenever a migration does, so stale templates are never reused. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const m of listMigrations()) hash.update(m.name).update(m.sql);
  return hash.digest('hex').slice(0, 12);
}

export function pgliteTemplateDir(): string {
  return path.join(os.tmpdir(), `gonghui-test-template-${migrationsHash()}`);
}

export function pgTemplateName(): string {
  return `gonghui_tpl_${migrationsHash()}`;
}

/** Builds the migrated, bootstrapped template that each test file copies (PGlite dir or PostgreSQL template database). */
export async function prepareTemplate(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = pgTemplateName();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return;
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ dataDir: '', databaseUrl: withDatabase(serverUrl, name) });
    try {
      await bootstrap(database, testConfig());
    } finally {
      await database.close();
    }
    return;
  }
  const dir = pgliteTemplateDir();
  if (fs.existsSync(path.join(dir, 'ready'))) return;
  const building = `${dir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: building });
  try {
    await bootstrap(database, testConfig());
  } finally {
    await database.close();
  }
  fs.writeFileSync(path.join(building, 'ready'), '');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
