import { sql, type SqlBool } from 'kysely';
import { moveToRegion } from '../../db/regions.js';
import { nodeOfPath, regionOfPath } from '../../auth/tree.js';
import type { Executor } from '../../db/executor.js';
import { inScope, inSubtree, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { JointType, OrgKind } from '../../../common/orgs.js';
import type { ListTotal } from '../../../common/paging.js';
import { boundedTotal } from '../../http/list-total.js';
import { childOrderKey } from './orgs.order.js';

const orgColumns = [
  'o.id',
  'o.parent_id',
  'o.path',
  'o.kind',
  'o.joint_type',
  'o.name',
  'o.region_code',
  'o.zone_id',
  'o.child_count',
  'o.version',
  'o.updated_at',
] as const;

export type OrgRow = {
  id: number;
  parent_id: number | null;
  path: string;
  kind: OrgKind;
  joint_type: JointType | null;
  name: string;
  region_code: string | null;
  zone_id: number | null;
  child_count: number;
  version: number;
  updated_at: string;
};

export async function findOrgInScope(db: Executor, scope: OrgScope, id: number, forUpdate = false): Promise<InScope<OrgRow> | undefined> {
  let query = db
    .selectFrom('org_unit as o')
    .select(orgColumns)
    .where('o.id', '=', id)
    .where(inScope(scope, sql.ref('o.path')));
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && provenInScope(row);
}

/** Unscoped: only for rule checks on a node the caller already reached through its scope. */
export async function findOrgById(db: Executor, id: number): Promise<OrgRow | undefined> {
  return db.selectFrom('org_unit as o').select(orgColumns).where('o.id', '=', id).executeTakeFirst();
}

/** The nodes at the top of the scope (a caller's tree roots). */
export async function listScopeRoots(db: Executor, scope: OrgScope): Promise<OrgRow[]> {
  if (scope.paths.length === 0) return [];
  return db
    .selectFrom('org_unit as o')
    .select(orgColumns)
    .where(sql<boolean>`o.path IN (${sql.join(scope.paths.map((p) => sql`${p}::ltree`))})`)
    .orderBy('o.path')
    .execute();
}

function childrenQuery(db: Executor, scope: OrgScope, parentId: number, q: string | undefined) {
  let query = db
    .selectFrom('org_unit as o')
    .leftJoin('org_coverage as c', 'c.org_id', 'o.id')
    .select(orgColumns)
    .select(sql<number>`coalesce(c.members, 0)`.as('members'))
    .where('o.parent_id', '=', parentId)
    .where(inScope(scope, sql.ref('o.path')));
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([sql<SqlBool>`o.name ILIKE ${like}`, sql<SqlBool>`o.name_pinyin LIKE ${like.toLowerCase()}`]));
  }
  return query;
}

/** Children of a node inside the scope in the official order (`childOrderKey`), keyset-paged, optionally searched. */
export async function listChildren(
  db: Executor,
  scope: OrgScope,
  parentId: number,
  page: { q: string | undefined; after: [string, number] | undefined; limit: number },
): Promise<(OrgRow & { members: number })[]> {
  let query = childrenQuery(db, scope, parentId, page.q)
    .orderBy(childOrderKey('o'))
    .orderBy('o.id')
    .limit(page.limit + 1);
  if (page.after) {
    const [key, id] = page.after;
    query = query.where(sql<boolean>`(${childOrderKey('o')}, o.id) > (${key} COLLATE "C", ${id})`);
  }
  return query.execute();
}

/** How many children the search holds (bounded: `boundedTotal`). */
export function countChildren(db: Executor, scope: OrgScope, parentId: number, q: string | undefined): Promise<ListTotal> {
  return boundedTotal(db, childrenQuery(db, scope, parentId, q));
}

/** Nodes on the given ids (ancestors of a path) that lie inside the scope, root first. */
export async function listOrgsOnPath(db: Executor, scope: OrgScope, ids: number[]) {
  return db
    .selectFrom('org_unit as o')
    .select(['o.id', 'o.name', 'o.kind', 'o.path'])
    .where('o.id', '=', sql<number>`ANY(${sql.val(ids)}::bigint[])`)
    .where(inScope(scope, sql.ref('o.path')))
    .orderBy(sql`nlevel(o.path)`)
    .execute();
}

/** Name substring or pinyin (initials or full) prefix, inside the scope; best matches first. */
export async function searchOrgs(db: Executor, scope: OrgScope, query: { q: string; kind: OrgKind | undefined; limit: number }) {
  const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const prefix = `${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let q = db
    .selectFrom('org_unit as o')
    .select(['o.id', 'o.name', 'o.kind', 'o.path'])
    .where(inScope(scope, sql.ref('o.path')))
    .where((eb) =>
      eb.or([
        sql<boolean>`o.name ILIKE ${like}`,
        sql<boolean>`o.name_pinyin LIKE ${prefix}`,
        sql<boolean>`o.name_pinyin LIKE ${'% ' + prefix}`,
      ]),
    )
    .orderBy(sql`(o.name = ${query.q})`, 'desc')
    .orderBy(sql`nlevel(o.path)`)
    .orderBy(sql`length(o.name)`)
    .orderBy('o.id')
    .limit(query.limit);
  if (query.kind) q = q.where('o.kind', '=', query.kind);
  return q.execute();
}

export async function siblingNameExists(db: Executor, parentId: number, name: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('org_unit').select('id').where('parent_id', '=', parentId).where('name', '=', name);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertOrg(
  tx: Executor,
  org: {
    parentId: number;
    parentPath: string;
    kind: OrgKind;
    jointType: JointType | null;
    name: string;
    namePinyin: string;
    regionCode: string | null;
  },
): Promise<OrgRow> {
  const { rows } = await sql<OrgRow>`
    WITH next AS (SELECT nextval(pg_get_serial_sequence('org_unit', 'id')) AS id)
    INSERT INTO org_unit (id, parent_id, path, kind, joint_type, name, name_pinyin, region_code)
    SELECT next.id, ${org.parentId}, (${org.parentPath} || '.' || next.id)::ltree, ${org.kind}, ${org.jointType},
           ${org.name}, ${org.namePinyin}, ${org.regionCode}
      FROM next
    RETURNING id, parent_id, path::text AS path, kind, joint_type, name, region_code, zone_id, child_count, version, updated_at`.execute(
    tx,
  );
  return rows[0]!;
}

export async function addToChildCount(tx: Executor, orgId: number, delta: number): Promise<void> {
  await tx
    .updateTable('org_unit')
    .set({ child_count: sql`child_count + ${delta}` })
    .where('id', '=', orgId)
    .execute();
}

/** Optimistic update: answers undefined when `version` is no longer current. */
export async function updateOrgFields(
  tx: Executor,
  id: number,
  version: number,
  fields: { name?: string; name_pinyin?: string; joint_type?: JointType | null; region_code?: string | null; zone_id?: number | null },
): Promise<OrgRow | undefined> {
  return tx
    .updateTable('org_unit as o')
    .set({ ...fields, version: sql`version + 1`, updated_at: sql`now()` })
    .where('o.id', '=', id)
    .where('o.version', '=', version)
    .returning(orgColumns)
    .executeTakeFirst();
}

/**
 * Re-roots a whole subtree under a new parent path: the node, its descendants, and every column that carries their
 * path, as the migrations declared them in `org_path_column` (history columns, declared not to follow moves, keep
 * the path as it was when the event happened). One UPDATE per column; the count is of moved organisations.
 */
export async function moveSubtreePaths(tx: Executor, oldPath: string, newParentPath: string): Promise<number> {
  await moveSubtreeRegion(tx, oldPath, newParentPath);
  const columns = await tx
    .selectFrom('org_path_column')
    .select(['table_name', 'column_name'])
    .where('follows_moves', '=', true)
    .orderBy(sql`table_name <> 'org_unit'`)
    .orderBy('table_name')
    .orderBy('column_name')
    .execute();
  let moved = 0;
  for (const { table_name: table, column_name: column } of columns) {
    const ref = sql.id(column);
    // As a btree's range, the same rows as `<@`: some path columns are indexed by a btree rather than a GiST (employer's).
    const result = await sql`UPDATE ${sql.id(table)} SET ${ref} = ${newParentPath}::ltree || subpath(${ref}, nlevel(${oldPath}::ltree) - 1)
      WHERE ${inSubtree(ref, oldPath, 'btree')}`.execute(tx);
    if (table === 'org_unit') moved = Number(result.numAffectedRows ?? 0);
  }
  return moved;
}

/**
 * When a subtree moves to another region (under another district federation, or becoming one), the member-owned rows
 * whose own path lies in it are re-inserted in the new region with the path rewritten — with every row that
 * references them — and deleted in the old one (db/regions.ts); tables declare their region path in table_placement.
 */
async function moveSubtreeRegion(tx: Executor, oldPath: string, newParentPath: string): Promise<void> {
  const from = regionOfPath(oldPath);
  const to = regionOfPath(`${newParentPath}.${nodeOfPath(oldPath)}`);
  if (from === to) return;
  const tables = await tx
    .selectFrom('table_placement as p')
    .innerJoin('org_path_column as c', (j) => j.onRef('c.table_name', '=', 'p.table_name').onRef('c.column_name', '=', 'p.region_path'))
    .select(['p.table_name', 'p.region_path'])
    .where('p.placement', '=', 'distributed')
    .where('c.follows_moves', '=', true)
    .orderBy('p.table_name')
    .execute();
  for (const { table_name: table, region_path: column } of tables) {
    const ref = sql.ref(column!);
    await moveToRegion(tx, {
      table,
      from,
      to,
      where: sql<SqlBool>`${ref} <@ ${oldPath}::ltree`,
      set: { [column!]: sql`${newParentPath}::ltree || subpath(${ref}, nlevel(${oldPath}::ltree) - 1)` },
    });
  }
}

export async function setParent(tx: Executor, id: number, parentId: number): Promise<OrgRow> {
  return tx
    .updateTable('org_unit as o')
    .set({ parent_id: parentId, zone_id: null, version: sql`version + 1`, updated_at: sql`now()` })
    .where('o.id', '=', id)
    .returning(orgColumns)
    .executeTakeFirstOrThrow();
}

export async function countEmployersOf(db: Executor, org: InScope<{ id: number }>): Promise<number> {
  const row = await db
    .selectFrom('employer')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('street_org_id', '=', org.id), eb('union_org_id', '=', org.id)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countGrantsOn(db: Executor, org: InScope<{ id: number }>): Promise<number> {
  const row = await db
    .selectFrom('role_grant')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteOrgRow(tx: Executor, id: number): Promise<void> {
  await tx.deleteFrom('collaboration_zone').where('org_id', '=', id).execute();
  await tx.deleteFrom('org_unit').where('id', '=', id).execute();
}

/** Tree-structure changes serialise on this lock: moves take it exclusively, creates and deletes shared. */
export async function lockTree(tx: Executor, mode: 'shared' | 'exclusive'): Promise<void> {
  if (mode === 'exclusive') await sql`SELECT pg_advisory_xact_lock(727002)`.execute(tx);
  else await sql`SELECT pg_advisory_xact_lock_shared(727002)`.execute(tx);
}

export async function listZones(db: Executor, org: InScope<{ id: number }>) {
  return db
    .selectFrom('collaboration_zone as z')
    .select(['z.id', 'z.org_id', 'z.name'])
    .select((eb) =>
      eb
        .selectFrom('org_unit as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.zone_id', '=', 'z.id')
        .as('member_count'),
    )
    .where('z.org_id', '=', org.id)
    .orderBy('z.name')
    .execute();
}

export async function findZone(db: Executor, zoneId: number) {
  return db.selectFrom('collaboration_zone').select(['id', 'org_id', 'name']).where('id', '=', zoneId).executeTakeFirst();
}

export async function zoneNameExists(db: Executor, org: InScope<{ id: number }>, name: string): Promise<boolean> {
  return (
    (await db.selectFrom('collaboration_zone').select('id').where('org_id', '=', org.id).where('name', '=', name).executeTakeFirst()) !==
    undefined
  );
}

export async function insertZone(tx: Executor, org: InScope<{ id: number; path: string }>, name: string) {
  return tx
    .insertInto('collaboration_zone')
    .values({ org_id: org.id, org_path: org.path, name })
    .returning(['id', 'org_id', 'name'])
    .executeTakeFirstOrThrow();
}
