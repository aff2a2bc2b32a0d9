/**
 * How the members of the city's regions sit on the workers: rows and bytes per worker and per shard of `member`,
 * which regions share a shard, and the two remedies Citus offers (a region isolated in a shard of its own, a
 * rebalance by disk size).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';

type ShardRow = { shardid: number; node: string; bytes: number; rows: number; regions: string };
type WorkerRow = { node: string; shards: number; rows: number; bytes: number };

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const pct = (part: number, whole: number) => `${whole > 0 ? ((100 * part) / whole).toFixed(1) : '0.0'} %`;

/** Prints the skew of `member` and returns the share of rows on the fullest worker. */
export async function printSkew(db: Kysely<DB>, title: string): Promise<number> {
  // Sizes come from the workers; a fresh ANALYZE is not needed, counts are exact.
  const { rows: shards } = await sql<ShardRow>`
    WITH per_region AS (
      SELECT get_shard_id_for_distribution_column('member', m.region_id) AS shardid, m.region_id, count(*)::int AS n
        FROM member m GROUP BY m.region_id),
    named AS (
      SELECT r.shardid, r.n, coalesce(o.name, r.region_id::text) || ' ' || r.n AS label
        FROM per_region r LEFT JOIN org_unit o ON o.id = r.region_id)
    SELECT s.shardid::bigint AS shardid, s.nodename || ':' || s.nodeport AS node, s.shard_size::bigint AS bytes,
           coalesce((SELECT sum(n.n) FROM named n WHERE n.shardid = s.shardid), 0)::int AS rows,
           coalesce((SELECT string_agg(n.label, ', ' ORDER BY n.n DESC) FROM named n WHERE n.shardid = s.shardid), '') AS regions
      FROM citus_shards s
     WHERE s.table_name = 'member'::regclass
     ORDER BY rows DESC, s.shardid`.execute(db);
  const workers = new Map<string, WorkerRow>();
  for (const s of shards) {
    const w = workers.get(s.node) ?? { node: s.node, shards: 0, rows: 0, bytes: 0 };
    w.shards += 1;
    w.rows += s.rows;
    w.bytes += Number(s.bytes);
    workers.set(s.node, w);
  }
  const totalRows = shards.reduce((sum, s) => sum + s.rows, 0);
  const totalBytes = shards.reduce((sum, s) => sum + Number(s.bytes), 0);
  console.log(`\n## Skew of member: ${title}`);
  console.log(`${shards.length} shards, ${totalRows} rows, ${mb(totalBytes)}`);
  console.log('per worker:');
  for (const w of [...workers.values()].sort((a, b) => a.node.localeCompare(b.node)))
    console.log(
      `  ${w.node}  shards ${w.shards}  rows ${w.rows} (${pct(w.rows, totalRows)})  bytes ${mb(w.bytes)} (${pct(w.bytes, totalBytes)})`,
    );
  console.log('shards holding members (largest first):');
  for (const s of shards.filter((x) => x.rows > 0))
    console.log(`  ${s.shardid}  ${s.node}  rows ${s.rows} (${pct(s.rows, totalRows)})  ${mb(Number(s.bytes))}  regions: ${s.regions}`);
  console.log(`empty shards: ${shards.filter((x) => x.rows === 0).length}`);
  return Math.max(...[...workers.values()].map((w) => w.rows)) / Math.max(1, totalRows);
}

/** The regions with the most members, largest first. */
export async function largestRegions(db: Kysely<DB>, count: number): Promise<{ regionId: number; name: string; members: number }[]> {
  const { rows } = await sql<{ region_id: number; name: string; members: number }>`
    SELECT m.region_id, coalesce(o.name, '') AS name, count(*)::int AS members
      FROM member m LEFT JOIN org_unit o ON o.id = m.region_id
     GROUP BY m.region_id, o.name ORDER BY members DESC LIMIT ${count}`.execute(db);
  return rows.map((r) => ({ regionId: r.region_id, name: r.name, members: r.members }));
}

/** Each region in a shard of its own, for every co-located table (CASCADE); writes to it wait meanwhile. */
export async function isolateRegions(db: Kysely<DB>, regionIds: readonly number[]): Promise<void> {
  for (const regionId of regionIds) {
    const started = performance.now();
    const { rows } = await sql<{ shard: number }>`
      SELECT isolate_tenant_to_new_shard('member', ${regionId}::bigint, 'CASCADE', shard_transfer_mode => 'block_writes') AS shard`.execute(
      db,
    );
    console.log(
      `isolate_tenant_to_new_shard(member, ${regionId}): shard ${rows[0]?.shard} in ${Math.round(performance.now() - started)} ms`,
    );
  }
}

/** Moves shards between workers until their sizes on disk are even (the default strategy only counts shards). */
export async function rebalanceByDiskSize(db: Kysely<DB>): Promise<void> {
  const started = performance.now();
  const { rows: plan } = await sql<{
    table_name: string;
    shardid: number;
    shard_size: number;
    sourcename: string;
    sourceport: number;
    targetport: number;
  }>`
    SELECT table_name::text, shardid, shard_size, sourcename, sourceport, targetport
      FROM get_rebalance_table_shards_plan(rebalance_strategy => 'by_disk_size')`.execute(db);
  console.log(`rebalance plan (by_disk_size): ${plan.length} shard moves`);
  for (const p of plan) console.log(`  ${p.table_name} shard ${p.shardid} ${p.sourceport} → ${p.targetport}`);
  await sql`SELECT rebalance_table_shards(rebalance_strategy => 'by_disk_size', shard_transfer_mode => 'block_writes')`.execute(db);
  console.log(`rebalance_table_shards: ${Math.round(performance.now() - started)} ms`);
}
