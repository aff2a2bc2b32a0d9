import { sql, type Transaction } from 'kysely';
import type { Database } from '../client.js';
import type { DB } from '../schema.js';

export type ColumnType = 'bigint' | 'integer' | 'text' | 'ltree' | 'timestamptz';
export type Column = { name: string; type: ColumnType };
export type Value = string | number | null;

/** Rows per INSERT on PostgreSQL: large enough to amortise the round trip, small enough for one message. */
const PG_CHUNK = 5000;

/** One value in COPY's text format: backslash, tab and line breaks escaped, \N for NULL. */
function copyText(value: Value): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/**
 * Loads rows into a table inside the caller's transaction, as fast as the engine allows: PGlite reads
 * one COPY from an in-memory blob; PostgreSQL takes multi-row INSERTs of unnest()ed arrays.
 */
export async function bulkInsert(database: Database, tx: Transaction<DB>, table: string, columns: readonly Column[], rows: readonly Value[][]): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => c.name).join(', ');
  if (database.pglite) {
    // PGlite is one session and `tx` holds it, so this COPY runs inside the open transaction.
    const lines: string[] = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) lines[i] = (rows[i] as Value[]).map(copyText).join('\t');
    const blob = new Blob([lines.join('\n'), '\n']);
    await database.pglite.query(`COPY ${table} (${names}) FROM '/dev/blob'`, [], { blob });
    return;
  }
  for (let start = 0; start < rows.length; start += PG_CHUNK) {
    const chunk = rows.slice(start, start + PG_CHUNK);
    const arrays = columns.map((c, i) => sql`${chunk.map((row) => row[i] ?? null)}::${sql.raw(c.type)}[]`);
    await sql`INSERT INTO ${sql.table(table)} (${sql.raw(names)}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(tx);
  }
}
