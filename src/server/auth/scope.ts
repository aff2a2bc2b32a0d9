import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { roleAllows, type Action, type Role } from '../../common/auth.js';
import type { OrgKind } from '../../common/orgs.js';

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

export function isAncestorOrSelf(ancestor: string, path: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

/**
 * The region of a node: the second label of its path (a district federation or a city-level industry union),
 * the distribution key of member-owned rows; the root's own id for the root.
 */
export function regionOfPath(path: string): number {
  const labels = path.split('.');
  return Number(labels[1] ?? labels[0]);
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

/** SQL condition: the ltree `pathExpr` lies inside the scope. An empty scope matches nothing. */
export function inScope(scope: OrgScope, pathExpr: Expression<string> | RawBuilder<unknown>): RawBuilder<SqlBool> {
  if (scope.paths.length === 0) return sql<SqlBool>`false`;
  const terms = scope.paths.map((p) => sql`${pathExpr} <@ ${p}::ltree`);
  return sql<SqlBool>`(${sql.join(terms, sql` OR `)})`;
}
