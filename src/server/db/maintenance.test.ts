import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness.js';
import { startEmbeddedMaintenance, tablesDue, vacuumDue } from './maintenance.js';

// The tables are made with autovacuum off, so a PostgreSQL server's own autovacuum cannot see to them first: what is
// due here is decided by maintenance.ts alone, on either engine.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

type Marks = { relallvisible: number; last_vacuum: string | null; last_analyze: string | null };
async function marksOf(table: string): Promise<Marks> {
  const { rows } = await sql<Marks>`
    SELECT c.relallvisible, s.last_vacuum::text, s.last_analyze::text
    FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = ${table}`.execute(ctx.database.db);
  return rows[0]!;
}
const dueOf = async (table: string) => (await tablesDue(ctx.database.db)).find((t) => t.table === table);

describe('VACUUM and ANALYZE of the embedded engine (db/maintenance.ts)', () => {
  it('sees to a table by autovacuum’s rules: vacuums after many inserts or dead rows, only analyses after fewer changes, leaves it alone below', async () => {
    const db = ctx.database.db;
    await sql`CREATE TABLE maint_churn (id int PRIMARY KEY, v text) WITH (autovacuum_enabled = false)`.execute(db);
    await sql`INSERT INTO maint_churn SELECT g, 'a' FROM generate_series(1, 5000) g`.execute(db);
    expect(await dueOf('maint_churn')).toEqual({ schema: 'public', table: 'maint_churn', vacuum: true });
    expect((await marksOf('maint_churn')).relallvisible).toBe(0);

    const done = await vacuumDue(db);
    expect(done.map((t) => t.table)).toContain('maint_churn');
    const vacuumed = await marksOf('maint_churn');
    // Its pages are all-visible now: an index-only scan no longer reads the table.
    expect(vacuumed.relallvisible).toBeGreaterThan(0);
    expect(vacuumed.last_vacuum).not.toBeNull();
    expect(vacuumed.last_analyze).not.toBeNull();
    expect(await dueOf('maint_churn')).toBeUndefined();

    // 10 changed rows of 5,000: below both thresholds (50 + 10 % to analyse, 50 + 20 % dead rows to vacuum).
    await sql`UPDATE maint_churn SET v = 'b' WHERE id <= 10`.execute(db);
    expect(await dueOf('maint_churn')).toBeUndefined();

    // 600 changed rows: analysed (over 550), not vacuumed (under 1,050 dead).
    await sql`UPDATE maint_churn SET v = 'c' WHERE id <= 600`.execute(db);
    expect(await dueOf('maint_churn')).toEqual({ schema: 'public', table: 'maint_churn', vacuum: false });
    await vacuumDue(db);
    const analysed = await marksOf('maint_churn');
    expect(analysed.last_vacuum).toBe(vacuumed.last_vacuum);
    expect(analysed.last_analyze).not.toBe(vacuumed.last_analyze);
    expect(await dueOf('maint_churn')).toBeUndefined();

    // 1,200 more dead rows: vacuumed.
    await sql`UPDATE maint_churn SET v = 'd' WHERE id <= 1200`.execute(db);
    expect(await dueOf('maint_churn')).toEqual({ schema: 'public', table: 'maint_churn', vacuum: true });
  });

  it('runs on a timer until stopped, and says what it did', async () => {
    const db = ctx.database.db;
    await sql`CREATE TABLE maint_timer (id int PRIMARY KEY) WITH (autovacuum_enabled = false)`.execute(db);
    await sql`INSERT INTO maint_timer SELECT g FROM generate_series(1, 3000) g`.execute(db);
    const said: string[] = [];
    const maintenance = startEmbeddedMaintenance(
      db,
      { info: (m) => said.push(m), error: (o, m) => said.push(`${m}: ${String(o.err)}`) },
      20,
    );
    try {
      await vi.waitFor(() => expect(said.some((m) => /^vacuumed .*maint_timer/.test(m))).toBe(true), { timeout: 20_000, interval: 50 });
    } finally {
      await maintenance.stop();
    }
    expect(said.filter((m) => m.includes('failed'))).toEqual([]);
    expect((await marksOf('maint_timer')).relallvisible).toBeGreaterThan(0);
  });
});
