import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { AppError, type ErrorCode } from '../../common/errors.js';
import { countRecentEntries, insertAudit, lockUserQuota, type AuditEntry } from './audit.store.js';

/** Who wrote: the parts of a signed-in cadre (auth's `Actor`) an entry records. */
export type AuditActor = {
  userId: number;
  username: string;
  ip: string | null;
  grants: readonly { orgId: number }[];
};

/**
 * Records a successful write; call inside the write's own transaction so both commit or neither.
 * The entry belongs to the target's node (`orgPath`), or to `orgIds` when given (a user's grant nodes);
 * with neither, to the actor's grant nodes.
 */
export async function recordWrite(
  tx: Executor,
  actor: AuditActor,
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
  actor: AuditActor,
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
