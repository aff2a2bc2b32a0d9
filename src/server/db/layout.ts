import { sql } from 'kysely';
import type { Executor } from './executor.js';
import type { TablePlacementTable } from './schema.js';

/**
 * The rules a schema keeps to be distributable with Citus (docs/scale-out.md), checked against the catalog and the
 * placement every migration declares in table_placement (migration 0019). layout.test.ts asserts there are no
 * violations, and `npm run cli -- distribute` refuses to start while there are any.
 */

export type TablePlacement = Omit<TablePlacementTable, 'region_path'>;
export type Column = { table: string; name: string; type: string; isNullable: boolean; isIdentity: boolean };
export type UniqueIndex = { table: string; name: string; columns: string[]; isPrimary: boolean; isConstraint: boolean };
export type ForeignKey = {
  table: string;
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  /** pg_get_constraintdef: what ALTER TABLE … ADD CONSTRAINT name takes to re-create it. */
  definition: string;
};
export type Layout = {
  /** The base tables of the current schema (partitions not counted: their parent is the table). */
  tables: string[];
  placements: TablePlacement[];
  columns: Column[];
  uniqueIndexes: UniqueIndex[];
  foreignKeys: ForeignKey[];
};

/** Reads the tables, columns, unique indexes and foreign keys of the current schema, and table_placement. */
export async function readLayout(db: Executor): Promise<Layout> {
  const placements = await db.selectFrom('table_placement').selectAll().orderBy('table_name').execute();
  // The catalog queries hold to what PostgreSQL 15 (the server) and 18 (PGlite) both have. Names are cast to
  // text: both drivers parse text[], not name[].
  const tables = await sql<{ name: string }>`
    SELECT c.relname::text AS name
      FROM pg_class c
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY 1`.execute(db);
  const columns = await sql<Column>`
    SELECT c.relname::text AS "table", a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
           NOT a.attnotnull AS "isNullable", a.attidentity <> '' AS "isIdentity"
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY 1, a.attnum`.execute(db);
  // Key columns only (not INCLUDE): an expression's attnum is 0 and matches no column.
  const uniqueIndexes = await sql<UniqueIndex>`
    SELECT c.relname::text AS "table", i.relname::text AS name, x.indisprimary AS "isPrimary",
           EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype IN ('p', 'u')) AS "isConstraint",
           ARRAY(SELECT a.attname::text
                   FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                  WHERE k.n <= x.indnkeyatts
                  ORDER BY k.n) AS columns
      FROM pg_index x
      JOIN pg_class c ON c.oid = x.indrelid
      JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indisunique AND c.relnamespace = current_schema()::regnamespace AND NOT c.relispartition
     ORDER BY 1, 2`.execute(db);
  const foreignKeys = await sql<ForeignKey>`
    SELECT c.relname::text AS "table", k.conname::text AS name, f.relname::text AS "referencedTable",
           ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.n) AS columns,
           ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.n) AS "referencedColumns",
           pg_get_constraintdef(k.oid) AS definition
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_class f ON f.oid = k.confrelid
     WHERE k.contype = 'f' AND k.conparentid = 0 AND c.relnamespace = current_schema()::regnamespace
     ORDER BY 1, 2`.execute(db);
  return {
    tables: tables.rows.map((row) => row.name),
    placements,
    columns: columns.rows,
    uniqueIndexes: uniqueIndexes.rows,
    foreignKeys: foreignKeys.rows,
  };
}

/** Every way the current schema breaks the placement rules, one English line each, naming the table first. */
export async function layoutViolations(db: Executor): Promise<string[]> {
  return checkLayout(await readLayout(db));
}

/** The checks of layoutViolations on a layout already read. */
export function checkLayout(layout: Layout): string[] {
  const found: { table: string; message: string }[] = [];
  const report = (table: string, message: string) => found.push({ table, message: `${table}: ${message}` });
  const placementOf = new Map(layout.placements.map((p) => [p.table_name, p]));
  const exists = new Set(layout.tables);
  const column = (table: string, name: string) => layout.columns.find((c) => c.table === table && c.name === name);

  for (const table of layout.tables) {
    if (!placementOf.has(table)) report(table, 'not registered in table_placement');
  }
  for (const placement of layout.placements) {
    if (!exists.has(placement.table_name))
      report(placement.table_name, `registered in table_placement as ${placement.placement}, but no such table exists`);
  }
  for (const c of layout.columns) {
    if (c.isIdentity) report(c.table, `column ${c.name} is an IDENTITY column (use a sequence)`);
  }

  for (const placement of layout.placements) {
    const table = placement.table_name;
    const distributionColumn = placement.distribution_column;
    if (placement.placement !== 'distributed' || !distributionColumn || !exists.has(table)) continue;
    const own = column(table, distributionColumn);
    if (!own) {
      report(table, `distribution column ${distributionColumn} does not exist`);
      continue;
    }
    if (own.isNullable) report(table, `distribution column ${distributionColumn} is nullable`);
    if (distributionColumn === 'region_id' && own.type !== 'bigint')
      report(table, `distribution column region_id is ${own.type}, not bigint`);
    const indexes = layout.uniqueIndexes.filter((index) => index.table === table);
    const primaryKey = indexes.find((index) => index.isPrimary);
    if (!primaryKey) report(table, 'no primary key');
    for (const index of indexes) {
      if (index.columns.includes(distributionColumn)) continue;
      const what = index.isPrimary ? 'primary key' : index.isConstraint ? 'unique constraint' : 'unique index';
      report(table, `${what} ${index.name} does not contain ${distributionColumn}`);
    }
    const target = placement.colocate_with;
    if (target) {
      const other = placementOf.get(target);
      const otherColumn = other?.distribution_column && column(target, other.distribution_column);
      if (other?.placement !== 'distributed' || !exists.has(target)) report(table, `colocate_with ${target} is not a distributed table`);
      else if (otherColumn && otherColumn.type !== own.type)
        report(
          table,
          `colocate_with ${target}, distributed by ${otherColumn.name} ${otherColumn.type}, but ${distributionColumn} is ${own.type}`,
        );
    }
  }

  for (const key of layout.foreignKeys) {
    const from = placementOf.get(key.table);
    const to = placementOf.get(key.referencedTable);
    if (!from || !to) continue;
    const refersTo = `foreign key ${key.name} to ${to.placement} table ${key.referencedTable}`;
    if (from.placement === 'reference' && to.placement !== 'reference') report(key.table, `reference table with ${refersTo}`);
    if (from.placement === 'coordinator' && to.placement === 'distributed') report(key.table, `coordinator table with ${refersTo}`);
    if (from.placement === 'distributed' && to.placement === 'coordinator') report(key.table, `distributed table with ${refersTo}`);
    if (from.placement === 'distributed' && to.placement === 'distributed') {
      const pairs = key.columns.some((name, i) => name === from.distribution_column && key.referencedColumns[i] === to.distribution_column);
      if (!pairs)
        report(key.table, `${refersTo} does not pair ${from.distribution_column} with ${key.referencedTable}.${to.distribution_column}`);
      else if (colocationGroup(placementOf, key.table) !== colocationGroup(placementOf, key.referencedTable))
        report(key.table, `${refersTo}, which is not co-located with it (colocate_with)`);
    }
  }
  // Grouped by table, in name order; within a table in the order of the checks above.
  return found.sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0)).map((f) => f.message);
}

/** The first table of a distributed table's colocation group: colocate_with followed to its end. */
export function colocationGroup(placementOf: Map<string, TablePlacement>, table: string): string {
  const seen = new Set<string>();
  let current = table;
  for (;;) {
    const next = placementOf.get(current)?.colocate_with;
    if (!next || seen.has(next) || placementOf.get(next)?.placement !== 'distributed') return current;
    seen.add(current);
    current = next;
  }
}
