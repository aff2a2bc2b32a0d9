import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Database } from './client.js';
import { listMigrations, migrate, pendingMigrations } from './migrate.js';
import { withDatabase } from '../testing/template.js';

// The test template is built once per set of migrations, so a change to migrate() itself is only exercised here:
// an empty database of the engine under test (PGlite, or a new database on TEST_DATABASE_URL's server).
let database: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `gonghui_m_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    database = await openDatabase({ dataDir: '', databaseUrl: withDatabase(serverUrl, name) });
    cleanup = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-migrate-'));
    database = await openDatabase({ dataDir: dir });
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
});
afterAll(async () => {
  await database?.close();
  await cleanup?.();
});

describe('migrate', () => {
  it('applies every migration, statement by statement, to an empty database; a second run applies none', async () => {
    // Never migrated: no schema_migration table yet, every migration pending (a command says "migrate first").
    expect(await pendingMigrations(database)).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(database)).toEqual(listMigrations().map((m) => m.name));
    expect(await pendingMigrations(database)).toEqual([]);
    expect(await migrate(database)).toEqual([]);
    const next = { version: 9002, name: '9002_next', sql: 'SELECT 1;' };
    expect(await pendingMigrations(database, [...listMigrations(), next])).toEqual(['9002_next']);
  });

  it('rolls a failing migration back whole: its earlier statements leave nothing behind and it is not recorded', async () => {
    const broken = {
      version: 9001,
      name: '9001_broken',
      sql: 'CREATE TABLE migrate_probe (n integer);\nSELECT no_such_column FROM migrate_probe;',
    };
    await expect(migrate(database, [broken])).rejects.toThrow(/no_such_column/);
    const { rows } = await sql<{ probe: string | null; recorded: number }>`
      SELECT to_regclass('migrate_probe')::text AS probe,
             (SELECT count(*) FROM schema_migration WHERE version = 9001) AS recorded`.execute(database.db);
    expect(rows[0]).toEqual({ probe: null, recorded: 0 });
  });
});
