/**
 * A fresh database on each engine for the hammers: a copy of the migrated PGlite template, and a new PostgreSQL
 * database (from the template database) opened with a pool of the given size. PostgreSQL runs only when
 * TEST_DATABASE_URL names a server (as CI does).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { pgliteTemplateDir, pgTemplateName, prepareTemplate, withDatabase } from '../src/server/testing/template.js';

export type HammerDatabase = { database: Database; url: string | null; name: string; close(): Promise<void> };

/** A fresh PGlite data directory (a copy of the migrated template), for an in-process database or a server process. */
export async function pgliteDataDir(): Promise<string> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  delete process.env.TEST_DATABASE_URL;
  try {
    await prepareTemplate();
  } finally {
    if (serverUrl !== undefined) process.env.TEST_DATABASE_URL = serverUrl;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-hammer-'));
  fs.cpSync(pgliteTemplateDir(), dir, { recursive: true });
  fs.rmSync(path.join(dir, 'gonghui.lock'), { force: true });
  return dir;
}

export async function freshPglite(): Promise<HammerDatabase> {
  const dir = await pgliteDataDir();
  const database = await openDatabase({ dataDir: dir });
  return {
    database,
    url: null,
    name: 'pglite',
    close: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function freshPostgres(poolSize: number): Promise<HammerDatabase | null> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return null;
  await prepareTemplate();
  const name = `gonghui_h_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplateName()}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ dataDir: '', databaseUrl: url, poolSize });
  return {
    database,
    url,
    name,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
