import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { bootstrap } from './bootstrap.js';
import { buildApp } from './app.js';
import { AppError } from '../common/errors.js';
import { deleteExpiredSessions } from './auth/auth.repo.js';
import { deleteExpiredMemberSessions } from './auth/member-session.js';
import { deleteOldChallenges } from './modules/otp/otp.repo.js';
import { confirmDueTransfers } from './modules/transfers/transfers.service.js';
import { resumeUnfinishedImports, sweepExpiredImportFiles } from './modules/imports/imports.service.js';

/** Starts the platform: open (or create) the database, migrate and seed, listen; shut down cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const database = await openDatabase(config);
  const report = await bootstrap(database, config);
  const app = await buildApp(database, config, { logger: true });
  await app.listen({ port: config.port, host: config.host });
  const where = database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  app.log.info(`gonghui ready on http://localhost:${config.port} — ${where} — in ${Math.round(performance.now() - started)} ms`);
  if (report.seeded)
    app.log.info(`demo data: ${report.seeded.orgs} organisations, ${report.seeded.employers} employers in ${report.seeded.ms} ms`);
  if (report.adminPassword) {
    // Printed once, on the console only: it is not stored anywhere in clear. Written in the same tick as listen()
    // returns, so whoever gets the first healthy answer can already read it.
    process.stdout.write(
      `\n  首次启动已创建管理员账号 / First start created the admin account\n  用户名 username: admin\n  密码 password:  ${report.adminPassword}\n  （仅显示这一次，请妥善保存 / shown only this once）\n\n`,
    );
  }
  // Demo members (东城's 17.9万) arrive in the background after the first answer, batch by batch; a restart carries on.
  // GONGHUI_DEMO_MEMBERS sets how many (0: none); only a database that holds the generated demo data gets them.
  const demoMembersEnv = process.env.GONGHUI_DEMO_MEMBERS;
  const demoTarget = demoMembersEnv ? Number(demoMembersEnv) : undefined;
  if (demoTarget !== undefined && !(Number.isInteger(demoTarget) && demoTarget >= 0)) {
    throw new Error(`GONGHUI_DEMO_MEMBERS must be a non-negative integer, got "${demoMembersEnv}"`);
  }
  let demoMembers: { stop(): Promise<void> } | null = null;
  if (config.seedDemo && report.demo && demoTarget !== 0) {
    const { runDemoMembersInBackground } = await import('./db/seed/members.js');
    demoMembers = runDemoMembersInBackground(app.deps, app.log, demoTarget);
  }
  const resumed = await resumeUnfinishedImports(app.deps, app.importQueue);
  if (resumed > 0) app.log.info(`resuming ${resumed} unfinished roster imports`);
  // Housekeeping: expired sessions, transfers whose confirmation period has run out, import files past retention.
  const sweep = setInterval(() => {
    deleteExpiredSessions(database.db, config.sessionIdleMinutes).catch((error: unknown) =>
      app.log.error({ err: error }, 'session sweep failed'),
    );
    Promise.all([deleteExpiredMemberSessions(database.db, config.memberSessionIdleMinutes), deleteOldChallenges(database.db)]).catch(
      (error: unknown) => app.log.error({ err: error }, 'member session sweep failed'),
    );
    confirmDueTransfers(database.db)
      .then((n) => n > 0 && app.log.info(`auto-confirmed ${n} transfers`))
      .catch((error: unknown) => app.log.error({ err: error }, 'transfer sweep failed'));
    sweepExpiredImportFiles(app.deps)
      .then((n) => n.expired + n.orphans > 0 && app.log.info(n, 'import files removed'))
      .catch((error: unknown) => app.log.error({ err: error }, 'import file sweep failed'));
  }, 60_000);
  sweep.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    clearInterval(sweep);
    try {
      await demoMembers?.stop();
      await app.importQueue.stop();
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    process.stderr.write(`${error.toBody('zh-CN').message}\n${error.message}\n`);
  } else {
    process.stderr.write(`启动失败 / start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
