import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import type { Actor } from '../../auth/scope.js';
import { scopeFor } from '../../auth/scope.js';
import { AppError, type ErrorCode } from '../../../common/errors.js';
import { countRecentEntries, insertAudit, listAudit, lockUserQuota, type AuditEntry } from './audit.repo.js';
import { findOrgPathInScope } from '../orgs/orgs.service.js';
import { listPage } from '../../http/list-page.js';
import type { AuditListQuery, AuditRecord } from '../../../common/audit.js';
import type { Page } from '../../../common/paging.js';

/**
 * Records a successful write; call inside the write's own transaction so both commit or neither.
 * The entry belongs to the target's node (`orgPath`), or to `orgIds` when given (a user's grant nodes);
 * with neither, to the actor's grant nodes.
 */
export async function recordWrite(
  tx: Executor,
  actor: Actor,
  action: string,
  target: { type: string; id: string | number; orgPath: string | null; orgIds?: readonly number[] },
  detail?: Record<string, unknown>,
): Promise<void> {
  await insertAudit(tx, {
    userId: actor.userId,
    username: actor.username,
    action,
    targetType: target.type,
    targetId: target.id,
    orgPath: target.orgPath,
    orgIds: target.orgIds ?? (target.orgPath ? undefined : actor.grants.map((g) => g.orgId)),
    result: 'ok',
    ip: actor.ip,
    detail,
  });
}

/** Records an attempt that was refused or failed; written on its own, outside any rolled-back transaction. */
export async function recordRefusal(db: Executor, entry: Omit<AuditEntry, 'result'> & { result: 'denied' | 'failed' }): Promise<void> {
  await insertAudit(db, entry);
}

/**
 * Refuses with `code` once the actor has `limit` successful `action` entries within `seconds`; call inside the
 * transaction that writes the new entry, which holds a per-user lock so parallel requests cannot overshoot.
 */
export async function assertQuota(
  tx: Transaction<DB>,
  actor: Actor,
  quota: { action: string; seconds: number; limit: number; unmaskedOnly?: boolean; code: ErrorCode },
): Promise<void> {
  await lockUserQuota(tx, actor.userId, quota.unmaskedOnly ? 1 : 0);
  const used = await countRecentEntries(tx, {
    userId: actor.userId,
    action: quota.action,
    seconds: quota.seconds,
    unmaskedOnly: quota.unmaskedOnly ?? false,
  });
  if (used >= quota.limit) throw new AppError(quota.code, { limit: quota.limit });
}

function asDetail(value: unknown): Record<string, unknown> | null {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
}

export async function listAuditEntries(db: Kysely<DB>, actor: Actor, query: AuditListQuery): Promise<Page<AuditRecord>> {
  const scope = scopeFor(actor, 'audit.read');
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const orgPath = query.orgId === undefined ? undefined : await findOrgPathInScope(db, scope, query.orgId);
  return listPage(query, {
    cursor: 'number',
    read: (cursor) =>
      listAudit(db, scope, {
        cursor,
        limit: query.limit,
        orgPath,
        actions: query.action,
        username: query.username,
        result: query.result,
        from: query.from,
        to: query.to,
      }),
    present: (rows) =>
      rows.map((r) => ({
        id: r.id,
        at: r.at,
        username: r.username,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        result: r.result,
        ip: r.ip,
        detail: asDetail(r.detail),
      })),
    sortKey: (last) => last.id,
  });
}
