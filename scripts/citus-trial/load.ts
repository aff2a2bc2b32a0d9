/**
 * The trial's world: what `npm start` builds on an empty database (migrations, the Beijing demo tree, the admin, the
 * demo members of 东城 through the members service), plus members spread over every district by the benchmark
 * fixture, so that the skew of 16 districts over the workers can be measured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/server/config.js';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { loadFixture } from '../../bench/lib/fixture.js';
import type { Store } from '../../bench/lib/context.js';
import { seedDemoMembers } from '../../src/server/seed/members.js';
import { checkPiiKey, createDeps } from '../../src/server/deps.js';

/** A fixed master secret and admin password: the trial database is thrown away after the run. */
export const TRIAL_ADMIN_PASSWORD = 'Citus-Trial-Admin-2026';
const TRIAL_SECRET = 'c'.repeat(64);

/** The configuration of `npm start` on `databaseUrl`, with the trial's secret and admin password and roomy limits. */
export function trialConfig(databaseUrl: string): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-citus-trial-'));
  return {
    ...loadConfig({
      ...process.env,
      DATABASE_URL: databaseUrl,
      GONGHUI_DATA_DIR: dataDir,
      GONGHUI_SECRET: TRIAL_SECRET,
      GONGHUI_ADMIN_PASSWORD: TRIAL_ADMIN_PASSWORD,
      GONGHUI_PRINT_MESSAGES: '0',
      LOG_LEVEL: 'warn',
    }),
    // A trial calls the public pages and the sign-in from one address many times within minutes.
    loginRateLimitPerMinute: 10_000,
    publicRateLimitPerMinute: 10_000,
    otpPerIpPerHour: 10_000,
    otpPerPhonePerHour: 1_000,
    transferLookupsPerHour: 1_000,
  };
}

export type LoadReport = { spreadMembers: number; spreadSeconds: number; demoMembers: number; demoSeconds: number };

/**
 * Bootstraps the empty database as `npm start` does (loadFixture calls bootstrap with the demo data on), writes
 * `spread` members over the whole city, then adds 东城's demo members through the members service until 东城 has
 * `demoTarget` (undefined: npm start's default).
 */
export async function loadWorld(config: Config, spread: number, demoTarget: number | undefined): Promise<LoadReport> {
  const store: Store = {
    engine: 'postgres',
    dataDir: config.dataDir,
    env: {},
    config: { ...config, seedDemo: true },
    open: () => openDatabase(config),
    drop: async () => undefined,
  };
  const started = performance.now();
  const fixture = await loadFixture(store, spread);
  const spreadSeconds = (performance.now() - started) / 1000;
  try {
    const deps = createDeps(fixture.database, config);
    await checkPiiKey(deps.db, deps.cipher);
    const demo = await seedDemoMembers(deps, {
      ...(demoTarget === undefined ? {} : { target: demoTarget }),
      onProgress: (done, total) => process.stderr.write(`demo members of 东城: ${done} / ${total}\r`),
    });
    process.stderr.write('\n');
    return { spreadMembers: spread, spreadSeconds, demoMembers: demo.members, demoSeconds: demo.ms / 1000 };
  } finally {
    await fixture.close();
  }
}

export async function openTrialDatabase(config: Config): Promise<Database> {
  return openDatabase(config);
}
