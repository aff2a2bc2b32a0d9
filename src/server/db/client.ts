import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { LockedPGliteDialect } from './pglite-dialect.js';
import { PGLITE_SHARED_BUFFERS_MB } from '../config.js';
import { acquireDataDirLock, type DataDirLock } from './lock.js';
import { copyClusterTemplate, isEmptyPgDir, saveClusterTemplate } from './pglite-template.js';
import type { DB } from './schema.js';

export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  /** The raw PGlite instance (embedded engine only), for dump/COPY tooling. */
  pglite: PGlite | undefined;
  close(): Promise<void>;
};

const OID = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184, numeric: 1700 } as const;

/** int8 → number: ids and counts stay far below 2^53; anything larger is a bug worth failing loudly on. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${value} exceeds the safe integer range`);
  return n;
}
/** date → 'YYYY-MM-DD' exactly as stored: no Date object, so no time-zone shift. */
const parseDate = (value: string): string => value;
/** timestamptz → ISO-8601 UTC string on both engines. */
const parseTimestamp = (value: string): string =>
  new Date(value.includes('T') || /[+-]\d\d$/.test(value) ? value : `${value}Z`).toISOString();

const parsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: parseInt8,
  [OID.date]: parseDate,
  [OID.timestamp]: parseTimestamp,
  [OID.timestamptz]: (value: string) => new Date(value).toISOString(),
  [OID.numeric]: (value: string) => value,
};

/** Opens the embedded PGlite in `dataDir`, or the PostgreSQL server of `databaseUrl` when given. */
export async function openDatabase(options: {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Connections of the PostgreSQL pool (10 unless given); the ledger hammer runs 24. */
  poolSize?: number | undefined;
  /** A new embedded store starts from the cached empty cluster (pglite-template.ts); false runs initdb. Default true. */
  pgliteTemplate?: boolean | undefined;
  /** The embedded engine's shared buffers in MB (PGLITE_SHARED_BUFFERS_MB unless given). */
  pgliteSharedBuffersMb?: number | undefined;
}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.pgliteTemplate ?? true, options.pgliteSharedBuffersMb ?? PGLITE_SHARED_BUFFERS_MB);
}

/** True when `openDatabase` would make a new embedded store: no PostgreSQL URL, and no cluster in the data directory yet. */
export function isNewEmbeddedStore(options: { dataDir: string; databaseUrl?: string | undefined }): boolean {
  return !options.databaseUrl && isEmptyPgDir(path.join(options.dataDir, 'pgdata'));
}

async function openPostgres(connectionString: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    // JIT costs 100+ ms on the small queries this application makes; see README.
    options: '-c jit=off -c TimeZone=UTC',
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server ends (restart, failover, pg_terminate_backend) is an 'error' event on the pool;
  // unheard, it would end the process. The pool drops that client and the next query opens a new one.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`));
  // The same for a connection checked out between two queries of a transaction: the client emits 'error' and, with
  // nobody listening, the process would end. Heard here, the transaction's next query fails and its caller sees an
  // error it can retry (the points hammer kills connections mid-transaction to prove it).
  pool.on('connect', (client) => {
    client.on('error', (error) => process.emitWarning(`PostgreSQL ended a connection in use: ${error.message}`));
  });
  // Fail fast with a clear message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    pglite: undefined,
    close: async () => {
      await db.destroy();
    },
  };
}

/**
 * PGlite runs postgres in one WebAssembly heap that starts at 128 MB and never shrinks once grown. postgres's
 * default 128 MB of shared buffers grew it to 189 MB at start and left the idle server at ~445 MB RSS, most of
 * a 512 MB budget. 32 MB of buffers fits in the initial heap: idle RSS ~340 MB. 16 MB: 12–17 MB less again at idle
 * (#16), and in the same minutes neither the import (100,000 rows: 2,544 rows/s at 16 MB, 2,509 at 32 MB) nor
 * 东城's member list under 50 connections (0.099× of bare Fastify at both, p99 6.3 s) was slower: the data files
 * are read through the operating system's cache either way (bench/README.md, "Idle RSS"). An earlier measurement
 * had the import 18% slower at 16 MB than at 32 (39.9 s against 33.9 s for 100,000 rows) on a machine as noisy: if a
 * quiet run shows that again, this is the line to turn back. A command-line setting:
 * it overrides postgresql.conf, so existing data directories get it too. A store of millions of members reads its
 * indexes and rows through the buffers: at 10M members the 2-letter pinyin search's p99 was 54 ms at 16 MB and 26 ms
 * at 128 MB (GONGHUI_PGLITE_SHARED_BUFFERS_MB; bench/README.md, "Sixth session").
 */
async function openPglite(dataDir: string, useTemplate: boolean, sharedBuffersMb: number): Promise<Database> {
  const pgDir = path.join(dataDir, 'pgdata');
  fs.mkdirSync(pgDir, { recursive: true });
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  let client: PGlite;
  try {
    if (useTemplate && isEmptyPgDir(pgDir) && !copyClusterTemplate(pgDir)) {
      // The installation's first store: initdb here, shut down cleanly and kept as the template before it is used.
      await (await PGlite.create(pgDir)).close();
      saveClusterTemplate(pgDir);
    }
    client = await PGlite.create(pgDir, {
      extensions: { ltree, pg_trgm, btree_gist },
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffersMb}MB`],
      parsers: Object.fromEntries(Object.entries(parsers).map(([oid, fn]) => [oid, (v: string) => fn(v)])),
    });
    await client.exec("SET TimeZone = 'UTC'");
  } catch (error) {
    lock.release();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new LockedPGliteDialect(client) });
  return {
    db,
    engine: 'pglite',
    pglite: client,
    close: async () => {
      try {
        await sql`CHECKPOINT`.execute(db);
        await db.destroy();
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

export { pgliteTypes };
