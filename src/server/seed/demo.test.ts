import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSitUnder, type OrgKind } from '../../common/orgs.js';
import { checkUscc } from '../../common/uscc.js';
import { diffCoverage } from '../modules/coverage/coverage.rollup.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { DONGCHENG_CODE, DONGCHENG_EMPLOYERS_COVERED, DONGCHENG_UNIONS } from './beijing.js';
import { DEFAULT_DEMO_SEED, seedDemo, type SeedReport } from './demo.js';
import { generateDemo } from './generate.js';

const SMALL = 0.05;

async function freshDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-seed-test-'));
  const database = await openDatabase({ dataDir: dir });
  await migrate(database);
  return {
    database,
    dispose: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('the demo data generator', () => {
  it('gives the same data for the same seed and different data for another seed', () => {
    const first = generateDemo({ seed: 7, scale: SMALL });
    const second = generateDemo({ seed: 7, scale: SMALL });
    const other = generateDemo({ seed: 8, scale: SMALL });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(other.employers.map((e) => e.name)).not.toEqual(first.employers.map((e) => e.name));
  });
});

describe('seedDemo at a small scale', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let report: SeedReport;

  beforeAll(async () => {
    fresh = await freshDatabase();
    report = await seedDemo(fresh.database, { seed: DEFAULT_DEMO_SEED, scale: SMALL });
  });
  afterAll(async () => {
    await fresh?.dispose();
  });

  it('stores exactly the generated organisations and employers, ids and names', async () => {
    const expected = generateDemo({ seed: DEFAULT_DEMO_SEED, scale: SMALL });
    const { db } = fresh.database;
    const orgs = await db.selectFrom('org_unit').select(['id', 'name', 'path', 'name_pinyin']).orderBy('id').execute();
    const employers = await db.selectFrom('employer').select(['id', 'name', 'uscc', 'org_path']).orderBy('id').execute();
    expect(report).toMatchObject({ orgs: expected.orgs.length, employers: expected.employers.length });
    expect(orgs).toEqual(expected.orgs.map((o) => ({ id: o.id, name: o.name, path: o.path, name_pinyin: o.namePinyin })));
    expect(employers).toEqual(expected.employers.map((e) => ({ id: e.id, name: e.name, uscc: e.uscc, org_path: e.orgPath })));
  });

  it('builds every path from the parent chain and counts children correctly', async () => {
    const { rows } = await sql<{ bad_paths: number; bad_counts: number }>`
      SELECT (SELECT count(*)::int FROM org_unit c LEFT JOIN org_unit p ON p.id = c.parent_id
               WHERE c.path::text IS DISTINCT FROM coalesce(p.path::text || '.', '') || c.id) AS bad_paths,
             (SELECT count(*)::int FROM org_unit o
               WHERE o.child_count <> (SELECT count(*) FROM org_unit c WHERE c.parent_id = o.id)) AS bad_counts`.execute(fresh.database.db);
    expect(rows[0]).toEqual({ bad_paths: 0, bad_counts: 0 });
  });

  it('puts every kind under a parent kind it may sit under, with one root', async () => {
    const { rows } = await sql<{ kind: OrgKind; parent_kind: OrgKind | null }>`
      SELECT DISTINCT c.kind, p.kind AS parent_kind FROM org_unit c LEFT JOIN org_unit p ON p.id = c.parent_id`.execute(fresh.database.db);
    const wrong = rows.filter((r) => (r.parent_kind === null ? r.kind !== 'city_federation' : !canSitUnder(r.kind, r.parent_kind)));
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => r.parent_kind === null)).toEqual([{ kind: 'city_federation', parent_kind: null }]);
  });

  it('gives 东城 its 17 streets with their division codes, and every district its region code', async () => {
    const { db } = fresh.database;
    const dongcheng = await db.selectFrom('org_unit').selectAll().where('name', '=', '东城区总工会').executeTakeFirstOrThrow();
    expect(dongcheng).toMatchObject({ kind: 'district_federation', region_code: DONGCHENG_CODE, path: `1.${dongcheng.id}` });
    expect(dongcheng.name_pinyin).toBe('dcqzgh dongchengquzonggonghui');
    const streets = await db
      .selectFrom('org_unit')
      .select(['name', 'region_code'])
      .where('parent_id', '=', dongcheng.id)
      .where('kind', '=', 'street_federation')
      .orderBy('region_code')
      .execute();
    expect(streets).toHaveLength(17);
    expect(streets[0]).toEqual({ name: '东华门街道总工会', region_code: '110101001' });
    expect(streets.every((s) => s.region_code?.startsWith(DONGCHENG_CODE))).toBe(true);
    const districts = await db.selectFrom('org_unit').select('region_code').where('kind', '=', 'district_federation').execute();
    expect(districts).toHaveLength(16);
    expect(districts.every((d) => /^1101\d\d$/.test(d.region_code ?? ''))).toBe(true);
  });

  it('gives every employer a valid, unique USCC', async () => {
    const rows = await fresh.database.db.selectFrom('employer').select('uscc').execute();
    const codes = rows.map((r) => r.uscc ?? '');
    expect(codes.filter((c) => checkUscc(c) !== null)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('attributes each employer to its covering union, else to its street', async () => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n
        FROM employer e
        JOIN org_unit s ON s.id = e.street_org_id
        LEFT JOIN org_unit u ON u.id = e.union_org_id
       WHERE s.kind <> 'street_federation'
          OR (u.id IS NOT NULL AND u.kind NOT IN ('grassroots_union', 'joint_union', 'branch'))
          OR e.org_path <> coalesce(u.path, s.path)`.execute(fresh.database.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('leaves the coverage roll-up equal to a fresh computation, and the id sequences past the data', async () => {
    const { db } = fresh.database;
    expect(await diffCoverage(db)).toEqual([]);
    const { rows } = await sql<{ next: number; max: number }>`
      SELECT nextval(pg_get_serial_sequence('org_unit', 'id'))::int AS next, (SELECT max(id)::int FROM org_unit) AS max`.execute(db);
    expect(rows[0]?.next).toBeGreaterThan(rows[0]?.max ?? Infinity);
  });

  it('refuses to seed a tree that is not empty', async () => {
    await expect(seedDemo(fresh.database, { scale: SMALL })).rejects.toThrow(/empty/);
  });
});

describe('seedDemo of 东城 at full scale', () => {
  it('matches the newspaper: 1793 grassroots and joint unions, 8327 employers covered', async () => {
    const fresh = await freshDatabase();
    try {
      await seedDemo(fresh.database, { scale: 1, districts: [DONGCHENG_CODE] });
      const figures = await fresh.database.db
        .selectFrom('org_coverage as c')
        .innerJoin('org_unit as o', 'o.id', 'c.org_id')
        .select(['c.grassroots_unions', 'c.employers_covered', 'c.employers', 'c.employers_100plus', 'c.employers_100plus_covered'])
        .where('o.name', '=', '东城区总工会')
        .executeTakeFirstOrThrow();
      expect(figures).toMatchObject({ grassroots_unions: DONGCHENG_UNIONS, employers_covered: DONGCHENG_EMPLOYERS_COVERED });
      expect(figures.employers).toBeGreaterThan(DONGCHENG_EMPLOYERS_COVERED);
      // 建会率 among units of 100+ staff between 90 % and 96 %
      const rate = figures.employers_100plus_covered / figures.employers_100plus;
      expect(rate).toBeGreaterThanOrEqual(0.9);
      expect(rate).toBeLessThanOrEqual(0.96);
    } finally {
      await fresh.dispose();
    }
  });
});
