import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createTestContext, type TestContext } from '../testing/harness.js';
import { distribute, NOT_CITUS, planDistribution, type CitusTable } from './distribute.js';
import { layoutViolations, readLayout, type ForeignKey, type Layout, type TablePlacement } from './layout.js';
import { splitStatements } from './sql-statements.js';
import type { DB } from './schema.js';

describe('distribute on a database without Citus', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => ctx?.close());

  it('says there is nothing to distribute and changes nothing', async () => {
    const before = await readLayout(ctx.database.db);
    expect(await distribute(ctx.database.db)).toEqual([NOT_CITUS]);
    expect(await readLayout(ctx.database.db)).toEqual(before);
  });
});

const place = (
  table_name: string,
  placement: TablePlacement['placement'],
  distribution_column: string | null = null,
  colocate_with: string | null = null,
) => ({
  table_name,
  placement,
  distribution_column,
  colocate_with,
});
const fk = (table: string, columns: string[], referencedTable: string, referencedColumns = ['id']): ForeignKey => ({
  table,
  name: `${table}_${columns.join('_')}_fkey`,
  columns,
  referencedTable,
  referencedColumns,
  definition: `FOREIGN KEY (${columns.join(', ')}) REFERENCES ${referencedTable}(${referencedColumns.join(', ')})`,
});

// The shape of the platform's schema: a tree of reference tables that refer to each other, member-owned tables
// co-located with member, a claim table sharded by another column, and coordinator tables.
const layout: Layout = {
  tables: [],
  columns: [],
  uniqueIndexes: [],
  placements: [
    place('audit_log', 'distributed', 'region_id', 'member'),
    place('collaboration_zone', 'reference'),
    place('member', 'distributed', 'region_id'),
    place('member_application', 'distributed', 'region_id', 'member'),
    place('member_claim', 'distributed', 'id_number_bidx'),
    place('member_transfer', 'distributed', 'region_id', 'member_application'),
    place('org_coverage', 'coordinator'),
    place('org_unit', 'reference'),
    place('schema_migration', 'coordinator'),
    place('session_note', 'coordinator'),
    place('user_session', 'coordinator'),
  ],
  foreignKeys: [
    fk('collaboration_zone', ['org_id'], 'org_unit'),
    fk('member', ['org_id'], 'org_unit'),
    fk('member_application', ['region_id', 'member_id'], 'member', ['region_id', 'id']),
    fk('member_transfer', ['region_id', 'application_id'], 'member_application', ['region_id', 'id']),
    fk('member_transfer', ['region_id', 'member_id'], 'member', ['region_id', 'id']),
    fk('org_coverage', ['org_id'], 'org_unit'),
    fk('org_unit', ['parent_id'], 'org_unit'),
    fk('org_unit', ['zone_id'], 'collaboration_zone'),
    fk('session_note', ['session_id'], 'user_session'),
  ],
};

describe('planDistribution', () => {
  const plan = planDistribution(layout, new Map());

  it('makes the reference tables together, their foreign keys to each other dropped first and re-created after', () => {
    expect(plan.reference).toEqual(['collaboration_zone', 'org_unit']);
    expect(plan.foreignKeys.map((key) => key.name)).toEqual(
      expect.arrayContaining(['org_unit_zone_id_fkey', 'collaboration_zone_org_id_fkey']),
    );
  });

  it("distributes each colocation group's first table first, then referenced tables before referencing ones", () => {
    expect(plan.distributed).toEqual([
      { table: 'member', column: 'region_id', colocateWith: null },
      { table: 'audit_log', column: 'region_id', colocateWith: 'member' },
      { table: 'member_application', column: 'region_id', colocateWith: 'member' },
      { table: 'member_claim', column: 'id_number_bidx', colocateWith: null },
      { table: 'member_transfer', column: 'region_id', colocateWith: 'member' },
    ]);
  });

  it('adds a coordinator table reaching a reference table to the metadata, and leaves the others plain', () => {
    expect(plan.coordinatorInMetadata).toEqual(['org_coverage']);
    expect(plan.keptLocal).toEqual(['schema_migration', 'session_note', 'user_session']);
    expect(
      planDistribution({ ...layout, foreignKeys: [...layout.foreignKeys, fk('user_session', ['org_id'], 'org_unit')] }, new Map())
        .coordinatorInMetadata,
    ).toEqual(['org_coverage', 'session_note', 'user_session']);
  });

  it('skips every table already placed, so a second run changes nothing', () => {
    const placed = new Map<string, CitusTable>(
      layout.placements.map((p) => [
        p.table_name,
        p.placement === 'distributed'
          ? { kind: 'distributed', column: p.distribution_column! }
          : p.placement === 'reference'
            ? { kind: 'reference' }
            : { kind: 'local' },
      ]),
    );
    placed.delete('schema_migration');
    const again = planDistribution(layout, placed);
    expect(again).toMatchObject({
      foreignKeys: [],
      reference: [],
      distributed: [],
      coordinatorInMetadata: [],
      keptLocal: ['schema_migration'],
    });
    expect(again.skipped).toHaveLength(layout.placements.length - 1);
  });

  it('refuses a table Citus already holds in another placement', () => {
    expect(() => planDistribution(layout, new Map([['member', { kind: 'distributed', column: 'org_id' }]]))).toThrow(
      'member is already distributed by org_id, but table_placement says distributed by region_id: undistribute_table() it first',
    );
  });
});

// Against a real Citus coordinator when TEST_CITUS_URL names a database with the citus extension and its workers
// (/work/citus/cluster.sh reset-db NAME): a small schema of its own in schema distribute_probe, dropped afterwards.
const citusUrl = process.env.TEST_CITUS_URL;
const probeSchema = `
  CREATE SCHEMA distribute_probe;
  CREATE TABLE table_placement (table_name text PRIMARY KEY, placement text NOT NULL, distribution_column text, colocate_with text);
  CREATE TABLE region (id bigint PRIMARY KEY, zone_id bigint, name text NOT NULL);
  CREATE TABLE zone (id bigint PRIMARY KEY, region_id bigint NOT NULL REFERENCES region (id));
  ALTER TABLE region ADD CONSTRAINT region_zone_fk FOREIGN KEY (zone_id) REFERENCES zone (id);
  CREATE TABLE person (region_id bigint NOT NULL REFERENCES region (id), id bigint NOT NULL, name text, PRIMARY KEY (region_id, id));
  CREATE TABLE visit (region_id bigint NOT NULL, id bigint NOT NULL, person_id bigint NOT NULL,
    PRIMARY KEY (region_id, id), FOREIGN KEY (region_id, person_id) REFERENCES person (region_id, id));
  CREATE TABLE claim (code text PRIMARY KEY, region_id bigint NOT NULL);
  CREATE TABLE audit (region_id bigint NOT NULL, id bigint NOT NULL, action text NOT NULL, PRIMARY KEY (region_id, id));
  CREATE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit is append-only'; END $$;
  CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_refuse();
  CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse();
  CREATE TABLE counter (region_id bigint PRIMARY KEY REFERENCES region (id), n integer NOT NULL);
  CREATE TABLE counter_note (region_id bigint PRIMARY KEY REFERENCES counter (region_id));
  CREATE TABLE migration (version integer PRIMARY KEY);
  INSERT INTO table_placement VALUES ('table_placement', 'reference', NULL, NULL), ('region', 'reference', NULL, NULL),
    ('zone', 'reference', NULL, NULL), ('person', 'distributed', 'region_id', NULL), ('visit', 'distributed', 'region_id', 'person'),
    ('claim', 'distributed', 'code', NULL), ('audit', 'distributed', 'region_id', 'person'), ('counter', 'coordinator', NULL, NULL),
    ('counter_note', 'coordinator', NULL, NULL), ('migration', 'coordinator', NULL, NULL);
  INSERT INTO region VALUES (1, NULL, 'one'), (2, NULL, 'two');
  INSERT INTO zone VALUES (10, 1);
  UPDATE region SET zone_id = 10 WHERE id = 1;
  INSERT INTO person SELECT 1 + i % 2, i, 'p' || i FROM generate_series(1, 20) i;
  INSERT INTO visit SELECT region_id, id, id FROM person;
  INSERT INTO claim SELECT 'c' || id, region_id FROM person;
  INSERT INTO audit VALUES (1, 1, 'created');
  INSERT INTO counter VALUES (1, 20);
  INSERT INTO counter_note VALUES (1);
`;

describe.skipIf(!citusUrl)('distribute on Citus', () => {
  let pool: pg.Pool;
  let db: Kysely<DB>;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: citusUrl, max: 1, options: '-c search_path=distribute_probe' });
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await sql`DROP SCHEMA IF EXISTS distribute_probe CASCADE`.execute(db);
    for (const statement of splitStatements(probeSchema)) await sql.raw(statement).execute(db);
  });
  afterAll(async () => {
    await sql`DROP SCHEMA IF EXISTS distribute_probe CASCADE`.execute(db);
    await db.destroy();
  });

  it('makes every table what table_placement says, keeps rows, keys and triggers, and skips it all the second time', async () => {
    const before = await readLayout(db);
    expect(await layoutViolations(db)).toEqual([]);
    expect(await distribute(db, { shardCount: 4 })).toEqual([
      'region: reference table',
      'table_placement: reference table',
      'zone: reference table',
      'claim: distributed by code, 4 shards',
      'person: distributed by region_id, 4 shards',
      'audit: distributed by region_id, co-located with person (its triggers kept: citus.enable_unsafe_triggers)',
      'visit: distributed by region_id, co-located with person',
      'counter: coordinator table, added to Citus metadata (it references a reference table)',
      'counter_note: coordinator table, added to Citus metadata (it references a reference table)',
      'migration: coordinator table, left a plain local table',
      'foreign keys: 6 dropped and re-created around the conversion',
      "local copies: the coordinator's copy of the rows Citus moved into shards emptied",
    ]);
    const { rows: placed } = await sql<{ table: string; type: string; column: string | null; shards: number }>`
      SELECT table_name::text AS "table", citus_table_type AS type, nullif(distribution_column, '<none>') AS "column",
             shard_count::int AS shards
        FROM public.citus_tables WHERE table_name::text NOT LIKE 'public.%' ORDER BY 1`.execute(db);
    expect(placed).toEqual([
      { table: 'audit', type: 'distributed', column: 'region_id', shards: 4 },
      { table: 'claim', type: 'distributed', column: 'code', shards: 4 },
      { table: 'counter', type: 'local', column: null, shards: 1 },
      { table: 'counter_note', type: 'local', column: null, shards: 1 },
      { table: 'person', type: 'distributed', column: 'region_id', shards: 4 },
      { table: 'region', type: 'reference', column: null, shards: 1 },
      { table: 'table_placement', type: 'reference', column: null, shards: 1 },
      { table: 'visit', type: 'distributed', column: 'region_id', shards: 4 },
      { table: 'zone', type: 'reference', column: null, shards: 1 },
    ]);
    const { rows: counts } = await sql<{ persons: number; visits: number; regions: number; notes: number }>`
      SELECT (SELECT count(*)::int FROM person) AS persons, (SELECT count(*)::int FROM visit) AS visits,
             (SELECT count(*)::int FROM region) AS regions, (SELECT count(*)::int FROM counter_note) AS notes`.execute(db);
    expect(counts[0]).toEqual({ persons: 20, visits: 20, regions: 2, notes: 1 });
    const after = await readLayout(db);
    expect(after.foreignKeys).toEqual(before.foreignKeys);
    expect(after.uniqueIndexes).toEqual(before.uniqueIndexes);
    await expect(sql`INSERT INTO visit VALUES (1, 99, 12345)`.execute(db)).rejects.toThrow(/foreign key/);
    await expect(sql`UPDATE audit SET action = 'rewritten'`.execute(db)).rejects.toThrow(/append-only/);
    expect(await layoutViolations(db)).toEqual([]);
    const again = await distribute(db, { shardCount: 4 });
    expect(again.filter((line) => !line.includes('skipped'))).toEqual(['migration: coordinator table, left a plain local table']);
  });
});
