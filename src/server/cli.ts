import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate, pendingMigrations } from './db/migrate.js';
import { DEFAULT_SHARD_COUNT, distribute } from './db/distribute.js';
import { rebuildCoverage, diffCoverage } from './modules/coverage/coverage.rollup.js';
import { AppError } from '../common/errors.js';
import { acquireDataDirLock } from './db/lock.js';
import { checkPiiKey, createDeps } from './deps.js';
import { exportImportErrors, importRosterFile } from './modules/imports/imports.service.js';
import { verificationReport } from './modules/events/draw.js';
import { verifyAnyExportText } from './modules/events/draw.ranking.js';

const usage = `gonghui command line — npm run cli -- <command>

  backup <file.tar.gz>     copy of the embedded database (server stopped) and, beside it, <file>.secret.key
                           (the personal-data key, unless GONGHUI_SECRET is used); for PostgreSQL use pg_dump
  restore <file.tar.gz>    restore a backup (and its .secret.key) into an empty GONGHUI_DATA_DIR
  migrate                  apply pending migrations
  distribute [--shards N]  on Citus: make each table what table_placement says (reference, distributed by its
                           column in N shards per colocation group, default ${DEFAULT_SHARD_COUNT}, or coordinator); refuses
                           while db/layout.ts finds violations; a table already placed is skipped. Elsewhere: nothing
  check-coverage           compare the maintained roll-up with a fresh computation
  rebuild-coverage         recompute the roll-up table from scratch
  import-members <file> --org <org id>
                           import a roster (.xlsx/.csv) straight into the database (embedded engine: with
                           the server stopped); the last line printed is a JSON summary (with its jobId)
  import-errors <job id> <out-file>
                           write a decrypted copy of an import's error file (its rejected rows, with full ID
                           numbers) to a new file (mode 0600); needs the data key the file was sealed with
  verify-draw <file.json>  recompute a published draw (抽签), ranking or allocation export from its own data; prints
                           已验证 or every mismatch, exits 0 or 1
`;

/** Refuses a command that reads the schema on a store whose migrations are not all applied, saying what to run. */
async function requireMigrated(database: Database): Promise<void> {
  const pending = await pendingMigrations(database);
  if (pending.length > 0)
    throw new Error(
      `数据库尚未迁移（${pending.length} 个迁移未执行），请先运行 npm run cli -- migrate / the store is not migrated: run npm run cli -- migrate first`,
    );
}

async function run(args: string[]): Promise<void> {
  const [command, arg] = args;
  const config = loadConfig();
  switch (command) {
    case 'backup': {
      if (!arg) throw new Error('backup needs a target file');
      if (config.databaseUrl) throw new Error('DATABASE_URL is set: back up a PostgreSQL server with pg_dump');
      const database = await openDatabase(config);
      try {
        const dump = await database.pglite!.dumpDataDir('gzip');
        fs.writeFileSync(arg, Buffer.from(await dump.arrayBuffer()));
        // Without its key the personal data in a backup cannot be read: keep the key file beside it.
        const keyFile = path.join(config.dataDir, 'secret.key');
        const keyCopy = !config.secret && fs.existsSync(keyFile) ? `${arg}.secret.key` : null;
        if (keyCopy) {
          fs.copyFileSync(keyFile, keyCopy);
          fs.chmodSync(keyCopy, 0o600);
        }
        process.stdout.write(`${JSON.stringify({ backup: path.resolve(arg), bytes: dump.size, key: keyCopy && path.resolve(keyCopy) })}\n`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'restore': {
      if (!arg) throw new Error('restore needs a backup file');
      const pgDir = path.join(config.dataDir, 'pgdata');
      if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0)
        throw new Error(`${pgDir} is not empty: restore into a fresh GONGHUI_DATA_DIR`);
      fs.mkdirSync(pgDir, { recursive: true });
      const lock = acquireDataDirLock(config.dataDir);
      try {
        const blob = new Blob([fs.readFileSync(arg)]);
        const client = await PGlite.create(pgDir, { loadDataDir: blob, extensions: { ltree, pg_trgm, btree_gist } });
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM org_unit');
        await client.close();
        if (fs.existsSync(`${arg}.secret.key`)) fs.copyFileSync(`${arg}.secret.key`, path.join(config.dataDir, 'secret.key'));
        process.stdout.write(`${JSON.stringify({ restored: pgDir, orgs: rows[0]?.n ?? 0 })}\n`);
      } finally {
        lock.release();
      }
      return;
    }
    case 'migrate': {
      const database = await openDatabase(config);
      try {
        process.stdout.write(`${JSON.stringify({ applied: await migrate(database) })}\n`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'distribute': {
      const shardsFlag = args.indexOf('--shards');
      const shardCount = shardsFlag < 0 ? DEFAULT_SHARD_COUNT : Number(args[shardsFlag + 1]);
      if (!Number.isSafeInteger(shardCount) || shardCount < 1 || shardCount > 64_000)
        throw new Error('usage: distribute [--shards N] (N from 1 to 64000)');
      const database = await openDatabase(config);
      try {
        for (const line of await distribute(database.db, { shardCount })) process.stdout.write(`${line}\n`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'check-coverage':
    case 'rebuild-coverage': {
      const database = await openDatabase(config);
      try {
        await requireMigrated(database);
        if (command === 'rebuild-coverage') {
          const orgs = await database.db.transaction().execute((tx) => rebuildCoverage(tx));
          process.stdout.write(`${JSON.stringify({ rebuilt: orgs })}\n`);
        } else {
          const diffs = await diffCoverage(database.db);
          process.stdout.write(`${JSON.stringify({ differences: diffs.length, sample: diffs.slice(0, 10) })}\n`);
          if (diffs.length > 0) process.exitCode = 2;
        }
      } finally {
        await database.close();
      }
      return;
    }
    case 'import-members': {
      const orgFlag = args.indexOf('--org');
      const orgId = Number(args[orgFlag + 1]);
      if (!arg || orgFlag < 0 || !Number.isSafeInteger(orgId)) throw new Error('usage: import-members <file> --org <org id>');
      if (!fs.existsSync(arg)) throw new Error(`no such file: ${arg}`);
      const database = await openDatabase(config);
      try {
        await migrate(database);
        const deps = createDeps(database, config);
        await checkPiiKey(database.db, deps.cipher);
        const summary = await importRosterFile(deps, { filePath: path.resolve(arg), orgId }, (job) =>
          process.stderr.write(
            `\r${job.rowsRead} rows read, ${job.imported} imported, ${job.rejected} rejected, ${job.duplicates} duplicates`,
          ),
        );
        process.stderr.write('\n');
        if (summary.errorFile) {
          process.stderr.write(`错误行已加密保存 / rejected rows kept sealed: npm run cli -- import-errors ${summary.jobId} <out-file>\n`);
        }
        process.stdout.write(`${JSON.stringify(summary)}\n`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'import-errors': {
      const jobId = Number(arg);
      const outFile = args[2];
      if (!Number.isSafeInteger(jobId) || !outFile) throw new Error('usage: import-errors <job id> <out-file>');
      const database = await openDatabase(config);
      try {
        await requireMigrated(database);
        const deps = createDeps(database, config);
        await checkPiiKey(database.db, deps.cipher);
        process.stdout.write(`${JSON.stringify(await exportImportErrors(deps, jobId, outFile))}\n`);
      } finally {
        await database.close();
      }
      return;
    }
    case 'verify-draw': {
      if (!arg) throw new Error('用法 / usage: verify-draw <file.json>');
      const mismatches = verifyAnyExportText(fs.readFileSync(arg, 'utf8'));
      process.stdout.write(verificationReport(mismatches));
      process.exitCode = mismatches.length === 0 ? 0 : 1;
      return;
    }
    default:
      process.stdout.write(usage);
      if (command) process.exitCode = 1;
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof AppError ? error.toBody('zh-CN').message : error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
