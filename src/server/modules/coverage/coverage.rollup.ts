import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { OrgScope } from '../../auth/scope.js';
import { inScope } from '../../auth/scope.js';
import type { OrgKind } from '../../../common/orgs.js';
import { idsOnPath } from '../../auth/tree.js';

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
  members_incomplete: number;
  id_rows_submitted: number;
  ids_invalid: number;
  ids_duplicate: number;
  /** Secondary affiliations with unions of the subtree (lets a member list skip a query that reads every region). */
  members_secondary: number;
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
  'members_incomplete',
  'id_rows_submitted',
  'ids_invalid',
  'ids_duplicate',
  'members_secondary',
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
  members_incomplete: 0,
  id_rows_submitted: 0,
  ids_invalid: 0,
  ids_duplicate: 0,
  members_secondary: 0,
});

export async function insertCoverageRow(db: Executor, orgId: number): Promise<void> {
  await db.insertInto('org_coverage').values({ org_id: orgId }).execute();
}

export async function deleteCoverageRow(db: Executor, orgId: number): Promise<void> {
  await db.deleteFrom('org_coverage').where('org_id', '=', orgId).execute();
}

/**
 * Adds deltas to the roll-up: each path's delta reaches the organisation at the end of the path and every
 * ancestor. All deltas are summed per organisation first and written in one statement, so a batch (498
 * approvals, a roster import) costs one update; rows are locked in id order so overlapping ancestor chains
 * queue instead of deadlocking.
 */
export async function addAlongPaths(db: Executor, deltasByPath: Map<string, Partial<CoverageCounts>>): Promise<void> {
  const perOrg = new Map<number, CoverageCounts>();
  for (const [path, delta] of deltasByPath) {
    for (const id of idsOnPath(path)) {
      const sum = perOrg.get(id) ?? zeroCounts();
      for (const c of coverageColumns) sum[c] += delta[c] ?? 0;
      perOrg.set(id, sum);
    }
  }
  const changed = coverageColumns.filter((c) => [...perOrg.values()].some((d) => d[c] !== 0));
  if (changed.length === 0) return;
  const ids = [...perOrg.keys()].sort((a, b) => a - b);
  await sql`SELECT org_id FROM org_coverage WHERE org_id = ANY(${ids}::bigint[]) ORDER BY org_id FOR UPDATE`.execute(db);
  const arrays = changed.map((c) => sql`${ids.map((id) => perOrg.get(id)![c])}::bigint[]`);
  const assignments = sql.join(changed.map((c) => sql`${sql.ref(c)} = c.${sql.ref(c)} + d.${sql.ref(c)}`));
  await sql`
    UPDATE org_coverage c SET ${assignments}, updated_at = now()
      FROM unnest(${ids}::bigint[], ${sql.join(arrays)}) AS d(org_id, ${sql.join(changed.map((c) => sql.ref(c)))})
     WHERE c.org_id = d.org_id`.execute(db);
}

/** One delta along one path (a node and its ancestors). */
export async function addToCoverage(db: Executor, path: string, delta: Partial<CoverageCounts>): Promise<void> {
  await addAlongPaths(db, new Map([[path, delta]]));
}

export async function findCoverage(db: Executor, orgId: number): Promise<CoverageCounts | undefined> {
  return db.selectFrom('org_coverage').select(coverageColumns).where('org_id', '=', orgId).executeTakeFirst();
}

export type CoverageRow = CoverageCounts & { org_id: number; name: string; kind: OrgKind; child_count: number };

/** Coverage of one organisation, if the caller's scope reaches it. */
export async function findCoverageInScope(db: Executor, scope: OrgScope, orgId: number): Promise<CoverageRow | undefined> {
  return db
    .selectFrom('org_coverage as c')
    .innerJoin('org_unit as o', 'o.id', 'c.org_id')
    .select(['c.org_id', 'o.name', 'o.kind', 'o.child_count', ...coverageColumns.map((col) => `c.${col}` as const)])
    .where('c.org_id', '=', orgId)
    .where(inScope(scope, sql.ref('o.path')))
    .executeTakeFirst();
}

/** Coverage of the children of an organisation the caller may see, largest first. */
export async function listChildCoverage(db: Executor, scope: OrgScope, parentId: number, limit: number): Promise<CoverageRow[]> {
  return db
    .selectFrom('org_coverage as c')
    .innerJoin('org_unit as o', 'o.id', 'c.org_id')
    .select(['c.org_id', 'o.name', 'o.kind', 'o.child_count', ...coverageColumns.map((col) => `c.${col}` as const)])
    .where('o.parent_id', '=', parentId)
    .where(inScope(scope, sql.ref('o.path')))
    .orderBy('c.grassroots_unions', 'desc')
    .orderBy('c.employers', 'desc')
    .orderBy('o.id')
    .limit(limit)
    .execute();
}

/** Organisations of a subtree (the node included) with more members than staff of covered units (入会率 > 100 %), highest rate first. */
export async function listOverRate(db: Executor, scope: OrgScope, nodeId: number, limit: number): Promise<CoverageRow[]> {
  return db
    .selectFrom('org_coverage as c')
    .innerJoin('org_unit as o', 'o.id', 'c.org_id')
    .select(['c.org_id', 'o.name', 'o.kind', 'o.child_count', ...coverageColumns.map((col) => `c.${col}` as const)])
    .where(sql<boolean>`o.path <@ (SELECT n.path FROM org_unit n WHERE n.id = ${nodeId})`)
    .where(inScope(scope, sql.ref('o.path')))
    .where('c.employees_covered', '>', 0)
    .where(sql<boolean>`c.members > c.employees_covered`)
    .orderBy(sql`c.members::numeric / c.employees_covered`, 'desc')
    .orderBy('o.id')
    .limit(limit)
    .execute();
}

/**
 * A member record counts as incomplete (a data-quality figure) when a standard employee has no employer, or the
 * join date falls before the 16th birthday. Kept in one SQL expression and one function that must agree.
 */
export const MEMBER_INCOMPLETE_SQL = sql`((m.employment_form = 'standard' AND coalesce(m.employer_name, '') = '') OR m.join_date < m.birth_date + interval '16 years')`;

/** Every org_coverage row as the base tables say it should be, without writing (for rebuild and checks). */
function expectedCoverageQuery() {
  const z = (n: number) => sql.raw(Array.from({ length: n }, () => '0').join(', '));
  return sql`
    WITH own (path, grassroots_unions, branches, employers, employers_covered, employees, employees_covered,
              employers_100plus, employers_100plus_covered, members, members_incomplete, id_rows_submitted,
              ids_invalid, ids_duplicate, members_secondary) AS (
      SELECT o.path, (o.kind IN ('grassroots_union', 'joint_union'))::int::bigint, (o.kind = 'branch')::int::bigint, ${z(12)}
        FROM org_unit o
      UNION ALL
      SELECT e.org_path, 0, 0,
             count(*),
             count(*) FILTER (WHERE e.union_org_id IS NOT NULL),
             coalesce(sum(e.headcount), 0),
             coalesce(sum(e.headcount) FILTER (WHERE e.union_org_id IS NOT NULL), 0),
             count(*) FILTER (WHERE e.headcount >= 100),
             count(*) FILTER (WHERE e.headcount >= 100 AND e.union_org_id IS NOT NULL),
             ${z(6)}
        FROM employer e
       GROUP BY e.org_path
      UNION ALL
      SELECT m.org_path, ${z(8)}, count(*), count(*) FILTER (WHERE ${MEMBER_INCOMPLETE_SQL}), ${z(4)}
        FROM member m
       WHERE m.status = 'member'
       GROUP BY m.org_path
      UNION ALL
      SELECT j.org_path, ${z(10)}, sum(j.rows_read), sum(j.ids_invalid), sum(j.ids_duplicate), 0
        FROM import_job j
       GROUP BY j.org_path
      UNION ALL
      SELECT a.org_path, ${z(13)}, count(*)
        FROM member_affiliation a
       GROUP BY a.org_path
    ), exploded AS (
      SELECT unnest(string_to_array(own.path::text, '.'))::bigint AS org_id, own.*
        FROM own
    )
    SELECT o.id AS org_id,
           ${sql.join(coverageColumns.map((c) => sql`coalesce(sum(x.${sql.ref(c)}), 0)::bigint AS ${sql.ref(c)}`))}
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

/**
 * Rows where the maintained roll-up differs from a fresh computation (empty when they agree). The columns are named
 * one by one: Citus reads org_coverage (a coordinator table) joined to the distributed computation through a subquery
 * of the columns the query names, and a whole-row `c.*` then came back with every other column NULL.
 */
export async function diffCoverage(db: Executor): Promise<Array<{ org_id: number; column: string; stored: number; expected: number }>> {
  const asJson = (alias: 'c' | 'e') =>
    sql`json_build_object(${sql.join(coverageColumns.map((c) => sql`${sql.lit(c)}::text, ${sql.ref(`${alias}.${c}`)}`))})`;
  const { rows } = await sql<{ org_id: number; stored: unknown; expected: unknown }>`
    SELECT e.org_id, ${asJson('c')} AS stored, ${asJson('e')} AS expected
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
