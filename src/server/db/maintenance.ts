/**
 * VACUUM and ANALYZE for the embedded engine. PGlite runs PostgreSQL as a single process with no autovacuum launcher
 * (`SHOW autovacuum` says on, but nothing ever runs it): without this a store never marks its pages all-visible, so
 * every index-only scan (the member search's probes and counts, #16) reads the table as well; dead rows of updates are
 * never reclaimed, and the planner's statistics are only those of the demo's seed. A PostgreSQL server has its own
 * autovacuum, and `npm start` on it runs none of this.
 *
 * `vacuumDue` applies autovacuum's own rules (PostgreSQL's defaults) to the statistics of each table, and vacuums and
 * analyses those that are due. The embedded server calls it every few minutes (`startEmbeddedMaintenance`); the
 * benchmark fixture calls it after its bulk load, as that tick would.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/** autovacuum_vacuum_threshold / _scale_factor, autovacuum_vacuum_insert_threshold / _scale_factor, autovacuum_analyze_… */
const RULES = { dead: [50, 0.2], inserted: [1000, 0.2], modified: [50, 0.1] } as const;

type TableStats = { schema: string; table: string; reltuples: number; dead: number; inserted: number; modified: number };

export type Due = { schema: string; table: string; vacuum: boolean };

/**
 * The tables autovacuum would see to now: to vacuum (dead rows, or rows inserted since the last vacuum, above its
 * threshold) and analyse, or only to analyse (rows changed since the last analyse).
 */
export async function tablesDue(db: Kysely<DB>): Promise<Due[]> {
  // A backend sends its statistics now and then; PGlite's, between its queries, only when told to.
  await sql`SELECT pg_stat_force_next_flush()`.execute(db);
  await sql`SELECT 1`.execute(db);
  const { rows } = await sql<TableStats>`
    SELECT s.schemaname AS schema, s.relname AS "table", greatest(c.reltuples, 0)::float8 AS reltuples,
           s.n_dead_tup::int8 AS dead, s.n_ins_since_vacuum::int8 AS inserted, s.n_mod_since_analyze::int8 AS modified
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    ORDER BY s.schemaname, s.relname`.execute(db);
  const over = (t: TableStats, k: keyof typeof RULES) => t[k] > RULES[k][0] + RULES[k][1] * t.reltuples;
  return rows
    .filter((t) => over(t, 'dead') || over(t, 'inserted') || over(t, 'modified'))
    .map((t) => ({ schema: t.schema, table: t.table, vacuum: over(t, 'dead') || over(t, 'inserted') }));
}

/**
 * Vacuums and analyses, or only analyses, each table that is due, one statement at a time (VACUUM runs outside a
 * transaction; on PGlite each waits its turn on the one connection like any query). Returns what it did, in order.
 */
export async function vacuumDue(db: Kysely<DB>): Promise<Due[]> {
  const due = await tablesDue(db);
  for (const t of due) {
    const table = sql.table(`${t.schema}.${t.table}`);
    await (t.vacuum ? sql`VACUUM (ANALYZE) ${table}` : sql`ANALYZE ${table}`).execute(db);
  }
  return due;
}

/**
 * Runs `vacuumDue` every `intervalMs` (never two at once) until stopped; what it did goes to `log`. The timer does not
 * keep the process alive.
 */
export function startEmbeddedMaintenance(
  db: Kysely<DB>,
  log: { info(msg: string): void; error(obj: { err: unknown }, msg: string): void },
  intervalMs: number,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    const started = performance.now();
    running = vacuumDue(db)
      .then((tables) => {
        const said = tables.map((t) => `${t.table}${t.vacuum ? '' : ' (analysed)'}`);
        if (tables.length > 0) log.info(`vacuumed ${said.join(', ')} in ${Math.round(performance.now() - started)} ms`);
      })
      .catch((error: unknown) => log.error({ err: error }, 'vacuum failed'))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
