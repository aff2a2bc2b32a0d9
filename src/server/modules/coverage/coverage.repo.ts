import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OrgScope } from '../../auth/scope.js';
import { inScope } from '../../auth/scope.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** The counted facts of org_coverage, as a delta or a total. */
export type CoverageCounts = {
  grassroots_unions: number;
  branches: number;
  employers: number;
  employers_covered: number;
  employees: number;
  employees_covered: number;
  employers_100plus: number;
  employers_100plus_covered: number;
  members: number;
};
export const coverageColumns = [
  'grassroots_unions',
  'branches',
  'employers',
  'employers_covered',
  'employees',
  'employees_covered',
  'employers_100plus',
  'employers_100plus_covered',
  'members',
] as const satisfies readonly (keyof CoverageCounts)[];

export const zeroCounts = (): CoverageCounts => ({
  grassroots_unions: 0,
  branches: 0,
  employers: 0,
  employers_covered: 0,
  employees: 0,
  employees_covered: 0,
  employers_100plus: 0,
  employers_100plus_covered: 0,
  members: 0,
});

/** The ids on an ltree path of ids, root first: a node and all its ancestors. */
export function idsOnPath(path: string): number[] {
  return path.split('.').map(Number);
}

export async function insertCoverageRow(db: Executor, orgId: number): Promise<void> {
  await db.insertInto('org_coverage').values({ org_id: orgId }).execute();
}

export async function deleteCoverageRow(db: Executor, orgId: number): Promise<void> {
  await db.deleteFrom('org_coverage').where('org_id', '=', orgId).execute();
}

/**
 * Adds `delta` to the rows of the given organisations. Rows are locked in id order first, so two
 * transactions touching overlapping ancestor chains queue instead of deadlocking.
 */
export async function addToCoverage(db: Executor, orgIds: number[], delta: Partial<CoverageCounts>): Promise<void> {
  const changed = coverageColumns.filter((c) => (delta[c] ?? 0) !== 0);
  if (changed.length === 0 || orgIds.length === 0) return;
  const ids = [...new Set(orgIds)].sort((a, b) => a - b);
  await sql`SELECT org_id FROM org_coverage WHERE org_id = ANY(${ids}::bigint[]) ORDER BY org_id FOR UPDATE`.execute(db);
  const assignments = sql.join(
    changed.map((c) => sql`${sql.ref(c)} = ${sql.ref(c)} + ${delta[c] ?? 0}`),
    sql`, `,
  );
  await sql`UPDATE org_coverage SET ${assignments}, updated_at = now() WHERE org_id = ANY(${ids}::bigint[])`.execute(db);
}

/**
 * Adds per-organisation deltas of one column, each to the organisation and all its ancestors, in one
 * statement: what a batch (498 approvals, a roster import) uses instead of one update per row.
 */
export async function addCountsAlongPaths(db: Executor, column: keyof CoverageCounts, deltasByPath: Map<string, number>): Promise<void> {
  const perOrg = new Map<number, number>();
  for (const [path, delta] of deltasByPath) for (const id of idsOnPath(path)) perOrg.set(id, (perOrg.get(id) ?? 0) + delta);
  const entries = [...perOrg].filter(([, d]) => d !== 0).sort(([a], [b]) => a - b);
  if (entries.length === 0) return;
  const ids = entries.map(([id]) => id);
  const deltas = entries.map(([, d]) => d);
  await sql`SELECT org_id FROM org_coverage WHERE org_id = ANY(${ids}::bigint[]) ORDER BY org_id FOR UPDATE`.execute(db);
  await sql`
    UPDATE org_coverage c SET ${sql.ref(column)} = c.${sql.ref(column)} + d.delta, updated_at = now()
      FROM unnest(${ids}::bigint[], ${deltas}::bigint[]) AS d(org_id, delta)
     WHERE c.org_id = d.org_id`.execute(db);
}

export async function findCoverage(db: Executor, orgId: number): Promise<CoverageCounts | undefined> {
  return db.selectFrom('org_coverage').select(coverageColumns).where('org_id', '=', orgId).executeTakeFirst();
}

export type CoverageRow = CoverageCounts & { org_id: number; name: string; kind: string };

/** Coverage of one organisation, if the caller's scope reaches it. */
export async function findCoverageInScope(db: Executor, scope: OrgScope, orgId: number): Promise<CoverageRow | undefined> {
  return db
    .selectFrom('org_coverage as c')
    .innerJoin('org_unit as o', 'o.id', 'c.org_id')
    .select(['c.org_id', 'o.name', 'o.kind', ...coverageColumns.map((col) => `c.${col}` as const)])
    .where('c.org_id', '=', orgId)
    .where(inScope(scope, sql.ref('o.path')))
    .executeTakeFirst();
}

/** Coverage of the children of an organisation the caller may see, largest first. */
export async function listChildCoverage(db: Executor, scope: OrgScope, parentId: number, limit: number): Promise<CoverageRow[]> {
  return db
    .selectFrom('org_coverage as c')
    .innerJoin('org_unit as o', 'o.id', 'c.org_id')
    .select(['c.org_id', 'o.name', 'o.kind', ...coverageColumns.map((col) => `c.${col}` as const)])
    .where('o.parent_id', '=', parentId)
    .where(inScope(scope, sql.ref('o.path')))
    .orderBy('c.grassroots_unions', 'desc')
    .orderBy('c.employers', 'desc')
    .orderBy('o.id')
    .limit(limit)
    .execute();
}

/** Every org_coverage row as the base tables say it should be, without writing (for checks). */
function expectedCoverageQuery() {
  return sql`
    WITH own AS (
      SELECT o.path,
             (o.kind IN ('grassroots_union', 'joint_union'))::int AS grassroots_unions,
             (o.kind = 'branch')::int AS branches,
             0::bigint AS employers, 0::bigint AS employers_covered, 0::bigint AS employees,
             0::bigint AS employees_covered, 0::bigint AS employers_100plus,
             0::bigint AS employers_100plus_covered, 0::bigint AS members
        FROM org_unit o
      UNION ALL
      SELECT m.org_path, 0, 0, 0, 0, 0, 0, 0, 0, count(*)
        FROM member m
       WHERE m.status = 'member'
       GROUP BY m.org_path
      UNION ALL
      SELECT e.org_path, 0, 0,
             count(*),
             count(*) FILTER (WHERE e.union_org_id IS NOT NULL),
             coalesce(sum(e.headcount), 0),
             coalesce(sum(e.headcount) FILTER (WHERE e.union_org_id IS NOT NULL), 0),
             count(*) FILTER (WHERE e.headcount >= 100),
             count(*) FILTER (WHERE e.headcount >= 100 AND e.union_org_id IS NOT NULL),
             0
        FROM employer e
       GROUP BY e.org_path
    ), exploded AS (
      SELECT unnest(string_to_array(own.path::text, '.'))::bigint AS org_id, own.*
        FROM own
    )
    SELECT o.id AS org_id,
           coalesce(sum(x.grassroots_unions), 0)::int AS grassroots_unions,
           coalesce(sum(x.branches), 0)::int AS branches,
           coalesce(sum(x.employers), 0)::int AS employers,
           coalesce(sum(x.employers_covered), 0)::int AS employers_covered,
           coalesce(sum(x.employees), 0)::bigint AS employees,
           coalesce(sum(x.employees_covered), 0)::bigint AS employees_covered,
           coalesce(sum(x.employers_100plus), 0)::int AS employers_100plus,
           coalesce(sum(x.employers_100plus_covered), 0)::int AS employers_100plus_covered,
           coalesce(sum(x.members), 0)::bigint AS members
      FROM org_unit o
      LEFT JOIN exploded x ON x.org_id = o.id
     GROUP BY o.id`;
}

/** Recomputes every org_coverage row from the base tables. Run in a transaction by the caller. */
export async function rebuildCoverage(db: Executor): Promise<number> {
  const columns = sql.join(coverageColumns.map((c) => sql.ref(c)));
  await sql`DELETE FROM org_coverage`.execute(db);
  const result = await sql`
    INSERT INTO org_coverage (org_id, ${columns})
    SELECT org_id, ${columns} FROM (${expectedCoverageQuery()}) expected`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Rows where the maintained roll-up differs from a fresh computation (empty when they agree). */
export async function diffCoverage(db: Executor): Promise<Array<{ org_id: number; column: string; stored: number; expected: number }>> {
  const { rows } = await sql<{ org_id: number; stored: unknown; expected: unknown }>`
    SELECT e.org_id, row_to_json(c.*) AS stored, row_to_json(e.*) AS expected
      FROM (${expectedCoverageQuery()}) e
      FULL JOIN org_coverage c ON c.org_id = e.org_id`.execute(db);
  const diffs: Array<{ org_id: number; column: string; stored: number; expected: number }> = [];
  for (const row of rows) {
    const stored = (row.stored ?? {}) as Record<string, number>;
    const expected = (row.expected ?? {}) as Record<string, number>;
    for (const column of coverageColumns) {
      const s = Number(stored[column] ?? NaN);
      const e = Number(expected[column] ?? NaN);
      if (s !== e) diffs.push({ org_id: row.org_id, column, stored: s, expected: e });
    }
  }
  return diffs;
}
