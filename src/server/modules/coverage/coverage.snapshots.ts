import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { OrgScope } from '../../auth/scope.js';
import { inScope } from '../../auth/scope.js';

declare module '../../db/schema.js' {
  interface DB {
    coverage_snapshot: CoverageSnapshotTable;
  }
}

export type SnapshotRowSource = 'month_end' | 'on_demand' | 'reconstructed';

/** The counted figures a snapshot keeps (the dashboard's; data-quality counts are not history). */
export const snapshotColumns = [
  'grassroots_unions',
  'branches',
  'employers',
  'employers_covered',
  'employees',
  'employees_covered',
  'employers_100plus',
  'employers_100plus_covered',
  'members',
] as const;
export type SnapshotCounts = Record<(typeof snapshotColumns)[number], number>;

export type CoverageSnapshotTable = SnapshotCounts & {
  org_id: number;
  month: string;
  source: SnapshotRowSource;
  taken_at: string;
};

const columnList = sql.join(snapshotColumns.map((c) => sql.ref(c)));

/**
 * Copies the live roll-up of every organisation into the snapshot of `month` (YYYY-MM-01). A month-end snapshot
 * replaces an on-demand or reconstructed one but never another month-end one (the job may run twice); an on-demand
 * snapshot replaces anything but a month-end one.
 */
export async function snapshotFromRollup(db: Executor, month: string, source: 'month_end' | 'on_demand'): Promise<number> {
  const updates = sql.join(snapshotColumns.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
  const result = await sql`
    INSERT INTO coverage_snapshot (org_id, month, ${columnList}, source)
    SELECT c.org_id, ${month}::date, ${sql.join(snapshotColumns.map((c) => sql.ref(`c.${c}`)))}, ${source}
      FROM org_coverage c
    ON CONFLICT (org_id, month) DO UPDATE SET ${updates}, source = excluded.source, taken_at = now()
     WHERE coverage_snapshot.source <> 'month_end'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Months (YYYY-MM-01) among `months` for which no organisation has a snapshot taken from the live roll-up. */
export async function monthsWithoutTakenSnapshot(db: Executor, months: string[]): Promise<string[]> {
  if (months.length === 0) return [];
  const { rows } = await sql<{ month: string }>`
    SELECT m.month::date::text AS month FROM unnest(${months}::date[]) AS m(month)
     WHERE NOT EXISTS (SELECT 1 FROM coverage_snapshot s WHERE s.month = m.month AND s.source <> 'reconstructed')
     ORDER BY 1`.execute(db);
  return rows.map((r) => r.month);
}

/**
 * Reconstructs past months from the members' own dates: a member counts at the end of a month when they joined by
 * then and had not lapsed by then (the last 'lapsed' event of their history, else the row's last change), at the
 * node they belong to today. Units, staff and unions have no history: today's figures stand for every month.
 * Only rows that are missing or themselves reconstructed are written.
 */
export async function reconstructMonths(db: Executor, months: string[]): Promise<number> {
  if (months.length === 0) return 0;
  const others = snapshotColumns.filter((c) => c !== 'members');
  const result = await sql`
    WITH months AS (SELECT unnest(${months}::date[]) AS month),
    lapses AS (
      SELECT h.region_id, h.member_id, max(h.at) AS lapsed_at
        FROM member_status_history h WHERE h.event = 'lapsed' GROUP BY h.region_id, h.member_id
    ),
    buckets AS (
      SELECT m.org_path,
             date_trunc('month', m.join_date)::date AS joined,
             CASE WHEN m.status = 'lapsed' THEN date_trunc('month', coalesce(l.lapsed_at, m.updated_at))::date END AS left_month,
             count(*) AS n
        FROM member m
        LEFT JOIN lapses l ON l.region_id = m.region_id AND l.member_id = m.id
       GROUP BY 1, 2, 3
    ),
    per_path AS (
      SELECT mo.month, b.org_path, sum(b.n) AS n
        FROM months mo JOIN buckets b ON b.joined <= mo.month AND (b.left_month IS NULL OR b.left_month > mo.month)
       GROUP BY mo.month, b.org_path
    ),
    per_org AS (
      SELECT p.month, unnest(string_to_array(p.org_path::text, '.'))::bigint AS org_id, p.n FROM per_path p
    ),
    members AS (SELECT month, org_id, sum(n)::bigint AS members FROM per_org GROUP BY month, org_id)
    INSERT INTO coverage_snapshot (org_id, month, ${columnList}, source)
    SELECT c.org_id, mo.month, ${sql.join(others.map((c) => sql.ref(`c.${c}`)))}, coalesce(x.members, 0), 'reconstructed'
      FROM org_coverage c
     CROSS JOIN months mo
      LEFT JOIN members x ON x.org_id = c.org_id AND x.month = mo.month
    ON CONFLICT (org_id, month) DO UPDATE SET members = excluded.members, taken_at = now()
     WHERE coverage_snapshot.source = 'reconstructed'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export type SnapshotPoint = SnapshotCounts & { month: string; source: SnapshotRowSource };

/** A node's snapshots from `from` (inclusive) to `until` (exclusive), oldest first, if the scope reaches the node. */
export async function listSnapshotsInScope(
  db: Executor,
  scope: OrgScope,
  orgId: number,
  from: string,
  until: string,
): Promise<SnapshotPoint[]> {
  const { rows } = await sql<SnapshotPoint>`
    SELECT s.month::text AS month, s.source, ${sql.join(snapshotColumns.map((c) => sql.ref(`s.${c}`)))}
      FROM coverage_snapshot s
      JOIN org_unit o ON o.id = s.org_id
     WHERE s.org_id = ${orgId} AND s.month >= ${from}::date AND s.month < ${until}::date AND ${inScope(scope, sql.ref('o.path'))}
     ORDER BY s.month`.execute(db);
  return rows;
}

/** Whether any snapshot exists for the month. */
export async function hasSnapshot(db: Executor, month: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM coverage_snapshot WHERE month = ${month}::date LIMIT 1`.execute(db);
  return rows.length > 0;
}

export type ReportNode = SnapshotCounts & {
  org_id: number;
  parent_id: number | null;
  name: string;
  depth: number;
  region_code: string | null;
};

/**
 * A node and its children and grandchildren in scope with their figures, live (`month` null) or from the month's
 * snapshot (zeros for a node that had none), in the official order (region code, then id). At most `limit` rows.
 */
export async function listReportNodes(
  db: Executor,
  scope: OrgScope,
  path: string,
  month: string | null,
  limit: number,
): Promise<ReportNode[]> {
  const figures =
    month === null
      ? sql`LEFT JOIN org_coverage f ON f.org_id = o.id`
      : sql`LEFT JOIN coverage_snapshot f ON f.org_id = o.id AND f.month = ${month}::date`;
  const { rows } = await sql<ReportNode>`
    SELECT o.id AS org_id, o.parent_id, o.name, o.region_code, nlevel(o.path) - nlevel(${path}::ltree) AS depth,
           ${sql.join(snapshotColumns.map((c) => sql`coalesce(f.${sql.ref(c)}, 0)::bigint AS ${sql.ref(c)}`))}
      FROM org_unit o
      ${figures}
     WHERE o.path <@ ${path}::ltree AND nlevel(o.path) <= nlevel(${path}::ltree) + 2 AND ${inScope(scope, sql.ref('o.path'))}
     ORDER BY depth, o.region_code NULLS LAST, o.id
     LIMIT ${limit}`.execute(db);
  return rows;
}

/** The district federations (区总工会) under the root that the scope reaches, with their live figures. */
export async function listDistrictsInScope(
  db: Executor,
  scope: OrgScope,
): Promise<Array<SnapshotCounts & { id: number; name: string; region_code: string | null }>> {
  const { rows } = await sql<SnapshotCounts & { id: number; name: string; region_code: string | null }>`
    SELECT o.id, o.name, o.region_code, ${sql.join(snapshotColumns.map((c) => sql`coalesce(c.${sql.ref(c)}, 0)::bigint AS ${sql.ref(c)}`))}
      FROM org_unit o
      LEFT JOIN org_coverage c ON c.org_id = o.id
     WHERE o.kind = 'district_federation' AND nlevel(o.path) = 2 AND ${inScope(scope, sql.ref('o.path'))}
     ORDER BY o.region_code NULLS LAST, o.id`.execute(db);
  return rows;
}
