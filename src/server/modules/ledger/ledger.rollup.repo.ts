import { sql } from 'kysely';
import type { LedgerKind } from '../../../common/ledger.js';
import type { Executor } from '../../db/executor.js';
import { inScope, type OrgScope } from '../../auth/scope.js';
import { entriesOf, type LedgerFilter } from './ledger.repo.js';

// The roll-up's SQL (汇总): a node's subtree by kind, and its direct sub-nodes, over the entries the scope sees.

/** Activities and people of a node's subtree for a year, by kind; members counted once per person. */
export async function rollupByKind(db: Executor, scope: OrgScope, f: LedgerFilter) {
  const entries = entriesOf(db, scope, f).clearSelect().select('e.id');
  const { rows: kinds } = await sql<{
    kind: LedgerKind;
    activities: number | string;
    members_entries: number | string;
    reported: number | string | null;
    reported_entries: number | string;
    without_figure: number | string;
  }>`
    SELECT e.kind, count(*) AS activities,
           count(*) FILTER (WHERE e.people_basis = 'members') AS members_entries,
           sum(e.people_reached) FILTER (WHERE e.people_basis = 'reported') AS reported,
           count(*) FILTER (WHERE e.people_basis = 'reported') AS reported_entries,
           count(*) FILTER (WHERE e.people_basis IS NULL) AS without_figure
      FROM ledger_entry e WHERE e.id IN (${entries}) GROUP BY e.kind ORDER BY e.kind`.execute(db);
  const { rows: members } = await sql<{ kind: LedgerKind | null; n: number | string }>`
    SELECT d.kind, count(*) AS n FROM (
      SELECT DISTINCT e.kind, m.region_id, m.member_id
        FROM ledger_entry_member m JOIN ledger_entry e ON e.id = m.entry_id WHERE e.id IN (${entries})) d
     GROUP BY d.kind
    UNION ALL
    SELECT NULL, count(*) FROM (
      SELECT DISTINCT m.region_id, m.member_id
        FROM ledger_entry_member m JOIN ledger_entry e ON e.id = m.entry_id WHERE e.id IN (${entries})) t`.execute(db);
  const { rows: figures } = await sql<{
    unit: string;
    counts: string;
    total: string;
    entries: number | string;
    approximate: boolean;
  }>`
    SELECT f.unit, f.counts, sum(f.value)::text AS total, count(DISTINCT f.entry_id) AS entries, bool_or(f.approximate) AS approximate
      FROM ledger_figure f WHERE f.entry_id IN (${entries})
     GROUP BY f.unit, f.counts ORDER BY count(DISTINCT f.entry_id) DESC, f.counts, f.unit LIMIT 100`.execute(db);
  return { kinds, members, figures };
}

/**
 * The direct sub-nodes of a node with each one's share of the node's roll-up, in one query: an entry goes to the
 * sub-node under which its organiser or a co-organiser sits (the first label below the node on that path), once per
 * sub-node; members are counted once per person within each sub-node. Sub-nodes without entries are listed with zeros.
 */
export async function rollupByChild(db: Executor, scope: OrgScope, f: LedgerFilter, limit: number) {
  const entries = entriesOf(db, scope, f).clearSelect().select('e.id');
  const { rows } = await sql<{
    org_id: number;
    org_name: string;
    activities: number | string;
    members: number | string;
    members_entries: number | string;
    reported: number | string | null;
    reported_entries: number | string;
    without_figure: number | string;
  }>`
    WITH picked AS (${entries}),
    reach AS (
      SELECT DISTINCT x.entry_id, subpath(x.path, 0, nlevel(${f.orgPath}::ltree) + 1) AS child_path
        FROM (SELECT e.id AS entry_id, e.org_path AS path FROM ledger_entry e WHERE e.id IN (SELECT id FROM picked)
              UNION ALL
              SELECT c.entry_id, c.org_path FROM ledger_entry_org c WHERE c.entry_id IN (SELECT id FROM picked)) x
       WHERE x.path <@ ${f.orgPath}::ltree AND nlevel(x.path) > nlevel(${f.orgPath}::ltree)),
    per_child AS (
      SELECT r.child_path, count(*) AS activities,
             count(*) FILTER (WHERE e.people_basis = 'members') AS members_entries,
             sum(e.people_reached) FILTER (WHERE e.people_basis = 'reported') AS reported,
             count(*) FILTER (WHERE e.people_basis = 'reported') AS reported_entries,
             count(*) FILTER (WHERE e.people_basis IS NULL) AS without_figure
        FROM reach r JOIN ledger_entry e ON e.id = r.entry_id GROUP BY r.child_path),
    people AS (
      SELECT d.child_path, count(*) AS members FROM (
        SELECT DISTINCT r.child_path, m.region_id, m.member_id
          FROM reach r JOIN ledger_entry_member m ON m.entry_id = r.entry_id) d
       GROUP BY d.child_path)
    SELECT o.id AS org_id, o.name AS org_name,
           coalesce(p.activities, 0) AS activities, coalesce(pp.members, 0) AS members,
           coalesce(p.members_entries, 0) AS members_entries, p.reported,
           coalesce(p.reported_entries, 0) AS reported_entries, coalesce(p.without_figure, 0) AS without_figure
      FROM org_unit o
      LEFT JOIN per_child p ON p.child_path = o.path
      LEFT JOIN people pp ON pp.child_path = o.path
     WHERE o.parent_id = ${f.orgId} AND ${inScope(scope, sql.ref('o.path'))}
     ORDER BY coalesce(p.activities, 0) DESC, o.name, o.id
     LIMIT ${limit + 1}`.execute(db);
  return rows;
}
