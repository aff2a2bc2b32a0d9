import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../bootstrap.js';
import type { Config } from '../config.js';
import { createDeps } from '../deps.js';
import { openDatabase, type Database } from '../db/client.js';
import { testConfig } from './template.js';
import { seedDemoMembers } from '../seed/members.js';

/** The demo the seed tests read: bootstrapped at the seed pages' scale, 4,000 members in 海淀. */
export type SeededDemo = { database: Database; dir: string; config: Config };

const HAIDIAN = '110108';

/**
 * Bootstraps the demo (every district) with 4,000 members in 海淀 only — enough for 1,500 trips and 126 units — once for
 * the events, matchmaking and competitions seed tests, which then run their own loaders on it in turn.
 */
export async function openSeededDemo(): Promise<SeededDemo> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-demo-seed-'));
  const database = await openDatabase({ dataDir: dir });
  const config = testConfig({ seedDemo: true, demoScale: 0.05, dataDir: dir });
  await bootstrap(database, config);
  const haidian = await database.db
    .selectFrom('org_unit')
    .select('id')
    .where('kind', '=', 'district_federation')
    .where('region_code', '=', HAIDIAN)
    .executeTakeFirstOrThrow();
  await seedDemoMembers(createDeps(database, config), { districtId: haidian.id, target: 4000, extras: false, batchSize: 2000 });
  return { database, dir, config };
}

export async function closeSeededDemo(demo: SeededDemo | undefined): Promise<void> {
  if (!demo) return;
  await demo.database.close();
  fs.rmSync(demo.dir, { recursive: true, force: true });
}
