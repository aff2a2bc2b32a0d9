import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { projectRoot } from '../config.js';
import type { Database } from './client.js';
import { splitStatements } from './sql-statements.js';

const serverDir = path.join(projectRoot, 'src/server');

/**
 * Where migrations live: the platform's own in db/migrations, and each module's beside its code
 * (modules/<m>/NNNN_concern.sql) — a new module adds its tables without editing anything here. The number orders
 * all of them together and must be unique across folders (it is the version recorded in schema_migration).
 */
export function migrationDirs(root = serverDir): string[] {
  const modulesDir = path.join(root, 'modules');
  const moduleDirs = fs.existsSync(modulesDir)
    ? fs
        .readdirSync(modulesDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(modulesDir, entry.name))
        .sort()
        .filter((dir) => fs.readdirSync(dir).some((file) => MIGRATION_FILE.test(file)))
    : [];
  return [path.join(root, 'db', 'migrations'), ...moduleDirs];
}

const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.sql$/;

export type Migration = { version: number; name: string; sql: string };

/** The numbered SQL files of every migration folder, in order of their number; a number used twice is refused. */
export function listMigrations(dirs = migrationDirs()): Migration[] {
  const migrations = dirs
    .flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((file) => MIGRATION_FILE.test(file))
        .map((file) => ({
          version: Number(file.slice(0, 4)),
          name: file.replace(/\.sql$/, ''),
          sql: fs.readFileSync(path.join(dir, file), 'utf8'),
          file: path.join(dir, file),
        })),
    )
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    const [before, after] = [migrations[i - 1]!, migrations[i]!];
    if (before.version === after.version)
      throw new Error(`migration number ${after.version} is used twice: ${before.file} and ${after.file}`);
  }
  return migrations.map(({ version, name, sql }) => ({ version, name, sql }));
}

/**
 * Applies every migration not yet recorded, each in its own transaction, forward only; each statement of a
 * migration is a query of its own (Citus refuses a multi-statement query on a distributed table).
 * An advisory lock keeps two servers starting against one PostgreSQL from racing.
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  const { db } = database;
  const applied: string[] = [];
  await sql`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(727001)`.execute(conn);
    try {
      const done = new Set((await conn.selectFrom('schema_migration').select('version').execute()).map((r) => r.version));
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        await conn.transaction().execute(async (tx) => {
          for (const statement of splitStatements(migration.sql)) await sql.raw(statement).execute(tx);
          await tx.insertInto('schema_migration').values({ version: migration.version, name: migration.name }).execute();
        });
        applied.push(migration.name);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(727001)`.execute(conn);
    }
  });
  return applied;
}

/**
 * The migrations not yet applied to the store (all of them when it was never migrated), for a command that reads
 * the schema without migrating it first: it says "migrate first" rather than failing on a missing table.
 */
export async function pendingMigrations(database: Database, migrations = listMigrations()): Promise<string[]> {
  const { rows: table } = await sql<{ present: boolean }>`SELECT to_regclass('schema_migration') IS NOT NULL AS present`.execute(
    database.db,
  );
  const rows = table[0]?.present ? await database.db.selectFrom('schema_migration').select('version').execute() : [];
  const done = new Set(rows.map((r) => r.version));
  return migrations.filter((m) => !done.has(m.version)).map((m) => m.name);
}
