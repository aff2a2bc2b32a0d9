/**
 * Crash during import: a 100,000-row roster is uploaded to a real server process, which is then killed with
 * SIGKILL at 20 seeded random moments of the import; after each kill the server must reopen its database and
 * resume the job by itself. When the job has finished, the union must hold exactly 100,000 members, no person
 * twice, the job's counters must say every row was admitted once, and the coverage roll-up must agree with a
 * fresh computation. Once on the embedded PGlite, once on the PostgreSQL of TEST_DATABASE_URL when reachable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import setupUnion from '../bench/setup-union.js';
import type { ImportJob } from '../src/common/imports.js';
import { recordFigure } from './summary.js';
import { openDatabase } from '../src/server/db/client.js';
import { diffCoverage, findCoverage } from '../src/server/modules/coverage/coverage.rollup.js';
import {
  createPostgresDatabase,
  freePort,
  isReachable,
  killHard,
  multipartFile,
  seededRandom,
  sleep,
  startServer,
  stopCleanly,
  waitHealthy,
  writeUniqueRosterXlsx,
  type ServerProcess,
} from './crash-import.support.js';

// Smaller runs while working on the test: CRASH_ROWS=5000 CRASH_KILLS=3 npm run test:reliability -- crash-import
const ROWS = Number(process.env.CRASH_ROWS ?? 100_000);
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? 20_260_521);
const SECRET = 'c7'.repeat(32); // fixed, so every restart reads the personal data with the same key
const ADMIN_PASSWORD = 'Bench-Admin-2026'; // the password bench/setup-union.ts gives admin
const PG_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REOPEN_TIMEOUT_MS = 120_000;
const FINISH_TIMEOUT_MS = 600_000;

const pgUrl = new URL(PG_SERVER_URL);
const pgReachable = await isReachable(pgUrl.hostname, Number(pgUrl.port || 5432));

type Kill = {
  n: number;
  /** The row the job had to pass before this kill. */
  target: number;
  /** Time from the server's first answer to the kill. */
  afterMs: number;
  /** Rows the job had committed at the last look before the kill (a lower bound of what is on disk). */
  committedBefore: number;
  statusBefore: string;
  reopened: boolean;
  reopenMs: number;
  committedAfter: number;
  statusAfter: string;
};

type Outcome = {
  kills: Kill[];
  job: ImportJob;
  jobs: Array<{ id: number; status: string; rows_read: number; imported: number; rejected: number; duplicates: number }>;
  unionMembers: number;
  allMembers: number;
  distinctIds: number;
  distinctPhones: number;
  coverageMembers: number | undefined;
  coverageDifferences: number;
  cleanStopCode: number | null;
  seconds: number;
};

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-crash-import-'));
const rosterFile = path.join(workDir, `roster-${ROWS}.xlsx`);

beforeAll(async () => {
  await writeUniqueRosterXlsx(rosterFile, ROWS);
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function readJob(base: string, cookie: string, id: number, timeoutMs = 10_000): Promise<ImportJob> {
  const response = await fetch(`${base}/api/imports/${id}`, { headers: { cookie }, signal: AbortSignal.timeout(timeoutMs) });
  if (response.status !== 200) throw new Error(`GET /api/imports/${id}: ${response.status} ${await response.text()}`);
  return (await response.json()) as ImportJob;
}

/**
 * Reads the job's progress over and over, one request at a time, until stopped; `stop()` gives the last answer
 * received, a lower bound of what was committed at that moment. The kill never waits for an answer.
 */
function watchJob(
  base: string,
  cookie: string,
  id: number,
): { latest: { rowsRead: number; status: string }; stop(): { rowsRead: number; status: string } } {
  let isStopped = false;
  const watcher = {
    latest: { rowsRead: 0, status: 'unknown' },
    stop() {
      isStopped = true;
      return watcher.latest;
    },
  };
  void (async () => {
    while (!isStopped) {
      try {
        const job = await readJob(base, cookie, id, 5_000);
        if (!isStopped) watcher.latest = { rowsRead: job.rowsRead, status: job.status };
      } catch {
        // no answer (busy, or being killed): the last one stands
      }
      await sleep(50);
    }
  })();
  return watcher;
}

/** Uploads the roster, kills the server KILLS times during its import, lets it finish, then counts in SQL. */
async function crashDuringImport(engine: 'pglite' | 'postgres'): Promise<Outcome> {
  const started = performance.now();
  const dataDir = fs.mkdtempSync(path.join(workDir, `${engine}-`));
  const database = engine === 'postgres' ? await createPostgresDatabase(PG_SERVER_URL, `gonghui_crash_${process.pid}`) : undefined;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PORT: String(port),
    GONGHUI_DATA_DIR: dataDir,
    GONGHUI_SECRET: SECRET,
    GONGHUI_SEED_DEMO: '0',
    GONGHUI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...(database ? { DATABASE_URL: database.url } : {}),
  };
  let server: ServerProcess | undefined;
  try {
    const unionId = await setupUnion(env);
    server = startServer(env);
    if (!(await waitHealthy(port, server, REOPEN_TIMEOUT_MS))) throw new Error(`the server did not start:\n${server.output()}`);
    const cookie = await login(base);
    const upload = multipartFile('会员名册.xlsx', fs.readFileSync(rosterFile));
    const accepted = await fetch(`${base}/api/imports?orgId=${unionId}`, {
      method: 'POST',
      headers: { cookie, 'content-type': upload.contentType },
      body: upload.body,
    });
    if (accepted.status !== 202) throw new Error(`upload: ${accepted.status} ${await accepted.text()}`);
    const jobId = ((await accepted.json()) as ImportJob).id;

    const random = seededRandom(SEED);
    const kills: Kill[] = [];
    for (let n = 1; n <= KILLS; n++) {
      // A kill in each twentieth of the first 90 % of the rows (so the kills reach the end of the import, not only
      // its start, where each restart's re-reading of the committed rows would keep them), no sooner than a random
      // 0.5–4 s after the server answered, and a random 0–1 s after the job passed its row, so kills fall inside
      // batches as well as between them.
      const target = Math.floor((0.9 * ROWS * (n - 1 + random())) / KILLS);
      const minWaitMs = 500 + random() * 3500;
      const phaseMs = random() * 1000;
      const waitStart = Date.now();
      const watcher = watchJob(base, cookie, jobId);
      try {
        while (watcher.latest.rowsRead < target && watcher.latest.status !== 'done' && watcher.latest.status !== 'failed') {
          if (Date.now() - waitStart > FINISH_TIMEOUT_MS) throw new Error(`kill ${n}: the job never reached row ${target}`);
          await sleep(20);
        }
        await sleep(Math.max(waitStart + minWaitMs - Date.now(), phaseMs));
      } finally {
        watcher.stop();
      }
      const before = watcher.latest;
      const afterMs = Date.now() - waitStart;
      await killHard(server);
      const reopening = performance.now();
      server = startServer(env);
      const reopened = await waitHealthy(port, server, REOPEN_TIMEOUT_MS);
      const reopenMs = Math.round(performance.now() - reopening);
      const after = reopened ? await readJob(base, cookie, jobId) : undefined;
      kills.push({
        n,
        target,
        afterMs,
        committedBefore: before.rowsRead,
        statusBefore: before.status,
        reopened,
        reopenMs,
        committedAfter: after?.rowsRead ?? -1,
        statusAfter: after?.status ?? 'unreachable',
      });
      if (!reopened) {
        console.log(`crash ${engine}: kill ${n} — the server did not reopen; its output:\n${server.output()}`);
        break;
      }
    }

    // The last restart carries the job to its end.
    let job = await readJob(base, cookie, jobId);
    const until = Date.now() + FINISH_TIMEOUT_MS;
    while ((job.status === 'running' || job.status === 'queued') && Date.now() < until) {
      await sleep(1000);
      job = await readJob(base, cookie, jobId);
    }
    const cleanStopCode = await stopCleanly(server);
    server = undefined;

    const opened = await openDatabase({ dataDir, databaseUrl: database?.url });
    try {
      const { db } = opened;
      const counts = (
        await sql<{ union_members: number; distinct_ids: number; distinct_phones: number }>`
          SELECT count(*) FILTER (WHERE org_id = ${unionId} AND status = 'member')::int AS union_members,
                 count(DISTINCT id_number_bidx)::int AS distinct_ids,
                 count(DISTINCT phone_bidx)::int AS distinct_phones
            FROM member`.execute(db)
      ).rows[0]!;
      const allMembers = Number(
        (
          await db
            .selectFrom('member')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const jobs = await db
        .selectFrom('import_job')
        .select(['id', 'status', 'rows_read', 'imported', 'rejected', 'duplicates'])
        .orderBy('id')
        .execute();
      return {
        kills,
        job,
        jobs,
        unionMembers: counts.union_members,
        allMembers,
        distinctIds: counts.distinct_ids,
        distinctPhones: counts.distinct_phones,
        coverageMembers: (await findCoverage(db, unionId))?.members,
        coverageDifferences: (await diffCoverage(db)).length,
        cleanStopCode,
        seconds: Math.round((performance.now() - started) / 1000),
      };
    } finally {
      await opened.close();
    }
  } finally {
    if (server) await killHard(server).catch(() => undefined);
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(engine: string, outcome: Outcome): void {
  for (const k of outcome.kills) {
    console.log(
      `crash ${engine}: kill ${String(k.n).padStart(2)} past row ${k.target}, ${(k.afterMs / 1000).toFixed(1)} s after start — committed ≥ ${k.committedBefore} (${k.statusBefore}) before, ` +
        `${k.committedAfter} (${k.statusAfter}) after reopening in ${(k.reopenMs / 1000).toFixed(1)} s`,
    );
  }
  console.log(
    `crash ${engine}: job ${JSON.stringify(outcome.job)}; coverage differences ${outcome.coverageDifferences}; ${outcome.seconds} s`,
  );
  const reopened = outcome.kills.filter((k) => k.reopened).length;
  recordFigure(
    `crash (${engine})`,
    `kills ${outcome.kills.length}, reopened ${reopened}/${outcome.kills.length}, ` +
      `members ${outcome.unionMembers}, duplicates ${outcome.allMembers - outcome.distinctIds}`,
    import.meta.filename,
  );
}

function expectSurvived(outcome: Outcome): void {
  expect(outcome.kills).toHaveLength(KILLS);
  for (const k of outcome.kills) {
    expect(k.reopened, `kill ${k.n}: reopened`).toBe(true);
    // A batch the job had committed before the kill is still there after it.
    expect(k.committedAfter, `kill ${k.n}: committed rows kept`).toBeGreaterThanOrEqual(k.committedBefore);
    expect(k.committedAfter % 1000 === 0 || k.committedAfter === ROWS, `kill ${k.n}: whole batches`).toBe(true);
  }
  // At least most kills hit the import itself, not a finished job.
  expect(outcome.kills.filter((k) => k.statusBefore === 'running').length).toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));
  expect(outcome.job).toMatchObject({ status: 'done', rowsRead: ROWS, imported: ROWS, rejected: 0, duplicates: 0 });
  expect(outcome.jobs).toEqual([expect.objectContaining({ status: 'done', rows_read: ROWS, imported: ROWS, rejected: 0, duplicates: 0 })]);
  expect(outcome.unionMembers).toBe(ROWS);
  expect(outcome.allMembers).toBe(ROWS);
  expect(outcome.distinctIds).toBe(ROWS);
  expect(outcome.distinctPhones).toBe(ROWS);
  expect(outcome.coverageMembers).toBe(ROWS);
  expect(outcome.coverageDifferences).toBe(0);
  expect(outcome.cleanStopCode).toBe(0);
}

describe(`a server killed -9 ${KILLS} times during a ${ROWS}-row roster import`, () => {
  it('on the embedded PGlite reopens every time and finishes with every row exactly once', { timeout: 900_000 }, async () => {
    const outcome = await crashDuringImport('pglite');
    report('pglite', outcome);
    expectSurvived(outcome);
  });

  it.skipIf(!pgReachable)('on PostgreSQL reopens every time and finishes with every row exactly once', { timeout: 900_000 }, async () => {
    const outcome = await crashDuringImport('postgres');
    report('postgres', outcome);
    expectSurvived(outcome);
  });

  it.runIf(!pgReachable)('on PostgreSQL: skipped, no server answers', () => {
    recordFigure('crash (postgres)', `skipped — ${pgUrl.host} is unreachable`, import.meta.filename);
  });
});
