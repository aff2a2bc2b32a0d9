import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../testing/harness.js';
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { acquireDataDirLock } from './lock.js';
import { AppError } from '../../common/errors.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('database client', () => {
  it('returns the same JS values on both engines: int8 as number, date as YYYY-MM-DD, timestamptz as ISO', async () => {
    const { rows } = await sql<{ big: unknown; count: unknown; day: unknown; at: unknown; num: unknown }>`
      SELECT 9007199254740991::bigint AS big, count(*) AS count, DATE '2024-10-01' AS day,
             TIMESTAMPTZ '2024-10-01 00:30:00+08' AS at, 12.50::numeric AS num
        FROM org_unit`.execute(ctx.database.db);
    expect(rows[0]).toEqual({
      big: 9007199254740991,
      count: expect.any(Number),
      day: '2024-10-01',
      at: '2024-09-30T16:30:00.000Z',
      num: '12.50',
    });
  });

  it('keeps a date a date whatever the process time zone (TZ=Asia/Shanghai)', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const { rows } = await sql<{ day: unknown }>`SELECT DATE '2024-01-01' AS day`.execute(ctx.database.db);
      expect(rows[0]?.day).toBe('2024-01-01');
    } finally {
      process.env.TZ = saved;
    }
  });

  it('answers with the engine it runs on', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok', db: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('serialises concurrent transactions on the embedded engine instead of interleaving them', async () => {
    const db = ctx.database.db;
    await sql`CREATE TABLE IF NOT EXISTS concurrency_probe (n integer)`.execute(db);
    const failing = db.transaction().execute(async (tx) => {
      await sql`INSERT INTO concurrency_probe VALUES (1)`.execute(tx);
      await new Promise((r) => setTimeout(r, 30));
      throw new Error('roll back');
    });
    const other = db.transaction().execute(async (tx) => {
      await sql`INSERT INTO concurrency_probe VALUES (2)`.execute(tx);
    });
    await expect(failing).rejects.toThrow('roll back');
    await other;
    const { rows } = await sql<{ n: number }>`SELECT n FROM concurrency_probe ORDER BY n`.execute(db);
    expect(rows.map((r) => r.n)).toEqual([2]);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL server', () => {
  it('carries on when the server ends idle connections of the pool', async () => {
    const db = ctx.database.db;
    // Several connections in the pool, then all but one ended by the server while idle.
    await Promise.all(Array.from({ length: 5 }, () => sql`SELECT pg_sleep(0.05)`.execute(db)));
    const { rows } = await sql<{ ended: number }>`
      SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(db);
    expect(rows[0]?.ended).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await Promise.all(Array.from({ length: 5 }, () => sql<{ one: number }>`SELECT 1 AS one`.execute(db)));
    expect(again.map((r) => r.rows[0]?.one)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('embedded data directory', () => {
  it('refuses a second owner of a data directory with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-lock-'));
    try {
      fs.writeFileSync(path.join(dir, 'gonghui.lock'), String(process.ppid));
      let error: unknown;
      try {
        acquireDataDirLock(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).toBody('zh-CN').message).toContain(`PID ${process.ppid}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-lock-'));
    try {
      fs.writeFileSync(path.join(dir, 'gonghui.lock'), '999999');
      const lock = acquireDataDirLock(dir);
      expect(fs.readFileSync(path.join(dir, 'gonghui.lock'), 'utf8')).toBe(String(process.pid));
      lock.release();
      expect(fs.existsSync(path.join(dir, 'gonghui.lock'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens with 16 MB of shared buffers unless told more, a data directory made with the defaults too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-buffers-'));
    try {
      // A directory from before the setting: made by PGlite with postgres's 128 MB in its postgresql.conf.
      const before = await PGlite.create(path.join(dir, 'pgdata'));
      await before.exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('工会')");
      expect((await before.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0]?.shared_buffers).toBe('128MB');
      await before.close();
      const database = await openDatabase({ dataDir: dir });
      const { rows } = await sql<{ shared_buffers: string }>`SHOW shared_buffers`.execute(database.db);
      const kept = await sql<{ v: string }>`SELECT v FROM kept`.execute(database.db);
      await database.close();
      expect(rows).toEqual([{ shared_buffers: '16MB' }]);
      expect(kept.rows).toEqual([{ v: '工会' }]);
      // A store of millions of members is told more (GONGHUI_PGLITE_SHARED_BUFFERS_MB), on its next start.
      const config = loadConfig({ GONGHUI_DATA_DIR: dir, GONGHUI_PGLITE_SHARED_BUFFERS_MB: '128' });
      const larger = await openDatabase(config);
      const again = await sql<{ shared_buffers: string }>`SHOW shared_buffers`.execute(larger.db);
      await larger.close();
      expect(again.rows).toEqual([{ shared_buffers: '128MB' }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts a new embedded store from a copy of one empty cluster, or runs initdb when told not to', async () => {
    const dirs = [0, 1, 2].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-cluster-')));
    const systemId = async (dataDir: string, pgliteTemplate: boolean) => {
      const database = await openDatabase({ dataDir, pgliteTemplate });
      const { rows } = await sql<{ id: string }>`SELECT system_identifier::text AS id FROM pg_control_system()`.execute(database.db);
      const tables = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'org_unit'`.execute(database.db);
      await database.close();
      expect(tables.rows).toEqual([{ n: 0 }]); // an empty cluster: nothing of ours comes with the copy
      return rows[0]?.id;
    };
    try {
      // The first store may make the template; either way the next two are copies of the same cluster.
      await systemId(dirs[0]!, true);
      const [second, third] = [await systemId(dirs[1]!, true), await systemId(dirs[2]!, true)];
      expect(second).toBe(third);
      const own = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-cluster-'));
      dirs.push(own);
      expect(await systemId(own, false)).not.toBe(second);
    } finally {
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps committed data across close and reopen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-reopen-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await sql`CREATE TABLE kept (v text)`.execute(first.db);
      await sql`INSERT INTO kept VALUES ('工会')`.execute(first.db);
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      const { rows } = await sql<{ v: string }>`SELECT v FROM kept`.execute(second.db);
      await second.close();
      expect(rows).toEqual([{ v: '工会' }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
