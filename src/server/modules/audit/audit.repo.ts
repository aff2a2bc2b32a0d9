import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { inScope, type OrgScope } from '../../auth/scope.js';

type Executor = Kysely<DB> | Transaction<DB>;

export type AuditEntry = {
  userId: number | null;
  username: string | null;
  action: string;
  targetType?: string | undefined;
  targetId?: string | number | undefined;
  orgPath?: string | null | undefined;
  result: 'ok' | 'denied' | 'failed';
  ip: string | null;
  detail?: Record<string, unknown> | undefined;
};

export async function insertAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: entry.userId,
      username: entry.username,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId === undefined ? null : String(entry.targetId),
      org_path: entry.orgPath ?? null,
      result: entry.result,
      ip: entry.ip,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

/** Audit entries about the caller's subtree, newest first; entries without an organisation only for scopes at the root. */
export async function listAudit(
  db: Executor,
  scope: OrgScope,
  page: { cursor: number | undefined; limit: number; orgPath?: string | undefined },
) {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'username', 'action', 'target_type', 'target_id', 'result', 'ip', 'detail'])
    .where((eb) =>
      eb.or([
        inScope(scope, sql.ref('org_path')),
        scope.paths.some((p) => !p.includes('.')) ? sql<boolean>`org_path IS NULL` : sql<boolean>`false`,
      ]),
    )
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.orgPath) query = query.where(sql<boolean>`org_path <@ ${page.orgPath}::ltree`);
  if (page.cursor !== undefined) query = query.where('id', '<', page.cursor);
  return query.execute();
}
