import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/client.js';
import type { DB } from '../db/schema.js';

export type ColumnType = 'bigint' | 'integer' | 'text' | 'ltree' | 'date' | 'timestamptz';
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

/** Rows in COPY's text format: one line per row, values tab-separated (`copyText`), every line ended by a newline. */
export function copyLines(rows: readonly Value[][]): string {
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = (rows[i] as Value[]).map(copyText).join('\t');
  return rows.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Reads `copyLines` back: text values unescaped, \N as null (PostgreSQL casts the strings to the column types). */
export function parseCopyLines(text: string): Value[][] {
  if (text === '') return [];
  const unescape = (c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => line.split('\t').map((value) => (value === '\\N' ? null : value.replace(/\\(.)/g, (_, c: string) => unescape(c)))));
}

/**
 * Loads rows into a table inside the caller's transaction, as fast as the engine allows: PGlite reads
 * one COPY from an in-memory blob; PostgreSQL takes multi-row INSERTs of unnest()ed arrays.
 */
export async function bulkInsert(
  database: Database,
  tx: Transaction<DB>,
  table: string,
  columns: readonly Column[],
  rows: readonly Value[][],
): Promise<void> {
  if (rows.length === 0) return;
  if (database.pglite) await copyInto(database.pglite, table, columns, copyLines(rows));
  else await insertUnnested(tx, table, columns, rows);
}

/** `bulkInsert` of rows already in COPY's text format (`copyLines`), as a worker thread hands them over. */
export async function bulkInsertCopyText(
  database: Database,
  tx: Transaction<DB>,
  table: string,
  columns: readonly Column[],
  text: string,
): Promise<void> {
  if (text === '') return;
  if (database.pglite) await copyInto(database.pglite, table, columns, text);
  else await insertUnnested(tx, table, columns, parseCopyLines(text));
}

async function copyInto(pglite: NonNullable<Database['pglite']>, table: string, columns: readonly Column[], text: string): Promise<void> {
  // PGlite is one session and the caller's transaction holds it, so this COPY runs inside the open transaction.
  const names = columns.map((c) => c.name).join(', ');
  await pglite.query(`COPY ${table} (${names}) FROM '/dev/blob'`, [], { blob: new Blob([text]) });
}

async function insertUnnested(tx: Transaction<DB>, table: string, columns: readonly Column[], rows: readonly Value[][]): Promise<void> {
  const names = columns.map((c) => c.name).join(', ');
  for (let start = 0; start < rows.length; start += PG_CHUNK) {
    const chunk = rows.slice(start, start + PG_CHUNK);
    const arrays = columns.map((c, i) => sql`${chunk.map((row) => row[i] ?? null)}::${sql.raw(c.type)}[]`);
    await sql`INSERT INTO ${sql.table(table)} (${sql.raw(names)}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(tx);
  }
}

/**
 * Runs `load` with the foreign keys and secondary indexes of `tables` set aside, then puts them back,
 * as pg_restore does: one index build and one validating join cost a fraction of checking and
 * indexing row by row. Definitions are read from the catalog, so they follow the migrations.
 * Everything happens in the caller's transaction; a violation fails it when the constraint returns.
 */
export async function withIndexesDeferred(tx: Transaction<DB>, tables: readonly string[], load: () => Promise<void>): Promise<void> {
  const foreignKeys = await sql<{ table_name: string; name: string; definition: string }>`
    SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c
     WHERE c.contype = 'f' AND c.conrelid = ANY(${tables}::regclass[])
     ORDER BY c.conrelid, c.conname`.execute(tx);
  const indexes = await sql<{ name: string; definition: string }>`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
      FROM pg_index i
     WHERE i.indrelid = ANY(${tables}::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY i.indrelid, i.indexrelid`.execute(tx);
  for (const fk of foreignKeys.rows) {
    await sql`ALTER TABLE ${sql.raw(fk.table_name)} DROP CONSTRAINT ${sql.ref(fk.name)}`.execute(tx);
  }
  for (const index of indexes.rows) await sql`DROP INDEX ${sql.raw(index.name)}`.execute(tx);

  await load();

  for (const index of indexes.rows) await sql.raw(index.definition).execute(tx);
  for (const fk of foreignKeys.rows) {
    await sql`ALTER TABLE ${sql.raw(fk.table_name)} ADD CONSTRAINT ${sql.ref(fk.name)} ${sql.raw(fk.definition)}`.execute(tx);
  }
}
