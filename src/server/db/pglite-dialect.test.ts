import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../testing/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe.runIf(process.env.TEST_DATABASE_URL === undefined)('the PGlite connection lock', () => {
  it('serves waiting queries first come first served, one per turn of the event loop', async () => {
    const db = ctx.database.db;
    const finished: number[] = [];
    const queries = Array.from({ length: 20 }, (_, i) =>
      sql<{ n: number }>`SELECT ${i}::int AS n FROM generate_series(1, 200)`.execute(db).then(() => finished.push(i)),
    );
    // A callback of the next turn: with every query run back to back in one turn it would see all twenty done.
    const seenByNextTurn = await new Promise<number>((resolve) => setImmediate(() => resolve(finished.length)));
    await Promise.all(queries);
    expect(seenByNextTurn).toBeLessThan(20);
    expect(finished).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('keeps a transaction whole while other callers wait', async () => {
    const db = ctx.database.db;
    const seen: string[] = [];
    await Promise.all([
      db.transaction().execute(async (tx) => {
        await sql`CREATE TEMP TABLE lock_probe (v int) ON COMMIT DROP`.execute(tx);
        await new Promise((resolve) => setTimeout(resolve, 20));
        await sql`INSERT INTO lock_probe VALUES (1)`.execute(tx);
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM lock_probe`.execute(tx);
        seen.push(`tx ${rows[0]?.n}`);
      }),
      sql`SELECT 1`.execute(db).then(() => seen.push('other')),
    ]);
    expect(seen).toEqual(['tx 1', 'other']);
  });
});
