import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from './executor.js';

/**
 * Moving rows to another region. region_id is the distribution column of every member-owned table, which Citus never
 * updates in place: a row whose region changes (a member transferred to another district, a street moved under
 * another district federation) is re-inserted in the new region, together with every row that references it by a
 * foreign key (region_id, …) — found in the catalog, so a module's table that references a member follows without
 * being named here — and then deleted where it was, all in the caller's transaction.
 */
export type RegionMove = {
  table: string;
  from: number;
  to: number;
  /** Which rows of `table` in region `from` move; unqualified column names of `table`. */
  where: RawBuilder<SqlBool>;
  /** Columns given new values on the way (expressions over the row's old columns), e.g. its new org path. */
  set?: Readonly<Record<string, RawBuilder<unknown>>>;
};

type ForeignKey = { child: string; childColumns: string[]; parentColumns: string[] };

async function columnsOf(tx: Executor, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT attname::text AS name FROM pg_attribute
     WHERE attrelid = ${table}::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`.execute(tx);
  return rows.map((r) => r.name);
}

/** Foreign keys that reference `table` and lead with region_id on both sides. */
async function referencesTo(tx: Executor, table: string): Promise<ForeignKey[]> {
  const { rows } = await sql<{ child: string; child_columns: string[]; parent_columns: string[] }>`
    SELECT c.conrelid::regclass::text AS child,
           array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS child_columns,
           array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS parent_columns
      FROM pg_constraint c
     WHERE c.contype = 'f' AND c.confrelid = ${table}::regclass AND c.conrelid <> c.confrelid
     ORDER BY 1`.execute(tx);
  return rows
    .map((r) => ({ child: r.child, childColumns: r.child_columns, parentColumns: r.parent_columns }))
    .filter((fk) => fk.childColumns[0] === 'region_id' && fk.parentColumns[0] === 'region_id');
}

/** Moves the rows and everything referencing them; returns how many rows of `table` moved. */
export async function moveToRegion(tx: Executor, move: RegionMove): Promise<number> {
  if (move.from === move.to) throw new Error('moveToRegion: the rows are in that region already');
  // Citus copies the rows into the new region's shard over a connection of its own, whose foreign-key checks lock
  // the org_unit rows they reference on that worker; a later write to org_unit in the same transaction (a subtree
  // move rewrites its paths) then waits for that connection, and Citus cancels the transaction as a distributed
  // deadlock. One connection per worker for the rest of the transaction avoids it. Elsewhere the setting is unused.
  await sql`SET LOCAL citus.multi_shard_modify_mode TO 'sequential'`.execute(tx);
  const columns = await columnsOf(tx, move.table);
  const table = sql.table(move.table);
  const selected = columns.map((c) =>
    c === 'region_id' ? sql`${move.to}::bigint` : move.set?.[c] !== undefined ? sql`${move.set[c]}` : sql.ref(c),
  );
  const inserted = await sql`
    INSERT INTO ${table} (${sql.join(columns.map((c) => sql.ref(c)))})
    SELECT ${sql.join(selected)} FROM ${table} WHERE region_id = ${move.from} AND (${move.where})`.execute(tx);
  for (const fk of await referencesTo(tx, move.table)) {
    const [, ...childKey] = fk.childColumns;
    const [, ...parentKey] = fk.parentColumns;
    await moveToRegion(tx, {
      table: fk.child,
      from: move.from,
      to: move.to,
      where: sql<SqlBool>`(${sql.join(childKey.map((c) => sql.ref(c)))}) IN (
        SELECT ${sql.join(parentKey.map((c) => sql.ref(c)))} FROM ${table} WHERE region_id = ${move.from} AND (${move.where}))`,
    });
  }
  await sql`DELETE FROM ${table} WHERE region_id = ${move.from} AND (${move.where})`.execute(tx);
  return Number(inserted.numAffectedRows ?? 0);
}

/** A row's key in a region-keyed table: the region first, so a distributed database asks one shard. */
export type RegionKey = { region_id: number; id: number };

/** SQL condition: the row is this one (`region_id` and `id`, or the named columns). */
export function isKey(key: RegionKey, region = 'region_id', id = 'id'): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(region)} = ${key.region_id}::bigint AND ${sql.ref(id)} = ${key.id}::bigint)`;
}

/**
 * SQL condition: the row names one of these members. The region list in front lets a distributed database send
 * the query to those regions' shards only.
 */
export function isOneOf(members: readonly RegionKey[], region = 'region_id', id = 'member_id'): RawBuilder<boolean> {
  if (members.length === 0) return sql<boolean>`false`;
  const regions = [...new Set(members.map((m) => m.region_id))];
  const pairs = members.map((m) => sql`(${m.region_id}::bigint, ${m.id}::bigint)`);
  return sql<boolean>`(${sql.ref(region)} = ANY(${regions}::bigint[]) AND (${sql.ref(region)}, ${sql.ref(id)}) IN (${sql.join(pairs)}))`;
}
