import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../db/executor.js';
import { nodeOfPath, regionOfPath } from '../auth/tree.js';

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
      // The region of the entry's org path; 0 for an entry with none (a sign-in).
      region_id: entry.orgPath ? regionOfPath(entry.orgPath) : 0,
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
