import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildOrg, buildTree, createTestContext, type TestContext } from '../testing/harness.js';
import { listMigrations, migrationDirs } from './migrate.js';
import { inSubtree } from '../auth/scope.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe("a subtree as a btree's range", () => {
  it('holds exactly the paths <@ holds, next to ids that begin the same', async () => {
    const paths = [
      '1',
      '1.4',
      '1.7',
      '1.7.4',
      '1.7.42',
      '1.7.42.9',
      '1.7.42.9.100',
      '1.7.420',
      '1.7.4200.1',
      '1.7.5',
      '1.70',
      '1.70.42',
      '1.8',
    ];
    const values = sql.join(paths.map((p) => sql`(${p}::ltree)`));
    for (const under of ['1', '1.7', '1.7.4', '1.7.42', '1.7.42.9', '1.70', '1.9']) {
      const { rows } = await sql<{ path: string; ranged: boolean; contained: boolean }>`
        SELECT p.path::text AS path, ${inSubtree(sql.ref('p.path'), under, 'btree')} AS ranged, p.path <@ ${under}::ltree AS contained
          FROM (VALUES ${values}) AS p(path)`.execute(ctx.database.db);
      expect(
        rows.filter((r) => r.ranged !== r.contained),
        `under ${under}`,
      ).toEqual([]);
      expect(rows.filter((r) => r.ranged).length, `under ${under}`).toBe(
        paths.filter((p) => p === under || p.startsWith(`${under}.`)).length,
      );
    }
  });
});

describe('the registry of organisation-path columns', () => {
  it('declares every ltree column of the schema, and declares nothing that is not one', async () => {
    const { rows: ltreeColumns } = await sql<{ table_name: string; column_name: string }>`
      SELECT c.table_name::text AS table_name, c.column_name::text AS column_name
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = current_schema() AND c.udt_name = 'ltree' AND t.table_type = 'BASE TABLE'
       ORDER BY 1, 2`.execute(ctx.database.db);
    const registered = await ctx.database.db
      .selectFrom('org_path_column')
      .select(['table_name', 'column_name'])
      .orderBy('table_name')
      .orderBy('column_name')
      .execute();
    expect(ltreeColumns.length).toBeGreaterThan(10);
    expect(registered).toEqual(ltreeColumns);
  });

  it('moves a column a later migration registered, and leaves a history column as it was', async () => {
    const db = ctx.database.db;
    // What a module's own migration does: a table carrying an org path, registered in the same migration.
    await sql`CREATE TABLE demo_module_thing (id bigint PRIMARY KEY, org_path ltree NOT NULL, seen_at_path ltree NOT NULL)`.execute(db);
    await sql`INSERT INTO org_path_column VALUES ('demo_module_thing', 'org_path', true), ('demo_module_thing', 'seen_at_path', false)`.execute(
      db,
    );
    const tree = await buildTree(ctx);
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const pathOf = async (id: number) =>
      (
        await db
          .selectFrom('org_unit')
          .select(sql<string>`path::text`.as('path'))
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).path;
    const before = await pathOf(union.id);
    await sql`INSERT INTO demo_module_thing VALUES (1, ${before}::ltree, ${before}::ltree)`.execute(db);

    const moved = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${union.id}/move`,
      headers: { cookie: ctx.adminCookie },
      payload: { newParentId: tree.xcStreet.id },
    });
    expect(moved.statusCode).toBe(200);
    const after = `${await pathOf(tree.xcStreet.id)}.${union.id}`;
    expect(after).not.toBe(before);
    const { rows } = await sql<{ org_path: string; seen_at_path: string }>`
      SELECT org_path::text AS org_path, seen_at_path::text AS seen_at_path FROM demo_module_thing`.execute(db);
    expect(rows).toEqual([{ org_path: after, seen_at_path: before }]);
    await sql`DELETE FROM org_path_column WHERE table_name = 'demo_module_thing'`.execute(db);
    await sql`DROP TABLE demo_module_thing`.execute(db);
  });
});

describe('migration folders', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-migrations-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (dir: string, file: string) => {
    fs.mkdirSync(path.join(root, dir), { recursive: true });
    fs.writeFileSync(path.join(root, dir, file), `-- ${file}\n`);
  };

  it("reads the platform's folder and every module's, ordered by number across folders", () => {
    write('db/migrations', '0001_base.sql');
    write('db/migrations', '0003_later.sql');
    write('modules/zeta', '0002_zeta.sql');
    write('modules/zeta', 'zeta.routes.ts');
    write('modules/alpha', '0004_alpha.sql');
    write('modules/nomigrations', 'nomigrations.routes.ts');
    expect(migrationDirs(root)).toEqual([
      path.join(root, 'db/migrations'),
      path.join(root, 'modules/alpha'),
      path.join(root, 'modules/zeta'),
    ]);
    expect(listMigrations(migrationDirs(root)).map((m) => m.name)).toEqual(['0001_base', '0002_zeta', '0003_later', '0004_alpha']);
  });

  it('refuses a number two folders use', () => {
    write('modules/beta', '0002_beta.sql');
    expect(() => listMigrations(migrationDirs(root))).toThrow(/migration number 2 is used twice/);
  });

  it("the real tree's migrations have unique numbers", () => {
    const versions = listMigrations().map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toContain(18);
  });
});
