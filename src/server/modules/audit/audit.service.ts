import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../auth/scope.js';
import { scopeFor } from '../../auth/scope.js';
import { AppError } from '../../../common/errors.js';
import { insertAudit, listAudit, type AuditEntry } from './audit.repo.js';
import { findOrgPathInScope } from '../orgs/orgs.service.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import type { AuditListQuery, AuditRecord } from '../../../common/audit.js';
import type { Page } from '../../../common/paging.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Records a successful write; call inside the write's own transaction so both commit or neither. */
export async function recordWrite(
  tx: Executor,
  actor: Actor,
  action: string,
  target: { type: string; id: string | number; orgPath: string | null },
  detail?: Record<string, unknown>,
): Promise<void> {
  await insertAudit(tx, {
    userId: actor.userId,
    username: actor.username,
    action,
    targetType: target.type,
    targetId: target.id,
    orgPath: target.orgPath,
    result: 'ok',
    ip: actor.ip,
    detail,
  });
}

/** Records an attempt that was refused or failed; written on its own, outside any rolled-back transaction. */
export async function recordRefusal(db: Executor, entry: Omit<AuditEntry, 'result'> & { result: 'denied' | 'failed' }): Promise<void> {
  await insertAudit(db, entry);
}

export async function listAuditEntries(db: Kysely<DB>, actor: Actor, query: AuditListQuery): Promise<Page<AuditRecord>> {
  const scope = scopeFor(actor, 'audit.read');
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const orgPath = query.orgId === undefined ? undefined : await findOrgPathInScope(db, scope, query.orgId);
  const rows = await listAudit(db, scope, { cursor: decodeCursor(query.cursor, 'number'), limit: query.limit, orgPath });
  const items = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    at: r.at,
    username: r.username,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    result: r.result,
    ip: r.ip,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null };
}
