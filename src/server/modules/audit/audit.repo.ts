import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, type OrgScope } from '../../auth/scope.js';
import { isRootPath, nodeOfPath } from '../../auth/tree.js';

export type AuditEntry = {
  userId: number | null;
  username: string | null;
  action: string;
  targetType?: string | undefined;
  targetId?: string | number | undefined;
  orgPath?: string | null | undefined;
  /** The organisations the entry belongs to; defaults to the node at the end of `orgPath`. */
  orgIds?: readonly number[] | undefined;
  result: 'ok' | 'denied' | 'failed';
  ip: string | null;
  detail?: Record<string, unknown> | undefined;
};

export async function insertAudit(db: Executor, entry: AuditEntry): Promise<void> {
  const ids = [...new Set(entry.orgIds ?? (entry.orgPath ? [nodeOfPath(entry.orgPath)] : []))].filter((id) => Number.isSafeInteger(id));
  await db
    .insertInto('audit_log')
    .values({
      user_id: entry.userId,
      username: entry.username,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId === undefined ? null : String(entry.targetId),
      org_path: entry.orgPath ?? null,
      org_ids: ids.length === 0 ? null : sql<number[]>`ARRAY[${sql.join(ids.map((id) => sql`${id}::bigint`))}]`,
      result: entry.result,
      ip: entry.ip,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

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

/**
 * How many successful entries of `action` the user wrote within the last `seconds` — optionally only those
 * whose detail has `masked` = false. Quotas count from the log itself, so they hold across restarts and servers.
 */
export async function countRecentEntries(
  db: Executor,
  f: { userId: number; action: string; seconds: number; unmaskedOnly?: boolean },
): Promise<number> {
  let query = db
    .selectFrom('audit_log')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', f.userId)
    .where('action', '=', f.action)
    .where('result', '=', 'ok')
    .where(sql<SqlBool>`at > now() - make_interval(secs => ${f.seconds})`);
  if (f.unmaskedOnly) query = query.where(sql<SqlBool>`detail->>'masked' = 'false'`);
  return (await query.executeTakeFirstOrThrow()).n;
}

/** Serialises quota checks of one user for one kind of reveal until the transaction ends. */
export async function lockUserQuota(tx: Executor, userId: number, kind: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${727100 + kind}::int, ${userId}::int)`.execute(tx);
}
