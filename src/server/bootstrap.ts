import { sql, type Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DB } from './db/schema.js';
import type { Database } from './db/client.js';
import type { DemoRows } from './seed/demo-rows.js';
import { migrate } from './db/migrate.js';
import { generatePassword, hashPassword } from './auth/passwords.js';
import { pinyinKey } from './modules/orgs/orgs.service.js';
import { loadPinyin } from './http/file-libraries.js';
import { insertAudit } from './audit/audit.store.js';

export type BootstrapReport = {
  migrations: string[];
  /** How long the migrations took, in milliseconds. */
  migrationsMs: number;
  /** The demo organisations and employers, when they were loaded on this start, with the milliseconds of each phase. */
  seeded: { orgs: number; employers: number; ms: number; phases: Record<string, number> } | null;
  /** The database holds generated demo data (loaded on this start or an earlier one), so demo members may be added. */
  demo: boolean;
  adminPassword: string | null;
};

const ROOT_NAME = '北京市总工会';

/** The demo every first start seeds: the same seed, the configured scale. */
function demoOptions(config: Config): { seed: number; scale: number } {
  return { seed: 20260521, scale: config.demoScale };
}

/**
 * Starts generating the demo in a worker thread (`generateDemoRows`), for a database known to be new: main.ts calls
 * it before opening a new embedded store, so the generation runs beside the opening and the migrations (#16). The
 * generator, and its division data, are loaded on such a first start only. A failure is reported where the seed
 * awaits the generation; until then it is not an unhandled rejection.
 */
export function startDemoGeneration(config: Config): Promise<DemoRows> {
  const generation = import('./seed/demo.js').then((demo) => demo.generateDemoRows(demoOptions(config)));
  generation.catch(() => undefined);
  return generation;
}

/**
 * Brings a database to a usable state: migrations, then on an empty database the demo data (or just
 * the city federation), then the `admin` account with federation_admin on the root. Idempotent.
 * `demoGeneration`: `startDemoGeneration`'s, when the caller started it; else it is started here for a database
 * with nothing migrated yet, before the migrations run.
 */
export async function bootstrap(database: Database, config: Config, demoGeneration?: Promise<DemoRows>): Promise<BootstrapReport> {
  const { db } = database;
  let generation = demoGeneration;
  if (!generation && config.seedDemo) {
    const { rows } = await sql<{ migrations: string | null }>`SELECT to_regclass('schema_migration')::text AS migrations`.execute(db);
    if ((rows[0]?.migrations ?? null) === null) generation = startDemoGeneration(config);
  }
  const migrationsStarted = performance.now();
  const migrations = await migrate(database);
  const migrationsMs = Math.round(performance.now() - migrationsStarted);
  await rekeyPinyinV(db);
  let seeded: BootstrapReport['seeded'] = null;
  const anyOrg = await db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
  if (!anyOrg) {
    if (config.seedDemo) {
      const { seedDemo } = await import('./seed/demo.js');
      seeded = await seedDemo(database, demoOptions(config), generation);
    } else {
      await db.transaction().execute(async (tx) => {
        const root = await tx
          .insertInto('org_unit')
          .values({
            id: 1,
            parent_id: null,
            path: '1',
            kind: 'city_federation',
            name: ROOT_NAME,
            name_pinyin: pinyinKey(ROOT_NAME),
            region_code: '110000',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.insertInto('org_coverage').values({ org_id: root.id }).execute();
        await sql`SELECT setval(pg_get_serial_sequence('org_unit', 'id'), 1)`.execute(tx);
      });
    }
  }
  // seedDemo's first audit entry marks generated data; a database built by hand never has it there.
  const first = await db.selectFrom('audit_log').select('action').orderBy('id').limit(1).executeTakeFirst();
  const demo = first?.action === 'demo.seed';
  let adminPassword: string | null = null;
  const admin = await db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (!admin) {
    const password = config.adminPassword ?? generatePassword();
    if (!config.adminPassword) adminPassword = password;
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (tx) => {
      const root = await tx.selectFrom('org_unit').select(['id', 'path']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
      const user = await tx
        .insertInto('app_user')
        .values({ username: 'admin', display_name: '系统管理员', password_hash: passwordHash, must_change_password: !config.adminPassword })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('role_grant')
        .values({ user_id: user.id, org_id: root.id, org_path: root.path, role: 'federation_admin' })
        .execute();
      await insertAudit(tx, {
        userId: null,
        username: 'system',
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        orgPath: root.path,
        result: 'ok',
        ip: null,
        detail: { username: 'admin' },
      });
    });
  }
  return { migrations, migrationsMs, seeded, demo, adminPassword };
}

const PINYIN_V_DONE = 'pinyin_v_rekeyed';
const REKEY_BATCH = 1000;

/**
 * Rewrites the pinyin keys written before ü was kept as v (吕 was "l l", now "l lv"), once per database: only names
 * holding a character that may be read with ü can differ. Idempotent; a marker in `app_setting` skips it afterwards.
 */
export async function rekeyPinyinV(db: Kysely<DB>): Promise<{ orgs: number; members: number }> {
  const done = await db.selectFrom('app_setting').select('value').where('key', '=', PINYIN_V_DONE).executeTakeFirst();
  if (done) return { orgs: 0, members: 0 };
  // A new database holds no key written the old way: mark it without the scan of every CJK character (~0.3 s).
  const anyName = await sql<{ one: number }>`SELECT 1 AS one FROM org_unit UNION ALL SELECT 1 FROM member LIMIT 1`.execute(db);
  if (anyName.rows.length === 0) {
    await markPinyinVDone(db);
    return { orgs: 0, members: 0 };
  }
  const pinyin = loadPinyin();
  let withU = '';
  for (let code = 0x3400; code <= 0x9fff; code++) {
    const char = String.fromCharCode(code);
    if (pinyin(char, { multiple: true, type: 'array', toneType: 'none' }).some((p) => p.includes('ü'))) withU += char;
  }
  const pattern = `[${withU}]`;
  const orgRows = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'name_pinyin'])
    .where(sql<boolean>`name ~ ${pattern}`)
    .execute();
  const orgs = orgRows.map((r) => ({ ...r, key: pinyinKey(r.name) })).filter((r) => r.key !== r.name_pinyin);
  const memberRows = await db
    .selectFrom('member')
    .select(['region_id', 'id', 'name', 'name_pinyin'])
    .where(sql<boolean>`name ~ ${pattern}`)
    .execute();
  const members = memberRows.map((r) => ({ ...r, key: pinyinKey(r.name) })).filter((r) => r.key !== r.name_pinyin);
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < orgs.length; i += REKEY_BATCH) {
      const rows = sql.join(orgs.slice(i, i + REKEY_BATCH).map((r) => sql`(${r.id}::bigint, ${r.key}::text)`));
      await sql`UPDATE org_unit o SET name_pinyin = k.key FROM (VALUES ${rows}) AS k(id, key) WHERE o.id = k.id`.execute(tx);
    }
    for (let i = 0; i < members.length; i += REKEY_BATCH) {
      const rows = sql.join(members.slice(i, i + REKEY_BATCH).map((r) => sql`(${r.region_id}::bigint, ${r.id}::bigint, ${r.key}::text)`));
      await sql`UPDATE member m SET name_pinyin = k.key FROM (VALUES ${rows}) AS k(region_id, id, key)
                WHERE m.region_id = k.region_id AND m.id = k.id`.execute(tx);
    }
    await markPinyinVDone(tx);
  });
  return { orgs: orgs.length, members: members.length };
}

async function markPinyinVDone(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key: PINYIN_V_DONE, value: 'done' })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
