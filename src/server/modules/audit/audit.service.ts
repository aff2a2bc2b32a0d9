import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { AppError } from '../../../common/errors.js';
import { findOrgPathInScope } from '../orgs/orgs.service.js';
import { listPage } from '../../http/list-page.js';
import type { AuditListQuery, AuditRecord } from '../../../common/audit.js';
import type { Page } from '../../../common/paging.js';
import { listAudit } from './audit.repo.js';

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
