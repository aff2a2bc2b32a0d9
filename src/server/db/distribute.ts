import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';
import type { Executor } from './executor.js';
import { checkLayout, colocationGroup, readLayout, type ForeignKey, type Layout, type TablePlacement } from './layout.js';

export const NOT_CITUS = 'not a Citus database (no citus extension): nothing to distribute';
export const DEFAULT_SHARD_COUNT = 32;

/** What a table already is in Citus's metadata (pg_dist_partition); a table not there is a plain local table. */
export type CitusTable = { kind: 'distributed'; column: string } | { kind: 'reference' } | { kind: 'local' };

export type DistributedStep = { table: string; column: string; colocateWith: string | null };

/** What one run of distribute does, in order: everything it changes happens in one transaction. */
export type DistributionPlan = {
  /** Foreign keys touching a table this run converts: dropped first, re-created last (Citus would otherwise pull
   * every table they reach into its metadata, and reference tables that refer to each other must convert together). */
  foreignKeys: ForeignKey[];
  reference: string[];
  /** Each colocation group's first table first, then referenced before referencing. */
  distributed: DistributedStep[];
  /** Coordinator tables that reference a reference table (directly or through another such table): Citus keeps
   * them on the coordinator but must know them (citus_add_local_table_to_metadata) for the foreign key to hold. */
  coordinatorInMetadata: string[];
  keptLocal: string[];
  skipped: { table: string; as: string }[];
};

/**
 * Distributes the tables of the current schema as table_placement says (`npm run cli -- distribute`): reference
 * tables, then distributed tables, then coordinator tables, in one transaction. A table already placed is skipped,
 * so running it again is safe. On a database without Citus it changes nothing. Returns the lines to print.
 */
export async function distribute(db: Kysely<DB>, options: { shardCount?: number } = {}): Promise<string[]> {
  const { rows } = await sql<{ present: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') AS present`.execute(db);
  if (!rows[0]?.present) return [NOT_CITUS];
  const layout = await readLayout(db);
  const violations = checkLayout(layout);
  if (violations.length > 0)
    throw new Error(`the schema is not ready to distribute (${violations.length} layout violations):\n${violations.join('\n')}`);
  const plan = planDistribution(layout, await readCitusTables(db));
  const withTriggers = await tablesWithTriggers(db);
  const shardCount = options.shardCount ?? DEFAULT_SHARD_COUNT;
  const lines = plan.skipped.map(({ table, as }) => `${table}: already ${as}, skipped`);
  await db.transaction().execute(async (tx) => {
    // After shards were created in parallel, Citus refuses to touch a reference table in the same transaction
    // ("cannot modify table … because there was a parallel operation on a distributed table"), as re-creating the
    // foreign keys does; one connection per node is slower but always allowed.
    await sql`SET LOCAL citus.multi_shard_modify_mode TO 'sequential'`.execute(tx);
    for (const key of plan.foreignKeys) {
      await sql`ALTER TABLE ${sql.id(key.table)} DROP CONSTRAINT ${sql.id(key.name)}`.execute(tx);
    }
    for (const table of plan.reference) {
      await allowTriggers(tx, withTriggers, table);
      await sql`SELECT create_reference_table(quote_ident(${table})::regclass)`.execute(tx);
      lines.push(`${table}: reference table${triggerNote(withTriggers, table)}`);
    }
    for (const step of plan.distributed) {
      await allowTriggers(tx, withTriggers, step.table);
      // A table joining a group takes the group's shard count; Citus refuses both options at once.
      if (step.colocateWith) {
        await sql`SELECT create_distributed_table(quote_ident(${step.table})::regclass, ${step.column},
                    colocate_with => ${step.colocateWith})`.execute(tx);
      } else {
        await sql`SELECT create_distributed_table(quote_ident(${step.table})::regclass, ${step.column},
                    colocate_with => 'none', shard_count => ${shardCount}::int)`.execute(tx);
      }
      const where = step.colocateWith ? `co-located with ${step.colocateWith}` : `${shardCount} shards`;
      lines.push(`${step.table}: distributed by ${step.column}, ${where}${triggerNote(withTriggers, step.table)}`);
    }
    for (const table of plan.coordinatorInMetadata) {
      await sql`SELECT citus_add_local_table_to_metadata(quote_ident(${table})::regclass)`.execute(tx);
      lines.push(`${table}: coordinator table, added to Citus metadata (it references a reference table)`);
    }
    for (const table of plan.keptLocal) lines.push(`${table}: coordinator table, left a plain local table`);
    for (const key of plan.foreignKeys) {
      await sql`ALTER TABLE ${sql.id(key.table)} ADD CONSTRAINT ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(tx);
    }
    if (plan.foreignKeys.length > 0) lines.push(`foreign keys: ${plan.foreignKeys.length} dropped and re-created around the conversion`);
    lines.push(...(await truncateLocalCopies(tx, [...plan.reference, ...plan.distributed.map((step) => step.table)], withTriggers)));
  });
  return lines;
}

/**
 * Citus copies a table's rows into its shards and leaves the originals in the coordinator's table, unread from then
 * on: a stale copy of members' personal data. Emptying it cascades along foreign keys to other such copies only.
 * A table with triggers (audit_log refuses TRUNCATE) is emptied with triggers off, which only a superuser may do.
 */
async function truncateLocalCopies(tx: Executor, tables: string[], withTriggers: Set<string>): Promise<string[]> {
  const { rows } = await sql<{ superuser: boolean }>`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`.execute(tx);
  const isSuperuser = rows[0]?.superuser === true;
  const lines: string[] = [];
  for (const table of tables) {
    const hasTriggers = withTriggers.has(table);
    if (hasTriggers && !isSuperuser) {
      lines.push(
        `${table}: its rows are still on the coordinator too; as a superuser: SET session_replication_role = replica; ` +
          `SELECT truncate_local_data_after_distributing_table('${table}')`,
      );
      continue;
    }
    if (hasTriggers) await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await sql`SELECT truncate_local_data_after_distributing_table(quote_ident(${table})::regclass)`.execute(tx);
    if (hasTriggers) await sql`SET LOCAL session_replication_role = origin`.execute(tx);
  }
  if (tables.length > lines.length) lines.push("local copies: the coordinator's copy of the rows Citus moved into shards emptied");
  return lines;
}

/** Which tables this run converts and in what order; pure, so the ordering is tested without a Citus cluster. */
export function planDistribution(layout: Layout, citusTables: Map<string, CitusTable>): DistributionPlan {
  const skipped: DistributionPlan['skipped'] = [];
  const pending = (placement: TablePlacement): boolean => {
    const current = citusTables.get(placement.table_name);
    const wanted = placement.placement;
    if (!current) return true;
    if (current.kind === 'local') {
      if (wanted !== 'coordinator') return true;
      skipped.push({ table: placement.table_name, as: 'a coordinator table in Citus metadata' });
      return false;
    }
    if (wanted === 'distributed' && current.kind === 'distributed' && current.column === placement.distribution_column) {
      skipped.push({ table: placement.table_name, as: `distributed by ${current.column}` });
      return false;
    }
    if (wanted === 'reference' && current.kind === 'reference') {
      skipped.push({ table: placement.table_name, as: 'a reference table' });
      return false;
    }
    const is = current.kind === 'distributed' ? `distributed by ${current.column}` : 'a reference table';
    const should = wanted === 'distributed' ? `distributed by ${placement.distribution_column ?? ''}` : `a ${wanted} table`;
    throw new Error(`${placement.table_name} is already ${is}, but table_placement says ${should}: undistribute_table() it first`);
  };
  const placements = layout.placements.filter(pending);
  const ofPlacement = (kind: TablePlacement['placement']) => placements.filter((p) => p.placement === kind).map((p) => p.table_name);

  // Coordinator tables: those reaching a reference table through foreign keys among coordinator tables join the
  // metadata (a plain table cannot reference a reference table, nor a table in the metadata); the others stay plain.
  const placementOf = new Map(layout.placements.map((p) => [p.table_name, p]));
  const coordinator = new Set(layout.placements.filter((p) => p.placement === 'coordinator').map((p) => p.table_name));
  const inMetadata = new Set([...coordinator].filter((table) => citusTables.get(table)?.kind === 'local'));
  for (const key of layout.foreignKeys) {
    if (coordinator.has(key.table) && placementOf.get(key.referencedTable)?.placement === 'reference') inMetadata.add(key.table);
  }
  for (let grown = true; grown;) {
    grown = false;
    for (const key of layout.foreignKeys) {
      const [a, b] = [key.table, key.referencedTable];
      if (coordinator.has(a) && coordinator.has(b) && inMetadata.has(a) !== inMetadata.has(b)) {
        inMetadata.add(a).add(b);
        grown = true;
      }
    }
  }
  const pendingCoordinator = ofPlacement('coordinator');
  const coordinatorInMetadata = pendingCoordinator.filter((table) => inMetadata.has(table));
  const keptLocal = pendingCoordinator.filter((table) => !inMetadata.has(table));

  const reference = ofPlacement('reference');
  const distributed = orderDistributed(
    placements.filter((p) => p.placement === 'distributed'),
    layout,
    placementOf,
  );
  const converted = new Set([...reference, ...distributed.map((step) => step.table), ...coordinatorInMetadata]);
  const foreignKeys = layout.foreignKeys.filter((key) => converted.has(key.table) || converted.has(key.referencedTable));
  return { foreignKeys, reference, distributed, coordinatorInMetadata, keptLocal, skipped };
}

/** Kahn's order: a table after the table it is co-located with and after the distributed tables it references. */
function orderDistributed(pending: TablePlacement[], layout: Layout, placementOf: Map<string, TablePlacement>): DistributedStep[] {
  const names = new Set(pending.map((p) => p.table_name));
  const before = new Map(pending.map((p) => [p.table_name, new Set<string>()]));
  for (const p of pending) {
    if (p.colocate_with && names.has(p.colocate_with)) before.get(p.table_name)!.add(p.colocate_with);
  }
  for (const key of layout.foreignKeys) {
    if (names.has(key.table) && names.has(key.referencedTable) && key.table !== key.referencedTable)
      before.get(key.table)!.add(key.referencedTable);
  }
  const ordered: DistributedStep[] = [];
  const done = new Set<string>();
  while (done.size < names.size) {
    const ready = [...names].filter((t) => !done.has(t) && [...before.get(t)!].every((b) => done.has(b))).sort();
    // A circle of foreign keys: its foreign keys are dropped meanwhile, so any order within it will do.
    const next = ready[0] ?? [...names].filter((t) => !done.has(t)).sort()[0]!;
    const placement = placementOf.get(next)!;
    const group = colocationGroup(placementOf, next);
    ordered.push({ table: next, column: placement.distribution_column!, colocateWith: group === next ? null : group });
    done.add(next);
  }
  return ordered;
}

async function readCitusTables(db: Executor): Promise<Map<string, CitusTable>> {
  const { rows } = await sql<{ table: string; method: string; replication: string; column: string | null }>`
    SELECT c.relname::text AS "table", p.partmethod::text AS method, p.repmodel::text AS replication,
           CASE WHEN p.partmethod = 'h' THEN column_to_column_name(p.logicalrelid, p.partkey) END AS "column"
      FROM pg_dist_partition p
      JOIN pg_class c ON c.oid = p.logicalrelid
     WHERE c.relnamespace = current_schema()::regnamespace`.execute(db);
  return new Map(
    rows.map((row): [string, CitusTable] => [
      row.table,
      row.method === 'h'
        ? { kind: 'distributed', column: row.column ?? '' }
        : row.replication === 't'
          ? { kind: 'reference' }
          : { kind: 'local' },
    ]),
  );
}

async function tablesWithTriggers(db: Executor): Promise<Set<string>> {
  const { rows } = await sql<{ table: string }>`
    SELECT DISTINCT c.relname::text AS "table"
      FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace`.execute(db);
  return new Set(rows.map((row) => row.table));
}

/**
 * Citus refuses to shard or replicate a table with triggers unless told the trigger is safe. audit_log's only
 * raise an error, touching no other shard: they are.
 */
async function allowTriggers(tx: Executor, withTriggers: Set<string>, table: string): Promise<void> {
  if (withTriggers.has(table)) await sql`SET LOCAL citus.enable_unsafe_triggers = on`.execute(tx);
}

function triggerNote(withTriggers: Set<string>, table: string): string {
  return withTriggers.has(table) ? ' (its triggers kept: citus.enable_unsafe_triggers)' : '';
}
