import { openDatabase } from '../src/server/db/client.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { pinyinKey } from '../src/server/modules/orgs/orgs.service.js';
import { rebuildCoverage } from '../src/server/modules/coverage/coverage.rollup.js';

/**
 * Bootstraps the database of `env` (root only, no demo) and adds 东城 → a street → a union, written directly and
 * the roll-up rebuilt (a fixture for benchmarks, not a model of how nodes are made); returns the union's id.
 */
export default async function setupUnion(env: Record<string, string>): Promise<number> {
  const config = { ...loadConfig({ ...process.env, ...env }), adminPassword: 'Bench-Admin-2026' };
  const database = await openDatabase(config);
  try {
    await bootstrap(database, config);
    let parentPath = '1';
    let parentId = 1;
    for (const [kind, name] of [
      ['district_federation', '东城区总工会'],
      ['street_federation', '东华门街道总工会'],
      ['grassroots_union', '基准测试工会'],
    ] as const) {
      const row = await database.db
        .insertInto('org_unit')
        .values({ parent_id: parentId, path: '0', kind, name, name_pinyin: pinyinKey(name) })
        .returning('id')
        .executeTakeFirstOrThrow();
      parentPath = `${parentPath}.${row.id}`;
      await database.db.updateTable('org_unit').set({ path: parentPath }).where('id', '=', row.id).execute();
      await database.db.updateTable('org_unit').set({ child_count: 1 }).where('id', '=', parentId).execute();
      await database.db.insertInto('org_coverage').values({ org_id: row.id }).execute();
      parentId = row.id;
    }
    await database.db.transaction().execute((tx) => rebuildCoverage(tx));
    return parentId;
  } finally {
    await database.close();
  }
}
