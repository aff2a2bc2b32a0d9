import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { roleAllows, type Action, type Role } from '../../common/auth.js';
import type { OrgKind } from '../../common/orgs.js';
import { depthOfPath, isAncestorOrSelf, isRootPath, regionOfPath, subtreeUpperBound } from './tree.js';

export type ActorGrant = { id: number; orgId: number; orgPath: string; orgName: string; orgKind: OrgKind; role: Role };

/** The signed-in caller, as every service sees it. */
export type Actor = {
  userId: number;
  username: string;
  displayName: string;
  grants: ActorGrant[];
  ip: string;
  /** Signed in with a generated first password not yet replaced (absent for system actors). */
  mustChangePassword?: boolean;
};

/**
 * The subtrees in which the caller may perform one action: the paths of the grant nodes whose role
 * allows it, reduced to the topmost ones. Every repo read filters by it in SQL.
 */
export type OrgScope = { readonly action: Action; readonly paths: readonly string[] };

declare const inScopeBrand: unique symbol;

/**
 * Proof that a row was read by a look-up whose SQL restricts it to what the caller may reach (`inScope()` of the
 * caller's scope, or a member's own records). Unscoped follow-up reads and services acting on a looked-up row take
 * an `InScope<…>` (or one narrowed to its id), so the scoped guard has to come first.
 */
export type InScope<T> = T & { readonly [inScopeBrand]: true };

/**
 * Brands what a scoped look-up returned. Only a repo read whose WHERE carries the caller's scope calls this;
 * scope.test.ts holds every call site to that.
 */
export function provenInScope<T extends object>(row: T): InScope<T> {
  // The one cast of the brand: the type records what the SQL of the calling read guaranteed.
  return row as InScope<T>;
}

export function scopeFor(actor: Actor, action: Action): OrgScope {
  const paths = actor.grants
    .filter((g) => roleAllows(g.role, action))
    .map((g) => g.orgPath)
    .sort((a, b) => a.length - b.length);
  const top: string[] = [];
  for (const path of paths) if (!top.some((t) => isAncestorOrSelf(t, path))) top.push(path);
  return { action, paths: top };
}

/** True when the scope reaches the node at `path` (checked in memory, for paths already loaded in scope). */
export function scopeCovers(scope: OrgScope, path: string): boolean {
  return scope.paths.some((p) => isAncestorOrSelf(p, path));
}

/**
 * The part of the scope inside the subtree at `path`: the subtree itself when the scope covers it, else the scope's
 * paths below it. One condition `inScope(scopeWithin(scope, path), …)` says both "in scope" and "under path"; the two
 * conditions side by side make the planner multiply their selectivities, though for a cadre listing their own node
 * they are the same condition (a district's members estimated at 7% of 7%, and the wrong index chosen).
 */
export function scopeWithin(scope: OrgScope, path: string): OrgScope {
  if (scopeCovers(scope, path)) return { action: scope.action, paths: [path] };
  return { action: scope.action, paths: scope.paths.filter((p) => isAncestorOrSelf(path, p)) };
}

/**
 * SQL condition: the ltree `pathExpr` lies inside the scope. An empty scope matches nothing. For a member-owned table
 * whose rows are in the region of that same path, pass its `regionExpr` too: each scope path below the root then
 * also names its region (`region_id = 7 AND org_path <@ '1.7.42'`), which is what lets a distributed database send
 * the query to the one shard of that region (docs/scale-out.md). A city-wide scope reaches every region.
 *
 * `regionChecked`: the table has a CHECK tying `region_id` to its path's region (member_region_check and its siblings,
 * 0020_region_keys.sql). A region's own node (a district federation) is then stated by the region key alone —
 * `region_id = 7` is exactly the rows under `1.7` — which the planner estimates; the ltree condition beside it it
 * guesses a hundred times too few, and so sorted a district's every member for one page of its list (issue #16).
 */
export function inScope(
  scope: OrgScope,
  pathExpr: Expression<string> | RawBuilder<unknown>,
  regionExpr?: Expression<number> | RawBuilder<unknown>,
  options: { regionChecked?: boolean; pathIndex?: PathIndex } = {},
): RawBuilder<SqlBool> {
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  const terms = scope.paths.map((p) => {
    const under = inSubtree(pathExpr, p, options.pathIndex);
    if (regionExpr === undefined || isRootPath(p)) return under;
    if (options.regionChecked === true && depthOfPath(p) === 2) return sql`${regionExpr} = ${regionOfPath(p)}::bigint`;
    return sql`(${regionExpr} = ${regionOfPath(p)}::bigint AND ${under})`;
  });
  return sql<SqlBool>`(${sql.join(terms, sql` OR `)})`;
}

/**
 * How a path column is indexed. A GiST (the default) answers `<@`; a btree answers a range, so for a `btree` column
 * the subtree is stated as the range it sorts in (tree.ts, `subtreeUpperBound`) instead of `<@`: the same rows, and the
 * planner estimates a range from the column's histogram. Both side by side would have it multiply two estimates of
 * one condition (a street's 1,062 employers taken for 6). The employer table's btree builds in a fraction of a GiST's
 * time: #16, bench/README.md "Cold start at life size".
 */
export type PathIndex = 'gist' | 'btree';

/** SQL condition: the ltree `pathExpr` lies in the subtree at `path` (the node itself or below it). */
export function inSubtree(
  pathExpr: Expression<string> | RawBuilder<unknown>,
  path: string,
  index: PathIndex = 'gist',
): RawBuilder<SqlBool> {
  if (index === 'gist' || isRootPath(path)) return sql<SqlBool>`${pathExpr} <@ ${path}::ltree`;
  return sql<SqlBool>`(${pathExpr} >= ${path}::ltree AND ${pathExpr} < ${subtreeUpperBound(path)}::ltree)`;
}
