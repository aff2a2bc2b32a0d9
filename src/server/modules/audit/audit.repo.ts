import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, type OrgScope } from '../../auth/scope.js';
import { isRootPath } from '../../auth/tree.js';

/**
 * SQL condition: the entry `a` is placed inside one of `paths`. Its organisations are looked up by id at
 * their current place in the tree (so entries follow a moved subtree); when none of them exists any more,
 * or the entry predates org_ids, the path recorded at the time decides.
 */
function placedIn(paths: readonly string[]): RawBuilder<SqlBool> {
  const scope: OrgScope = { action: 'audit.read', paths };
  return sql<SqlBool>`coalesce(
    (SELECT bool_or(${inScope(scope, sql.ref('o.path'))}) FROM org_unit o WHERE o.id = ANY(a.org_ids)),
    ${inScope(scope, sql.ref('a.org_path'))},
    false)`;
}

export type AuditFilter = {
  cursor: number | undefined;
  limit: number;
  orgPath?: string | undefined;
  actions?: readonly string[] | undefined;
  username?: string | undefined;
  result?: 'ok' | 'denied' | 'failed' | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** Audit entries placed in the caller's subtree, newest first; entries without any organisation only for scopes at the root. */
export async function listAudit(db: Executor, scope: OrgScope, f: AuditFilter) {
  const atRoot = scope.paths.some(isRootPath);
  let query = db
    .selectFrom('audit_log as a')
    .select(['a.id', 'a.at', 'a.username', 'a.action', 'a.target_type', 'a.target_id', 'a.result', 'a.ip', 'a.detail'])
    .where((eb) => eb.or([placedIn(scope.paths), atRoot ? sql<SqlBool>`(a.org_ids IS NULL AND a.org_path IS NULL)` : sql<SqlBool>`false`]))
    .orderBy('a.id', 'desc')
    .limit(f.limit + 1);
  if (f.orgPath) query = query.where(placedIn([f.orgPath]));
  if (f.actions && f.actions.length > 0) query = query.where('a.action', 'in', [...f.actions]);
  if (f.username) query = query.where('a.username', '=', f.username);
  if (f.result) query = query.where('a.result', '=', f.result);
  if (f.from) query = query.where(sql<SqlBool>`a.at >= ${f.from}::timestamptz`);
  if (f.to) query = query.where(sql<SqlBool>`a.at < ${f.to}::timestamptz`);
  if (f.cursor !== undefined) query = query.where('a.id', '<', f.cursor);
  return query.execute();
}
