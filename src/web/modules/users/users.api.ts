import { AuditRecord } from '../../../common/audit.js';
import { pageOf } from '../../../common/paging.js';
import { User, type CreateUserBody, type GrantBody, type UpdateUserBody } from '../../../common/users.js';
import { api } from '../../app/api.js';

export type AuditFilter = {
  orgId?: number | undefined;
  action?: string | undefined;
  username?: string | undefined;
  result?: AuditRecord['result'] | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

export const usersApi = {
  list: (orgId: number | undefined, cursor: string | undefined, limit: number) =>
    api.get('/api/users', pageOf(User), { orgId, cursor, limit }),
  create: (body: CreateUserBody) => api.post('/api/users', User, body),
  update: (id: number, body: UpdateUserBody) => api.patch(`/api/users/${id}`, User, body),
  grant: (id: number, body: GrantBody) => api.post(`/api/users/${id}/grants`, User, body),
  revoke: (id: number, grantId: number) => api.del(`/api/users/${id}/grants/${grantId}`),
  audit: (filter: AuditFilter, cursor: string | undefined, limit: number) =>
    api.get('/api/audit', pageOf(AuditRecord), { ...filter, cursor, limit }),
  /** The filtered entries as an Excel file for auditors (the server names it with the node and the day). */
  exportAudit: (filter: AuditFilter) => api.download('/api/audit/export', filter, 'audit-log.xlsx'),
};
