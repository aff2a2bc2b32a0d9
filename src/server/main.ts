import { loadConfig } from './config.js';
import { isNewEmbeddedStore, openDatabase } from './db/client.js';
import { startEmbeddedMaintenance } from './db/maintenance.js';
import { bootstrap, startDemoGeneration } from './bootstrap.js';
import { buildApp } from './app.js';
import { AppError } from '../common/errors.js';
import { deleteExpiredSessions } from './auth/auth.repo.js';
import { deleteExpiredMemberSessions } from './auth/member-session.js';
import { deleteOldChallenges } from './modules/otp/otp.repo.js';
import { confirmDueTransfers } from './modules/transfers/transfers.service.js';
import { resumeUnfinishedImports, sweepExpiredImportFiles } from './modules/imports/imports.service.js';
import { DEMO_MEMBERS_DONE } from './seed/members.types.js';
import { createSnapshotJob } from './modules/coverage/coverage.snapshot-job.js';

/** What start-up has opened so far, closed in reverse order on shutdown. */
const closers: { name: string; close: () => Promise<void> | void }[] = [];
let stopSignal: string | undefined;
/** Resolves when start-up has finished or stopped at a checkpoint because a signal arrived. */
let startup: Promise<void> = Promise.resolve();

/**
 * Shuts down on SIGINT/SIGTERM, also during start-up: the step in progress (a migration, the demo seed) is let
 * finish, start-up goes no further, then whatever was opened is closed and the process ends with 0.
 */
async function shutdown(signal: string): Promise<void> {
  if (stopSignal) return;
  stopSignal = signal;
  process.stderr.write(`${signal}: shutting down\n`);
  await startup.catch(() => undefined);
  try {
    for (const { close } of closers.reverse()) await close();
    process.exit(0);
  } catch (error) {
    process.stderr.write(`unclean shutdown: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/** Starts the platform: open (or create) the database, migrate and seed, listen. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  // A new embedded store gets the demo: generated in a worker thread while the store is made and migrated (#16).
  const demoGeneration = config.seedDemo && isNewEmbeddedStore(config) ? startDemoGeneration(config) : undefined;
  const database = await openDatabase(config);
  closers.push({ name: 'database', close: () => database.close() });
  if (stopSignal) return;
  const report = await bootstrap(database, config, demoGeneration);
  if (stopSignal) return;
  const app = await buildApp(database, config, { logger: true });
  closers.push({ name: 'http', close: () => app.close() });
  closers.push({ name: 'imports', close: () => app.importQueue.stop() });
  // Demo members for every district arrive in the background after the first answer, batch by batch, giving way to
  // requests; GET /api/public/demo-status and the console's banner say how far. A restart carries on.
  // GONGHUI_DEMO_MEMBERS sets the city's total (0: none); only a database that holds the generated demo data gets them.
  const demoMembersEnv = process.env.GONGHUI_DEMO_MEMBERS;
  const demoTotal = demoMembersEnv ? Number(demoMembersEnv) : undefined;
  if (demoTotal !== undefined && !(Number.isInteger(demoTotal) && demoTotal >= 0)) {
    throw new Error(`GONGHUI_DEMO_MEMBERS must be a non-negative integer, got "${demoMembersEnv}"`);
  }
  // A demo loaded to the end on an earlier start (its mark in app_setting) has nothing left to load.
  const isDemoLoading =
    config.seedDemo &&
    report.demo &&
    demoTotal !== 0 &&
    !(await database.db.selectFrom('app_setting').select('key').where('key', '=', DEMO_MEMBERS_DONE).executeTakeFirst());
  // Said from the first answer on, so the console's first page already shows the banner.
  if (isDemoLoading) app.deps.demoStatus.loading = true;
  if (stopSignal) return;
  await app.listen({ port: config.port, host: config.host });
  const where = database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const shownHost = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  app.log.info(`gonghui ready on http://${shownHost}:${config.port} — ${where} — in ${Math.round(performance.now() - started)} ms`);
  if (report.migrations.length > 0) app.log.info(`${report.migrations.length} migrations applied in ${report.migrationsMs} ms`);
  if (report.seeded) {
    const phases = Object.entries(report.seeded.phases).map(([phase, ms]) => `${phase} ${ms}`);
    app.log.info(
      `demo data: ${report.seeded.orgs} organisations, ${report.seeded.employers} employers in ${report.seeded.ms} ms (${phases.join(', ')})`,
    );
  }
  if (report.adminPassword) {
    // Printed once, on the console only: it is not stored anywhere in clear. Written in the same tick as listen()
    // returns, so whoever gets the first healthy answer can already read it.
    process.stdout.write(
      `\n  首次启动已创建管理员账号 / First start created the admin account\n  用户名 username: admin\n  密码 password:  ${report.adminPassword}\n  （仅显示这一次，请妥善保存 / shown only this once）\n\n`,
    );
  }
  if (isDemoLoading && !stopSignal) {
    const { runDemoMembersInBackground } = await import('./seed/members.js');
    if (stopSignal) return;
    const demoMembers = runDemoMembersInBackground(app.deps, app.log, demoTotal);
    closers.push({ name: 'demo members', close: () => demoMembers.stop() });
  }
  if (stopSignal) return;
  const resumed = await resumeUnfinishedImports(app.deps, app.importQueue);
  if (resumed > 0) app.log.info(`resuming ${resumed} unfinished roster imports`);
  // Housekeeping: expired sessions, transfers whose confirmation period has run out, import files past retention,
  // the coverage snapshot at month end.
  const snapshotJob = createSnapshotJob(database.db, app.log);
  const sweep = setInterval(() => {
    deleteExpiredSessions(database.db, config.sessionIdleMinutes).catch((error: unknown) =>
      app.log.error({ err: error }, 'session sweep failed'),
    );
    Promise.all([deleteExpiredMemberSessions(database.db, config.memberSessionIdleMinutes), deleteOldChallenges(database.db)]).catch(
      (error: unknown) => app.log.error({ err: error }, 'member session sweep failed'),
    );
    confirmDueTransfers(app.deps)
      .then((n) => n > 0 && app.log.info(`auto-confirmed ${n} transfers`))
      .catch((error: unknown) => app.log.error({ err: error }, 'transfer sweep failed'));
    sweepExpiredImportFiles(app.deps)
      .then((n) => n.expired + n.orphans > 0 && app.log.info(n, 'import files removed'))
      .catch((error: unknown) => app.log.error({ err: error }, 'import file sweep failed'));
    snapshotJob.tick().catch((error: unknown) => app.log.error({ err: error }, 'coverage snapshot failed'));
  }, 60_000);
  sweep.unref();
  closers.push({ name: 'sweep', close: () => clearInterval(sweep) });
  // PGlite runs no autovacuum: the server sees to it (db/maintenance.ts).
  if (database.engine === 'pglite' && config.vacuumMinutes > 0) {
    const maintenance = startEmbeddedMaintenance(database.db, app.log, config.vacuumMinutes * 60_000);
    closers.push({ name: 'vacuum', close: () => maintenance.stop() });
  }
}

// Installed before anything starts, so a signal in the first moments (even before listen) ends the process cleanly.
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
startup = main();

startup.catch((error: unknown) => {
  if (error instanceof AppError) {
    process.stderr.write(`${error.toBody('zh-CN').message}\n${error.message}\n`);
  } else {
    process.stderr.write(`启动失败 / start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
